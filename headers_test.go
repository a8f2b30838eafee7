package errorpage

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httptrace"
	"regexp"
	"strconv"
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
					// The connection a request was finally sent on: over
					// HTTP/2 the client may first pick the connection a
					// GOAWAY is still on its way on, then retry on a new
					// one, and GotConn tells both.
					last := false
					trace := &httptrace.ClientTrace{GotConn: func(info httptrace.GotConnInfo) { last = info.Reused }}
					req, err := http.NewRequestWithContext(httptrace.WithClientTrace(context.Background(), trace), "GET", srv.URL, nil)
					require.NoError(t, err)
					res, err := client.Do(req)
					require.NoError(t, err)
					io.Copy(io.Discard, res.Body)
					res.Body.Close()
					require.Equal(t, 503, res.StatusCode)
					require.Equal(t, h2, res.ProtoMajor == 2)
					reused = append(reused, last)
				}
				assert.Equal(t, []bool{false, false}, reused, "the second request needs a new connection")
			})
		}
	}
}

func TestReplacedHeaders(t *testing.T) {
	m, _ := newTestMiddleware(t, Options{})
	res, body := do(t, m.Handler(failing(502)), "GET", "/", "Accept", "text/html")
	h := res.Header
	assert.Equal(t, "no-store", h.Get("Cache-Control"))
	for _, gone := range []string{"Expires", "ETag", "Last-Modified", "Content-Encoding", "Content-Disposition", "CDN-Cache-Control", "Surrogate-Control", "X-Internal"} {
		assert.Empty(t, h.Values(gone), "%s described the replaced body and must go", gone)
	}
	assert.Equal(t, "nosniff", h.Get("X-Content-Type-Options"))
	assert.Equal(t, "noindex", h.Get("X-Robots-Tag"))
	assert.Equal(t, "Accept, Accept-Language", h.Get("Vary"))
	assert.Equal(t, "en", h.Get("Content-Language"))
	assert.Empty(t, h.Get("Retry-After"), "only a 503 gets a default Retry-After")

	// The CSP allows exactly the page's stylesheet.
	csp := h.Get("Content-Security-Policy")
	style := regexp.MustCompile(`(?s)<style>(.*?)</style>`).FindStringSubmatch(body)
	require.Len(t, style, 2)
	sum := sha256.Sum256([]byte(style[1]))
	assert.Contains(t, csp, "style-src 'sha256-"+base64.StdEncoding.EncodeToString(sum[:])+"'")
	assert.Contains(t, csp, "default-src 'none'")
	assert.NotContains(t, csp, "unsafe-inline")
}

// TestOuterHeadersComeBackToAnEmptiedMap: a handler that deletes every
// header an outer middleware set leaves an empty map; the page still gets
// them back (a shortcut for the empty map skipped this once).
func TestOuterHeadersComeBackToAnEmptiedMap(t *testing.T) {
	m, _ := newTestMiddleware(t, Options{})
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Frame-Options", "DENY")
		m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Del("X-Frame-Options")
			w.WriteHeader(http.StatusInternalServerError)
		})).ServeHTTP(w, r)
	})
	res, _ := do(t, h, "GET", "/")
	assert.Equal(t, http.StatusInternalServerError, res.StatusCode)
	assert.Equal(t, "DENY", res.Header.Get("X-Frame-Options"), "the outer middleware's security header is put back")
}

func TestHeadersOfOuterMiddlewareAreKept(t *testing.T) {
	m, _ := newTestMiddleware(t, Options{})
	outer := func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Access-Control-Allow-Origin", "https://app.example")
			w.Header().Set("Vary", "Origin")
			w.Header().Set("Strict-Transport-Security", "max-age=63072000")
			w.Header().Set("Cache-Control", "public, max-age=60")
			next.ServeHTTP(w, r)
		})
	}
	inner := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Del("Access-Control-Allow-Origin") // an inner handler messing with the outer's header
		w.Header().Set("WWW-Authenticate", `Bearer realm="api"`)
		w.Header().Set("Access-Control-Expose-Headers", "X-Request-Id")
		w.Header().Set("Set-Cookie", "session=half-done")
		w.Header().Set("Link", "</next>; rel=next")
		w.WriteHeader(http.StatusInternalServerError)
	})
	res, _ := do(t, outer(m.Handler(inner)), "GET", "/")
	h := res.Header
	assert.Equal(t, "https://app.example", h.Get("Access-Control-Allow-Origin"), "an outer middleware's header is put back")
	assert.Equal(t, []string{"Origin", "Accept", "Accept-Language"}, h.Values("Vary"), "Vary keeps the outer token and adds ours")
	assert.Equal(t, "max-age=63072000", h.Get("Strict-Transport-Security"))
	assert.Equal(t, "no-store", h.Get("Cache-Control"), "even an outer cache header cannot make an error cacheable")
	assert.Equal(t, `Bearer realm="api"`, h.Get("WWW-Authenticate"), "kept: the client needs it to act")
	assert.Equal(t, "X-Request-Id", h.Get("Access-Control-Expose-Headers"), "kept: CORS")
	assert.Empty(t, h.Get("Set-Cookie"), "dropped by default")
	assert.Empty(t, h.Get("Link"), "described the failed response")
}

func TestKeepSetCookie(t *testing.T) {
	m, _ := newTestMiddleware(t, Options{KeepSetCookie: true})
	res, _ := do(t, m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.SetCookie(w, &http.Cookie{Name: "flash", Value: "failed"})
		w.WriteHeader(http.StatusInternalServerError)
	})), "GET", "/")
	assert.Equal(t, "flash=failed", res.Header.Get("Set-Cookie"))
}

