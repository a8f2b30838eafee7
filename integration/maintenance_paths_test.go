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
	"github.com/errorpage/errorpage/maintenance"
)

// staticHandler and appHandler stand for the routes of a site in
// maintenance: the static files the maintenance page may load, and the
// application's catch-all, which must not answer while the site is down.
func staticHandler(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "static") }
func appHandler(w http.ResponseWriter, r *http.Request)    { io.WriteString(w, "app") }

// maintenanceRouters mounts a static prefix route and a catch-all on each
// router, in every mode that changes which form of the path it routes on.
func maintenanceRouters() []routerCase {
	return []routerCase{
		{"ServeMux", func(mw func(http.Handler) http.Handler) http.Handler {
			m := http.NewServeMux()
			m.HandleFunc("/static/", staticHandler)
			m.HandleFunc("/", appHandler)
			return mw(m)
		}},
		{"chi", func(mw func(http.Handler) http.Handler) http.Handler {
			r := chi.NewRouter()
			r.Use(mw)
			r.Get("/static/*", staticHandler)
			r.Get("/*", appHandler)
			return r
		}},
		{"gorilla/mux", func(mw func(http.Handler) http.Handler) http.Handler {
			r := mux.NewRouter()
			r.Use(mux.MiddlewareFunc(mw))
			r.PathPrefix("/static/").HandlerFunc(staticHandler)
			r.PathPrefix("/").HandlerFunc(appHandler)
			return r
		}},
		{"gorilla/mux with UseEncodedPath", func(mw func(http.Handler) http.Handler) http.Handler {
			r := mux.NewRouter().UseEncodedPath()
			r.Use(mux.MiddlewareFunc(mw))
			r.PathPrefix("/static/").HandlerFunc(staticHandler)
			r.PathPrefix("/").HandlerFunc(appHandler)
			return r
		}},
		{"echo", func(mw func(http.Handler) http.Handler) http.Handler {
			e := echo.New()
			e.Use(echo.WrapMiddleware(mw))
			e.GET("/static/*", echo.WrapHandler(http.HandlerFunc(staticHandler)))
			e.GET("/*", echo.WrapHandler(http.HandlerFunc(appHandler)))
			return e
		}},
		{"gin", func(mw func(http.Handler) http.Handler) http.Handler {
			gin.SetMode(gin.ReleaseMode)
			g := gin.New()
			g.GET("/static/*file", gin.WrapF(staticHandler))
			g.NoRoute(gin.WrapF(appHandler))
			return mw(g)
		}},
		{"gin with UseRawPath", func(mw func(http.Handler) http.Handler) http.Handler {
			gin.SetMode(gin.ReleaseMode)
			g := gin.New()
			g.UseRawPath = true
			g.GET("/static/*file", gin.WrapF(staticHandler))
			g.NoRoute(gin.WrapF(appHandler))
			return mw(g)
		}},
	}
}

// TestMaintenanceAllowedPrefixOnEveryRouter: with "/static/" allowed during
// maintenance, no spelling of a path reaches the application through any
// router, while the static files still load.
func TestMaintenanceAllowedPrefixOnEveryRouter(t *testing.T) {
	var sw maintenance.Switch
	sw.Enable(maintenance.State{})
	m, _ := newMiddleware(t, errorpage.Options{Maintenance: maintenance.Options{
		Source:            &sw,
		AllowPathPrefixes: []string{"/static/"},
		AllowPaths:        []string{"/healthz"},
	}})
	escapes := []string{
		"/static%2Fsite.css",
		"/static%2fsite.css",
		"/static%2F..",
		"/static%2F..%2Fadmin",
		"/%73tatic/site.css",
		"/%73tatic%2Fsite.css",
		"/static/..%2Fadmin",
		"/static/..%2fadmin",
		"/static/%2e%2e/admin",
		"/static/%2E%2E%2Fadmin",
		"/static/.%2e/admin",
		"/static/../admin",
		"/static//../admin",
		"/static%252Fsite.css",
		"/static/%252e%252e/admin",
		"/static/%252E%252E%252Fadmin",
		"/static%5Csite.css",
		"/health%7A",
		"/healthz%2F",
		"/admin",
	}
	for _, rc := range maintenanceRouters() {
		t.Run(rc.name, func(t *testing.T) {
			srv := serve(t, rc.build(m.Handler))
			got := rawRequest(t, srv.URL, "GET", "/static/site.css", "")
			assert.Equal(t, http.StatusOK, got.status, "GET /static/site.css")
			assert.Equal(t, "static", string(got.rest), "GET /static/site.css")
			for _, p := range escapes {
				got := rawRequest(t, srv.URL, "GET", p, "text/plain")
				assert.NotEqual(t, "app", string(got.rest), "GET %s reached the application during maintenance (status %d)", p, got.status)
				assert.NotEqual(t, http.StatusOK, got.status, "GET %s: got 200, want the maintenance page, a redirect or a 404", p)
			}
		})
	}
}

// TestMaintenanceAllowedPrefixKeepsItsEncodedFiles: a file under the
// prefix whose name needs escaping still loads during maintenance.
func TestMaintenanceAllowedPrefixKeepsItsEncodedFiles(t *testing.T) {
	var sw maintenance.Switch
	sw.Enable(maintenance.State{})
	m, _ := newMiddleware(t, errorpage.Options{Maintenance: maintenance.Options{
		Source:            &sw,
		AllowPathPrefixes: []string{"/static/"},
	}})
	for _, rc := range maintenanceRouters() {
		t.Run(rc.name, func(t *testing.T) {
			srv := serve(t, rc.build(m.Handler))
			got := rawRequest(t, srv.URL, "GET", "/static/my%20site.css", "")
			require.Equal(t, http.StatusOK, got.status, "GET /static/my%%20site.css")
			assert.Equal(t, "static", string(got.rest))
		})
	}
}
