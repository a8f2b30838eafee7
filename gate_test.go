package errorpage

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/a-h/templ"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/errorpage/errorpage/maintenance"
	"github.com/errorpage/errorpage/pages"
)

// maintNow is the fixed clock of the maintenance tests.
var maintNow = time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)

// maintSetup builds a middleware in maintenance mode with a fixed clock
// and returns its handler, the switch, and a counter of the requests that
// reached the inner handler.
func maintSetup(t *testing.T, o maintenance.Options, st maintenance.State) (http.Handler, *maintenance.Switch, *atomic.Int64, *Middleware) {
	t.Helper()
	sw := &maintenance.Switch{}
	sw.Set(st)
	if o.Source == nil {
		o.Source = sw
	}
	m, _ := newTestMiddleware(t, Options{Maintenance: o})
	setClock(m, func() time.Time { return maintNow })
	var calls atomic.Int64
	h := m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		io.WriteString(w, "live site")
	}))
	return h, sw, &calls, m
}

// record serves one request through h in memory.
func record(h http.Handler, r *http.Request) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, r)
	return rec
}

func TestMaintenanceOffPassesThrough(t *testing.T) {
	h, _, calls, _ := maintSetup(t, maintenance.Options{}, maintenance.State{})
	rec := record(h, httptest.NewRequest("GET", "/", nil))
	assert.Equal(t, 200, rec.Code)
	assert.Equal(t, "live site", rec.Body.String())
	assert.EqualValues(t, 1, calls.Load())
}

func TestMaintenanceEveryMethodGets503(t *testing.T) {
	h, _, calls, _ := maintSetup(t, maintenance.Options{}, maintenance.State{On: true, Message: "Moving to a bigger database."})
	srv := serve(t, h)
	for _, method := range []string{"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"} {
		t.Run(method, func(t *testing.T) {
			req, err := http.NewRequest(method, srv.URL+"/some/page", strings.NewReader("body"))
			require.NoError(t, err)
			req.Header.Set("Accept", "text/html")
			res, err := srv.Client().Do(req)
			require.NoError(t, err)
			body, _ := io.ReadAll(res.Body)
			res.Body.Close()
			assert.Equal(t, 503, res.StatusCode, "got %d, want 503 (no redirects, whatever the method)", res.StatusCode)
			assert.Equal(t, "no-store", res.Header.Get("Cache-Control"))
			assert.Equal(t, "text/html; charset=utf-8", res.Header.Get("Content-Type"))
			if method == "HEAD" {
				assert.Empty(t, body, "HEAD gets no body")
			} else {
				assert.Contains(t, string(body), "Moving to a bigger database.")
				assert.Contains(t, string(body), "We expect to be back shortly.", "no end time: the BackSoon sentence")
			}
		})
	}
	assert.Zero(t, calls.Load(), "the handler is never called during maintenance")
}