func TestFreshnessFromOuterMiddlewareIsRemoved(t *testing.T) {
	m, _ := newTestMiddleware(t, Options{})
	outer := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Cache-Control", "public, max-age=600")
		h.Set("Expires", "Thu, 01 Dec 2099 16:00:00 GMT")
		h.Set("Pragma", "cache")
		h.Set("Surrogate-Control", "max-age=600")
		h.Set("CDN-Cache-Control", "max-age=600")
		h.Set("Cloudflare-CDN-Cache-Control", "max-age=600")
		m.Handler(failing(502)).ServeHTTP(w, r)
	})
	rec := httptest.NewRecorder()
	outer.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	assert.Equal(t, "no-store", rec.Header().Get("Cache-Control"))
	for _, k := range []string{"Expires", "Pragma", "Surrogate-Control", "CDN-Cache-Control", "Cloudflare-CDN-Cache-Control"} {
		assert.Empty(t, rec.Header().Values(k), "%s would let a cache keep the error", k)
	}
}

// TestOuterValidatorsAreRemovedFromThePage guards a replaced page against
// an outer middleware's validators. The bug it pins:
// An outer middleware that sets a validator before calling next (a caching
// layer, say) left it on the replaced page, inviting a cache to revalidate
// the error as if it were the resource.
func TestOuterValidatorsAreRemovedFromThePage(t *testing.T) {
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

// TestClientErrorHeaders: a replaced 4xx keeps what the client needs to act
// on it (RFC 9110, RFC 6585, RFC 7725) and loses what described the body.
func TestClientErrorHeaders(t *testing.T) {
	tests := []struct {
		name   string
		status int
		set    [][2]string
		want   map[string][]string // nil value: absent
	}{
		{"405 keeps Allow", 405, [][2]string{{"Allow", "GET, HEAD"}}, map[string][]string{"Allow": {"GET, HEAD"}}},
		{"401 keeps WWW-Authenticate", 401, [][2]string{{"WWW-Authenticate", `Bearer realm="api"`}, {"WWW-Authenticate", `Basic realm="x"`}},
			map[string][]string{"Www-Authenticate": {`Bearer realm="api"`, `Basic realm="x"`}}},
		{"407 keeps Proxy-Authenticate", 407, [][2]string{{"Proxy-Authenticate", `Basic realm="proxy"`}}, map[string][]string{"Proxy-Authenticate": {`Basic realm="proxy"`}}},
		{"451 keeps only the blocked-by Link", 451, [][2]string{{"Link", `<https://authority.example/>; rel="blocked-by"`}, {"Link", `</app.css>; rel=preload`}},
			map[string][]string{"Link": {`<https://authority.example/>; rel="blocked-by"`}}},
		{"404 drops a Link", 404, [][2]string{{"Link", `</app.css>; rel=preload`}}, map[string][]string{"Link": nil}},
		{"416 keeps the resource's length", 416, [][2]string{{"Content-Range", "bytes */1234"}}, map[string][]string{"Content-Range": {"bytes */1234"}}},
		{"426 keeps Upgrade", 426, [][2]string{{"Upgrade", "HTTP/3.0"}}, map[string][]string{"Upgrade": {"HTTP/3.0"}}},
		{"413 keeps the handler's Retry-After", 413, [][2]string{{"Retry-After", "120"}}, map[string][]string{"Retry-After": {"120"}}},
		{"413 gets no default Retry-After", 413, nil, map[string][]string{"Retry-After": nil}},
		// A replaced 4xx is never stored, though 404, 405, 410 and 414 are
		// heuristically cacheable: the page carries a request ID of its
		// own, and its validators would be the thrown-away body's.
		{"404 with freshness and validators gets no-store", 404, [][2]string{
			{"Cache-Control", "public, max-age=600"}, {"Expires", "Thu, 01 Dec 2099 16:00:00 GMT"},
			{"ETag", `"v1"`}, {"Last-Modified", "Wed, 21 Oct 2015 07:28:00 GMT"},
		}, map[string][]string{"Cache-Control": {"no-store"}, "Expires": nil, "Etag": nil, "Last-Modified": nil}},
		{"410 gets no-store", 410, nil, map[string][]string{"Cache-Control": {"no-store"}}},
	}
	m, _ := newTestMiddleware(t, Options{ClientErrors: true})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, body := do(t, m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				for _, kv := range tt.set {
					w.Header().Add(kv[0], kv[1])
				}
				http.Error(w, "inner", tt.status)
			})), "GET", "/", "Accept", "text/html")
			assert.Equal(t, tt.status, res.StatusCode)
			assert.Contains(t, body, `data-status="`+strconv.Itoa(tt.status)+`"`, "replaced")
			for k, want := range tt.want {
				assert.Equal(t, want, res.Header[k], "%s: got %q, want %q", k, res.Header[k], want)
			}
		})
	}
}

// TestClientErrorHeaders_OuterLinkSurvivesA451: only the handler's own
// Link values are sifted for rel="blocked-by"; an outer middleware's stay.
func TestClientErrorHeaders_OuterLinkSurvivesA451(t *testing.T) {
	m, _ := newTestMiddleware(t, Options{ClientErrors: true})
	inner := m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Add("Link", `<https://authority.example/>; rel="blocked-by"`)
		w.Header().Add("Link", `</app.css>; rel=preload`)
		http.Error(w, "blocked", http.StatusUnavailableForLegalReasons)
	}))
	outer := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Link", `</privacy>; rel="privacy-policy"`)
		inner.ServeHTTP(w, r)
	})
	res, _ := do(t, outer, "GET", "/", "Accept", "text/html")
	assert.Equal(t, 451, res.StatusCode)
	assert.Equal(t, []string{`</privacy>; rel="privacy-policy"`, `<https://authority.example/>; rel="blocked-by"`}, res.Header["Link"])
}
