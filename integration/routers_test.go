package integration

import (
	"io"
	"net/http"
	"testing"

	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
	"github.com/gorilla/mux"
	"github.com/labstack/echo/v4"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/errorpage/errorpage"
)

// Each router mounts the same routes: /ok passes, /fail answers 503, /panic
// panics, /gone answers 404 (the router's own or the handler's), each with
// the middleware installed the way that router's users install middleware.
// The same router without the middleware is the reference for what passes.
type routerCase struct {
	name  string
	build func(mw func(http.Handler) http.Handler) http.Handler
}

func routerCases() []routerCase {
	return []routerCase{
		{"ServeMux with Go 1.22 patterns", func(mw func(http.Handler) http.Handler) http.Handler {
			m := http.NewServeMux()
			m.HandleFunc("GET /ok/{name}", okHandler)
			m.HandleFunc("GET /fail", failHandler(http.StatusServiceUnavailable))
			m.HandleFunc("GET /panic", panicHandler)
			return mw(m)
		}},
		{"chi with r.Use", func(mw func(http.Handler) http.Handler) http.Handler {
			r := chi.NewRouter()
			r.Use(mw)
			r.Get("/ok/{name}", okHandler)
			r.Get("/fail", failHandler(http.StatusServiceUnavailable))
			r.Get("/panic", panicHandler)
			return r
		}},
		{"gorilla/mux with r.Use", func(mw func(http.Handler) http.Handler) http.Handler {
			r := mux.NewRouter()
			r.Use(mux.MiddlewareFunc(mw))
			r.HandleFunc("/ok/{name}", okHandler).Methods(http.MethodGet)
			r.HandleFunc("/fail", failHandler(http.StatusServiceUnavailable))
			r.HandleFunc("/panic", panicHandler)
			// gorilla/mux runs middleware only on matched routes; its 404
			// comes from NotFoundHandler, which is left alone here.
			return r
		}},
		{"echo with echo.WrapMiddleware", func(mw func(http.Handler) http.Handler) http.Handler {
			e := echo.New()
			e.Use(echo.WrapMiddleware(mw))
			e.GET("/ok/:name", echo.WrapHandler(http.HandlerFunc(okHandler)))
			e.GET("/fail", echo.WrapHandler(failHandler(http.StatusServiceUnavailable)))
			e.GET("/panic", func(c echo.Context) error { panic("the handler broke") })
			// echo's handlers report errors by returning them; echo's
			// HTTPErrorHandler writes them after the middleware returned.
			e.GET("/echo-error", func(c echo.Context) error {
				return echo.NewHTTPError(http.StatusBadGateway, "upstream broke")
			})
			return e
		}},
		{"echo wrapped whole", func(mw func(http.Handler) http.Handler) http.Handler {
			e := echo.New()
			e.GET("/ok/:name", echo.WrapHandler(http.HandlerFunc(okHandler)))
			e.GET("/fail", echo.WrapHandler(failHandler(http.StatusServiceUnavailable)))
			e.GET("/panic", func(c echo.Context) error { panic("the handler broke") })
			e.GET("/echo-error", func(c echo.Context) error {
				return echo.NewHTTPError(http.StatusBadGateway, "upstream broke")
			})
			return mw(e)
		}},
		{"gin engine wrapped (the adapter)", func(mw func(http.Handler) http.Handler) http.Handler {
			gin.SetMode(gin.ReleaseMode)
			g := gin.New() // no gin.Recovery: panics reach errorpage
			g.GET("/ok/:name", gin.WrapF(okHandler))
			g.GET("/fail", gin.WrapF(failHandler(http.StatusServiceUnavailable)))
			g.GET("/panic", func(c *gin.Context) { panic("the handler broke") })
			g.GET("/gin-abort", func(c *gin.Context) {
				c.AbortWithStatusJSON(http.StatusBadGateway, gin.H{"error": innerSecret})
			})
			return mw(g)
		}},
		{"gin with gin.Recovery inside", func(mw func(http.Handler) http.Handler) http.Handler {
			gin.SetMode(gin.ReleaseMode)
			g := gin.New()
			g.Use(gin.CustomRecoveryWithWriter(io.Discard, func(c *gin.Context, _ any) {
				c.AbortWithStatus(http.StatusInternalServerError)
			}))
			g.GET("/ok/:name", gin.WrapF(okHandler))
			g.GET("/fail", gin.WrapF(failHandler(http.StatusServiceUnavailable)))
			g.GET("/panic", func(c *gin.Context) { panic("the handler broke") })
			return mw(g)
		}},
	}
}

