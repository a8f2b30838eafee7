package errorpage

import (
	"log/slog"
	"net/http"
	"testing"
)

// BenchmarkObserve measures the observer: "nil" is the middleware without
// one (compare with BenchmarkPassThrough and BenchmarkPageHTML, which it
// repeats), "set" has an observer that counts its calls. calls/op is the
// number of observer calls per request: 0 for a pass-through, 1 for a
// replaced page, 2 for a panic (the panic, then its page).
func BenchmarkObserve(b *testing.B) {
	cases := []struct {
		name    string
		handler http.HandlerFunc
		req     *http.Request
	}{
		{"PassThrough", hello, errorRequest("text/html")},
		{"PageHTML", failing503, errorRequest("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")},
		{"Panic", func(http.ResponseWriter, *http.Request) { panic("boom") }, errorRequest("text/html")},
	}
	for _, c := range cases {
		for _, observed := range []bool{false, true} {
			name := c.name + "/nil"
			if observed {
				name = c.name + "/set"
			}
			b.Run(name, func(b *testing.B) {
				calls := 0
				opts := Options{Logger: slog.New(slog.DiscardHandler)}
				if observed {
					opts.Observe = func(_ *http.Request, e Event) { calls++ }
				}
				m, err := New(opts)
				if err != nil {
					b.Fatal(err)
				}
				benchServe(b, m.Handler(c.handler), c.req)
				b.ReportMetric(float64(calls)/float64(b.N), "calls/op")
			})
		}
	}
}
