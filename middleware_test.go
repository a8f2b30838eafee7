package errorpage

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/a-h/templ"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/errorpage/errorpage/internal/static"
	"github.com/errorpage/errorpage/maintenance"
	"github.com/errorpage/errorpage/pages"
)

func TestEvery5xxIsReplaced(t *testing.T) {
	m, _ := newTestMiddleware(t, Options{})
	for _, status := range []int{500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511, 509, 520, 599} {
		t.Run(strconv.Itoa(status), func(t *testing.T) {
			res, body := do(t, m.Handler(failing(status)), "GET", "/", "Accept", "text/html")
			assert.Equal(t, status, res.StatusCode)
			assert.Equal(t, "text/html; charset=utf-8", res.Header.Get("Content-Type"))
			assert.NotContains(t, body, "inner body", "the inner body never reaches the client")
			assert.Contains(t, body, `data-status="`+strconv.Itoa(status)+`"`)
			assert.Equal(t, strconv.Itoa(len(body)), res.Header.Get("Content-Length"))
		})
	}
}

func TestWriteHeaderOnlyGetsThePage(t *testing.T) {
	m, _ := newTestMiddleware(t, Options{})
	res, body := do(t, m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusGatewayTimeout)
	})), "GET", "/", "Accept", "text/html")
	assert.Equal(t, 504, res.StatusCode)
	assert.Contains(t, body, "Gateway timeout")
}

func TestPanicBeforeAnythingWasSent(t *testing.T) {
	var rec eventLog
	m, logs := newTestMiddleware(t, Options{OnError: rec.onError("evt-1")})
	res, body := do(t, m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Partial", "yes")
		panic("database password is hunter2")
	})), "POST", "/checkout", "Accept", "text/html", "X-Request-Id", "req-9")
	assert.Equal(t, 500, res.StatusCode)
	assert.NotContains(t, body, "hunter2", "no panic value reaches the client")
	assert.NotContains(t, body, "goroutine", "no stack reaches the client")
	assert.Contains(t, body, "evt-1", "the OnError reference is shown")
	assert.Empty(t, res.Header.Get("X-Partial"))

	log := logs.String()
	assert.Equal(t, 1, strings.Count(log, "errorpage: panic"), "logged once: %s", log)
	assert.NotContains(t, log, "hunter2", "no panic value in the log unless LogPanicDetails is on")
	assert.NotContains(t, log, "goroutine", "no stack in the log unless LogPanicDetails is on")
	assert.Contains(t, log, "panic_type=string")
	assert.Regexp(t, `at="github.com/errorpage/errorpage.TestPanicBeforeAnythingWasSent.func\d+ middleware_test.go:\d+"`, log, "where it panicked")
	assert.Contains(t, log, "method=POST")
	assert.Contains(t, log, "path=/checkout")
	assert.Contains(t, log, "request_id=req-9")

	events := rec.all()
	require.Len(t, events, 1)
	assert.Equal(t, "database password is hunter2", events[0].Panic)
	assert.Equal(t, 500, events[0].Status)
	assert.Equal(t, "req-9", events[0].RequestID)
	assert.False(t, events[0].Committed)
	assert.NotEmpty(t, events[0].Stack)
}

// TestLogPanicDetails guards the switch that puts the panic value and the
// whole stack into the log record; Debug implies it.
func TestLogPanicDetails(t *testing.T) {
	for name, opts := range map[string]Options{"LogPanicDetails": {LogPanicDetails: true}, "Debug": {Debug: true}} {
		t.Run(name, func(t *testing.T) {
			m, logs := newTestMiddleware(t, opts)
			do(t, m.Handler(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {
				panic("database password is hunter2")
			})), "GET", "/")
			log := logs.String()
			assert.Equal(t, 1, strings.Count(log, "errorpage: panic"), "logged once: %s", log)
			assert.Contains(t, log, `error="database password is hunter2"`, "the value, switched on explicitly")
			assert.Contains(t, log, "goroutine ", "and the stack")
			assert.Contains(t, log, "middleware_test.go")
		})
	}
}

func TestPanicAfterCommitAbortsTheResponse(t *testing.T) {
	var rec eventLog
	m, logs := newTestMiddleware(t, Options{OnError: rec.onError("")})
	srv := serve(t, m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "first half")
		w.(http.Flusher).Flush()
		panic("broke halfway")
	})))
	res, err := http.Get(srv.URL)
	require.NoError(t, err)
	body, err := io.ReadAll(res.Body)
	res.Body.Close()
	assert.Equal(t, 200, res.StatusCode, "the status was already sent")
	assert.ErrorIs(t, err, io.ErrUnexpectedEOF, "the client sees a truncated response, not a complete one")
	assert.Equal(t, "first half", string(body), "and nothing appended")
	assert.Equal(t, 1, strings.Count(logs.String(), "errorpage: panic after the response was committed"))
	events := rec.all()
	require.Len(t, events, 1)
	assert.True(t, events[0].Committed)
}

