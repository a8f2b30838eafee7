// Command example is errorpage's demo server: every route shows one thing
// the middleware does. Run it with
//
//	go run ./example
//
// and open the URL it prints. With -otel it prints every request's
// OpenTelemetry span, a panic's exception event included; with -metrics it
// serves errorpage's Prometheus counters at /metrics:
//
//	go run ./example -otel -metrics
//
// The example is a module of its own, so that the library's go.mod needs
// nothing but templ, testify and golang.org/x; the go.work at the root of
// the repository makes "go run ./example" work from there.
package main

import (
	"flag"
	"fmt"
	"html"
	"log"
	"log/slog"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"
	"strconv"
	"time"

	"github.com/errorpage/errorpage"
	"github.com/errorpage/errorpage/maintenance"
	"github.com/errorpage/errorpage/pages"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	debug := flag.Bool("debug", false, "show panic values and stacks on error pages (never in production)")
	maintFile := flag.String("maintenance-file", "", "maintenance mode is on while this trigger file exists (see go run ./cmd/errorpage)")
	theme := flag.String("theme", "default", "look of the pages: default, mono, terminal, or custom (example/customtheme.templ)")
	brand := flag.Bool("brand", true, "show the demo brand (name, logo, accent colour, links)")
	lang := flag.String("lang", "", "default language when Accept-Language matches none (a tag such as de); empty means en")
	withOtel := flag.Bool("otel", false, "trace requests with OpenTelemetry and print each span to stdout")
	withMetrics := flag.Bool("metrics", false, "serve Prometheus metrics at /metrics (loopback clients only)")
	flag.Parse()

	logger := slog.New(slog.NewTextHandler(os.Stderr, nil))
	maint, err := newDemoMaintenance(*maintFile, logger)
	if err != nil {
		log.Fatal(err)
	}
	defer maint.Close()
	opts := errorpage.Options{
		Logger:      logger,
		Debug:       *debug,
		Maintenance: maint.options(),
		OnError: func(r *http.Request, e errorpage.ErrorEvent) string {
			// An error tracker would return its event ID here.
			return "demo-" + strconv.FormatInt(time.Now().UnixNano()%1e6, 36)
		},
	}
	withClientErrors(&opts)
	applyLook(&opts, *theme, *brand, *lang)
	obs, err := newDemoObservability(*withOtel, *withMetrics, os.Stdout)
	if err != nil {
		log.Fatal(err)
	}
	defer obs.Close()
	obs.apply(&opts)
	opts.Brand.LoginURL = "/login" // the 511 page links there
	ep, err := errorpage.New(opts)
	if err != nil {
		log.Fatal(err)
	}

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("errorpage demo listening on http://%s/\n", ln.Addr())
	maint.printHelp(os.Stdout, ln.Addr().String())
	obs.printHelp(os.Stdout, ln.Addr().String())
	mux := routes()
	mux.Handle("GET /gallery", ep.Gallery())
	h, err := stack(obs, maint, ep, mux)
	if err != nil {
		log.Fatal(err)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	go drainOnSignal(srv, ep)
	if err := srv.Serve(ln); err != http.ErrServerClosed {
		log.Fatal(err)
	}
}

// stack is the demo's whole handler: observability outside everything (so
// the span and the counters see the status actually sent), then the
// maintenance endpoints (status, readiness), then errorpage around the
// routes.
func stack(obs *demoObservability, maint *demoMaintenance, ep *errorpage.Middleware, mux http.Handler) (http.Handler, error) {
	h, err := maint.handler(obs.trace(ep.Handler(mux)), ep.Readiness())
	if err != nil {
		return nil, err
	}
	return obs.handler(h), nil
}

// withClientErrors turns on the pages of client errors: ServeMux's own 404
// and 405 get a page, and so does any 4xx answered with http.Error; the
// API's JSON 404 (/api/...) passes through, since it is an answer.
func withClientErrors(opts *errorpage.Options) {
	opts.ClientErrors = true
}

func routes() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", index)
	mux.HandleFunc("POST /notes", func(w http.ResponseWriter, r *http.Request) {
		// A write: in a read-only window the middleware answers it with
		// the maintenance page and this handler is not called.
		http.Redirect(w, r, "/?saved=1", http.StatusSeeOther)
	})
	mux.HandleFunc("GET /healthz", healthz)
	mux.HandleFunc("/status/{code}", status)
	mux.HandleFunc("/panic", func(w http.ResponseWriter, r *http.Request) {
		panic("something broke in the handler")
	})
	mux.HandleFunc("/panic-after-write", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintln(w, "the first half of a 200 response...")
		http.NewResponseController(w).Flush()
		panic("something broke halfway through the response")
	})
	mux.Handle("/upstream-down", upstreamDown())
	mux.Handle("/slow", http.TimeoutHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(5 * time.Second):
			fmt.Fprintln(w, "done")
		case <-r.Context().Done():
		}
	}), 200*time.Millisecond, "timed out"))
	mux.HandleFunc("/api/problem", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/problem+json")
		w.Header().Set("Cache-Control", "public, max-age=60")
		w.WriteHeader(http.StatusInternalServerError)
		fmt.Fprintln(w, `{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","status":500}`)
	})
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		// An API answers its own 404, in JSON: errorpage leaves it alone.
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusNotFound)
		fmt.Fprintf(w, "{\"error\":\"no such endpoint\",\"path\":%q}\n", r.URL.Path)
	})
	mux.HandleFunc("/stream", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/event-stream")
		w.Header().Set("Cache-Control", "no-cache")
		rc := http.NewResponseController(w)
		for i := 1; i <= 5; i++ {
			fmt.Fprintf(w, "data: event %d of 5\n\n", i)
			if err := rc.Flush(); err != nil {
				return
			}
			select {
			case <-time.After(200 * time.Millisecond):
			case <-r.Context().Done():
				return
			}
		}
	})
	mux.HandleFunc("/login", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, "A captive portal's sign-in page would be here.")
	})
	return mux
}

