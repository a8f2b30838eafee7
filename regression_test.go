package errorpage

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Regression tests for bugs found by the integration tests (integration/),
// each named after what broke.

// echo's WrapMiddleware keeps the writer the middleware passed down and its
// HTTPErrorHandler writes through it after the middleware returned. A
// pooled interceptor was by then reset (nil pointer panic) or handed to
// another request (the error went to the wrong client).
func TestRegression_WriterUsedAfterMiddlewareReturned(t *testing.T) {
	tests := []struct {
		name       string
		status     int
		wantStatus int
		wantBody   string // substring
		wantCType  string
	}{
		{name: "404 written late passes through", status: http.StatusNotFound, wantStatus: http.StatusNotFound, wantBody: "not found here", wantCType: "application/json"},
		{name: "502 written late gets the page", status: http.StatusBadGateway, wantStatus: http.StatusBadGateway, wantBody: `"status":502`, wantCType: "application/problem+json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := New(Options{Logger: slog.New(slog.DiscardHandler)})
			require.NoError(t, err)
			var kept http.ResponseWriter
			h := m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { kept = w }))

			// Another request through the same middleware in between, as
			// on a busy server.
			other := httptest.NewRecorder()
			m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				io.WriteString(w, "the other response")
			})).ServeHTTP(other, httptest.NewRequest(http.MethodGet, "/other", nil))

			rec := httptest.NewRecorder()
			req := httptest.NewRequest(http.MethodGet, "/late", nil)
			req.Header.Set("Accept", "application/json")
			h.ServeHTTP(rec, req)
			// Like echo: write through the kept writer after the middleware
			// returned, while the server still serves the request.
			require.NotPanics(t, func() {
				kept.Header().Set("Content-Type", "application/json")
				kept.WriteHeader(tt.status)
				io.WriteString(kept, `{"message":"not found here"}`)
			})
			assert.Equal(t, tt.wantStatus, rec.Code, "status: got %d, want %d", rec.Code, tt.wantStatus)
			assert.Contains(t, rec.Body.String(), tt.wantBody)
			ct := rec.Header().Get("Content-Type")
			assert.True(t, strings.HasPrefix(ct, tt.wantCType), "Content-Type: got %q, want %s", ct, tt.wantCType)
			assert.Equal(t, "the other response", other.Body.String(), "the other request's body: got %q, want it untouched", other.Body.String())
		})
	}
}
