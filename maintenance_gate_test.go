package errorpage

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/a-h/templ"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/errorpage/errorpage/pages"
)

// maintNow is the fixed clock of the maintenance tests.
var maintNow = time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)

// maintSetup builds a middleware in maintenance mode with a fixed clock
// and returns its handler, the switch, and a counter of the requests that
// reached the inner handler.
func maintSetup(t *testing.T, o MaintenanceOptions, st MaintenanceState) (http.Handler, *Switch, *atomic.Int64, *Middleware) {
	t.Helper()
	sw := &Switch{}
	sw.Set(st)
	if o.Source == nil {
		o.Source = sw
	}
	m, _ := newTestMiddleware(t, Options{Maintenance: o})
	m.now = func() time.Time { return maintNow }
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
	h, _, calls, _ := maintSetup(t, MaintenanceOptions{}, MaintenanceState{})
	rec := record(h, httptest.NewRequest("GET", "/", nil))
	assert.Equal(t, 200, rec.Code)
	assert.Equal(t, "live site", rec.Body.String())
	assert.EqualValues(t, 1, calls.Load())
}

func TestMaintenanceEveryMethodGets503(t *testing.T) {
	h, _, calls, _ := maintSetup(t, MaintenanceOptions{}, MaintenanceState{On: true, Message: "Moving to a bigger database."})
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
		st         MaintenanceState
		o          MaintenanceOptions
		wantRetry  string // Retry-After, "" for none
		wantStatus int
		wantText   string
	}{
		{
			name:       "no end time, no retry: no Retry-After, back shortly",
			st:         MaintenanceState{On: true},
			wantStatus: 503, wantText: "We expect to be back shortly.",
		},
		{
			name:       "end time: HTTP-date",
			st:         MaintenanceState{On: true, Until: maintNow.Add(20 * time.Minute)},
			wantRetry:  "Mon, 23 Nov 2026 10:20:00 GMT",
			wantStatus: 503, wantText: "We expect to be back by 10:20 UTC (about 20 minutes).",
		},
		{
			name:       "end time in another zone is sent in GMT",
			st:         MaintenanceState{On: true, Until: maintNow.Add(time.Hour).In(time.FixedZone("CET", 3600))},
			wantRetry:  "Mon, 23 Nov 2026 11:00:00 GMT",
			wantStatus: 503,
		},
		{
			name:       "retry delay: seconds",
			st:         MaintenanceState{On: true, Retry: 5 * time.Minute},
			wantRetry:  "300",
			wantStatus: 503, wantText: "Please try again in about 5 minutes.",
		},
		{
			name:       "retry delay rounds up",
			st:         MaintenanceState{On: true, Retry: 1900 * time.Millisecond},
			wantRetry:  "2",
			wantStatus: 503,
		},
		{
			name:       "end time wins over retry",
			st:         MaintenanceState{On: true, Until: maintNow.Add(time.Hour), Retry: 5 * time.Minute},
			wantRetry:  "Mon, 23 Nov 2026 11:00:00 GMT",
			wantStatus: 503,
		},
		{
			name:       "past end time expires the window",
			st:         MaintenanceState{On: true, Until: maintNow.Add(-time.Second)},
			wantStatus: 200,
		},
		{
			name:       "end time now expires the window",
			st:         MaintenanceState{On: true, Until: maintNow},
			wantStatus: 200,
		},
		{
			name:       "NoExpiry: past end time keeps maintenance on, without Retry-After",
			st:         MaintenanceState{On: true, Until: maintNow.Add(-time.Hour)},
			o:          MaintenanceOptions{NoExpiry: true},
			wantStatus: 503, wantText: "We expect to be back shortly.",
		},
		{
			name:       "NoExpiry: past end time falls back to the retry delay",
			st:         MaintenanceState{On: true, Until: maintNow.Add(-time.Hour), Retry: time.Minute},
			o:          MaintenanceOptions{NoExpiry: true},
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
	h, _, calls, m := maintSetup(t, MaintenanceOptions{}, MaintenanceState{On: true, Until: maintNow.Add(30 * time.Minute)})
	clock := maintNow
	m.now = func() time.Time { return clock }
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
	h, _, _, _ := maintSetup(t, MaintenanceOptions{}, MaintenanceState{On: true, Message: "Upgrading <db>.", Until: maintNow.Add(20 * time.Minute)})

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
	h, _, _, _ := maintSetup(t, MaintenanceOptions{}, MaintenanceState{On: true})
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
					assert.Equal(t, text.Labels.Maintenance+": "+text.Maintenance.Title, first)
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
			st := MaintenanceState{On: true}
			if tt.until != 0 {
				st.Until = maintNow.Add(tt.until)
			}
			h, _, _, _ := maintSetup(t, MaintenanceOptions{Refresh: tt.refresh}, st)
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
	h, _, _, _ := maintSetup(t, MaintenanceOptions{Page: page}, MaintenanceState{On: true, Message: "Be right back", Until: maintNow.Add(time.Hour)})
	req := httptest.NewRequest("GET", "/", nil)
	req.Header.Set("Accept", "text/html")
	rec := record(h, req)
	assert.Equal(t, 503, rec.Code)
	assert.Equal(t, "<p>custom maintenance: We expect to be back by 11:00 UTC (about an hour).</p>", rec.Body.String())
	assert.True(t, got.Maintenance)
	assert.Equal(t, "Be right back", got.Text.Message)
}

func TestMaintenanceInFlightRequestFinishes(t *testing.T) {
	sw := &Switch{}
	m, _ := newTestMiddleware(t, Options{Maintenance: MaintenanceOptions{Source: sw}})
	entered, release := make(chan struct{}), make(chan struct{})
	h := m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(entered)
		<-release
		io.WriteString(w, "finished")
	}))
	done := make(chan *httptest.ResponseRecorder)
	go func() { done <- record(h, httptest.NewRequest("GET", "/", nil)) }()
	<-entered
	sw.Enable(MaintenanceState{})
	close(release)
	rec := <-done
	assert.Equal(t, 200, rec.Code, "a request past the gate finishes normally")
	assert.Equal(t, "finished", rec.Body.String())
	assert.Equal(t, 503, record(h, httptest.NewRequest("GET", "/", nil)).Code, "the next request sees the new state")
}