// status answers with the status in the path, and headers a cache would
// keep, so anyone can see a 5xx or 4xx replaced and everything else passed
// through. A 429 says when to come back, as a rate limiter would.
func status(w http.ResponseWriter, r *http.Request) {
	code, err := strconv.Atoi(r.PathValue("code"))
	if err != nil || code < 200 || code > 599 {
		http.Error(w, "status must be a number from 200 to 599", http.StatusBadRequest)
		return
	}
	w.Header().Set("Content-Type", "text/plain")
	w.Header().Set("Cache-Control", "public, max-age=3600")
	if code == http.StatusTooManyRequests {
		w.Header().Set("Retry-After", "10")
	}
	w.WriteHeader(code)
	fmt.Fprintf(w, "inner body for %d\n", code)
}

// upstreamDown proxies to an address where nothing listens, so the proxy
// answers 502 with an empty body.
func upstreamDown() http.Handler {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		log.Fatal(err)
	}
	dead := ln.Addr().String()
	ln.Close()
	p := httputil.NewSingleHostReverseProxy(&url.URL{Scheme: "http", Host: dead})
	p.ErrorLog = log.New(os.Stderr, "proxy: ", 0)
	return p
}

var demos = []struct{ path, what string }{
	{"/gallery", "the gallery: every page in every theme and language, light and dark"},
	{"/status/500", "500 Internal Server Error, replaced"},
	{"/status/501", "501 Not Implemented"},
	{"/status/502", "502 Bad Gateway"},
	{"/status/503", "503 Service Unavailable, with Retry-After"},
	{"/status/504", "504 Gateway Timeout"},
	{"/status/505", "505 HTTP Version Not Supported"},
	{"/status/506", "506 Variant Also Negotiates"},
	{"/status/507", "507 Insufficient Storage"},
	{"/status/508", "508 Loop Detected"},
	{"/status/510", "510 Not Extended"},
	{"/status/511", "511 Network Authentication Required, linking to /login"},
	{"/status/599", "599, an unknown 5xx: the generic page"},
	{"/no-such-page", "an unknown route: ServeMux's 404, as a page"},
	{"/status/404", "404 Not Found, replaced"},
	{"/status/403", "403 Forbidden"},
	{"/status/410", "410 Gone"},
	{"/status/413", "413 Content Too Large"},
	{"/status/429", "429 Too Many Requests, with the handler's Retry-After"},
	{"/status/499", "499, an unknown 4xx: the generic client-error page"},
	{"/api/missing", "an API's own JSON 404 passes through untouched"},
	{"/status/200", "200 passes through untouched"},
	{"/panic", "a panic before anything was sent: a 500 page"},
	{"/panic-after-write", "a panic after part of a 200 was sent: the response is cut off"},
	{"/upstream-down", "a reverse proxy whose upstream is down: 502 page"},
	{"/slow", "http.TimeoutHandler timing out: 503 page"},
	{"/api/problem", "an API's own problem document passes through (no-store added)"},
	{"/stream", "server-sent events, flushed through the middleware"},
	{"/healthz", "the health check: 200 even during maintenance (run with -maintenance-file PATH); curl -X DELETE gets the 405 page with Allow"},
	{"/admin/maintenance", "maintenance admin endpoint: loopback only, bearer token printed at start"},
	{"/maintenance/status", "maintenance status as JSON, for status pages and scripts: the current and the next window"},
	{"/readyz", "the readiness probe: 200 during maintenance, 503 once the server drains (Ctrl-C)"},
	{"/metrics", "errorpage's Prometheus counters (run with -metrics; loopback only)"},
}

func index(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprint(w, `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>errorpage demo</title><style>.ep-banner{background:#fff4ce;border:1px solid #e0b400;border-radius:.5rem;padding:.25rem 1rem;margin:1rem 0}</style></head><body style="font:16px/1.6 system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem">`)
	// The banner announces a scheduled window, or says the site is
	// read-only while one is in force; it renders nothing otherwise.
	if err := pages.MaintenanceBanner(pages.BannerFor(r, nil)).Render(r.Context(), w); err != nil {
		return
	}
	fmt.Fprint(w, `<h1>errorpage demo</h1><p>Each link answers in its own way; the middleware replaces every 5xx and panic, and every 4xx that is not an answer of the application's own (no body, or net/http's plain text), and lets everything else through. Try them with curl too: <code>-H 'Accept: application/json'</code> gets a problem document, no Accept gets plain text.</p><ul>`)
	for _, d := range demos {
		fmt.Fprintf(w, `<li><a href="%s">%s</a> — %s</li>`, d.path, d.path, html.EscapeString(d.what))
	}
	disabled := ""
	if maintenance.ReadOnly(r) {
		disabled = " disabled"
	}
	fmt.Fprintf(w, `</ul><form method="post" action="/notes"><p>A write, refused in a read-only window: <input name="note" aria-label="note"%s> <button data-testid="save"%s>Save</button></p></form></body></html>`, disabled, disabled)
}
