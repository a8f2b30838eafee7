package errorpage

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

// BenchmarkMaintenance measures what the gate adds to a request: off (one
// atomic load), on (the 503 page), and let through by a bypass.
func BenchmarkMaintenance(b *testing.B) {
	ok := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(204) })
	key := newBypassKey("s3cret").mac
	cookie := &http.Cookie{Name: defaultCookieName, Value: signBypassCookie(key, time.Now().Add(time.Hour))}
	cases := []struct {
		name  string
		st    MaintenanceState
		o     MaintenanceOptions
		setup func(*http.Request)
	}{
		{"no source", MaintenanceState{}, MaintenanceOptions{}, nil},
		{"off", MaintenanceState{}, MaintenanceOptions{Source: &Switch{}}, nil},
		{"on: 503 page", MaintenanceState{On: true, Until: time.Now().Add(time.Hour)}, MaintenanceOptions{Source: &Switch{}}, func(r *http.Request) { r.Header.Set("Accept", "text/html") }},
		{"on: allowed path", MaintenanceState{On: true}, MaintenanceOptions{Source: &Switch{}, AllowPaths: []string{"/healthz"}}, func(r *http.Request) { r.URL.Path = "/healthz" }},
		{"on: allowed network", MaintenanceState{On: true}, MaintenanceOptions{Source: &Switch{}, AllowNetworks: []string{"192.0.2.0/24"}}, nil},
		{"on: bypass cookie", MaintenanceState{On: true, Secret: "s3cret"}, MaintenanceOptions{Source: &Switch{}}, func(r *http.Request) { r.AddCookie(cookie) }},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			if sw, ok := c.o.Source.(*Switch); ok {
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