func TestMaintenanceRetryAfter(t *testing.T) {
	tests := []struct {
		name       string
		st         maintenance.State
		o          maintenance.Options
		wantRetry  string // Retry-After, "" for none
		wantStatus int
		wantText   string
	}{
		{
			name:       "no end time, no retry: no Retry-After, back shortly",
			st:         maintenance.State{On: true},
			wantStatus: 503, wantText: "We expect to be back shortly.",
		},
		{
			name:       "end time: HTTP-date",
			st:         maintenance.State{On: true, Until: maintNow.Add(20 * time.Minute)},
			wantRetry:  "Mon, 23 Nov 2026 10:20:00 GMT",
			wantStatus: 503, wantText: "We expect to be back by 10:20 UTC (about 20 minutes).",
		},
		{
			name:       "end time in another zone is sent in GMT",
			st:         maintenance.State{On: true, Until: maintNow.Add(time.Hour).In(time.FixedZone("CET", 3600))},
			wantRetry:  "Mon, 23 Nov 2026 11:00:00 GMT",
			wantStatus: 503,
		},
		{
			name:       "retry delay: seconds",
			st:         maintenance.State{On: true, Retry: 5 * time.Minute},
			wantRetry:  "300",
			wantStatus: 503, wantText: "Please try again in about 5 minutes.",
		},
		{
			name:       "retry delay rounds up",
			st:         maintenance.State{On: true, Retry: 1900 * time.Millisecond},
			wantRetry:  "2",
			wantStatus: 503,
		},
		{
			name:       "end time wins over retry",
			st:         maintenance.State{On: true, Until: maintNow.Add(time.Hour), Retry: 5 * time.Minute},
			wantRetry:  "Mon, 23 Nov 2026 11:00:00 GMT",
			wantStatus: 503,
		},
		{
			name:       "past end time expires the window",
			st:         maintenance.State{On: true, Until: maintNow.Add(-time.Second)},
			wantStatus: 200,
		},
		{
			name:       "end time now expires the window",
			st:         maintenance.State{On: true, Until: maintNow},
			wantStatus: 200,
		},
		{
			name:       "NoExpiry: past end time keeps maintenance on, without Retry-After",
			st:         maintenance.State{On: true, Until: maintNow.Add(-time.Hour)},
			o:          maintenance.Options{NoExpiry: true},
			wantStatus: 503, wantText: "We expect to be back shortly.",
		},
		{
			name:       "NoExpiry: past end time falls back to the retry delay",
			st:         maintenance.State{On: true, Until: maintNow.Add(-time.Hour), Retry: time.Minute},
			o:          maintenance.Options{NoExpiry: true},
			wantRetry:  "60",
			wantStatus: 503,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, _, _, _ := maintSetup(t, tt.o, tt.st)
			req := httptest.NewRequest("GET", "/", nil)
			req.Header.Set("Accept", "text/plain")
			rec := record(h, req)
			require.Equal(t, tt.wantStatus, rec.Code)
			if tt.wantStatus != 503 {
				return
			}
			assert.Equal(t, tt.wantRetry, rec.Header().Get("Retry-After"))
			assert.Contains(t, rec.Body.String(), tt.wantText)
		})
	}
}

func TestMaintenanceWindowDrivenByClock(t *testing.T) {
	h, _, calls, m := maintSetup(t, maintenance.Options{}, maintenance.State{On: true, Until: maintNow.Add(30 * time.Minute)})
	clock := maintNow
	setClock(m, func() time.Time { return clock })
	steps := []struct {
		at   time.Duration
		want int
	}{{0, 503}, {29*time.Minute + 59*time.Second, 503}, {30 * time.Minute, 200}, {time.Hour, 200}}
	for _, s := range steps {
		clock = maintNow.Add(s.at)
		rec := record(h, httptest.NewRequest("GET", "/", nil))
		assert.Equal(t, s.want, rec.Code, "at +%v: got %d, want %d", s.at, rec.Code, s.want)
	}
	assert.EqualValues(t, 2, calls.Load())
}

func TestMaintenanceFormats(t *testing.T) {
	h, _, _, _ := maintSetup(t, maintenance.Options{}, maintenance.State{On: true, Message: "Upgrading <db>.", Until: maintNow.Add(20 * time.Minute)})

	t.Run("problem+json carries the retry information", func(t *testing.T) {
		req := httptest.NewRequest("GET", "/api/x", nil)
		req.Header.Set("Accept", "application/json")
		rec := record(h, req)
		require.Equal(t, 503, rec.Code)
		assert.Equal(t, "application/problem+json", rec.Header().Get("Content-Type"))
		var p map[string]any
		require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &p))
		assert.EqualValues(t, 503, p["status"])
		assert.Equal(t, "Upgrading <db>.", p["detail"])
		assert.EqualValues(t, 1200, p["retry_after"])
		assert.Equal(t, "2026-11-23T10:20:00Z", p["until"])
		assert.Equal(t, "/api/x", p["instance"])
	})
	t.Run("text/plain", func(t *testing.T) {
		rec := record(h, httptest.NewRequest("GET", "/", nil))
		assert.Equal(t, "text/plain; charset=utf-8", rec.Header().Get("Content-Type"))
		assert.Contains(t, rec.Body.String(), "Upgrading <db>.")
		assert.Contains(t, rec.Body.String(), "back by 10:20 UTC")
	})
	t.Run("HTML is the maintenance page, escaped", func(t *testing.T) {
		req := httptest.NewRequest("GET", "/", nil)
		req.Header.Set("Accept", "text/html")
		rec := record(h, req)
		body := rec.Body.String()
		assert.Contains(t, body, "Upgrading &lt;db&gt;.")
		assert.Contains(t, body, "We expect to be back by 10:20 UTC (about 20 minutes).")
		assert.NotContains(t, body, "<script", "readable without JavaScript")
		assert.Equal(t, "60", rec.Header().Get("Refresh"), "the page reloads itself: Refresh every minute by default")
	})
}