func TestAbortHandlerIsRepanickedUnchanged(t *testing.T) {
	m, logs := newTestMiddleware(t, Options{OnError: func(*http.Request, ErrorEvent) string {
		t.Error("OnError must not be called for http.ErrAbortHandler")
		return ""
	}})
	var got any
	func() {
		defer func() { got = recover() }()
		m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			panic(http.ErrAbortHandler)
		})).ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/", nil))
	}()
	assert.True(t, got == http.ErrAbortHandler, "got %v, want the identical http.ErrAbortHandler", got)
	assert.Empty(t, logs.String(), "no log")

	// And on the wire: the connection is cut, with no page.
	srv := serve(t, m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		panic(http.ErrAbortHandler)
	})))
	assert.Empty(t, rawExchange(t, srv.Listener.Addr().String(), get("/")))
}

func TestOptionsAreValidatedAtConstruction(t *testing.T) {
	page := func(pages.Model) templ.Component { return templ.NopComponent }
	tests := []struct {
		name string
		opts Options
		want string
	}{
		{"status not an error", Options{Statuses: []int{302}}, "errorpage: status 302 in Statuses is not a client or server error"},
		{"rewrite of a status not replaced", Options{Rewrites: map[int]int{403: 404}}, "errorpage: Rewrites has 403, which is not replaced"},
		{"rewrite to a success", Options{ClientErrors: true, Rewrites: map[int]int{403: 200}}, "errorpage: Rewrites maps 403 to 200"},
		{"rewrite to itself", Options{Rewrites: map[int]int{502: 502}}, "errorpage: Rewrites maps 502 to itself"},
		{"page for a client error not replaced", Options{Pages: map[int]func(pages.Model) templ.Component{404: page}}, "errorpage: Pages has a page for 404"},
		{"page for a status not replaced", Options{Statuses: []int{500}, Pages: map[int]func(pages.Model) templ.Component{503: page}}, "errorpage: Pages has a page for 503"},
		{"nil page", Options{Pages: map[int]func(pages.Model) templ.Component{503: nil}}, "errorpage: Pages has a nil page for 503"},
		{"login URL with javascript", Options{Brand: Brand{LoginURL: "javascript:alert(1)"}}, "errorpage: Brand.LoginURL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(tt.opts)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

func TestZeroOptionsEqualTheOneLiner(t *testing.T) {
	m, err := New(Options{})
	require.NoError(t, err)
	for _, h := range []http.Handler{Handler(failing(503)), m.Handler(failing(503))} {
		res, body := do(t, h, "GET", "/", "Accept", "text/html")
		assert.Equal(t, 503, res.StatusCode)
		assert.Equal(t, "30", res.Header.Get("Retry-After"))
		assert.Contains(t, body, "Service unavailable")
	}
}

func TestConcurrentRequestsShareNothing(t *testing.T) {
	m, _ := newTestMiddleware(t, Options{})
	srv := serve(t, m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("fail") != "" {
			w.WriteHeader(503)
			return
		}
		io.WriteString(w, r.URL.Query().Get("v"))
	})))
	errs := make(chan error, 64)
	for i := range 64 {
		go func() {
			q := "v=" + strconv.Itoa(i)
			if i%3 == 0 {
				q = "fail=1"
			}
			res, err := srv.Client().Get(srv.URL + "/?" + q)
			if err != nil {
				errs <- err
				return
			}
			b, _ := io.ReadAll(res.Body)
			res.Body.Close()
			switch {
			case i%3 == 0 && res.StatusCode != 503:
				errs <- fmt.Errorf("request %d: got %d, want 503", i, res.StatusCode)
			case i%3 != 0 && string(b) != strconv.Itoa(i):
				errs <- fmt.Errorf("request %d: got body %q, want %q", i, b, strconv.Itoa(i))
			default:
				errs <- nil
			}
		}()
	}
	for range 64 {
		assert.NoError(t, <-errs)
	}
}

// After a commit the middleware must abort with http.ErrAbortHandler
// itself (which net/http neither logs nor answers), not re-panic the
// handler's value (which net/http would log a second time).
func TestPanicAfterCommitRepanicsErrAbortHandler(t *testing.T) {
	m, _ := newTestMiddleware(t, Options{})
	var got any
	func() {
		defer func() { got = recover() }()
		m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			io.WriteString(w, "half")
			w.(http.Flusher).Flush()
			panic("broke")
		})).ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/", nil))
	}()
	assert.True(t, got == http.ErrAbortHandler, "got %v, want http.ErrAbortHandler", got)
}

