package maintenance

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestStatusHandler(t *testing.T) {
	_, err := NewStatusHandler(Options{})
	require.Error(t, err)

	now := time.Date(2026, 12, 24, 1, 0, 0, 0, time.UTC)
	sw := &Switch{}
	h, err := NewStatusHandler(Options{Source: sw})
	require.NoError(t, err)
	h.(*status).now = func() time.Time { return now }

	get := func() (map[string]any, string) {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", "/maintenance/status", nil))
		require.Equal(t, 200, rec.Code)
		assert.Equal(t, "application/json", rec.Header().Get("Content-Type"))
		assert.Equal(t, "no-store", rec.Header().Get("Cache-Control"))
		var doc map[string]any
		require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &doc))
		return doc, rec.Body.String()
	}

	doc, _ := get()
	assert.Equal(t, false, doc["active"])
	assert.Nil(t, doc["current"])
	assert.Nil(t, doc["next"])

	secret := "s3cret-s3cret-s3cret"
	sw.Enable(State{Start: now.Add(time.Hour), Until: now.Add(2 * time.Hour), ReadOnly: true, Paths: []string{"/billing/"}, Secret: secret, Message: "Upgrade"})
	doc, body := get()
	assert.Equal(t, false, doc["active"])
	assert.Nil(t, doc["current"])
	next := doc["next"].(map[string]any)
	assert.Equal(t, "2026-12-24T02:00:00Z", next["start"])
	assert.Equal(t, "2026-12-24T03:00:00Z", next["until"])
	assert.Equal(t, true, next["read_only"])
	assert.NotContains(t, body, secret, "no secret in a public document")

	now = now.Add(90 * time.Minute)
	doc, _ = get()
	assert.Equal(t, true, doc["active"])
	assert.Equal(t, true, doc["read_only"])
	assert.NotNil(t, doc["current"])
	assert.Nil(t, doc["next"])

	now = now.Add(time.Hour)
	doc, _ = get()
	assert.Equal(t, false, doc["active"], "the window is over")

	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("POST", "/", nil))
	assert.Equal(t, http.StatusMethodNotAllowed, rec.Code)
}
