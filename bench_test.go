package errorpage

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"runtime"
	"testing"
	"time"
)

// discardWriter is a ResponseWriter that throws everything away, with the
// optional interfaces of net/http's HTTP/1 writer, so the benchmarks measure
// the middleware, not a network.
type discardWriter struct {
	h      http.Header
	status int
}

func newDiscardWriter() *discardWriter { return &discardWriter{h: make(http.Header, 16)} }

func (d *discardWriter) Header() http.Header                 { return d.h }
func (d *discardWriter) WriteHeader(code int)                { d.status = code }
func (d *discardWriter) Write(b []byte) (int, error)         { return len(b), nil }
func (d *discardWriter) WriteString(s string) (int, error)   { return len(s), nil }
func (d *discardWriter) ReadFrom(r io.Reader) (int64, error) { return io.Copy(io.Discard, r) }
func (d *discardWriter) Flush()                              {}

// reset readies the writer for the next iteration, keeping the header
// map's storage as net/http would give a fresh, empty map.
func (d *discardWriter) reset() { clear(d.h); d.status = 0 }

var helloBody = []byte("hello, world\n")

func hello(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Write(helloBody)
}

func benchServe(b *testing.B, h http.Handler, r *http.Request) {
	b.Helper()
	w := newDiscardWriter()
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		w.reset()
		h.ServeHTTP(w, r)
	}
}

func benchMiddleware(b *testing.B) *Middleware {
	m, err := New(Options{Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		b.Fatal(err)
	}
	return m
}

// BenchmarkBare is the yardstick: the handler without any middleware.
func BenchmarkBare(b *testing.B) {
	benchServe(b, http.HandlerFunc(hello), httptest.NewRequest("GET", "/", nil))
}

// BenchmarkPassThrough is the same handler behind errorpage.
func BenchmarkPassThrough(b *testing.B) {
	benchServe(b, benchMiddleware(b).Handler(http.HandlerFunc(hello)), httptest.NewRequest("GET", "/", nil))
}

// BenchmarkHTTPError is the yardstick for an error: http.Error's plain text.
func BenchmarkHTTPError(b *testing.B) {
	benchServe(b, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "Service Unavailable", http.StatusServiceUnavailable)
	}), httptest.NewRequest("GET", "/", nil))
}

func failing503(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusServiceUnavailable) }

func errorRequest(accept string) *http.Request {
	r := httptest.NewRequest("GET", "/orders/42", nil)
	r.Header.Set("Accept", accept)
	r.Header.Set("X-Request-Id", "7f3a9c0e-1b2d-4e5f-8a9b-0c1d2e3f4a5b")
	return r
}

// BenchmarkPageHTML is the full HTML 503 page with a request ID.
func BenchmarkPageHTML(b *testing.B) {
	benchServe(b, benchMiddleware(b).Handler(http.HandlerFunc(failing503)),
		errorRequest("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"))
}

// BenchmarkPageHTMLJapanese is the same in the visitor's language.
func BenchmarkPageHTMLJapanese(b *testing.B) {
	r := errorRequest("text/html")
	r.Header.Set("Accept-Language", "ja,en-US;q=0.9,en;q=0.8")
	benchServe(b, benchMiddleware(b).Handler(http.HandlerFunc(failing503)), r)
}

// BenchmarkPageJSON is the problem document for the same error.
func BenchmarkPageJSON(b *testing.B) {
	benchServe(b, benchMiddleware(b).Handler(http.HandlerFunc(failing503)), errorRequest("application/json"))
}

// BenchmarkPageText is the plain-text page for the same error.
func BenchmarkPageText(b *testing.B) {
	benchServe(b, benchMiddleware(b).Handler(http.HandlerFunc(failing503)), errorRequest("*/*"))
}

// BenchmarkPanic is a panic turned into the HTML page. The stack is always
// captured; with slog.DiscardHandler the record is then dropped, with a text
// handler writing to io.Discard it is also formatted.
func BenchmarkPanic(b *testing.B) {
	for _, tt := range []struct {
		name string
		h    slog.Handler
	}{
		{"DiscardHandler", slog.DiscardHandler},
		{"TextHandler", slog.NewTextHandler(io.Discard, nil)},
	} {
		b.Run(tt.name, func(b *testing.B) {
			m, err := New(Options{Logger: slog.New(tt.h)})
			if err != nil {
				b.Fatal(err)
			}
			benchServe(b, m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				panic("boom")
			})), errorRequest("text/html"))
		})
	}
}