// TestMaintenanceNotCalledAnError: planned maintenance is headed as what it
// is, in every format and every built-in language, never "Error 503".
func TestMaintenanceNotCalledAnError(t *testing.T) {
	h, _, _, _ := maintSetup(t, maintenance.Options{}, maintenance.State{On: true})
	for _, text := range pages.Languages() {
		t.Run(text.Tag, func(t *testing.T) {
			errorCode := strings.ReplaceAll(text.Labels.ErrorCode, "{status}", "503")
			for _, accept := range []string{"text/plain", "text/html"} {
				req := httptest.NewRequest("GET", "/", nil)
				req.Header.Set("Accept", accept)
				req.Header.Set("Accept-Language", text.Tag)
				body := record(h, req).Body.String()
				assert.NotContains(t, body, errorCode, "%s answer", accept)
				assert.Contains(t, body, text.Labels.Maintenance, "%s answer", accept)
				if accept == "text/plain" {
					first, _, _ := strings.Cut(body, "\n")
					assert.Equal(t, text.Labels.Maintenance+text.Labels.Colon+text.Maintenance.Title, first)
				}
			}
		})
	}
}

func TestMaintenanceRefresh(t *testing.T) {
	tests := []struct {
		name    string
		refresh time.Duration
		until   time.Duration
		accept  string
		want    string
	}{
		{"default: every minute", 0, time.Hour, "text/html", "60"},
		{"HTML gets the interval", 5 * time.Minute, time.Hour, "text/html", "300"},
		{"HTML gets the time left when shorter", 0, 10 * time.Second, "text/html", "10"},
		{"no end time: the interval", 0, 0, "text/html", "60"},
		{"negative: none", -1, time.Hour, "text/html", ""},
		{"JSON never gets Refresh", 0, time.Hour, "application/json", ""},
		{"plain text never gets Refresh", 0, time.Hour, "text/plain", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := maintenance.State{On: true}
			if tt.until != 0 {
				st.Until = maintNow.Add(tt.until)
			}
			h, _, _, _ := maintSetup(t, maintenance.Options{Refresh: tt.refresh}, st)
			req := httptest.NewRequest("GET", "/", nil)
			req.Header.Set("Accept", tt.accept)
			rec := record(h, req)
			assert.Equal(t, tt.want, rec.Header().Get("Refresh"))
		})
	}
}

func TestMaintenanceCustomPage(t *testing.T) {
	var got pages.Model
	page := func(m pages.Model) templ.Component {
		got = m
		return templ.ComponentFunc(func(ctx context.Context, w io.Writer) error {
			_, err := io.WriteString(w, "<p>custom maintenance: "+m.Retry+"</p>")
			return err
		})
	}
	var sw maintenance.Switch
	sw.Enable(maintenance.State{Message: "Be right back", Until: maintNow.Add(time.Hour)})
	m, _ := newTestMiddleware(t, Options{Maintenance: maintenance.Options{Source: &sw}, MaintenancePage: page})
	setClock(m, func() time.Time { return maintNow })
	h := m.Handler(http.NotFoundHandler())
	req := httptest.NewRequest("GET", "/", nil)
	req.Header.Set("Accept", "text/html")
	rec := record(h, req)
	assert.Equal(t, 503, rec.Code)
	assert.Equal(t, "<p>custom maintenance: We expect to be back by 11:00 UTC (about an hour).</p>", rec.Body.String())
	assert.True(t, got.Maintenance)
	assert.Equal(t, "Be right back", got.Text.Message)
}

