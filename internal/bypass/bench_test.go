package bypass

import (
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/errorpage/errorpage/maintenance"
)

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

// BenchmarkBypassCookie measures the policy against one valid cookie and
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
	pol, err := New(maintenance.Options{})
	if err != nil {
		b.Fatal(err)
	}
	st := maintenance.State{On: true, Secret: "s3cretS3cretS3cret-s3cretS3cretS3cret-s3cretS3cretS3cret"}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			w := httptest.NewRecorder()
			b.ReportAllocs()
			for b.Loop() {
				pol.Decide(w, c.req, st, now)
			}
		})
	}
}
