package errorpage

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
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

// TestClientErrorsAreOptIn: the zero Options leave every 4xx alone, even
// net/http's own bare 404.
func TestClientErrorsAreOptIn(t *testing.T) {
	m, _ := newTestMiddleware(t, Options{})
	res, body := do(t, m.Handler(http.NotFoundHandler()), "GET", "/x", "Accept", "text/html")
	assert.Equal(t, 404, res.StatusCode)
	assert.Equal(t, "404 page not found\n", body, "got %q, want net/http's own answer", body)

	m, _ = newTestMiddleware(t, Options{ClientErrors: true})
	res, body = do(t, m.Handler(http.NotFoundHandler()), "GET", "/x", "Accept", "text/html")
	assert.Equal(t, 404, res.StatusCode)
	assert.Contains(t, body, "Page not found", "ClientErrors replaces it")

	m, _ = newTestMiddleware(t, Options{Statuses: []int{404, 500}})
	_, body = do(t, m.Handler(http.NotFoundHandler()), "GET", "/x", "Accept", "text/html")
	assert.Contains(t, body, "Page not found", "a 4xx listed in Statuses is replaced")
	res, body = do(t, m.Handler(failing(403)), "GET", "/x", "Accept", "text/html")
	assert.Equal(t, 403, res.StatusCode)
	assert.Equal(t, "inner body: stack trace and secrets", body, "a 4xx Statuses does not list passes")
}

// TestClientErrors_OnlyWhatIsNotAnAnswerIsReplaced is the body rule: a 4xx
// is replaced only when, at WriteHeader, nothing says it is the
// application's answer.
func TestClientErrors_OnlyWhatIsNotAnAnswerIsReplaced(t *testing.T) {
	tests := []struct {
		name     string
		handler  http.HandlerFunc
		replaced bool
	}{
		{"empty", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(404) }, true},
		{"http.NotFound", http.NotFound, true},
		{"http.Error", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "bad input", 400) }, true},
		{"text/plain without charset", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "TEXT/PLAIN")
			w.WriteHeader(404)
			io.WriteString(w, "nope")
		}, true},
		{"MaxBytesReader's 413", func(w http.ResponseWriter, r *http.Request) {
			r.Body = http.MaxBytesReader(w, io.NopCloser(strings.NewReader("a body too long")), 4)
			if _, err := io.ReadAll(r.Body); err != nil {
				http.Error(w, err.Error(), http.StatusRequestEntityTooLarge)
			}
		}, true},
		{"JSON", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(404)
			io.WriteString(w, `{"error":"no such user"}`)
		}, false},
		{"HTML", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(404)
			io.WriteString(w, `<h1>Our own 404</h1>`)
		}, false},
		{"problem+json", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/problem+json")
			w.WriteHeader(422)
			io.WriteString(w, `{"title":"Invalid","status":422}`)
		}, false},
		// Headers set after WriteHeader have no effect on the response
		// (net/http would send none of them), nor on the decision.
		{"body written before Content-Type", func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(404)
			io.WriteString(w, `{"error":"late type"}`)
			w.Header().Set("Content-Type", "application/json")
		}, true},
	}
	m, _ := newTestMiddleware(t, Options{ClientErrors: true})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bare := httptest.NewRecorder()
			tt.handler(bare, httptest.NewRequest("POST", "/u/7", nil))

			res, body := do(t, m.Handler(tt.handler), "POST", "/u/7", "Accept", "application/json")
			assert.Equal(t, bare.Code, res.StatusCode, "the status is the handler's")
			if !tt.replaced {
				assert.Equal(t, bare.Body.String(), body, "the API's own answer passes untouched")
				assert.Equal(t, bare.Header().Get("Content-Type"), res.Header.Get("Content-Type"))
				assert.Empty(t, res.Header.Get("Cache-Control"), "an unreplaced 4xx gets no cache header of ours")
				return
			}
			assert.Equal(t, "application/problem+json", res.Header.Get("Content-Type"), "got body %q", body)
			assert.Contains(t, body, `"status":`+strconv.Itoa(bare.Code))
			assert.Equal(t, "no-store", res.Header.Get("Cache-Control"))
		})
	}
}

// TestClientErrors_ReplaceHasTheLastWord: Replace can keep a 4xx that would
// be replaced, and is not asked about one that is the API's answer.
func TestClientErrors_ReplaceHasTheLastWord(t *testing.T) {
	var asked []int
	m, _ := newTestMiddleware(t, Options{ClientErrors: true, Replace: func(r *http.Request, status int, h http.Header) bool {
		asked = append(asked, status)
		return !strings.HasPrefix(r.URL.Path, "/api/")
	}})
	h := m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/api/json" {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(404)
			io.WriteString(w, `{}`)
			return
		}
		http.NotFound(w, r)
	}))
	res, body := do(t, h, "GET", "/api/plain", "Accept", "text/html")
	assert.Equal(t, "404 page not found\n", body, "Replace kept it")
	assert.Empty(t, res.Header.Get("Cache-Control"), "a kept 4xx is untouched")
	_, body = do(t, h, "GET", "/api/json", "Accept", "text/html")
	assert.Equal(t, "{}", body)
	_, body = do(t, h, "GET", "/web", "Accept", "text/html")
	assert.Contains(t, body, "Page not found")
	assert.Equal(t, []int{404, 404}, asked, "asked about the two plain ones only")
}

// TestClientErrors_KeptByAnInnerErrorpageIsNotReplacedOutside: the
// innermost errorpage decides for a 4xx too.
func TestClientErrors_KeptByAnInnerErrorpageIsNotReplacedOutside(t *testing.T) {
	inner, _ := newTestMiddleware(t, Options{ClientErrors: true, Replace: func(*http.Request, int, http.Header) bool { return false }})
	outer, _ := newTestMiddleware(t, Options{ClientErrors: true})
	_, body := do(t, outer.Handler(inner.Handler(http.NotFoundHandler())), "GET", "/", "Accept", "text/html")
	assert.Equal(t, "404 page not found\n", body)
}

// TestClientErrors_HEAD: a replaced 4xx answers HEAD with the page's
// headers and no body.
func TestClientErrors_HEAD(t *testing.T) {
	m, _ := newTestMiddleware(t, Options{ClientErrors: true})
	h := m.Handler(http.NotFoundHandler())
	get, _ := do(t, h, "GET", "/x", "Accept", "text/html")
	head, body := do(t, h, "HEAD", "/x", "Accept", "text/html")
	assert.Equal(t, 404, head.StatusCode)
	assert.Empty(t, body)
	assert.Equal(t, "text/html; charset=utf-8", head.Header.Get("Content-Type"))
	assert.Equal(t, get.Header.Get("Content-Length"), head.Header.Get("Content-Length"), "HEAD's Content-Length equals GET's")
}