func TestMaintenanceInFlightRequestFinishes(t *testing.T) {
	sw := &maintenance.Switch{}
	m, _ := newTestMiddleware(t, Options{Maintenance: maintenance.Options{Source: sw}})
	entered, release := make(chan struct{}), make(chan struct{})
	h := m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(entered)
		<-release
		io.WriteString(w, "finished")
	}))
	done := make(chan *httptest.ResponseRecorder)
	go func() { done <- record(h, httptest.NewRequest("GET", "/", nil)) }()
	<-entered
	sw.Enable(maintenance.State{})
	close(release)
	rec := <-done
	assert.Equal(t, 200, rec.Code, "a request past the gate finishes normally")
	assert.Equal(t, "finished", rec.Body.String())
	assert.Equal(t, 503, record(h, httptest.NewRequest("GET", "/", nil)).Code, "the next request sees the new state")
}

// TestMaintenanceWrongSecretLooksLikeAnyPath checks that nothing tells a
// wrong guess from any other path.
func TestMaintenanceWrongSecretLooksLikeAnyPath(t *testing.T) {
	h, _, _, _ := maintSetup(t, maintenance.Options{}, maintenance.State{On: true, Secret: "s3cretS3cretS3cret"})
	reference := record(h, htmlRequest("/some/page"))
	for _, p := range []string{"/s3cre", "/s3cretS3cretS3cret/", "/S3CRET", "/s3cretS3cretS3cretx", "//s3cretS3cretS3cret", "/x/s3cretS3cretS3cret"} {
		t.Run(p, func(t *testing.T) {
			rec := record(h, htmlRequest(p))
			assert.Equal(t, 503, rec.Code)
			assert.Empty(t, rec.Result().Cookies())
			assert.Equal(t, reference.Body.String(), rec.Body.String())
			assert.Equal(t, reference.Header(), rec.Header())
		})
	}
}

func htmlRequest(path string) *http.Request {
	r := httptest.NewRequest("GET", "http://example.test"+path, nil)
	r.Header.Set("Accept", "text/html")
	// A fixed ID: without one, each page shows an ID of its own.
	r.Header.Set("X-Request-Id", "req-1")
	return r
}

// TestMaintenanceSecretHeaderDoesNotReachTheHandler: the secret header is
// taken off the request the handler sees, whether maintenance is on (and
// the header let the request in) or off, and the map of the request the
// caller holds is left as it was.
func TestMaintenanceSecretHeaderDoesNotReachTheHandler(t *testing.T) {
	const secret = "s3cretS3cretS3cret-s3cretS3cretS3cret-s3cretS3cretS3cret"
	for _, c := range []struct {
		on       bool
		withFlag bool // a Switch is asked On() first; a Source of the user's is not
	}{{true, true}, {false, true}, {true, false}, {false, false}} {
		on := c.on
		var sw maintenance.Switch
		sw.Set(maintenance.State{On: on, Secret: secret})
		var src maintenance.Source = &sw
		if !c.withFlag {
			src = stateOnly{&sw}
		}
		m, _ := newTestMiddleware(t, Options{Maintenance: maintenance.Options{Source: src}})
		var seen http.Header
		h := m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { seen = r.Header }))
		req := httptest.NewRequest("GET", "/", nil)
		req.Header.Set("X-Maintenance-Bypass", secret)
		req.Header.Set("X-Other", "kept")
		outer := req.Header
		rec := record(h, req)
		require.Equal(t, http.StatusOK, rec.Code, "maintenance on=%v", on)
		require.NotNil(t, seen)
		assert.Empty(t, seen.Values("X-Maintenance-Bypass"), "maintenance on=%v: the handler got the secret header", on)
		assert.Equal(t, "kept", seen.Get("X-Other"))
		assert.Equal(t, secret, outer.Get("X-Maintenance-Bypass"), "the caller's header map must not change under it")
	}
}

// scheduledSource embeds a Switch but decides State itself: on while
// its own schedule says so, whatever the switch says.
type scheduledSource struct {
	*maintenance.Switch
	scheduled bool
}

func (s scheduledSource) State() maintenance.State {
	if s.scheduled {
		return maintenance.State{On: true, Message: "scheduled"}
	}
	return s.Switch.State()
}

