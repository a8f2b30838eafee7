package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/errorpage/errorpage"
)

// TestDemoRoutes walks the demo's index the way a newcomer clicks through
// it, so that `go run ./example` keeps showing what it promises.
func TestDemoRoutes(t *testing.T) {
	srv := httptest.NewServer(errorpage.Handler(routes()))
	defer srv.Close()
	tests := []struct {
		path       string
		wantStatus int
		wantBody   string
	}{
		{"/", 200, "errorpage demo"},
		{"/status/500", 500, "Something went wrong"},
		{"/status/503", 503, "Service unavailable"},
		{"/status/599", 599, "Server error"},
		{"/status/404", 404, "inner body for 404"},
		{"/status/200", 200, "inner body for 200"},
		{"/panic", 500, "Something went wrong"},
		{"/upstream-down", 502, "Bad gateway"},
		{"/slow", 503, "Service unavailable"},
		{"/api/problem", 500, "out-of-credit"},
		{"/stream", 200, "data: event 5 of 5"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			req, err := http.NewRequest("GET", srv.URL+tt.path, nil)
			require.NoError(t, err)
			req.Header.Set("Accept", "text/html")
			res, err := http.DefaultClient.Do(req)
			require.NoError(t, err)
			body, _ := io.ReadAll(res.Body)
			res.Body.Close()
			assert.Equal(t, tt.wantStatus, res.StatusCode)
			assert.Contains(t, string(body), tt.wantBody)
			if res.StatusCode >= 500 {
				assert.Equal(t, "no-store", res.Header.Get("Cache-Control"), "no error is cached")
			}
		})
	}
	t.Run("/panic-after-write is cut off", func(t *testing.T) {
		res, err := http.Get(srv.URL + "/panic-after-write")
		require.NoError(t, err)
		body, err := io.ReadAll(res.Body)
		res.Body.Close()
		assert.Equal(t, 200, res.StatusCode)
		assert.Error(t, err, "the client sees the response truncated")
		assert.True(t, strings.HasPrefix(string(body), "the first half"))
	})
	t.Run("every demo on the index answers", func(t *testing.T) {
		for _, d := range demos {
			res, err := http.Get(srv.URL + d.path)
			require.NoError(t, err, d.path)
			io.Copy(io.Discard, res.Body)
			res.Body.Close()
		}
	})
}
