package errorpage

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNegotiate(t *testing.T) {
	tests := []struct {
		name   string
		accept []string
		want   format
	}{
		{"no Accept", nil, formatText},
		{"*/*, as curl and fetch send", []string{"*/*"}, formatText},
		{"a browser", []string{"text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"}, formatHTML},
		{"JSON", []string{"application/json"}, formatJSON},
		{"problem+json", []string{"application/problem+json"}, formatJSON},
		{"a vendor +json type", []string{"application/vnd.api+json"}, formatJSON},
		{"axios: JSON listed first wins the tie", []string{"application/json, text/plain, */*"}, formatJSON},
		{"text first wins the tie", []string{"text/plain, application/json"}, formatText},
		{"q-values", []string{"text/html;q=0.5, application/json;q=0.9"}, formatJSON},
		{"q=0 refuses", []string{"text/html;q=0, */*"}, formatText},
		{"q=0 refuses the only match", []string{"application/json;q=0"}, formatText},
		{"the most specific range sets the quality", []string{"text/*;q=0.1, text/html"}, formatHTML},
		{"a more specific q=0 beats a general range", []string{"text/html;q=0, text/*"}, formatText},
		{"text/* prefers plain text", []string{"text/*"}, formatText},
		{"application/* means JSON", []string{"application/*"}, formatJSON},
		{"case-insensitive", []string{"TEXT/HTML; Q=1"}, formatHTML},
		{"spaces", []string{"  application/json  ;  q=0.8 , text/plain;q=0.2"}, formatJSON},
		{"several header fields", []string{"text/plain;q=0.1", "text/html"}, formatHTML},
		{"other parameters", []string{"text/html;level=1;q=0.7, application/json;charset=utf-8;q=0.6"}, formatHTML},
		{"nothing we offer", []string{"image/png"}, formatText},
		{"malformed q is skipped", []string{"text/html;q=abc, application/json;q=0.5"}, formatJSON},
		{"q above 1 is malformed", []string{"text/html;q=1.5"}, formatText},
		{"too many decimals is malformed", []string{"text/html;q=0.1234"}, formatText},
		{"garbage", []string{";;;,,,/"}, formatText},
		{"a lone type", []string{"html"}, formatText},
		{"*/html is not a range", []string{"*/html"}, formatText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := http.Header{}
			for _, v := range tt.accept {
				h.Add("Accept", v)
			}
			assert.Equal(t, tt.want, negotiate(h), "Accept %q", tt.accept)
		})
	}
}

func TestNegotiateDoesNotAllocate(t *testing.T) {
	h := http.Header{"Accept": {"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}}
	allocs := testing.AllocsPerRun(100, func() { negotiate(h) })
	assert.Zero(t, allocs, "negotiate runs on every error response")
}

// TestNegotiateOnSeveralLines guards RFC 9110 §5.3 for Accept: a value
// split over two header lines means what it means on one.
func TestNegotiateOnSeveralLines(t *testing.T) {
	for _, lines := range [][]string{
		{"text/plain;q=0.1", "text/html"},
		{"image/png, image/webp", "text/html;q=0.9, */*;q=0.1"},
		{"", "text/html"},
	} {
		h := http.Header{"Accept": lines}
		joined := http.Header{"Accept": {strings.Join(lines, ",")}}
		assert.Equal(t, formatHTML, negotiate(h), "Accept lines %q", lines)
		assert.Equal(t, negotiate(joined), negotiate(h), "Accept lines %q and joined", lines)
	}
}

// TestNegotiateReadsABoundedList guards the cost of a huge Accept: only
// the first ranges count, so what follows a long list is not read.
func TestNegotiateReadsABoundedList(t *testing.T) {
	long := strings.Repeat("image/png,", maxListElems) + "text/html"
	assert.Equal(t, formatText, negotiate(http.Header{"Accept": {long}}), "a range after the first %d is not read", maxListElems)
	long = strings.Repeat(" ", maxListBytes) + ",text/html"
	assert.Equal(t, formatText, negotiate(http.Header{"Accept": {long}}), "a range after the first %d bytes is not read", maxListBytes)
	lines := append(make([]string, maxListBytes), "text/html")
	assert.Equal(t, formatText, negotiate(http.Header{"Accept": lines}), "a range after %d empty lines is not read", maxListBytes)
	within := strings.Repeat("image/png,", maxListElems-1) + "text/html"
	assert.Equal(t, formatHTML, negotiate(http.Header{"Accept": {within}}), "the last range within the bound is read")
}

func BenchmarkNegotiate(b *testing.B) {
	for _, tc := range []struct{ name, accept string }{
		{"browser", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"},
		{"1MiB-stars", strings.Repeat("*/*,", 1<<18)},
		{"1MiB-junk", strings.Repeat("x", 1<<20)},
	} {
		b.Run(tc.name, func(b *testing.B) {
			h := http.Header{"Accept": {tc.accept}}
			b.ReportAllocs()
			for b.Loop() {
				negotiate(h)
			}
		})
	}
}

func TestNegotiatedFormats(t *testing.T) {
	m, _ := newTestMiddleware(t, Options{OnError: func(*http.Request, ErrorEvent) string { return "ref-42" }})
	h := m.Handler(failing(503))
	t.Run("problem+json", func(t *testing.T) {
		res, body := do(t, h, "GET", "/orders/7?x=1", "Accept", "application/json", "X-Request-Id", "req-1")
		assert.Equal(t, "application/problem+json", res.Header.Get("Content-Type"))
		var p map[string]any
		require.NoError(t, json.Unmarshal([]byte(body), &p), "body: %s", body)
		assert.Equal(t, "about:blank", p["type"])
		assert.Equal(t, "Service Unavailable", p["title"], "the title of about:blank is the status phrase")
		assert.Equal(t, float64(503), p["status"], "status equals the HTTP status")
		assert.Equal(t, "/orders/7", p["instance"])
		assert.Equal(t, "req-1", p["request_id"])
		assert.Equal(t, "ref-42", p["reference"])
		assert.Equal(t, float64(30), p["retry_after"])
		assert.NotEmpty(t, p["detail"])
		assert.NotContains(t, body, "inner body")
	})
	t.Run("text/plain without Accept", func(t *testing.T) {
		res, body := do(t, h, "GET", "/", "X-Request-Id", "req-2")
		assert.Equal(t, "text/plain; charset=utf-8", res.Header.Get("Content-Type"))
		assert.Contains(t, body, "Error 503: Service unavailable")
		assert.Contains(t, body, "Request ID: req-2")
		assert.Contains(t, body, "Reference: ref-42")
		assert.Equal(t, "default-src 'none'; frame-ancestors 'none'", res.Header.Get("Content-Security-Policy"))
	})
	t.Run("html for browsers", func(t *testing.T) {
		res, body := do(t, h, "GET", "/", "Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "X-Request-Id", "req-3")
		assert.Equal(t, "text/html; charset=utf-8", res.Header.Get("Content-Type"))
		assert.Contains(t, body, `<code data-testid="request-id"`)
		assert.Contains(t, body, ">req-3</code>")
		assert.Contains(t, body, ">ref-42</code>")
	})
}
