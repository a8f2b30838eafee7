package integration

import (
	"html/template"
	"io"
	"log"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/felixge/httpsnoop"
	"github.com/go-chi/chi/v5/middleware"
	"github.com/gorilla/handlers"

	"github.com/errorpage/errorpage"
	"github.com/errorpage/errorpage/maintenance"
)

// discardWriter is the cheapest possible real ResponseWriter: it keeps a
// header map and throws the rest away.
type discardWriter struct {
	h    http.Header
	code int
}

func (w *discardWriter) Header() http.Header         { return w.h }
func (w *discardWriter) WriteHeader(code int)        { w.code = code }
func (w *discardWriter) Write(b []byte) (int, error) { return len(b), nil }

// benchmarkHandler serves r with h over and over on one discarding writer
// whose header map is emptied each time.
func benchmarkHandler(b *testing.B, h http.Handler, r *http.Request) {
	w := &discardWriter{h: http.Header{}}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		clear(w.h)
		h.ServeHTTP(w, r)
	}
}

var helloBody = []byte("hello, world\n")

func hello(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Write(helloBody)
}

// errorTemplate is what a hand-rolled html/template error page looks like;
// it is padded to the size of errorpage's own page.
var errorTemplate = template.Must(template.New("error").Parse(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Status}} {{.Title}}</title><style>{{.CSS}}</style></head>
<body><main class="ep"><h1>{{.Title}}</h1><p>{{.Message}}</p><p>{{.Advice}}</p>
<dl><dt>Request ID</dt><dd><code>{{.RequestID}}</code></dd></dl></main></body></html>
`))

type templateData struct {
	Status                 int
	Title, Message, Advice string
	RequestID              string
	CSS                    template.CSS
}

// discardLogEntry is a chi log entry that keeps nothing.
type discardLogEntry struct{}

func (discardLogEntry) Write(int, int, http.Header, time.Duration, any) {}
func (discardLogEntry) Panic(any, []byte)                               {}

// BenchmarkPeers measures errorpage against what people use instead, in
// one run. See BENCHMARKS.md, "Against the peers".
func BenchmarkPeers(b *testing.B) {
	m, err := errorpage.New(errorpage.Options{Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		b.Fatal(err)
	}
	get := func(accept string) *http.Request {
		r := httptest.NewRequest(http.MethodGet, "/some/path", nil)
		r.Header.Set("Accept", accept)
		r.Header.Set("X-Request-Id", "req-7f3a9c2e")
		return r
	}
	htmlReq, jsonReq := get(acceptHTML), get(acceptJSON)
	fail := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusServiceUnavailable)
	})
	boom := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { panic("boom") })

	// Size the template page like errorpage's HTML page.
	rec := httptest.NewRecorder()
	m.Handler(fail).ServeHTTP(rec, htmlReq)
	pageSize := rec.Body.Len()
	data := templateData{Status: 503, Title: "Service unavailable", Message: "The service is down for a moment.",
		Advice: "Please try again in a minute.", RequestID: "req-7f3a9c2e"}
	var probe strings.Builder
	errorTemplate.Execute(&probe, data)
	if pad := pageSize - probe.Len(); pad > 0 {
		data.CSS = template.CSS(strings.Repeat("a{color:red}", pad/12))
	}
	tmpl := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.WriteHeader(http.StatusServiceUnavailable)
		errorTemplate.Execute(w, data)
	})

	gorillaRecovery := handlers.RecoveryHandler(handlers.RecoveryLogger(log.New(io.Discard, "", 0)))

	// A real stack: outer middleware (request ID, CORS, security headers)
	// has set eight headers before the handler or errorpage runs.
	withOuterHeaders := func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			h := w.Header()
			for _, kv := range outerHeaders {
				h[kv.key] = kv.values
			}
			next.ServeHTTP(w, r)
		})
	}
	chiWrap := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hello(middleware.NewWrapResponseWriter(w, r.ProtoMajor), r)
	})

	// What errorpage's pages cost against writing the very same bytes:
	// the headers and body errorpage sends, captured once, replayed with
	// the header slices shared.
	sw := &maintenance.Switch{}
	sw.Enable(maintenance.State{Until: time.Now().Add(time.Hour)})
	maint, err := errorpage.New(errorpage.Options{Logger: slog.New(slog.DiscardHandler), Maintenance: maintenance.Options{Source: sw}})
	if err != nil {
		b.Fatal(err)
	}
	off, err := errorpage.New(errorpage.Options{Logger: slog.New(slog.DiscardHandler), Maintenance: maintenance.Options{Source: &maintenance.Switch{}}})
	if err != nil {
		b.Fatal(err)
	}
	textLog, err := errorpage.New(errorpage.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		b.Fatal(err)
	}
	textReq := get(acceptText)

	benchmarks := []struct {
		name string
		h    http.Handler
		r    *http.Request
	}{
		// Rows that are compared stand next to each other, so that they
		// are measured close in time on a machine whose speed drifts.
		{"bare handler", http.HandlerFunc(hello), htmlReq},
		{"chi WrapResponseWriter", chiWrap, htmlReq},
		{"httpsnoop.Wrap", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			hello(httpsnoop.Wrap(w, httpsnoop.Hooks{}), r)
		}), htmlReq},
		{"errorpage pass-through", m.Handler(http.HandlerFunc(hello)), htmlReq},
		{"errorpage pass-through, maintenance off", off.Handler(http.HandlerFunc(hello)), htmlReq},

		{"bare handler, 8 outer headers", withOuterHeaders(http.HandlerFunc(hello)), htmlReq},
		{"chi WrapResponseWriter, 8 outer headers", withOuterHeaders(chiWrap), htmlReq},
		{"errorpage pass-through, 8 outer headers", withOuterHeaders(m.Handler(http.HandlerFunc(hello))), htmlReq},

		{"http.Error 503", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			http.Error(w, "Service Unavailable", http.StatusServiceUnavailable)
		}), htmlReq},
		{"html/template page 503", tmpl, htmlReq},
		{"errorpage HTML page 503", m.Handler(fail), htmlReq},
		{"replay of errorpage HTML page 503", replay(b, m.Handler(fail), htmlReq), htmlReq},
		{"errorpage JSON page 503", m.Handler(fail), jsonReq},
		{"replay of errorpage JSON page 503", replay(b, m.Handler(fail), jsonReq), jsonReq},
		{"errorpage text page 503", m.Handler(fail), textReq},
		{"replay of errorpage text page 503", replay(b, m.Handler(fail), textReq), textReq},
		{"errorpage maintenance page", maint.Handler(http.HandlerFunc(hello)), htmlReq},
		{"replay of errorpage maintenance page", replay(b, maint.Handler(http.HandlerFunc(hello)), htmlReq), htmlReq},

		// With a log entry in the context, chi's Recoverer hands it the
		// stack instead of printing it, as errorpage hands it to slog.
		{"chi Recoverer panic", middleware.Recoverer(boom), middleware.WithLogEntry(htmlReq, discardLogEntry{})},
		{"gorilla RecoveryHandler panic", gorillaRecovery(boom), htmlReq},
		{"errorpage panic page", m.Handler(boom), htmlReq},
		{"errorpage panic page, stack logged by a text handler", textLog.Handler(boom), htmlReq},
	}
	for _, bm := range benchmarks {
		b.Run(strings.ReplaceAll(bm.name, " ", "_"), func(b *testing.B) {
			benchmarkHandler(b, bm.h, bm.r)
		})
	}
}

// outerHeaders are what outer middleware typically sets before the
// handler runs.
var outerHeaders = []struct {
	key    string
	values []string
}{
	{"X-Request-Id", []string{"req-7f3a9c2e"}},
	{"Access-Control-Allow-Origin", []string{"https://app.example"}},
	{"Access-Control-Expose-Headers", []string{"X-Request-Id"}},
	{"Vary", []string{"Origin"}},
	{"Strict-Transport-Security", []string{"max-age=63072000; includeSubDomains"}},
	{"X-Frame-Options", []string{"DENY"}},
	{"Referrer-Policy", []string{"strict-origin-when-cross-origin"}},
	{"Content-Security-Policy", []string{"default-src 'self'"}},
}

// replay captures the response h gives r once and returns a handler that
// writes the very same status, headers and body, with the header value
// slices shared: the least any middleware could do to send that response.
func replay(b *testing.B, h http.Handler, r *http.Request) http.Handler {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, r)
	type header struct {
		key    string
		values []string
	}
	var headers []header
	for k, v := range rec.Header() {
		headers = append(headers, header{k, v})
	}
	status, body := rec.Code, rec.Body.Bytes()
	if status < 500 {
		b.Fatalf("replay: got status %d, want an error page", status)
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		wh := w.Header()
		for _, kv := range headers {
			wh[kv.key] = kv.values
		}
		w.WriteHeader(status)
		w.Write(body)
	})
}
