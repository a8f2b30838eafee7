package errorpage

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestProblemInstanceIsTheRequestURIReference guards the problem document's
// instance member. The bug it pins:
// RFC 9457 §3.1.5: "instance" is a URI reference. render.go/writeError put
// r.URL.Path there, the *decoded* path: "/a%20b" becomes "/a b" (not a
// URI reference), "/files/a%2Fb" becomes "/files/a/b" (another resource).
func TestProblemInstanceIsTheRequestURIReference(t *testing.T) {
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
		require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &p))
		_, err := url.Parse(p.Instance)
		assert.NoError(t, err, "request %s: instance %q is no URI reference", target, p.Instance)
		assert.Equal(t, target, p.Instance, "request %s: the instance is the request's URI reference", target)
	}
}
