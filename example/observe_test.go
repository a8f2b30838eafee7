package main

import (
	"bytes"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/errorpage/errorpage"
)

// TestDemoOtelAndMetrics is what a newcomer sees after
// `go run ./example -otel -metrics` and a visit to /panic: the span with
// its exception in the output, errorpage_panics_total 1 at /metrics, and
// the trace ID on the page.
func TestDemoOtelAndMetrics(t *testing.T) {
	var spans bytes.Buffer
	obs, err := newDemoObservability(true, true, &spans)
	require.NoError(t, err)
	maint, err := newDemoMaintenance("", slog.New(slog.DiscardHandler))
	require.NoError(t, err)
	opts := errorpage.Options{Logger: slog.New(slog.DiscardHandler), Maintenance: maint.options()}
	obs.apply(&opts)
	ep, err := errorpage.New(opts)
	require.NoError(t, err)
	h, err := stack(obs, maint, ep, routes())
	require.NoError(t, err)
	srv := httptest.NewServer(h)
	defer srv.Close()

	res, err := http.Get(srv.URL + "/panic")
	require.NoError(t, err)
	page, _ := io.ReadAll(res.Body)
	res.Body.Close()
	assert.Equal(t, 500, res.StatusCode)
	require.NoError(t, obs.Close())
	out := spans.String()
	assert.Contains(t, out, `"Name": "exception"`)
	assert.Contains(t, out, `"Value": "something broke in the handler"`)
	assert.Contains(t, out, `"Key": "exception.stacktrace"`)
	traceID := between(out, `"TraceID": "`, `"`)
	require.Len(t, traceID, 32, "spans:\n%s", out)
	assert.Contains(t, string(page), traceID, "the page shows the trace ID")

	res, err = http.Get(srv.URL + "/metrics")
	require.NoError(t, err)
	metrics, _ := io.ReadAll(res.Body)
	res.Body.Close()
	assert.Equal(t, 200, res.StatusCode)
	assert.Contains(t, string(metrics), "\nerrorpage_panics_total 1\n")
	assert.Contains(t, string(metrics), `errorpage_replaced_total{format="text",status="500"} 1`)
}

// TestDemoMetricsLoopbackOnly: /metrics refuses a client that is not on
// this machine.
func TestDemoMetricsLoopbackOnly(t *testing.T) {
	obs, err := newDemoObservability(false, true, io.Discard)
	require.NoError(t, err)
	h := obs.handler(http.NotFoundHandler())
	r := httptest.NewRequest("GET", "/metrics", nil) // from 192.0.2.1
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, r)
	assert.Equal(t, http.StatusForbidden, rec.Code)
}

func between(s, from, to string) string {
	_, rest, ok := strings.Cut(s, from)
	if !ok {
		return ""
	}
	v, _, _ := strings.Cut(rest, to)
	return v
}
