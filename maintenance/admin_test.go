package maintenance

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNewAdminRequiresAuthorization(t *testing.T) {
	_, err := NewAdmin(&Switch{}, nil)
	assert.EqualError(t, err, "errorpage: maintenance admin: an authorization function is required")
	_, err = NewAdmin(nil, BearerToken("t"))
	assert.ErrorContains(t, err, "errorpage: ")
}

func TestAdmin(t *testing.T) {
	future := time.Now().Add(time.Hour).UTC().Truncate(time.Second)
	tests := []struct {
		name       string
		method     string
		token      string
		body       string
		start      State
		wantStatus int
		wantState  State
		wantBody   string
	}{
		{name: "GET without a token", method: "GET", wantStatus: 401, wantBody: "authorization"},
		{name: "GET with a wrong token", method: "GET", token: "wrong", start: State{On: true, Secret: "hidden"}, wantStatus: 401, wantState: State{On: true, Secret: "hidden"}},
		{name: "PUT without a token changes nothing", method: "PUT", body: `{}`, wantStatus: 401},
		{name: "DELETE without a token changes nothing", method: "DELETE", start: State{On: true}, wantStatus: 401, wantState: State{On: true}},
		{name: "GET", method: "GET", token: "t0ken", start: State{On: true, Message: "m"}, wantStatus: 200, wantState: State{On: true, Message: "m"}, wantBody: `"message":"m"`},
		{name: "HEAD", method: "HEAD", token: "t0ken", wantStatus: 200},
		{name: "PUT a document", method: "PUT", token: "t0ken", body: `{"message":"down","until":"` + future.Format(time.RFC3339) + `","secret":"s3cretS3cretS3cret"}`,
			wantStatus: 200, wantState: State{On: true, Message: "down", Until: future, Secret: "s3cretS3cretS3cret"}, wantBody: `"enabled":true`},
		{name: "POST an empty body", method: "POST", token: "t0ken", wantStatus: 200, wantState: State{On: true}},
		{name: "PUT enabled false", method: "PUT", token: "t0ken", body: `{"enabled":false}`, start: State{On: true}, wantStatus: 200},
		{name: "PUT broken JSON", method: "PUT", token: "t0ken", body: `{"message":`, wantStatus: 400, wantBody: `"detail":"errorpage: maintenance document: unexpected end of JSON input`},
		{name: "PUT an unknown member", method: "PUT", token: "t0ken", body: `{"untill":"x"}`, wantStatus: 400, wantBody: "untill"},
		{name: "PUT a past end time", method: "PUT", token: "t0ken", body: `{"until":"2000-01-01T00:00:00Z"}`, wantStatus: 400, wantBody: "not in the future"},
		{name: "PUT a scheduled read-only window", method: "PUT", token: "t0ken", body: `{"start":"` + future.Format(time.RFC3339) + `","read_only":true,"paths":["/billing/"]}`,
			wantStatus: 200, wantState: State{On: true, Start: future, ReadOnly: true, Paths: []string{"/billing/"}}, wantBody: `"start":"`},
		{name: "PUT a start after the end", method: "PUT", token: "t0ken", body: `{"start":"` + future.Add(time.Hour).Format(time.RFC3339) + `","until":"` + future.Format(time.RFC3339) + `"}`, wantStatus: 400, wantBody: "not before until"},
		{name: "PUT a scope that is not a clean prefix", method: "PUT", token: "t0ken", body: `{"paths":["/billing/../admin/"]}`, wantStatus: 400, wantBody: "not clean"},
		{name: "PUT a bad secret", method: "PUT", token: "t0ken", body: `{"secret":"a b"}`, wantStatus: 400, wantBody: "secret"},
		{name: "PUT too large", method: "PUT", token: "t0ken", body: `{"message":"` + strings.Repeat("x", 70<<10) + `"}`, wantStatus: 413},
		{name: "DELETE", method: "DELETE", token: "t0ken", start: State{On: true, Message: "m"}, wantStatus: 200, wantBody: `"enabled":false`},
		{name: "PATCH", method: "PATCH", token: "t0ken", wantStatus: 405},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sw := &Switch{}
			sw.Set(tt.start)
			h, err := NewAdmin(sw, BearerToken("t0ken"))
			require.NoError(t, err)
			srv := serve(t, h)
			req, err := http.NewRequest(tt.method, srv.URL+"/admin/maintenance", strings.NewReader(tt.body))
			require.NoError(t, err)
			if tt.token != "" {
				req.Header.Set("Authorization", "Bearer "+tt.token)
			}
			res, err := srv.Client().Do(req)
			require.NoError(t, err)
			body, _ := io.ReadAll(res.Body)
			res.Body.Close()
			assert.Equal(t, tt.wantStatus, res.StatusCode, "body: %s", body)
			assert.Equal(t, "no-store", res.Header.Get("Cache-Control"))
			assert.True(t, tt.wantState.Equal(sw.State()), "got state %+v, want %+v", sw.State(), tt.wantState)
			assert.Contains(t, string(body), tt.wantBody)
			switch {
			case tt.wantStatus == 401:
				assert.Contains(t, res.Header.Get("WWW-Authenticate"), "Bearer")
				assert.NotContains(t, string(body), "hidden", "nothing of the state leaks unauthenticated")
			case tt.wantStatus == 405:
				assert.Equal(t, "GET, HEAD, PUT, POST, DELETE", res.Header.Get("Allow"))
			case tt.wantStatus == 200 && tt.method != "HEAD":
				var st State
				require.NoError(t, json.Unmarshal(body, &st), "the answer is the maintenance document")
				assert.True(t, sw.State().Equal(st), "the answer is the new state")
			}
		})
	}
}

