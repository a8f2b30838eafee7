package prometheus_test

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/errorpage/errorpage"
	"github.com/errorpage/errorpage/maintenance"
	epprom "github.com/errorpage/errorpage/prometheus"
)

func kaput(w http.ResponseWriter, r *http.Request) { panic("kaput") }

// TestCounters: after a mix of 200, 404, 503, panics and maintenance
// requests, each counter holds what happened, by its bounded labels.
func TestCounters(t *testing.T) {
	reg := prometheus.NewRegistry()
	obs, err := epprom.New(reg)
	require.NoError(t, err)
	sw := &maintenance.Switch{}
	ep, err := errorpage.New(errorpage.Options{
		Logger:      slog.New(slog.DiscardHandler),
		Observe:     obs.Observe,
		Maintenance: maintenance.Options{Source: sw, AllowPaths: []string{"/healthz"}, AllowNetworks: []string{"198.51.100.0/24"}},
	})
	require.NoError(t, err)
	mux := http.NewServeMux()
	mux.HandleFunc("/ok", func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ok") })
	mux.HandleFunc("/missing", http.NotFound)
	mux.HandleFunc("/down", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(503) })
	mux.HandleFunc("/panic", kaput)
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "healthy") })
	h := ep.Handler(mux)
	get := func(path, accept string) int {
		r := httptest.NewRequest("GET", path, nil)
		r.Header.Set("Accept", accept)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		return rec.Code
	}
	for _, c := range []struct {
		path, accept string
		want         int
	}{
		{"/ok", "", 200}, {"/missing", "", 404},
		{"/down", "text/html", 503}, {"/down", "application/json", 503}, {"/down", "application/json", 503},
		{"/panic", "text/html", 500}, {"/panic", "*/*", 500}, {"/panic", "*/*", 500},
	} {
		require.Equal(t, c.want, get(c.path, c.accept), c.path)
	}
	sw.Set(maintenance.State{On: true})
	require.Equal(t, 503, get("/ok", "text/html"))
	require.Equal(t, 503, get("/down", "text/html"))
	require.Equal(t, 200, get("/healthz", ""))

	assert.Equal(t, 3.0, testutil.ToFloat64(obs.PanicsForTest()))
	want := `
# HELP errorpage_maintenance_total Requests that met maintenance mode, by outcome: blocked (the 503 page), or the bypass that let them through (path, network, header, cookie, secret-url).
# TYPE errorpage_maintenance_total counter
errorpage_maintenance_total{outcome="blocked"} 2
errorpage_maintenance_total{outcome="path"} 1
# HELP errorpage_panics_total Handler panics errorpage recovered, including those after the response was committed.
# TYPE errorpage_panics_total counter
errorpage_panics_total 3
# HELP errorpage_replaced_total Responses errorpage replaced with an error page, by status and format (html, json, text). Maintenance answers are not among them.
# TYPE errorpage_replaced_total counter
errorpage_replaced_total{format="html",status="500"} 1
errorpage_replaced_total{format="html",status="503"} 1
errorpage_replaced_total{format="json",status="503"} 2
errorpage_replaced_total{format="text",status="500"} 2
`
	assert.NoError(t, testutil.GatherAndCompare(reg, strings.NewReader(want)))
}

// TestNew_Errors: a nil registry, or a second Observer on the same one,
// is an error from New, never a panic.
func TestNew_Errors(t *testing.T) {
	_, err := epprom.New(nil)
	require.Error(t, err)
	assert.True(t, strings.HasPrefix(err.Error(), "errorpage: prometheus: "))
	reg := prometheus.NewRegistry()
	_, err = epprom.New(reg)
	require.NoError(t, err)
	_, err = epprom.New(reg)
	require.Error(t, err)
	assert.True(t, strings.HasPrefix(err.Error(), "errorpage: prometheus: "), "got %q", err)
}