// zeros is an endless reader of zero bytes that is not an io.WriterTo, so
// io.Copy goes through the writer's ReadFrom.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) { clear(p); return len(p), nil }

const gib = 1 << 30

// benchBigBody serves a 1 GiB body and reports the bytes allocated while
// doing so: the middleware must stream it, never hold it.
func benchBigBody(b *testing.B, h http.Handler) {
	r := httptest.NewRequest("GET", "/", nil)
	w := newDiscardWriter()
	b.SetBytes(gib)
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	b.ResetTimer()
	for range b.N {
		w.reset()
		h.ServeHTTP(w, r)
	}
	b.StopTimer()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(b.N), "alloc-B/GiB")
	b.ReportMetric(float64(int64(after.HeapInuse)-int64(before.HeapInuse)), "heap-growth-B")
}

// Benchmark1GiBUnder5xx discards a 1 GiB body written under a 503, through
// both Write and ReadFrom.
func Benchmark1GiBUnder5xx(b *testing.B) {
	m := benchMiddleware(b)
	b.Run("Write", func(b *testing.B) {
		benchBigBody(b, m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusServiceUnavailable)
			chunk := make([]byte, 32<<10)
			for range gib / len(chunk) {
				w.Write(chunk)
			}
		})))
	})
	b.Run("ReadFrom", func(b *testing.B) {
		benchBigBody(b, m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusServiceUnavailable)
			io.Copy(w, io.LimitReader(zeros{}, gib))
		})))
	})
}

// Benchmark1GiBStream200 passes a 1 GiB 200 stream through.
func Benchmark1GiBStream200(b *testing.B) {
	m := benchMiddleware(b)
	benchBigBody(b, m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(w, io.LimitReader(zeros{}, gib))
	})))
}

// BenchmarkClientErrors compares ServeMux's bare 404 with the 404 page and
// with an API's JSON 404 passing through, under ClientErrors.
func BenchmarkClientErrors(b *testing.B) {
	m, err := New(Options{Logger: slog.New(slog.DiscardHandler), ClientErrors: true})
	if err != nil {
		b.Fatal(err)
	}
	apiNotFound := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusNotFound)
		io.WriteString(w, `{"error":"no such user"}`)
	})
	b.Run("bare http.NotFound", func(b *testing.B) {
		benchServe(b, http.NotFoundHandler(), errorRequest("text/html"))
	})
	b.Run("404 page", func(b *testing.B) {
		benchServe(b, m.Handler(http.NotFoundHandler()), errorRequest("text/html"))
	})
	b.Run("bare JSON 404", func(b *testing.B) {
		benchServe(b, apiNotFound, errorRequest("application/json"))
	})
	b.Run("JSON 404 passing", func(b *testing.B) {
		benchServe(b, m.Handler(apiNotFound), errorRequest("application/json"))
	})
}

// BenchmarkPagePieces measures, one by one, the steps an error page takes
// besides writing its headers and body, with the request of BenchmarkPeers'
// 503 page: what the page costs above its replay is their sum.
func BenchmarkPagePieces(b *testing.B) {
	m := benchMiddleware(b)
	r := httptest.NewRequest(http.MethodGet, "/some/path", nil)
	r.Header.Set("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
	r.Header.Set("X-Request-Id", "req-7f3a9c2e")
	empty := http.Header{}
	d := pageData{status: 503, requestID: "req-7f3a9c2e", retry: "Please try again in 30 seconds.", retrySeconds: 30}
	pieces := []struct {
		name string
		step func()
	}{
		{"decide", func() { m.rules.policy.decide(r, 503, empty) }},
		{"request ID and report", func() { ev := ErrorEvent{Status: 503}; m.report.report(r, &ev) }},
		{"negotiate Accept", func() { negotiate(r.Header) }},
		{"choose the language", func() { m.render.langs.choose(r.Header["Accept-Language"]) }},
		{"retry sentence", func() { m.render.langs.retryIn(0, 30*time.Second) }},
		{"compiled HTML body", func() {
			out := body{buf: getBuffer()}
			_ = m.render.builtin(context.Background(), &out, formatHTML, &d)
			putBuffer(out.buf)
		}},
		{"pooled buffer alone", func() { putBuffer(getBuffer()) }},
	}
	for _, p := range pieces {
		b.Run(p.name, func(b *testing.B) {
			b.ReportAllocs()
			for range b.N {
				p.step()
			}
		})
	}
}
