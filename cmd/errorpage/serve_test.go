package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// lockedBuffer is a buffer the command writes to while the test reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// startServe runs errorpage serve on a loopback port until the test ends,
// and returns its base URL and a function stopping it that returns the
// exit status and output.
func startServe(t *testing.T, args ...string) (base string, stop func() (int, string)) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var out, errb lockedBuffer
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...), os.Getenv, strings.NewReader(""), &out, &errb, time.Now)
	}()
	var code int
	stopped := false
	stop = func() (int, string) {
		if !stopped {
			stopped = true
			cancel()
			select {
			case code = <-done:
			case <-time.After(15 * time.Second):
				t.Fatal("serve did not stop")
			}
		}
		return code, out.String() + errb.String()
	}
	t.Cleanup(func() { stop() })
	listening := regexp.MustCompile(`serving the pages on (http://\S+)`)
	deadline := time.Now().Add(10 * time.Second)
	for {
		if m := listening.FindStringSubmatch(out.String()); m != nil {
			return m[1], stop
		}
		select {
		case c := <-done:
			t.Fatalf("serve exited with %d: %s", c, errb.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatal("serve did not start")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func get(t *testing.T, method, url, accept, lang string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(method, url, nil)
	require.NoError(t, err)
	req.Header.Set("Accept", accept)
	if lang != "" {
		req.Header.Set("Accept-Language", lang)
	}
	res, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	return res, string(body)
}

// TestServeAnswersLikeTheExport checks errorpage serve over a real
// listener: the page of /{status}, negotiated like the middleware, the
// same bytes as the export, and a graceful stop.
func TestServeAnswersLikeTheExport(t *testing.T) {
	dir := exportForTest(t, "--theme", "terminal")
	base, stop := startServe(t, "--theme", "terminal")
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(dir, name))
		require.NoError(t, err)
		return string(b)
	}
	for _, tc := range []struct {
		name, method, path, accept, lang string
		status                           int
		file, ctype, cl                  string
	}{
		{"502 in German", "GET", "/502", "text/html", "de", 502, "de/502.html", "text/html; charset=utf-8", "de"},
		{"504 as a problem", "POST", "/504", "application/json", "ja", 504, "ja/504.json", "application/problem+json", "ja"},
		{"500 as text", "GET", "/500", "*/*", "", 500, "en/500.txt", "text/plain; charset=utf-8", "en"},
		{"a 5xx without its own page", "GET", "/599", "text/html", "fr", 599, "fr/generic.html", "text/html; charset=utf-8", "fr"},
		{"the root", "GET", "/", "text/html", "pt-PT", 503, "pt-BR/503.html", "text/html; charset=utf-8", "pt-BR"},
		{"any other path", "GET", "/shop/cart?x=1", "text/plain", "pl", 503, "pl/503.txt", "text/plain; charset=utf-8", "pl"},
		{"HEAD", "HEAD", "/502", "text/html", "de", 502, "", "text/html; charset=utf-8", "de"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, body := get(t, tc.method, base+tc.path, tc.accept, tc.lang)
			assert.Equal(t, tc.status, res.StatusCode)
			assert.Equal(t, tc.ctype, res.Header.Get("Content-Type"))
			assert.Equal(t, tc.cl, res.Header.Get("Content-Language"))
			assert.Equal(t, "no-store", res.Header.Get("Cache-Control"))
			assert.Equal(t, "nosniff", res.Header.Get("X-Content-Type-Options"))
			if tc.status == 503 {
				assert.Equal(t, "30", res.Header.Get("Retry-After"))
			}
			if tc.file == "" {
				assert.Empty(t, body, "HEAD has no body")
				return
			}
			assert.Equal(t, read(tc.file), body, "the exported page, byte for byte")
		})
	}
	code, out := stop()
	assert.Equal(t, 0, code, out)
	assert.Contains(t, out, "stopped", "a graceful stop says so")
}

// TestServeMaintenanceFile checks that serve follows the trigger file:
// errorpage down --file puts the whole fleet behind it into maintenance.
func TestServeMaintenanceFile(t *testing.T) {
	file := filepath.Join(t.TempDir(), "maintenance.json")
	base, _ := startServe(t, "--maintenance-file", file)
	res, _ := get(t, "GET", base+"/502", "text/plain", "")
	require.Equal(t, 502, res.StatusCode)

	code, _, stderr := cli(t, nil, "down", "--file", file, "--message", "Moving to a new data centre.", "--no-secret")
	require.Equal(t, 0, code, stderr)
	require.Eventually(t, func() bool {
		res, body := get(t, "GET", base+"/502", "text/plain", "")
		return res.StatusCode == 503 && strings.Contains(body, "Moving to a new data centre.")
	}, 5*time.Second, 50*time.Millisecond, "the maintenance page once the file says on")

	code, _, stderr = cli(t, nil, "up", "--file", file)
	require.Equal(t, 0, code, stderr)
	require.Eventually(t, func() bool {
		res, _ := get(t, "GET", base+"/502", "text/plain", "")
		return res.StatusCode == 502
	}, 5*time.Second, 50*time.Millisecond, "the pages again once the file is gone")
}

func TestServeBadInput(t *testing.T) {
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"unknown theme", []string{"--theme", "neon"}, 2, `errorpage: unknown Theme "neon"`},
		{"status without a page", []string{"--status", "200"}, 2, "errorpage: serve: --status 200 is not a status with a page"},
		{"unexpected argument", []string{"now"}, 2, `unexpected argument "now"`},
		{"bad address", []string{"--addr", "127.0.0.1:notaport"}, 1, "errorpage: serve:"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := cli(t, nil, append([]string{"serve"}, tc.args...)...)
			assert.Equal(t, tc.code, code, stderr)
			assert.Contains(t, stderr, tc.stderr)
			assert.Empty(t, stdout)
		})
	}
}