func TestRouters(t *testing.T) {
	none := func(h http.Handler) http.Handler { return h }
	for _, rc := range routerCases() {
		t.Run(rc.name, func(t *testing.T) {
			m, logs := newMiddleware(t, errorpage.Options{})
			with := serve(t, rc.build(m.Handler))
			without := serve(t, rc.build(none))

			t.Run("a passing route is the same as without the middleware", func(t *testing.T) {
				got := get(t, with.URL+"/ok/x", acceptHTML)
				want := get(t, without.URL+"/ok/x", acceptHTML)
				assert.Equal(t, want.status, got.status, "status: got %d, want %d", got.status, want.status)
				assert.Equal(t, headersWithout(want.header), headersWithout(got.header))
				assert.Equal(t, "hello from /ok/x", string(got.body))
			})
			t.Run("a 404 of the router passes through", func(t *testing.T) {
				got := get(t, with.URL+"/nowhere", acceptHTML)
				want := get(t, without.URL+"/nowhere", acceptHTML)
				assert.Equal(t, want.status, got.status, "status: got %d, want %d", got.status, want.status)
				assert.Equal(t, string(want.body), string(got.body))
			})
			for _, accept := range []string{acceptHTML, acceptJSON, acceptText} {
				t.Run("503 becomes the page for Accept "+accept, func(t *testing.T) {
					got := get(t, with.URL+"/fail", accept)
					assert.NoError(t, checkPage(got.status, got.header, got.body, http.StatusServiceUnavailable, accept))
					assert.NotEmpty(t, got.header.Get("Retry-After"), "Retry-After: got none, want one on a 503")
				})
				t.Run("a panic becomes the 500 page for Accept "+accept, func(t *testing.T) {
					got := get(t, with.URL+"/panic", accept)
					assert.NoError(t, checkPage(got.status, got.header, got.body, http.StatusInternalServerError, accept))
				})
			}
			if rc.name == "echo with echo.WrapMiddleware" || rc.name == "echo wrapped whole" {
				t.Run("an error echo's HTTPErrorHandler writes becomes the page", func(t *testing.T) {
					got := get(t, with.URL+"/echo-error", acceptJSON)
					assert.NoError(t, checkPage(got.status, got.header, got.body, http.StatusBadGateway, acceptJSON))
				})
			}
			if rc.name == "gin engine wrapped (the adapter)" {
				t.Run("c.AbortWithStatusJSON(502) becomes the page", func(t *testing.T) {
					got := get(t, with.URL+"/gin-abort", acceptHTML)
					assert.NoError(t, checkPage(got.status, got.header, got.body, http.StatusBadGateway, acceptHTML))
				})
			}
			require.NotContains(t, logs.String(), "aborting", "a panic before anything was sent must not abort")
		})
	}
}

// TestGinStreamBehindErrorpage guards gin's c.Stream and server-sent
// events behind errorpage.Handler(engine), the layout the README
// recommends: gin asserts http.CloseNotifier on the writer below it, and
// answered 500 when errorpage's writer lacked it.
func TestGinStreamBehindErrorpage(t *testing.T) {
	gin.SetMode(gin.ReleaseMode)
	g := gin.New()
	g.GET("/events", func(c *gin.Context) {
		n := 0
		c.Stream(func(w io.Writer) bool {
			c.SSEvent("tick", n)
			n++
			return n < 3
		})
	})
	fetch := func(h http.Handler) (int, string, string) {
		resp, err := http.Get(serve(t, h).URL + "/events")
		require.NoError(t, err)
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		require.NoError(t, err)
		return resp.StatusCode, resp.Header.Get("Content-Type"), string(body)
	}
	wantStatus, wantType, wantBody := fetch(g)
	require.Equal(t, http.StatusOK, wantStatus, "the test's premise")
	require.Contains(t, wantBody, "data:2")
	status, ctype, body := fetch(quiet(t).Handler(g))
	assert.Equal(t, wantStatus, status, "got status %d behind errorpage, want %d", status, wantStatus)
	assert.Equal(t, wantType, ctype)
	assert.Equal(t, wantBody, body)
}

// clientErrorCase mounts GET /only-get and an API route answering its own
// JSON 404 on one router, with client-error pages on, the way that
// router's users reach its own 404 and 405.
type clientErrorCase struct {
	name  string
	build func(m *errorpage.Middleware) http.Handler
	// allow is the Allow the router sends with its 405, "" for none.
	allow string
}

