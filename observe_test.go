package errorpage

import (
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/errorpage/errorpage/maintenance"
)

// observed collects the events an observer gets.
type observed struct {
	mu     sync.Mutex
	events []Event
}

func (o *observed) observe(r *http.Request, e Event) {
	o.mu.Lock()
	o.events = append(o.events, e)
	o.mu.Unlock()
}

func (o *observed) all() []Event {
	o.mu.Lock()
	defer o.mu.Unlock()
	return append([]Event(nil), o.events...)
}

// kinds returns the kinds of the events, in order.
func (o *observed) kinds() []EventKind {
	var ks []EventKind
	for _, e := range o.all() {
		ks = append(ks, e.Kind)
	}
	return ks
}

// TestObserve_Replaced: a replaced 503 is one EventReplaced with the
// status, the format and the language of the page, and the ID it shows.
func TestObserve_Replaced(t *testing.T) {
	var o observed
	m, _ := newTestMiddleware(t, Options{Observe: o.observe})
	h := m.Handler(failing(503))
	tests := []struct {
		name, accept, lang string
		wantFormat         string
		wantLang           string
	}{
		{"browser", "text/html", "de", "html", "de"},
		{"API client", "application/json", "", "json", "en"},
		{"curl", "*/*", "ja", "text", "ja"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o.events = nil
			r := httptest.NewRequest("GET", "/orders", nil)
			r.Header.Set("Accept", tt.accept)
			r.Header.Set("Accept-Language", tt.lang)
			r.Header.Set("X-Request-Id", "req-42")
			rec := record(h, r)
			require.Equal(t, 503, rec.Code)
			evs := o.all()
			require.Len(t, evs, 1, "got %d events, want one", len(evs))
			e := evs[0]
			assert.Equal(t, EventReplaced, e.Kind)
			assert.Equal(t, 503, e.Status)
			assert.Equal(t, 503, e.OriginalStatus)
			assert.Equal(t, tt.wantFormat, e.Format)
			assert.Equal(t, tt.wantLang, e.Language)
			assert.Equal(t, "req-42", e.RequestID)
			assert.False(t, e.Maintenance)
			assert.Nil(t, e.Panic)
		})
	}
}

// TestObserve_PassThroughIsSilent: what errorpage does not touch, an
// observer does not hear about.
// TestObserve_RewriteKeepsTheOriginalStatus: with a rewrite, the event
// says both the status sent and the one the handler wrote (it said the
// sent one twice).
func TestObserve_RewriteKeepsTheOriginalStatus(t *testing.T) {
	o := &observed{}
	m, _ := newTestMiddleware(t, Options{Observe: o.observe, Rewrites: map[int]int{502: 503}})
	h := m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusBadGateway)
	}))
	rec := record(h, httptest.NewRequest("GET", "/", nil))
	require.Equal(t, 503, rec.Code)
	evs := o.all()
	require.Len(t, evs, 1)
	assert.Equal(t, EventReplaced, evs[0].Kind)
	assert.Equal(t, 503, evs[0].Status)
	assert.Equal(t, 502, evs[0].OriginalStatus)
}

func TestObserve_PassThroughIsSilent(t *testing.T) {
	var o observed
	m, _ := newTestMiddleware(t, Options{Observe: o.observe})
	for _, code := range []int{200, 404, 302} {
		record(m.Handler(failing(code)), httptest.NewRequest("GET", "/", nil))
	}
	assert.Empty(t, o.all())
}

// TestObserve_Panic: a panic before the response was committed is an
// EventPanic with its value and stack, then the EventReplaced of its 500
// page; after the commit, only the EventPanic, marked Committed.
func TestObserve_Panic(t *testing.T) {
	var o observed
	m, _ := newTestMiddleware(t, Options{Observe: o.observe})
	rec := record(m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		panic("boom")
	})), httptest.NewRequest("GET", "/", nil))
	require.Equal(t, 500, rec.Code)
	require.Equal(t, []EventKind{EventPanic, EventReplaced}, o.kinds())
	p, page := o.all()[0], o.all()[1]
	assert.Equal(t, "boom", p.Panic)
	assert.Contains(t, string(p.Stack), "TestObserve_Panic", "got stack %q, want the panicking frame", p.Stack)
	assert.False(t, p.Committed)
	assert.Equal(t, 500, page.Status)
	assert.Equal(t, p.RequestID, page.RequestID)
	assert.NotEmpty(t, page.RequestID)

	o.events = nil
	srv := serve(t, m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("half"))
		w.(http.Flusher).Flush()
		panic("late")
	})))
	resp, err := http.Get(srv.URL)
	if err == nil {
		resp.Body.Close()
	}
	require.Eventually(t, func() bool { return len(o.all()) == 1 }, 2*time.Second, 5*time.Millisecond)
	e := o.all()[0]
	assert.Equal(t, EventPanic, e.Kind)
	assert.True(t, e.Committed)
	assert.NotEmpty(t, e.Stack)
}