// TestAbnormalEndGetsAPage guards a handler that ends with nothing to
// recover: runtime.Goexit, or panic(nil) where GODEBUG=panicnil=1 makes
// recover return nil. Both are abnormal ends, answered like a panic: a
// complete 500 page on the wire, logged once, OnError told.
func TestAbnormalEndGetsAPage(t *testing.T) {
	ends := []struct {
		name    string
		godebug string
		end     func()
	}{
		{"runtime.Goexit", "", runtime.Goexit},
		{"panic(nil) with panicnil=1", "panicnil=1", func() { panic(nil) }},
	}
	for _, tt := range ends {
		t.Run(tt.name, func(t *testing.T) {
			if tt.godebug != "" {
				t.Setenv("GODEBUG", tt.godebug)
			}
			var rec eventLog
			m, logs := newTestMiddleware(t, Options{OnError: rec.onError("")})
			res, body := do(t, m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("X-Half-Done", "yes")
				tt.end()
			})), "GET", "/", "Accept", "text/plain")
			assert.Equal(t, 500, res.StatusCode)
			assert.Contains(t, body, "500")
			assert.Empty(t, res.Header.Get("X-Half-Done"))
			assert.Equal(t, 1, strings.Count(logs.String(), "errorpage: panic serving request"), "logged once: %s", logs.String())
			events := rec.all()
			require.Len(t, events, 1)
			assert.ErrorIs(t, events[0].Panic.(error), errAbnormalEnd)
			assert.False(t, events[0].Committed)
		})
	}
}

// TestNestedErrorpagesInnermostWins guards an errorpage inside another
// (an admin area with its own theme, an API with its own Replace, a second
// maintenance gate): the innermost one that answered wins, and a panic is
// logged and reported once, not once per layer.
func TestNestedErrorpagesInnermostWins(t *testing.T) {
	var outerEvents, innerEvents eventLog
	outer, outerLogs := newTestMiddleware(t, Options{Theme: "mono", OnError: outerEvents.onError("outer-ref")})
	inner, innerLogs := newTestMiddleware(t, Options{Theme: "terminal", OnError: innerEvents.onError("inner-ref")})
	api, _ := newTestMiddleware(t, Options{Replace: func(*http.Request, int, http.Header) bool { return false }})
	only502, _ := newTestMiddleware(t, Options{Statuses: []int{502}})
	sw := &maintenance.Switch{}
	sw.Set(maintenance.State{On: true, Message: "Inner gate says hi"})
	gate, _ := newTestMiddleware(t, Options{Maintenance: maintenance.Options{Source: sw}})

	apiError := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusServiceUnavailable)
		io.WriteString(w, `{"error":"db down"}`)
	})
	panics := http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("boom") })
	headers := []string{"Accept", "text/html", "X-Request-Id", "req-1"}

	_, alone := do(t, inner.Handler(failing(503)), "GET", "/", headers...)
	_, nested := do(t, outer.Handler(inner.Handler(failing(503))), "GET", "/", headers...)
	_, outerAlone := do(t, outer.Handler(failing(503)), "GET", "/", headers...)
	require.NotEqual(t, alone, outerAlone, "the test's premise: the two pages differ")
	assert.Equal(t, alone, nested, "the inner errorpage's page reaches the client")

	res, body := do(t, outer.Handler(api.Handler(apiError)), "GET", "/", headers...)
	assert.Equal(t, `{"error":"db down"}`, body, "the inner Replace kept the API's answer: the outer keeps it too")
	assert.Equal(t, "no-store", res.Header.Get("Cache-Control"))

	_, body = do(t, outer.Handler(only502.Handler(failing(500))), "GET", "/", headers...)
	assert.NotContains(t, body, "inner body", "a status the inner does not handle is still the outer's")

	_, body = do(t, outer.Handler(gate.Handler(failing(200))), "GET", "/", headers...)
	assert.Contains(t, body, "Inner gate says hi", "the inner gate's maintenance page reaches the client")

	_, body = do(t, outer.Handler(inner.Handler(panics)), "GET", "/", headers...)
	assert.Contains(t, body, "inner-ref")
	assert.Equal(t, 3, len(innerEvents.all()), "the inner reported its two 503s and the panic")
	assert.Equal(t, 2, len(outerEvents.all()), "the outer only the 503 it served alone and the 500 the inner left to it")
	assert.Equal(t, 1, strings.Count(innerLogs.String()+outerLogs.String(), "errorpage: panic"), "the panic is logged once")
}

