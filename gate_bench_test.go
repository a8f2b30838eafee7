package errorpage

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/errorpage/errorpage/maintenance"
)

// BenchmarkMaintenance measures what the gate adds to a request: off (one
// atomic load), on (the 503 page), and let through by a bypass.
func BenchmarkMaintenance(b *testing.B) {
	ok := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(204) })
	cookie := bypassCookie(b, "s3cretS3cretS3cret")
	cases := []struct {
		name  string
		st    maintenance.State
		o     maintenance.Options
		setup func(*http.Request)
	}{
		{"no source", maintenance.State{}, maintenance.Options{}, nil},
		{"off", maintenance.State{}, maintenance.Options{Source: &maintenance.Switch{}}, nil},
		{"on: 503 page", maintenance.State{On: true, Until: time.Now().Add(time.Hour)}, maintenance.Options{Source: &maintenance.Switch{}}, func(r *http.Request) { r.Header.Set("Accept", "text/html") }},
		{"on: allowed path", maintenance.State{On: true}, maintenance.Options{Source: &maintenance.Switch{}, AllowPaths: []string{"/healthz"}}, func(r *http.Request) { r.URL.Path = "/healthz" }},
		{"on: allowed network", maintenance.State{On: true}, maintenance.Options{Source: &maintenance.Switch{}, AllowNetworks: []string{"192.0.2.0/24"}}, nil},
		{"on: bypass cookie", maintenance.State{On: true, Secret: "s3cretS3cretS3cret"}, maintenance.Options{Source: &maintenance.Switch{}}, func(r *http.Request) { r.AddCookie(cookie) }},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			if sw, ok := c.o.Source.(*maintenance.Switch); ok {
				sw.Set(c.st)
			}
			m, err := New(Options{Maintenance: c.o})
			if err != nil {
				b.Fatal(err)
			}
			h := m.Handler(ok)
			req := httptest.NewRequest("GET", "/", nil)
			req.RemoteAddr = "192.0.2.1:1234"
			if c.setup != nil {
				c.setup(req)
			}
			w := &discardWriter{h: http.Header{}}
			b.ReportAllocs()
			for b.Loop() {
				w.reset()
				h.ServeHTTP(w, req)
			}
		})
	}
}

// bypassCookie is a valid bypass cookie for secret, as the secret URL
// hands it out.
func bypassCookie(b *testing.B, secret string) *http.Cookie {
	var sw maintenance.Switch
	sw.Enable(maintenance.State{Secret: secret})
	m, err := New(Options{Maintenance: maintenance.Options{Source: &sw}})
	if err != nil {
		b.Fatal(err)
	}
	rec := httptest.NewRecorder()
	m.Handler(http.NotFoundHandler()).ServeHTTP(rec, httptest.NewRequest("GET", "/"+secret, nil))
	cookies := rec.Result().Cookies()
	if len(cookies) != 1 {
		b.Fatalf("the secret URL set %d cookies, want 1", len(cookies))
	}
	return cookies[0]
}
