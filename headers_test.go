package errorpage

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httptrace"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestKeptHeadersSurviveAnOuterValue guards the headers a replaced response
// keeps from the handler (Set-Cookie with KeepSetCookie, WWW-Authenticate,
// Access-Control-*, Retry-After) when an outer middleware set the same
// name: the outer values and the handler's both survive.
func TestKeptHeadersSurviveAnOuterValue(t *testing.T) {
	m, _ := newTestMiddleware(t, Options{KeepSetCookie: true})
	outer := func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			http.SetCookie(w, &http.Cookie{Name: "outer", Value: "1"})
			w.Header().Set("WWW-Authenticate", `Basic realm="site"`)
			w.Header().Set("Access-Control-Expose-Headers", "X-Outer")
			w.Header().Set("Retry-After", "120")
			next.ServeHTTP(w, r)
		})
	}
	inner := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.SetCookie(w, &http.Cookie{Name: "inner", Value: "2"}) // added to the outer's
		w.Header().Add("WWW-Authenticate", `Bearer realm="api"`)   // added
		w.Header().Set("Access-Control-Expose-Headers", "X-Inner") // replaced the outer's
		w.Header().Set("Retry-After", "7")                         // the handler knows best
		w.Header().Set("X-Debug", "dropped")                       // not kept
		w.WriteHeader(http.StatusServiceUnavailable)
	})
	res, _ := do(t, outer(m.Handler(inner)), "GET", "/")
	h := res.Header
	assert.Equal(t, []string{"outer=1", "inner=2"}, h.Values("Set-Cookie"))
	assert.Equal(t, []string{`Basic realm="site"`, `Bearer realm="api"`}, h.Values("WWW-Authenticate"))
	assert.Equal(t, []string{"X-Outer", "X-Inner"}, h.Values("Access-Control-Expose-Headers"))
	assert.Equal(t, []string{"7"}, h.Values("Retry-After"), "one Retry-After, the handler's")
	assert.Empty(t, h.Values("X-Debug"))

	// An invalid Retry-After of the handler's leaves the outer's.
	res, _ = do(t, outer(m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "soon")
		w.WriteHeader(http.StatusServiceUnavailable)
	}))), "GET", "/")
	assert.Equal(t, []string{"120"}, res.Header.Values("Retry-After"))
}

// TestConnectionCloseIsKeptOnAReplacedError guards a load-shedding 503
// (RFC 9110 §7.6.1): Connection does not describe the discarded body, so a
// handler's Connection: close still closes the connection, over HTTP/1
// (Connection: close) and HTTP/2 (GOAWAY), as it does without errorpage.
func TestConnectionCloseIsKeptOnAReplacedError(t *testing.T) {
	m, _ := newTestMiddleware(t, Options{})
	shed := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Connection", "close")
		w.WriteHeader(http.StatusServiceUnavailable)
	})
	for _, h2 := range []bool{false, true} {
		for name, h := range map[string]http.Handler{"bare": shed, "errorpage": m.Handler(shed)} {
			t.Run(map[bool]string{false: "HTTP/1.1 ", true: "HTTP/2 "}[h2]+name, func(t *testing.T) {
				srv := httptest.NewUnstartedServer(h)
				srv.EnableHTTP2 = h2
				srv.Config.ErrorLog = newDiscardLogger()
				srv.StartTLS()
				t.Cleanup(srv.Close)
				client := srv.Client()
				var reused []bool
				for range 2 {
					trace := &httptrace.ClientTrace{GotConn: func(info httptrace.GotConnInfo) { reused = append(reused, info.Reused) }}
					req, err := http.NewRequestWithContext(httptrace.WithClientTrace(context.Background(), trace), "GET", srv.URL, nil)
					require.NoError(t, err)
					res, err := client.Do(req)
					require.NoError(t, err)
					io.Copy(io.Discard, res.Body)
					res.Body.Close()
					require.Equal(t, 503, res.StatusCode)
					require.Equal(t, h2, res.ProtoMajor == 2)
				}
				assert.Equal(t, []bool{false, false}, reused, "the second request needs a new connection")
			})
		}
	}
}
