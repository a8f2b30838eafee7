package errorpage

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
)

// RFC 9457 §3.1.5: "instance" is a URI reference. render.go/writeError put
// r.URL.Path there, the *decoded* path: "/a%20b" becomes "/a b" (not a
// URI reference), "/files/a%2Fb" becomes "/files/a/b" (another resource).
func TestRegression_ProblemInstanceIsNotAURIReference(t *testing.T) {
	m, _ := newTestMiddleware(t, Options{})
	h := m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusInternalServerError)
	}))
	for _, target := range []string{"/a%20b", "/files/a%2Fb"} {
		req := httptest.NewRequest("GET", target, nil)
		req.Header.Set("Accept", "application/json")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		var p struct{ Instance string }
		if err := json.Unmarshal(rec.Body.Bytes(), &p); err != nil {
			t.Fatal(err)
		}
		if _, err := url.Parse(p.Instance); err != nil || p.Instance != target {
			t.Errorf("request %s: instance %q is not the request's URI reference (want %q)", target, p.Instance, target)
		}
	}
}

// An outer middleware that sets a validator before calling next (a caching
// layer, say) left it on the replaced page, inviting a cache to revalidate
// the error as if it were the resource.
func TestRegression_OuterValidatorsSurviveOnThePage(t *testing.T) {
	m, _ := newTestMiddleware(t, Options{})
	outer := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"v7"`)
		w.Header().Set("Last-Modified", "Wed, 21 Oct 2015 07:28:00 GMT")
		w.Header().Set("Content-Encoding", "gzip") // an outer compressor's: kept
		m.Handler(failing(500)).ServeHTTP(w, r)
	})
	rec := httptest.NewRecorder()
	outer.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	assert.Empty(t, rec.Header().Get("ETag"))
	assert.Empty(t, rec.Header().Get("Last-Modified"))
	assert.Equal(t, "gzip", rec.Header().Get("Content-Encoding"))
}

// OnError's reference was cut at byte 256, which could split a character
// and put invalid UTF-8 into the page.
func TestRegression_LongReferenceCutInsideACharacter(t *testing.T) {
	ref := strings.Repeat("a", 255) + "é" // é is two bytes: 255 and 256
	got := cleanReference(ref)
	assert.True(t, utf8.ValidString(got), "got invalid UTF-8 %q", got[250:])
	assert.Equal(t, strings.Repeat("a", 255), got)
}