// TestStaticPage_NoRequestIDReferenceOrInstance guards what the errorpage
// command's export relies on (internal/static): a page made ahead of time
// has no made-up request ID, no reference, no instance, and says "back
// shortly" rather than a delay, so two renderings are the same bytes.
func TestStaticPage_NoRequestIDReferenceOrInstance(t *testing.T) {
	sw := &maintenance.Switch{}
	m, _ := newTestMiddleware(t, Options{
		OnError: func(*http.Request, ErrorEvent) string { return "ref-123" },
	})
	mm, _ := newTestMiddleware(t, Options{Maintenance: maintenance.Options{Source: sw}})
	sw.Enable(maintenance.State{On: true})
	for _, tc := range []struct {
		name    string
		handler http.Handler
		accept  string
	}{
		{"503 html", m.Handler(failing(503)), "text/html"},
		{"503 json", m.Handler(failing(503)), "application/json"},
		{"503 text", m.Handler(failing(503)), "text/plain"},
		{"maintenance html", mm.Handler(failing(200)), "text/html"},
		{"maintenance json", mm.Handler(failing(200)), "application/json"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var bodies []string
			for range 2 {
				r := static.Mark(httptest.NewRequest("GET", "/some/path", nil))
				r.Header.Set("Accept", tc.accept)
				rec := httptest.NewRecorder()
				tc.handler.ServeHTTP(rec, r)
				require.Equal(t, 503, rec.Code)
				body := rec.Body.String()
				assert.NotContains(t, body, "ref-123", "a static page has no reference")
				assert.NotContains(t, body, "/some/path", "a static page has no instance")
				assert.NotContains(t, body, "request_id", "a static page has no request ID")
				assert.NotContains(t, body, "Request ID", "a static page has no request ID")
				if tc.accept != "application/json" {
					assert.Contains(t, body, "We expect to be back shortly.", "the retry sentence is generic")
				}
				assert.NotContains(t, body, "retry_after", "the delay is the proxy's header, not the page's")
				bodies = append(bodies, body)
			}
			assert.Equal(t, bodies[0], bodies[1], "same options, same bytes")
		})
	}
}

// TestRewrites: the page has the rewritten status, and the handler's goes
// to OnError and the log, never to the client.
func TestRewrites(t *testing.T) {
	events := &eventLog{}
	m, logs := newTestMiddleware(t, Options{
		ClientErrors: true,
		Rewrites:     map[int]int{403: 404, 502: 503, 504: 503},
		OnError:      events.onError("evt-9"),
	})
	res, body := do(t, m.Handler(failing(403)), "GET", "/private/report", "Accept", "text/html")
	assert.Equal(t, 404, res.StatusCode, "403 answered as 404")
	assert.Contains(t, body, "Page not found")
	assert.NotContains(t, body, "Error 403")
	assert.NotContains(t, body, "Access denied")

	res, body = do(t, m.Handler(failing(502)), "GET", "/", "Accept", "application/json")
	assert.Equal(t, 503, res.StatusCode)
	assert.Equal(t, "30", res.Header.Get("Retry-After"), "the 503 page says when to come back")
	assert.Contains(t, body, `"status":503`)

	res, _ = do(t, m.Handler(failing(503)), "GET", "/")
	assert.Equal(t, 503, res.StatusCode, "a status not rewritten keeps its page")

	evs := events.all()
	require.Len(t, evs, 3)
	assert.Equal(t, 404, evs[0].Status)
	assert.Equal(t, 403, evs[0].OriginalStatus)
	assert.Equal(t, 503, evs[1].Status)
	assert.Equal(t, 502, evs[1].OriginalStatus)
	assert.Equal(t, 0, evs[2].OriginalStatus, "nothing rewritten")
	assert.Contains(t, logs.String(), "original_status=403")
	assert.Contains(t, logs.String(), "original_status=502")
	assert.Contains(t, logs.String(), "path=/private/report")
}

// TestRewrites_JSONClientErrorPassesUnrewritten: a rewrite changes the
// status of a page, never of an answer that passes through.
func TestRewrites_JSONClientErrorPassesUnrewritten(t *testing.T) {
	m, _ := newTestMiddleware(t, Options{ClientErrors: true, Rewrites: map[int]int{403: 404}})
	res, body := do(t, m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(403)
		io.WriteString(w, `{"error":"forbidden"}`)
	})), "GET", "/")
	assert.Equal(t, 403, res.StatusCode)
	assert.Equal(t, `{"error":"forbidden"}`, body)
}

// TestRewrites_ThePanicPage: a panic's 500 is rewritten like a handler's.
func TestRewrites_ThePanicPage(t *testing.T) {
	events := &eventLog{}
	m, _ := newTestMiddleware(t, Options{Rewrites: map[int]int{500: 503}, OnError: events.onError("")})
	res, _ := do(t, m.Handler(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("boom") })), "GET", "/")
	assert.Equal(t, 503, res.StatusCode)
	require.Len(t, events.all(), 1)
	assert.Equal(t, 500, events.all()[0].OriginalStatus)
	assert.NotNil(t, events.all()[0].Panic)
}