// failingWriter fails every write, like a trigger file on a read-only
// ConfigMap mount.
type failingWriter struct{ Switch }

func (f *failingWriter) SetState(context.Context, State) error {
	return errors.New("errorpage: writing trigger file: read-only file system")
}

func TestAdminReportsWriteErrors(t *testing.T) {
	h, err := NewAdmin(&failingWriter{}, func(*http.Request) bool { return true })
	require.NoError(t, err)
	res, body := do(t, h, "DELETE", "/")
	assert.Equal(t, 500, res.StatusCode)
	assert.Equal(t, "application/problem+json", res.Header.Get("Content-Type"))
	assert.Contains(t, body, "read-only file system")
}

func TestBearerToken(t *testing.T) {
	tests := []struct {
		name, token, header string
		want                bool
	}{
		{"match", "t0ken", "Bearer t0ken", true},
		{"scheme is case-insensitive", "t0ken", "bearer t0ken", true},
		{"wrong token", "t0ken", "Bearer t0ke", false},
		{"longer token", "t0ken", "Bearer t0ken2", false},
		{"other scheme", "t0ken", "Basic t0ken", false},
		{"no scheme", "t0ken", "t0ken", false},
		{"no header", "t0ken", "", false},
		{"empty token accepts nothing", "", "Bearer ", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, _ := http.NewRequest("GET", "/", nil)
			if tt.header != "" {
				r.Header.Set("Authorization", tt.header)
			}
			assert.Equal(t, tt.want, BearerToken(tt.token)(r))
		})
	}
}

// TestNewAdminRefusesAnEmptyBearerToken: an unset environment
// variable would build an endpoint that refuses everyone; it fails at
// construction instead.
func TestNewAdminRefusesAnEmptyBearerToken(t *testing.T) {
	_, err := NewAdmin(&Switch{}, BearerToken(""))
	require.Error(t, err)
	assert.True(t, strings.HasPrefix(err.Error(), "errorpage: "), "got %q, want the errorpage: prefix", err)
	assert.Contains(t, err.Error(), "empty token")
	_, err = NewAdmin(&Switch{}, BearerToken("t0ken"))
	assert.NoError(t, err)
}
