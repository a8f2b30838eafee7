package errorpage

import (
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestProblemDocumentsOfTheAPIPassThrough(t *testing.T) {
	m, _ := newTestMiddleware(t, Options{})
	const doc = `{"type":"https://example.com/out-of-credit","title":"Out of credit","status":503}`
	res, body := do(t, m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/problem+json; charset=utf-8")
		w.Header().Set("Cache-Control", "public, max-age=600")
		w.Header().Set("Expires", "Thu, 01 Dec 2099 16:00:00 GMT")
		w.WriteHeader(503)
		io.WriteString(w, doc)
	})), "GET", "/", "Accept", "text/html")
	assert.Equal(t, doc, body, "the API's own answer")
	assert.Equal(t, "no-store", res.Header.Get("Cache-Control"), "with only the cache headers fixed")
	assert.Empty(t, res.Header.Get("Expires"))
}

func TestReplaceOptionDecidesPerResponse(t *testing.T) {
	var asked atomic.Int32
	m, _ := newTestMiddleware(t, Options{Replace: func(r *http.Request, status int, h http.Header) bool {
		asked.Add(1)
		return !strings.HasPrefix(r.URL.Path, "/api/")
	}})
	h := m.Handler(failing(500))
	_, api := do(t, h, "GET", "/api/x")
	res, page := do(t, h, "GET", "/web/x")
	assert.Equal(t, "inner body: stack trace and secrets", api, "the API keeps its body")
	assert.Contains(t, page, "Something went wrong")
	assert.Equal(t, "no-store", res.Header.Get("Cache-Control"))
	assert.Equal(t, int32(2), asked.Load())
}

func TestStatusesOption(t *testing.T) {
	m, _ := newTestMiddleware(t, Options{Statuses: []int{500, 503}})
	_, body := do(t, m.Handler(failing(502)), "GET", "/")
	assert.Equal(t, "inner body: stack trace and secrets", body, "502 is not in Statuses")
	_, body = do(t, m.Handler(failing(503)), "GET", "/")
	assert.NotContains(t, body, "inner body")
}
