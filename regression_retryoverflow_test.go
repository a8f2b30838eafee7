package errorpage

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A valid HTTP-date Retry-After more than ~292 years away made at.Sub(now)
// saturate, and the rounding to seconds then overflowed: the page told the
// visitor to come back in a second while the header said year 9999, and
// retry_after vanished. Such a date is now out of range, like a delay
// over a century, so it is treated as any invalid Retry-After: replaced by
// the configured default, and header, page and problem document agree.
func TestRegression_FarRetryAfterDateOverflows(t *testing.T) {
	m, _ := newTestMiddleware(t, Options{})
	h := m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "Fri, 31 Dec 9999 23:59:59 GMT")
		w.WriteHeader(http.StatusServiceUnavailable)
	}))
	req := httptest.NewRequest("GET", "/", nil)
	req.Header.Set("Accept", "application/json")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	var p struct {
		RetryAfter int64 `json:"retry_after"`
	}
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &p))
	assert.Equal(t, "30", rec.Header().Get("Retry-After"), "the far date is replaced by the default")
	assert.Equal(t, int64(30), p.RetryAfter, "and the problem document says the same")

	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil)) // text/plain
	assert.Contains(t, rec.Body.String(), "about 30 seconds")
	assert.NotContains(t, rec.Body.String(), "about a second")

	_, err := parseRetryAfter("Fri, 31 Dec 9999 23:59:59 GMT", time.Now())
	assert.ErrorIs(t, err, errRetryAfterRange)
}
