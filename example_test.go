package errorpage_test

import (
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"time"

	"github.com/errorpage/errorpage"
	"github.com/errorpage/errorpage/maintenance"
)

// The one-line setup: every 5xx and panic of the mux becomes a page.
func ExampleHandler() {
	mux := http.NewServeMux()
	mux.HandleFunc("/broken", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "pq: connection refused", http.StatusServiceUnavailable)
	})
	mux.HandleFunc("/ok", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "all good")
	})
	srv := httptest.NewServer(errorpage.Handler(mux))
	defer srv.Close()

	res, _ := http.Get(srv.URL + "/broken")
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	fmt.Println(res.StatusCode, res.Header.Get("Cache-Control"), res.Header.Get("Retry-After"))
	fmt.Println(strings.Contains(string(body), "connection refused"))

	res, _ = http.Get(srv.URL + "/ok")
	body, _ = io.ReadAll(res.Body)
	res.Body.Close()
	fmt.Println(res.StatusCode, string(body))
	// Output:
	// 503 no-store 30
	// false
	// 200 all good
}

// New with Options configures the middleware; its Handler method is a
// standard middleware for any router.
func ExampleNew() {
	ep, err := errorpage.New(errorpage.Options{
		OnError: func(r *http.Request, e errorpage.ErrorEvent) string {
			// Report to an error tracker and return its event ID.
			return "evt-1234"
		},
	})
	if err != nil {
		panic(err)
	}
	h := ep.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		panic("boom")
	}))

	req := httptest.NewRequest("GET", "/", nil)
	req.Header.Set("Accept", "application/json")
	req.Header.Set("X-Request-Id", "req-42")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	fmt.Println(rec.Code, rec.Header().Get("Content-Type"))
	fmt.Print(rec.Body.String())
	// Output:
	// 500 application/problem+json
	// {"type":"about:blank","title":"Internal Server Error","status":500,"detail":"We ran into an unexpected problem and could not complete your request. The problem has been logged, and it is most likely temporary.","instance":"/","request_id":"req-42","reference":"evt-1234"}
}

// A bad option is reported once, at construction.
// Client-error pages: ServeMux's own 404 and 405 become pages (the 405
// keeps Allow), and the API's JSON 404 passes through as it is.
func ExampleOptions_clientErrors() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ok") })
	mux.HandleFunc("GET /api/users/{id}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusNotFound)
		io.WriteString(w, `{"error":"no such user"}`)
	})
	m, err := errorpage.New(errorpage.Options{ClientErrors: true})
	if err != nil {
		panic(err)
	}
	srv := httptest.NewServer(m.Handler(mux))
	defer srv.Close()

	for _, req := range []struct{ method, path string }{
		{"GET", "/no-such-page"}, {"DELETE", "/healthz"}, {"GET", "/api/users/7"},
	} {
		r, _ := http.NewRequest(req.method, srv.URL+req.path, nil)
		r.Header.Set("Accept", "application/json")
		res, _ := http.DefaultClient.Do(r)
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		fmt.Println(res.StatusCode, res.Header.Get("Content-Type"), res.Header.Get("Allow"), strings.Contains(string(body), "no such user"))
	}
	// Output:
	// 404 application/problem+json  false
	// 405 application/problem+json GET, HEAD false
	// 404 application/json  true
}

func ExampleNew_invalid() {
	_, err := errorpage.New(errorpage.Options{Statuses: []int{302}})
	fmt.Println(err)
	// Output:
	// errorpage: status 302 in Statuses is not a client or server error (400-599)
}

// errorTracker stands for an error tracker's client; Capture returns the
// ID of the event it recorded.
type errorTracker struct{ events []errorpage.ErrorEvent }

func (t *errorTracker) Capture(r *http.Request, e errorpage.ErrorEvent) string {
	t.events = append(t.events, e)
	return fmt.Sprintf("evt-%d", len(t.events))
}

// OnError reports each replaced response and each panic to an error
// tracker; what it returns is shown on the page as a reference. This is
// the README's snippet. With Sentry's Go SDK, Capture would be
//
//	err := fmt.Errorf("%d on %s: %v", e.Status, r.URL.Path, e.Panic)
//	if id := sentry.CaptureException(err); id != nil {
//		return string(*id)
//	}
//	return ""
func ExampleOptions_onError() {
	tracker := &errorTracker{}
	ep, err := errorpage.New(errorpage.Options{
		OnError: func(r *http.Request, e errorpage.ErrorEvent) string {
			return tracker.Capture(r, e) // shown on the page as a reference
		},
		Brand: errorpage.Brand{LoginURL: "https://portal.example/login"}, // the 511 page links there
	})
	if err != nil {
		panic(err) // bad options fail here, once, with an "errorpage: " message
	}
	h := ep.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		panic("boom")
	}))

	req := httptest.NewRequest("GET", "/", nil)
	req.Header.Set("Accept", "text/plain")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	fmt.Println(rec.Code, tracker.events[0].Panic)
	for _, line := range strings.Split(rec.Body.String(), "\n") {
		if strings.HasPrefix(line, "Reference") {
			fmt.Println(line)
		}
	}
	// Output:
	// 500 boom
	// Reference: evt-1
}

// A maintenance.Switch turns maintenance mode on and off at runtime; here
// a request is served before, during and after a window.
func ExampleOptions_maintenance() {
	var sw maintenance.Switch
	m, err := errorpage.New(errorpage.Options{
		Maintenance: maintenance.Options{
			Source:     &sw,
			AllowPaths: []string{"/healthz"},
		},
	})
	if err != nil {
		panic(err)
	}
	h := m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "ok")
	}))
	get := func(path string) {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		fmt.Println(path, rec.Code, rec.Header().Get("Retry-After") != "")
	}

	get("/")
	sw.Enable(maintenance.State{Message: "Upgrading the database.", Retry: 5 * time.Minute})
	get("/")
	get("/healthz")
	sw.Disable()
	get("/")
	// Output:
	// / 200 false
	// / 503 true
	// /healthz 200 false
	// / 200 false
}

// Observe tells an observer what errorpage did, once per event: here a
// replaced 503 and a panic followed by its 500 page. Nothing is told about
// the 404, which errorpage let through.
func ExampleOptions_observe() {
	ep, err := errorpage.New(errorpage.Options{
		Logger: slog.New(slog.DiscardHandler),
		Observe: func(r *http.Request, e errorpage.Event) {
			fmt.Println(e.Kind, e.Status, e.Format+"/"+e.Language, e.Panic)
		},
	})
	if err != nil {
		panic(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/down", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(503) })
	mux.HandleFunc("/panic", func(w http.ResponseWriter, r *http.Request) { panic("boom") })
	h := ep.Handler(mux)
	for _, path := range []string{"/down", "/missing", "/panic"} {
		req := httptest.NewRequest("GET", path, nil)
		req.Header.Set("Accept", "application/json")
		req.Header.Set("Accept-Language", "de")
		h.ServeHTTP(httptest.NewRecorder(), req)
	}
	// Output:
	// replaced 503 json/de <nil>
	// panic 0 / boom
	// replaced 500 json/de boom
}
