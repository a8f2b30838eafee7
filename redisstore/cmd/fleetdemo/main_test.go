package main

import (
	"bytes"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/errorpage/errorpage/redisstore"
	"github.com/errorpage/errorpage/redisstore/internal/redistest"
)

const token = "t0ken-for-tests"

// TestFleetWithCLI is the operator's recipe end to end: three instances on
// one real Redis, and the errorpage CLI (built from the root module)
// switching all of them through one instance's admin endpoint.
func TestFleetWithCLI(t *testing.T) {
	srv := redistest.Start(t)
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	var fleet []*httptest.Server
	for i := range 3 {
		store, err := redisstore.Open(srv.URL(""), redisstore.Options{Logger: quiet})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { store.Close() })
		h, err := newHandler(store, string(rune('a'+i)), token, quiet)
		if err != nil {
			t.Fatal(err)
		}
		ts := httptest.NewServer(h)
		t.Cleanup(ts.Close)
		fleet = append(fleet, ts)
	}
	cli := buildCLI(t)
	admin := func(i int) string { return fleet[i].URL + "/admin/maintenance" }

	for _, tc := range []struct {
		name   string
		env    string // the token in the environment; "-" for unset
		args   []string
		code   int
		output string
	}{
		{"no token", "-", []string{"down", "--admin", admin(0)}, 2, "ERRORPAGE_ADMIN_TOKEN is not set"},
		{"wrong token", "nope", []string{"down", "--admin", admin(0)}, 1, "refused the token (401 Unauthorized)"},
		{"status, off", token, []string{"status", "--admin", admin(1)}, 0, "maintenance off"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out := runCLI(t, cli, tc.env, tc.args...)
			if code != tc.code || !strings.Contains(out, tc.output) {
				t.Errorf("got exit %d, output %q; want exit %d, output with %q", code, out, tc.code, tc.output)
			}
		})
	}
	for i := range fleet {
		if got := get(t, fleet[i].URL+"/"); got != http.StatusOK {
			t.Fatalf("instance %d: got %d after refused writes, want 200", i, got)
		}
	}

	code, out := runCLI(t, cli, token, "down", "--admin", admin(0), "--until", "15m", "--message", "Fleet upgrade")
	if code != 0 {
		t.Fatalf("down: exit %d: %s", code, out)
	}
	start := time.Now()
	waitFor(t, time.Second, "every instance to show the maintenance page", func() bool {
		for _, ts := range fleet {
			if get(t, ts.URL+"/") != http.StatusServiceUnavailable {
				return false
			}
		}
		return true
	})
	t.Logf("all three instances in maintenance %v after the CLI returned", time.Since(start))
	if got := get(t, fleet[2].URL+"/healthz"); got != http.StatusOK {
		t.Errorf("/healthz in maintenance: got %d, want 200", got)
	}
	if code, out := runCLI(t, cli, token, "status", "--admin", admin(2)); code != 0 || !strings.Contains(out, "maintenance on") {
		t.Errorf("status through another instance: exit %d, %q; want maintenance on", code, out)
	}

	if code, out := runCLI(t, cli, token, "up", "--admin", admin(1)); code != 0 {
		t.Fatalf("up: exit %d: %s", code, out)
	}
	waitFor(t, time.Second, "every instance to be live again", func() bool {
		for _, ts := range fleet {
			if get(t, ts.URL+"/") != http.StatusOK {
				return false
			}
		}
		return true
	})
}

func TestAdminWithoutToken(t *testing.T) {
	srv := redistest.Start(t)
	store, err := redisstore.Open(srv.URL(""), redisstore.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	h, err := newHandler(store, "x", "", slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest("DELETE", "/admin/maintenance", nil)
	req.Header.Set("Authorization", "Bearer ")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusNotFound && rec.Code != http.StatusMethodNotAllowed {
		t.Errorf("got %d with no token configured, want no admin endpoint (the site's 404 or 405)", rec.Code)
	}
}

// buildCLI builds the errorpage command of the root module.
func buildCLI(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "errorpage")
	out, err := exec.Command("go", "build", "-o", bin, "github.com/errorpage/errorpage/cmd/errorpage").CombinedOutput()
	if err != nil {
		t.Fatalf("go build the errorpage CLI: %v\n%s", err, out)
	}
	return bin
}

// runCLI runs the CLI with the token in the environment ("-": unset) and
// returns its exit code and combined output.
func runCLI(t *testing.T, bin, tok string, args ...string) (int, string) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, tokenEnv+"=") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	if tok != "-" {
		cmd.Env = append(cmd.Env, tokenEnv+"="+tok)
	}
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode(), out.String()
	} else if err != nil {
		t.Fatal(err)
	}
	return 0, out.String()
}

func get(t *testing.T, url string) int {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode
}

func waitFor(t *testing.T, within time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(within)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %v waiting for %s", within, what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}
