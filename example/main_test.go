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
	srv := httptest.NewServer(demoHandler(t))
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
		{"/status/404", 404, "Page not found"},
		{"/no-such-page", 404, "Page not found"},
		{"/status/429", 429, "Too many requests"},
		{"/status/499", 499, "Request error"},
		{"/status/302", 302, "inner body for 302"},
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
			res, err := noRedirects.Do(req)
			require.NoError(t, err)
			body, _ := io.ReadAll(res.Body)
			res.Body.Close()
			assert.Equal(t, tt.wantStatus, res.StatusCode)
			assert.Contains(t, string(body), tt.wantBody)
			if res.StatusCode >= 400 {
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

// noRedirects shows a redirect as it is.
var noRedirects = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

// demoHandler is the demo's mux behind errorpage with the options of main
// that change what the routes answer.
func demoHandler(t *testing.T) http.Handler {
	var opts errorpage.Options
	withClientErrors(&opts)
	ep, err := errorpage.New(opts)
	require.NoError(t, err)
	return ep.Handler(routes())
}

// TestDemoClientErrors is what the README promises a newcomer who runs the
// demo and tries curl: an unknown route, a wrong method and a rate limit
// get pages with the headers they need, and the API's JSON 404 is its own.
func TestDemoClientErrors(t *testing.T) {
	srv := httptest.NewServer(demoHandler(t))
	defer srv.Close()
	send := func(method, path, accept string) (*http.Response, string) {
		req, err := http.NewRequest(method, srv.URL+path, nil)
		require.NoError(t, err)
		req.Header.Set("Accept", accept)
		res, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		body, err := io.ReadAll(res.Body)
		require.NoError(t, err)
		res.Body.Close()
		return res, string(body)
	}

	res, body := send("GET", "/no-such-page", "text/html")
	assert.Equal(t, 404, res.StatusCode)
	assert.Contains(t, body, "<h1>Page not found</h1>")

	res, body = send("DELETE", "/healthz", "text/html")
	assert.Equal(t, 405, res.StatusCode)
	assert.Equal(t, "GET, HEAD", res.Header.Get("Allow"), "405 keeps Allow (RFC 9110 §15.5.6)")
	assert.Contains(t, body, "Action not allowed")

	res, body = send("GET", "/status/429", "application/json")
	assert.Equal(t, 429, res.StatusCode)
	assert.Equal(t, "10", res.Header.Get("Retry-After"), "the handler's Retry-After")
	assert.Equal(t, "application/problem+json", res.Header.Get("Content-Type"))
	assert.Contains(t, body, `"retry_after":10`)

	res, body = send("GET", "/api/missing", "application/json")
	assert.Equal(t, 404, res.StatusCode)
	assert.Equal(t, "application/json", res.Header.Get("Content-Type"))
	assert.Equal(t, "{\"error\":\"no such endpoint\",\"path\":\"/api/missing\"}\n", body, "the API's own answer")
}
