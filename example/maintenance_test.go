package main

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/errorpage/errorpage"
	"github.com/errorpage/errorpage/maintenance"
)

// TestDemoMaintenance runs the demo's maintenance wiring the way the README
// tells a newcomer to: a trigger file written by the CLI's function, the
// health check, the secret URL and the admin endpoint.
func TestDemoMaintenance(t *testing.T) {
	path := filepath.Join(t.TempDir(), "down")
	t.Setenv("ERRORPAGE_ADMIN_TOKEN", "demo-token")
	maint, err := newDemoMaintenance(path, slog.New(slog.DiscardHandler))
	require.NoError(t, err)
	t.Cleanup(func() { maint.Close() })
	ep, err := errorpage.New(errorpage.Options{Maintenance: maint.options(), Logger: slog.New(slog.DiscardHandler)})
	require.NoError(t, err)
	h, err := maint.handler(ep.Handler(routes()), ep.Readiness())
	require.NoError(t, err)
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)

	get := func(path string, header ...string) int {
		req, err := http.NewRequest("GET", srv.URL+path, nil)
		require.NoError(t, err)
		for i := 0; i+1 < len(header); i += 2 {
			req.Header.Set(header[i], header[i+1])
		}
		res, err := srv.Client().Do(req)
		require.NoError(t, err)
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
		return res.StatusCode
	}
	assert.Equal(t, 200, get("/"))

	changed := maint.file.Changed()
	require.NoError(t, maintenance.WriteTriggerFile(path, maintenance.State{On: true, Until: time.Now().Add(20 * time.Minute), Secret: "s3cretS3cretS3cret"}))
	select {
	case <-changed:
	case <-time.After(10 * time.Second):
		t.Fatal("the demo did not notice the trigger file within 10 s")
	}
	assert.Equal(t, 503, get("/"))
	assert.Equal(t, 200, get("/healthz"), "the health check is let through")
	assert.Equal(t, 200, get("/", "X-Maintenance-Bypass", "s3cretS3cretS3cret"))

	// The admin endpoint stays reachable during maintenance, with the token.
	assert.Equal(t, 401, get("/admin/maintenance"))
	assert.Equal(t, 200, get("/admin/maintenance", "Authorization", "Bearer demo-token"))
	req, err := http.NewRequest("DELETE", srv.URL+"/admin/maintenance", nil)
	require.NoError(t, err)
	req.Header.Set("Authorization", "Bearer demo-token")
	res, err := srv.Client().Do(req)
	require.NoError(t, err)
	res.Body.Close()
	assert.Equal(t, 200, res.StatusCode)
	assert.NoFileExists(t, path, "the admin endpoint writes through the trigger file")
	assert.Equal(t, 200, get("/"))
}

func TestDemoAdminIsLoopbackOnly(t *testing.T) {
	h := loopbackOnly(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	for _, tt := range []struct {
		remote string
		want   int
	}{{"127.0.0.1:1", 200}, {"[::1]:1", 200}, {"[::ffff:127.0.0.1]:1", 200}, {"192.0.2.1:1", 403}, {"[2001:db8::1]:1", 403}} {
		req := httptest.NewRequest("GET", "/admin/maintenance", nil)
		req.RemoteAddr = tt.remote
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		assert.Equal(t, tt.want, rec.Code, tt.remote)
	}
}

func TestDemoIndexLinksMaintenance(t *testing.T) {
	rec := httptest.NewRecorder()
	index(rec, httptest.NewRequest("GET", "/", nil))
	assert.True(t, strings.Contains(rec.Body.String(), `href="/healthz"`) && strings.Contains(rec.Body.String(), `href="/admin/maintenance"`))
}

// TestDemoScheduledReadOnlyWindow walks the README's planned window: a
// banner ahead of it, then writes refused while pages load, and the
// status endpoint telling a script both.
func TestDemoScheduledReadOnlyWindow(t *testing.T) {
	path := filepath.Join(t.TempDir(), "down")
	maint, err := newDemoMaintenance(path, slog.New(slog.DiscardHandler))
	require.NoError(t, err)
	t.Cleanup(func() { maint.Close() })
	ep, err := errorpage.New(errorpage.Options{Maintenance: maint.options(), Logger: slog.New(slog.DiscardHandler)})
	require.NoError(t, err)
	h, err := maint.handler(ep.Handler(routes()), ep.Readiness())
	require.NoError(t, err)
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	client := srv.Client()
	client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }

	fetch := func(method, path string) (int, string) {
		req, err := http.NewRequest(method, srv.URL+path, strings.NewReader("note=hi"))
		require.NoError(t, err)
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		res, err := client.Do(req)
		require.NoError(t, err)
		defer res.Body.Close()
		b, err := io.ReadAll(res.Body)
		require.NoError(t, err)
		return res.StatusCode, string(b)
	}

	start := time.Now().Add(time.Hour).UTC().Truncate(time.Second)
	require.NoError(t, maint.source.SetState(context.Background(), maintenance.State{On: true, Start: start, Until: start.Add(time.Hour), ReadOnly: true}))
	code, body := fetch("GET", "/")
	assert.Equal(t, 200, code)
	assert.Contains(t, body, `data-testid="maintenance-banner"`, "the banner ahead of the window")
	assert.Contains(t, body, start.Format(time.RFC3339))
	code, _ = fetch("POST", "/notes")
	assert.Equal(t, http.StatusSeeOther, code, "writes still work before the start")
	_, body = fetch("GET", "/maintenance/status")
	assert.Contains(t, body, `"active":false`)
	assert.Contains(t, body, `"next":{"start":"`+start.Format(time.RFC3339))

	require.NoError(t, maint.source.SetState(context.Background(), maintenance.State{On: true, Until: start, ReadOnly: true}))
	code, body = fetch("GET", "/")
	assert.Equal(t, 200, code, "pages still load")
	assert.Contains(t, body, "Read-only during maintenance")
	assert.Contains(t, body, `data-testid="save" disabled`)
	code, _ = fetch("POST", "/notes")
	assert.Equal(t, 503, code, "writes get the maintenance page")
	_, body = fetch("GET", "/maintenance/status")
	assert.Contains(t, body, `"active":true,"read_only":true`)
	code, _ = fetch("GET", "/readyz")
	assert.Equal(t, 200, code, "ready during maintenance")
}

// TestDemoNeverPrintsTheAdminToken guards the demo's help text: a token it
// made up goes to a file only its user can read, and the help names the
// file, never the token (output ends up in logs).
func TestDemoNeverPrintsTheAdminToken(t *testing.T) {
	t.Setenv("ERRORPAGE_ADMIN_TOKEN", "")
	d, err := newDemoMaintenance("", slog.New(slog.DiscardHandler))
	require.NoError(t, err)
	var help strings.Builder
	d.printHelp(&help, "127.0.0.1:8080")
	require.NotEmpty(t, d.token)
	assert.NotContains(t, help.String(), d.token)
	assert.Contains(t, help.String(), "$(cat "+d.tokenFile+")")
	fi, err := os.Stat(d.tokenFile)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm())
	b, err := os.ReadFile(d.tokenFile)
	require.NoError(t, err)
	assert.Equal(t, d.token, string(b))
	require.NoError(t, d.Close())
	_, err = os.Stat(d.tokenFile)
	assert.True(t, os.IsNotExist(err), "Close removes the file")
}