func TestMaintenanceOptionsValidation(t *testing.T) {
	src := &Switch{}
	tests := []struct {
		name    string
		o       MaintenanceOptions
		wantErr string
	}{
		{"no config at all", MaintenanceOptions{}, ""},
		{"everything valid", MaintenanceOptions{Source: src, Refresh: time.Minute, AllowPaths: []string{"/healthz"}, AllowPathPrefixes: []string{"/static/"},
			AllowNetworks: []string{"10.0.0.0/8", "2001:db8::/32", "192.0.2.7", "::1", "::ffff:10.1.0.0/112"}, TrustedProxies: []string{"127.0.0.1"},
			ProxyHeader: "forwarded", Secret: "s3cretS3cretS3cret-_.~", SecretHeader: "X-Smoke-Test", CookieName: "bypass", CookieLifetime: time.Hour}, ""},
		{"relative path", MaintenanceOptions{Source: src, AllowPaths: []string{"healthz"}}, `errorpage: Maintenance.AllowPaths: "healthz"`},
		{"relative prefix", MaintenanceOptions{Source: src, AllowPathPrefixes: []string{"static/"}}, "errorpage: Maintenance.AllowPathPrefixes"},
		{"bad network", MaintenanceOptions{Source: src, AllowNetworks: []string{"10.0.0.0/33"}}, "errorpage: Maintenance.AllowNetworks"},
		{"hostname network", MaintenanceOptions{Source: src, AllowNetworks: []string{"localhost"}}, "errorpage: Maintenance.AllowNetworks"},
		{"zoned address", MaintenanceOptions{Source: src, AllowNetworks: []string{"fe80::1%eth0"}}, "has a zone"},
		{"mapped range too wide", MaintenanceOptions{Source: src, AllowNetworks: []string{"::ffff:0:0/90"}}, "IPv4-mapped"},
		{"bad proxy", MaintenanceOptions{Source: src, TrustedProxies: []string{"10.0.0.1/"}}, "errorpage: Maintenance.TrustedProxies"},
		{"bad proxy header", MaintenanceOptions{Source: src, ProxyHeader: "X-Real-IP"}, "errorpage: Maintenance.ProxyHeader"},
		{"secret with a slash", MaintenanceOptions{Source: src, Secret: "a/b"}, "errorpage: Maintenance.Secret"},
		{"secret dot-dot", MaintenanceOptions{Source: src, Secret: ".."}, "errorpage: Maintenance.Secret"},
		{"bad secret header", MaintenanceOptions{Source: src, SecretHeader: "X Bypass"}, "errorpage: Maintenance.SecretHeader"},
		{"bad cookie name", MaintenanceOptions{Source: src, CookieName: "a;b"}, "errorpage: Maintenance.CookieName"},
		{"cookie lifetime too long", MaintenanceOptions{Source: src, CookieLifetime: 8 * 24 * time.Hour}, "errorpage: Maintenance.CookieLifetime"},
		{"cookie lifetime too short", MaintenanceOptions{Source: src, CookieLifetime: time.Second}, "errorpage: Maintenance.CookieLifetime"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(Options{Maintenance: tt.o})
			if tt.wantErr == "" {
				assert.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.wantErr)
			assert.True(t, strings.HasPrefix(err.Error(), "errorpage: "), "got %q, want the errorpage: prefix", err)
		})
	}
}

