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

// OnError's reference was cut at byte 256, which could split a character
// and put invalid UTF-8 into the page.
func TestRegression_LongReferenceCutInsideACharacter(t *testing.T) {
	ref := strings.Repeat("a", 255) + "é" // é is two bytes: 255 and 256
	got := cleanReference(ref)
	assert.True(t, utf8.ValidString(got), "got invalid UTF-8 %q", got[250:])
	assert.Equal(t, strings.Repeat("a", 255), got)
}