// TestGate_SourceEmbeddingASwitchIsAskedForItsState: the quick "is it
// on?" of a Switch must not stand in for the State of a type that embeds
// one and decides State itself (its promoted On would say "off").
func TestGate_SourceEmbeddingASwitchIsAskedForItsState(t *testing.T) {
	src := scheduledSource{Switch: &maintenance.Switch{}, scheduled: true}
	m, _ := newTestMiddleware(t, Options{Maintenance: maintenance.Options{Source: src}})
	rec := record(m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "live")
	})), httptest.NewRequest("GET", "/", nil))
	assert.Equal(t, http.StatusServiceUnavailable, rec.Code, "the source's own State says maintenance is on")
	assert.Contains(t, rec.Body.String(), "scheduled")
}

// stateOnly is a Source with nothing but State.
type stateOnly struct{ src maintenance.Source }

func (s stateOnly) State() maintenance.State { return s.src.State() }

// TestGate_SwitchTogglingUnderLoad serves thousands of requests on a real
// server while the switch flips; run it with -race. Every answer must be
// either the live page or the whole maintenance page, never a mix.
func TestGate_SwitchTogglingUnderLoad(t *testing.T) {
	sw := &maintenance.Switch{}
	m, _ := newTestMiddleware(t, Options{Maintenance: maintenance.Options{Source: sw}})
	srv := serve(t, m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "live site")
	})))
	tr := &http.Transport{MaxIdleConnsPerHost: 64}
	t.Cleanup(tr.CloseIdleConnections)
	client := &http.Client{Transport: tr, Timeout: 30 * time.Second}

	stop := make(chan struct{})
	var toggles sync.WaitGroup
	for i := range 2 {
		toggles.Add(1)
		go func() {
			defer toggles.Done()
			for n := 0; ; n++ {
				select {
				case <-stop:
					return
				default:
				}
				if (n+i)%2 == 0 {
					sw.Enable(maintenance.State{Message: "toggled", Retry: time.Minute})
				} else {
					sw.Disable()
				}
				_ = sw.Changed()
				// Flip often, but leave the CPU to the requests.
				time.Sleep(20 * time.Microsecond)
			}
		}()
	}

	const workers, perWorker = 32, 100
	var live, down, wrong atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range perWorker {
				res, err := client.Get(srv.URL + "/")
				if err != nil {
					wrong.Add(1)
					continue
				}
				body, _ := io.ReadAll(res.Body)
				res.Body.Close()
				switch {
				case res.StatusCode == 200 && string(body) == "live site":
					live.Add(1)
				case res.StatusCode == 503 && strings.Contains(string(body), "toggled") && res.Header.Get("Retry-After") == "60":
					down.Add(1)
				default:
					wrong.Add(1)
				}
			}
		}()
	}
	wg.Wait()
	close(stop)
	toggles.Wait()
	assert.Zero(t, wrong.Load(), "every answer is the live page or the whole maintenance page")
	assert.EqualValues(t, workers*perWorker, live.Load()+down.Load())
	t.Logf("%d live, %d maintenance", live.Load(), down.Load())
}

// TestGate_RetryAfterDateRoundsUp: an end time with a fractional second
// (the admin handler and the trigger file take RFC 3339 with fractions)
// is sent as an HTTP-date rounded up, never down: Until 10:20:00.9 must
// not tell clients to come back 0.9 s before the window ends.
func TestGate_RetryAfterDateRoundsUp(t *testing.T) {
	until := maintNow.Add(20*time.Minute + 900*time.Millisecond)
	h, _, _, _ := maintSetup(t, maintenance.Options{}, maintenance.State{On: true, Until: until})
	rec := record(h, httptest.NewRequest("GET", "/", nil))
	at, err := http.ParseTime(rec.Header().Get("Retry-After"))
	require.NoError(t, err)
	assert.False(t, at.Before(until), "got Retry-After %q, before the window's end %s", rec.Header().Get("Retry-After"), until.Format(time.RFC3339Nano))
}