func apiNotFound(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusNotFound)
	io.WriteString(w, `{"error":"no such user"}`)
}

func clientErrorCases() []clientErrorCase {
	return []clientErrorCase{
		// ServeMux answers 404 and 405 with http.Error: text/plain.
		{"ServeMux wrapped whole", func(m *errorpage.Middleware) http.Handler {
			s := http.NewServeMux()
			s.HandleFunc("GET /only-get", okHandler)
			s.HandleFunc("GET /api/users/{id}", apiNotFound)
			return m.Handler(s)
		}, "GET, HEAD"},
		// chi runs r.Use middleware around its NotFound (http.NotFound)
		// and MethodNotAllowed (an empty 405 with Allow) handlers too.
		{"chi with r.Use", func(m *errorpage.Middleware) http.Handler {
			r := chi.NewRouter()
			r.Use(m.Handler)
			r.Get("/only-get", okHandler)
			r.Get("/api/users/{id}", apiNotFound)
			return r
		}, "GET"},
		// gorilla/mux runs r.Use middleware only on matched routes: its
		// NotFoundHandler and MethodNotAllowedHandler are reached only if
		// they are wrapped themselves (or the whole router is).
		{"gorilla/mux with r.Use and its handlers wrapped", func(m *errorpage.Middleware) http.Handler {
			r := mux.NewRouter()
			r.Use(mux.MiddlewareFunc(m.Handler))
			r.HandleFunc("/only-get", okHandler).Methods(http.MethodGet)
			r.HandleFunc("/api/users/{id}", apiNotFound)
			r.NotFoundHandler = m.Handler(http.NotFoundHandler())
			r.MethodNotAllowedHandler = m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Allow", http.MethodGet)
				w.WriteHeader(http.StatusMethodNotAllowed)
			}))
			return r
		}, "GET"},
		{"gorilla/mux wrapped whole", func(m *errorpage.Middleware) http.Handler {
			r := mux.NewRouter()
			r.HandleFunc("/only-get", okHandler).Methods(http.MethodGet)
			r.HandleFunc("/api/users/{id}", apiNotFound)
			return m.Handler(r)
		}, ""},
		// echo's default HTTPErrorHandler answers in JSON, which is an
		// answer and passes; an HTTPErrorHandler that answers its
		// *echo.HTTPError with no body lets the pages show.
		{"echo with an HTTPErrorHandler without a body", func(m *errorpage.Middleware) http.Handler {
			e := echo.New()
			e.HTTPErrorHandler = func(err error, c echo.Context) {
				code := http.StatusInternalServerError
				if he, ok := err.(*echo.HTTPError); ok {
					code = he.Code
				}
				_ = c.NoContent(code)
			}
			e.GET("/only-get", echo.WrapHandler(http.HandlerFunc(okHandler)))
			e.GET("/api/users/:id", echo.WrapHandler(http.HandlerFunc(apiNotFound)))
			return m.Handler(e)
		}, "OPTIONS, GET"},
	}
}

// TestRoutersClientErrors: with ClientErrors on, each router's own 404 and
// 405 get pages (the 405 with the router's Allow), and an API route's JSON
// 404 passes through byte for byte.
func TestRoutersClientErrors(t *testing.T) {
	for _, rc := range clientErrorCases() {
		t.Run(rc.name, func(t *testing.T) {
			m, _ := newMiddleware(t, errorpage.Options{ClientErrors: true})
			srv := serve(t, rc.build(m))
			for _, accept := range []string{acceptHTML, acceptJSON, acceptText} {
				got := get(t, srv.URL+"/nowhere", accept)
				assert.NoError(t, checkPage(got.status, got.header, got.body, http.StatusNotFound, accept), "404 for Accept %s", accept)

				got = do(t, srv.Client(), http.MethodDelete, srv.URL+"/only-get", accept)
				assert.NoError(t, checkPage(got.status, got.header, got.body, http.StatusMethodNotAllowed, accept), "405 for Accept %s", accept)
				assert.Equal(t, rc.allow, got.header.Get("Allow"), "Allow: got %q, want %q", got.header.Get("Allow"), rc.allow)
			}
			got := get(t, srv.URL+"/api/users/7", acceptHTML)
			assert.Equal(t, http.StatusNotFound, got.status)
			assert.Equal(t, `{"error":"no such user"}`, string(got.body), "the API's own 404")
			assert.Equal(t, "application/json", got.header.Get("Content-Type"))
		})
	}
}
