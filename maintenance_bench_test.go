package errorpage

import (
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"
)

// BenchmarkMaintenance measures what the gate adds to a request: off (one
// atomic load), on (the 503 page), and let through by a bypass.
func BenchmarkMaintenance(b *testing.B) {
	ok := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(204) })
	key := newBypassKey("s3cretS3cretS3cret").mac
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
		{"on: bypass cookie", MaintenanceState{On: true, Secret: "s3cretS3cretS3cret"}, MaintenanceOptions{Source: &Switch{}}, func(r *http.Request) { r.AddCookie(cookie) }},
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

// floodRequest is a request carrying n cookies named like the bypass
// cookie, each with the value value(i).
func floodRequest(n int, value func(i int) string) *http.Request {
	req := httptest.NewRequest("GET", "/", nil)
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(defaultCookieName + "=" + value(i))
	}
	req.Header.Set("Cookie", b.String())
	return req
}

// forgedCookie is well formed, claims an expiry in range at now, and has
// a wrong MAC.
func forgedCookie(now time.Time) func(int) string {
	v := "v1." + strconv.FormatInt(now.Add(time.Hour).Unix(), 10) + "." + strings.Repeat("A", 43)
	return func(int) string { return v }
}

// BenchmarkBypassCookie measures the gate against one valid cookie and
// against floods of 3 000 cookies named like it (as HTTP/2 allows in one
// request): forged ones with an expiry in range, and ones whose expiry is
// out of range.
func BenchmarkBypassCookie(b *testing.B) {
	now := time.Now()
	valid := signBypassCookie(newBypassKey("s3cretS3cretS3cret-s3cretS3cretS3cret-s3cretS3cretS3cret").mac, now.Add(time.Hour))
	far := "v1." + strconv.FormatInt(now.Add(1000*time.Hour).Unix(), 10) + "." + strings.Repeat("A", 43)
	cases := []struct {
		name string
		req  *http.Request
	}{
		{"one valid", floodRequest(1, func(int) string { return valid })},
		{"3000 forged", floodRequest(3000, forgedCookie(now))},
		{"3000 out of range", floodRequest(3000, func(int) string { return far })},
	}
	var sw Switch
	sw.Enable(MaintenanceState{Secret: "s3cretS3cretS3cret-s3cretS3cretS3cret-s3cretS3cretS3cret"})
	m, err := New(Options{Maintenance: MaintenanceOptions{Source: &sw}, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		b.Fatal(err)
	}
	h := m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(204) }))
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			w := &discardWriter{h: http.Header{}}
			b.ReportAllocs()
			for b.Loop() {
				w.reset()
				h.ServeHTTP(w, c.req)
			}
		})
	}
}