func TestMaintenancePathBypass(t *testing.T) {
	o := MaintenanceOptions{AllowPaths: []string{"/healthz", "/robots.txt"}, AllowPathPrefixes: []string{"/static/"}}
	h, _, _, _ := maintSetup(t, o, MaintenanceState{On: true})
	tests := []struct {
		path string
		want int
	}{
		{"/healthz", 200},
		{"/robots.txt", 200},
		{"/healthz/", 503},
		{"/healthzz", 503},
		{"/HEALTHZ", 503},
		{"/static/app.css", 200},
		{"/static/", 200},
		{"/static", 503},
		{"/staticfoo", 503},
		{"/static/../admin", 503},
		{"/static/%2e%2e/admin", 503},
		{"/static//x", 503},
		{"/", 503},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			req := httptest.NewRequest("GET", "http://example.test"+tt.path, nil)
			assert.Equal(t, tt.want, record(h, req).Code, "GET %s", tt.path)
		})
	}
}

// TestMaintenancePathBypassDecidesOnTheEscapedPath: a path is allowed only
// if its decoded and its escaped forms both match, verbatim, since routers
// route on one or the other ("/static%2Fsite.css" is one segment to
// ServeMux; "/%73tatic/" is not "/static/" to chi).
func TestMaintenancePathBypassDecidesOnTheEscapedPath(t *testing.T) {
	o := MaintenanceOptions{AllowPaths: []string{"/healthz", "/my file"}, AllowPathPrefixes: []string{"/static/"}}
	h, _, _, _ := maintSetup(t, o, MaintenanceState{On: true})
	tests := []struct {
		path string
		want int
	}{
		{"/static/site.css", 200},
		{"/static/my%20site.css", 200},
		{"/static/a%2Fb.css", 200},
		{"/my%20file", 200},
		{"/static%2Fsite.css", 503},
		{"/static%2fsite.css", 503},
		{"/%73tatic/site.css", 503},
		{"/st%61tic/site.css", 503},
		{"/static/..%2Fadmin", 503},
		{"/static%252Fsite.css", 503},
		{"/static/%252e%252e/admin", 503},
		{"/health%7A", 503},
		{"/my%20fil%65", 503},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			req := httptest.NewRequest("GET", "http://example.test"+tt.path, nil)
			assert.Equal(t, tt.want, record(h, req).Code, "GET %s", tt.path)
		})
	}
}