// TestGate_FarUntilIsNotAboutASecond: an end time beyond ~292 years
// saturates until.Sub(now); the page must not say "(about a second)".
func TestGate_FarUntilIsNotAboutASecond(t *testing.T) {
	until := time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)
	h, _, _, _ := maintSetup(t, maintenance.Options{}, maintenance.State{On: true, Until: until})
	rec := record(h, httptest.NewRequest("GET", "/", nil))
	assert.NotContains(t, rec.Body.String(), "about a second", "page for a window ending in year 9999")
}

// TestGate_OptionsAreCheckedByNew: New reports a bad bypass option with
// the field's name (every option: internal/bypass TestNew_Validation),
// and only when there is a source.
func TestGate_OptionsAreCheckedByNew(t *testing.T) {
	_, err := New(Options{Maintenance: maintenance.Options{Source: &maintenance.Switch{}, AllowPaths: []string{"healthz"}}})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `errorpage: Maintenance.AllowPaths: "healthz"`)
	_, err = New(Options{Maintenance: maintenance.Options{Source: &maintenance.Switch{}, Secret: "s3cret"}})
	require.Error(t, err)
	assert.NotContains(t, err.Error(), "s3cret")
	_, err = New(Options{Maintenance: maintenance.Options{AllowPaths: []string{"healthz"}}})
	assert.NoError(t, err, "without a source, maintenance mode is off and its options unused")
}

// TestGate_MaintenancePageConstructorPanicKeepsTheStatus guards a custom
// maintenance page that panics while it is built (a nil-map write): the
// visitor still gets the 503, with the built-in page.
func TestGate_MaintenancePageConstructorPanicKeepsTheStatus(t *testing.T) {
	var sw maintenance.Switch
	sw.Enable(maintenance.State{})
	m, _ := newTestMiddleware(t, Options{
		Maintenance: maintenance.Options{Source: &sw},
		MaintenancePage: func(pm pages.Model) templ.Component {
			var byStatus map[int]templ.Component
			byStatus[pm.Status] = nil // a nil-map write while building the component
			return pages.Maintenance(pm)
		},
	})
	srv := serve(t, m.Handler(http.NotFoundHandler()))
	req, _ := http.NewRequest("GET", srv.URL, nil)
	req.Header.Set("Accept", "text/html")
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatalf("client got no response at all: %v (want 503 with the built-in maintenance page)", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable {
		t.Fatalf("got status %d, want 503", resp.StatusCode)
	}
}

// windowSetup is maintSetup with a clock the test moves, and a handler
// that answers with what the gate told it: "upcoming", "read-only" or
// "live site".
func windowSetup(t *testing.T, o maintenance.Options, st maintenance.State) (http.Handler, *time.Time, *logBuffer) {
	t.Helper()
	sw := &maintenance.Switch{}
	sw.Set(st)
	o.Source = sw
	m, logs := newTestMiddleware(t, Options{Maintenance: o})
	now := maintNow
	setClock(m, func() time.Time { return now })
	h := m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case maintenance.ReadOnly(r):
			io.WriteString(w, "read-only")
		default:
			if _, ok := maintenance.Upcoming(r); ok {
				io.WriteString(w, "upcoming")
				return
			}
			io.WriteString(w, "live site")
		}
	}))
	return h, &now, logs
}