// TestObserve_Maintenance: a blocked request is one EventMaintenance with
// the 503 page's status, format and language, marked Maintenance; a
// request a bypass lets through names the bypass; with maintenance off
// nothing is observed. OnError hears of none of them.
func TestObserve_Maintenance(t *testing.T) {
	var o observed
	var errs eventLog
	sw := &maintenance.Switch{}
	sw.Set(maintenance.State{On: true})
	m, _ := newTestMiddleware(t, Options{Observe: o.observe, OnError: errs.onError("ref"), Maintenance: maintenance.Options{
		Source: sw, AllowPaths: []string{"/healthz"}, AllowNetworks: []string{"198.51.100.0/24"}}})
	h := m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("live")) }))

	r := httptest.NewRequest("GET", "/orders", nil)
	r.Header.Set("Accept", "application/json")
	assert.Equal(t, 503, record(h, r).Code)
	assert.Equal(t, 200, record(h, httptest.NewRequest("GET", "/healthz", nil)).Code)
	r = httptest.NewRequest("GET", "/orders", nil)
	r.RemoteAddr = "198.51.100.7:5555"
	assert.Equal(t, 200, record(h, r).Code)

	evs := o.all()
	require.Len(t, evs, 3)
	assert.Equal(t, Event{Kind: EventMaintenance, Status: 503, OriginalStatus: 503, Format: "json", Language: "en",
		RequestID: evs[0].RequestID, Maintenance: true}, evs[0])
	assert.NotEmpty(t, evs[0].RequestID)
	assert.Equal(t, Event{Kind: EventMaintenance, Maintenance: true, Bypass: "path"}, evs[1])
	assert.Equal(t, Event{Kind: EventMaintenance, Maintenance: true, Bypass: "network"}, evs[2])
	assert.Empty(t, errs.all(), "maintenance answers must not reach OnError")

	sw.Set(maintenance.State{})
	o.events = nil
	assert.Equal(t, 200, record(h, httptest.NewRequest("GET", "/orders", nil)).Code)
	assert.Empty(t, o.all(), "maintenance off: nothing to observe")
}

// TestObserve_MaintenanceLogRecord: a maintenance answer's log record is
// marked maintenance=true, at Debug level, so that an incident query on
// errors never sees it.
func TestObserve_MaintenanceLogRecord(t *testing.T) {
	var logs logBuffer
	sw := &maintenance.Switch{}
	sw.Set(maintenance.State{On: true})
	m, _ := newTestMiddleware(t, Options{Logger: slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug})), Maintenance: maintenance.Options{Source: sw}})
	record(m.Handler(http.NotFoundHandler()), httptest.NewRequest("GET", "/orders", nil))
	assert.Contains(t, logs.String(), "level=DEBUG msg=\"errorpage: maintenance answer\" maintenance=true status=503")
}

// TestObserve_PanickingObserverLosesOnlyItsEvent: the visitor still gets
// the page, and the log says what happened without the observer's value.
func TestObserve_PanickingObserverLosesOnlyItsEvent(t *testing.T) {
	m, logs := newTestMiddleware(t, Options{Observe: func(*http.Request, Event) { panic("observer secret=hunter2") }})
	rec := record(m.Handler(failing(502)), httptest.NewRequest("GET", "/", nil))
	assert.Equal(t, 502, rec.Code)
	assert.Contains(t, rec.Body.String(), "Bad gateway")
	assert.Contains(t, logs.String(), "errorpage: Observe panicked")
	assert.NotContains(t, logs.String(), "hunter2")
}

// TestObserve_OnErrorKeepsWorking: OnError gets its events and its
// reference reaches the page and the observer alike.
func TestObserve_OnErrorKeepsWorking(t *testing.T) {
	var o observed
	var errs eventLog
	m, _ := newTestMiddleware(t, Options{Observe: o.observe, OnError: errs.onError("evt-7")})
	rec := record(m.Handler(failing(500)), httptest.NewRequest("GET", "/", nil))
	assert.Contains(t, rec.Body.String(), "evt-7")
	require.Len(t, errs.all(), 1)
	require.Len(t, o.all(), 1)
	assert.Equal(t, "evt-7", o.all()[0].Reference)
}

func TestEventKind_String(t *testing.T) {
	for k, want := range map[EventKind]string{EventReplaced: "replaced", EventPanic: "panic", EventMaintenance: "maintenance", 9: "EventKind(9)"} {
		assert.Equal(t, want, k.String(), fmt.Sprintf("kind %d", uint8(k)))
	}
}

// TestObserve_MaintenanceSecretBypass: the secret URL's redirect and the
// secret header are named, so a dashboard can tell testers from visitors.
func TestObserve_MaintenanceSecretBypass(t *testing.T) {
	const sec = "s3cretS3cretS3cret"
	var o observed
	sw := &maintenance.Switch{}
	sw.Set(maintenance.State{On: true, Secret: sec})
	m, _ := newTestMiddleware(t, Options{Observe: o.observe, Maintenance: maintenance.Options{Source: sw}})
	h := m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("live")) }))

	assert.Equal(t, http.StatusSeeOther, record(h, httptest.NewRequest("GET", "/"+sec, nil)).Code)
	r := httptest.NewRequest("GET", "/orders", nil)
	r.Header.Set("X-Maintenance-Bypass", sec)
	assert.Equal(t, 200, record(h, r).Code)

	evs := o.all()
	require.Len(t, evs, 2)
	assert.Equal(t, Event{Kind: EventMaintenance, Status: http.StatusSeeOther, Maintenance: true, Bypass: "secret-url"}, evs[0])
	assert.Equal(t, Event{Kind: EventMaintenance, Maintenance: true, Bypass: "header"}, evs[1])
}