func TestGate_ScheduledWindowAcrossTimeZonesAndDST(t *testing.T) {
	// The window is given in New York time across the end of daylight
	// saving (1 Nov 2026, 02:00 EDT → 01:00 EST): 01:30 happens twice
	// there, and Go's time.Date picks the first (EDT). What counts is the
	// instant, whatever zone the document or the server clock is in.
	ny, err := time.LoadLocation("America/New_York")
	require.NoError(t, err)
	tokyo, err := time.LoadLocation("Asia/Tokyo")
	require.NoError(t, err)
	start := time.Date(2026, 11, 1, 1, 30, 0, 0, ny) // 05:30 UTC
	until := start.Add(2 * time.Hour)                // 07:30 UTC, 02:30 EST
	require.Equal(t, time.Date(2026, 11, 1, 5, 30, 0, 0, time.UTC), start.UTC())

	// Round-trip through the document, as a fleet would read it.
	doc, err := json.Marshal(maintenance.State{On: true, Start: start, Until: until})
	require.NoError(t, err)
	var st maintenance.State
	require.NoError(t, json.Unmarshal(doc, &st))

	h, now, _ := windowSetup(t, maintenance.Options{}, st)
	for _, tc := range []struct {
		name string
		at   time.Time
		want string
		code int
	}{
		{"an hour before, in Tokyo", start.Add(-time.Hour).In(tokyo), "upcoming", 200},
		{"a nanosecond before, in New York", start.Add(-1).In(ny), "upcoming", 200},
		{"at the start, in UTC", start.UTC(), "", 503},
		{"the second 01:30 in New York (EST), inside", time.Date(2026, 11, 1, 1, 30, 0, 0, ny).Add(time.Hour), "", 503},
		{"a nanosecond before the end, in Tokyo", until.Add(-1).In(tokyo), "", 503},
		{"at the end", until.In(ny), "live site", 200},
	} {
		t.Run(tc.name, func(t *testing.T) {
			*now = tc.at
			rec := record(h, httptest.NewRequest("GET", "/", nil))
			assert.Equal(t, tc.code, rec.Code, "got %d, want %d at %s", rec.Code, tc.code, tc.at)
			if tc.want != "" {
				assert.Equal(t, tc.want, rec.Body.String())
			}
		})
	}
}

func TestGate_ReadOnlyPerMethod(t *testing.T) {
	h, _, _ := windowSetup(t, maintenance.Options{}, maintenance.State{On: true, ReadOnly: true, Message: "Migrating"})
	for _, tc := range []struct {
		method string
		header []string
		pass   bool
	}{
		{"GET", nil, true},
		{"HEAD", nil, true},
		{"OPTIONS", []string{"Origin", "https://app.example", "Access-Control-Request-Method", "POST"}, true}, // CORS preflight
		{"POST", nil, false},
		{"PUT", nil, false},
		{"PATCH", nil, false},
		{"DELETE", nil, false},
		{"PROPFIND", nil, false}, // unknown to RFC 9110: unsafe
		{"get", nil, false},      // methods are case-sensitive
		{"CONNECT", nil, false},
	} {
		t.Run(tc.method, func(t *testing.T) {
			r := httptest.NewRequest(tc.method, "/orders", nil)
			r.Header.Set("Accept", "application/json")
			for i := 0; i+1 < len(tc.header); i += 2 {
				r.Header.Set(tc.header[i], tc.header[i+1])
			}
			rec := record(h, r)
			if tc.pass {
				assert.Equal(t, 200, rec.Code)
				if tc.method != "HEAD" {
					assert.Equal(t, "read-only", rec.Body.String(), "the handler is told the site is read-only")
				}
				return
			}
			assert.Equal(t, 503, rec.Code, "got %d, want 503 for %s", rec.Code, tc.method)
			assert.Equal(t, "application/problem+json", rec.Header().Get("Content-Type"))
			assert.Contains(t, rec.Body.String(), "Migrating")
		})
	}
}

func TestGate_ScopesWithEncodedPaths(t *testing.T) {
	h, _, _ := windowSetup(t, maintenance.Options{}, maintenance.State{On: true, Paths: []string{"/billing/"}, Hosts: []string{"shop.example.com"}})
	for _, tc := range []struct {
		name, host, target string
		blocked            bool
	}{
		{"in scope", "shop.example.com", "/billing/invoices", true},
		{"the prefix without its slash", "shop.example.com", "/billing", true},
		{"host with port and upper case", "SHOP.example.com:8443", "/billing/x", true},
		{"encoded letter", "shop.example.com", "/%62illing/x", true},
		{"encoded slash", "shop.example.com", "/billing%2Fx", true},
		{"dot segments", "shop.example.com", "/shop/../billing/x", true},
		{"double slash", "shop.example.com", "//billing/x", true},
		{"double encoding", "shop.example.com", "/%2562illing/x", true},
		{"another path", "shop.example.com", "/shop/cart", false},
		{"a longer name", "shop.example.com", "/billingreport", false},
		{"another host", "blog.example.com", "/billing/x", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := httptest.NewRequest("GET", tc.target, nil)
			r.Host = tc.host
			rec := record(h, r)
			if tc.blocked {
				assert.Equal(t, 503, rec.Code, "got %d, want 503 for %s%s", rec.Code, tc.host, tc.target)
			} else {
				assert.Equal(t, 200, rec.Code, "got %d, want 200 for %s%s", rec.Code, tc.host, tc.target)
			}
		})
	}
}

func TestGate_BypassHook(t *testing.T) {
	staff := func(r *http.Request) bool {
		switch r.Header.Get("X-Staff") {
		case "yes":
			return true
		case "boom":
			panic("hook failed: token=hunter2")
		}
		return false
	}
	var asked atomic.Int64
	h, _, logs := windowSetup(t, maintenance.Options{
		AllowPaths: []string{"/healthz"},
		Bypass:     func(r *http.Request) bool { asked.Add(1); return staff(r) },
	}, maintenance.State{On: true})

	rec := record(h, httptest.NewRequest("GET", "/healthz", nil))
	assert.Equal(t, 200, rec.Code)
	assert.EqualValues(t, 0, asked.Load(), "the hook is asked after the built-in bypasses, not for what they let in")

	r := httptest.NewRequest("GET", "/", nil)
	r.Header.Set("X-Staff", "yes")
	assert.Equal(t, 200, record(h, r).Code, "staff get through")
	assert.Equal(t, 503, record(h, httptest.NewRequest("GET", "/", nil)).Code, "visitors do not")

	for range 3 {
		r := httptest.NewRequest("GET", "/", nil)
		r.Header.Set("X-Staff", "boom")
		assert.Equal(t, 503, record(h, r).Code, "a panicking hook is no bypass")
	}
	assert.Equal(t, 1, strings.Count(logs.String(), "Maintenance.Bypass panicked"), "logged once: %s", logs)
	assert.NotContains(t, logs.String(), "hunter2", "the panic value stays out of the log")
}

func TestGate_MessagePerLanguage(t *testing.T) {
	h, _, _ := windowSetup(t, maintenance.Options{}, maintenance.State{On: true, Message: "fallback",
		Messages: map[string]string{"en": "Back at three", "de": "Um drei zurück", "pt": "Volta às três"}})
	for _, tc := range []struct{ accept, want string }{
		{"de-CH, en;q=0.5", "Um drei zurück"},
		{"pt-BR", "Volta às três"}, // the base language's message
		{"fr", "Back at three"},    // French page, the default language's message
		{"", "Back at three"},
	} {
		r := httptest.NewRequest("GET", "/", nil)
		r.Header.Set("Accept", "text/plain")
		r.Header.Set("Accept-Language", tc.accept)
		rec := record(h, r)
		assert.Equal(t, 503, rec.Code)
		assert.Contains(t, rec.Body.String(), tc.want, "Accept-Language %q", tc.accept)
	}
}

// TestGate_BannerSpeaksThePagesLanguage guards one language decision per
// request: the notice carries the language the middleware's own rule
// chose, and the banner uses it, so it never speaks another language than
// the maintenance page would ("*" above French means the default).
func TestGate_BannerSpeaksThePagesLanguage(t *testing.T) {
	sw := &maintenance.Switch{}
	sw.Set(maintenance.State{On: true, Start: maintNow.Add(time.Hour), Until: maintNow.Add(2 * time.Hour)})
	m, _ := newTestMiddleware(t, Options{Maintenance: maintenance.Options{Source: sw}})
	setClock(m, func() time.Time { return maintNow })
	var got pages.Banner
	var notice maintenance.Notice
	h := m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		notice, _ = maintenance.NoticeFor(r)
		got = pages.BannerFor(r, nil)
	}))
	for accept, want := range map[string]string{"*, fr;q=0.5": "en", "de-CH, fr;q=0.5": "de", "fr": "fr"} {
		r := httptest.NewRequest("GET", "/", nil)
		r.Header.Set("Accept-Language", accept)
		h.ServeHTTP(httptest.NewRecorder(), r)
		assert.Equal(t, want, notice.Language, "Accept-Language %q: the notice's language", accept)
		assert.Equal(t, want, got.Text.Tag, "Accept-Language %q: the banner's language", accept)
	}
}
