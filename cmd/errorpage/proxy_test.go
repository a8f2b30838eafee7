package main

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// needBinary returns the path of a server binary. Without it the test
// fails under CI (which installs it) and is skipped elsewhere.
func needBinary(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err == nil {
		return p
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s is not installed; CI installs it from Debian (.ci/run)", name)
	}
	t.Skipf("%s is not installed", name)
	return ""
}

// freePort returns a loopback port nobody listens on right now.
func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	port := ln.Addr().(*net.TCPAddr).Port
	require.NoError(t, ln.Close())
	return port
}

// upstreams are the ways an app behind the proxy can fail, each at its
// own address: refused (nothing listens: the app is stopped), down (it
// accepts and closes without an answer: it crashed), slow (it never
// answers: the proxy times out) and unavailable (it answers 503 itself).
type upstreams struct {
	refused, down, slow, unavailable string
}

func startUpstreams(t *testing.T) upstreams {
	t.Helper()
	var u upstreams
	u.refused = fmt.Sprintf("127.0.0.1:%d", freePort(t))
	for _, spec := range []struct {
		addr  *string
		serve func(net.Conn)
	}{
		{&u.down, func(c net.Conn) { c.Close() }},
		{&u.slow, func(c net.Conn) { time.Sleep(5 * time.Second); c.Close() }},
	} {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		require.NoError(t, err)
		t.Cleanup(func() { ln.Close() })
		*spec.addr = ln.Addr().String()
		go func(serve func(net.Conn)) {
			for {
				c, err := ln.Accept()
				if err != nil {
					return
				}
				go serve(c)
			}
		}(spec.serve)
	}
	app := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		w.WriteHeader(http.StatusServiceUnavailable)
		io.WriteString(w, "the app's own 503")
	}))
	t.Cleanup(app.Close)
	u.unavailable = app.Listener.Addr().String()
	return u
}

// startServer runs a server binary until the test ends and waits until
// it answers on addr.
func startServer(t *testing.T, addr string, name string, args ...string) {
	t.Helper()
	cmd := exec.Command(name, args...)
	var logs strings.Builder
	cmd.Stdout, cmd.Stderr = &logs, &logs
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir())
	require.NoError(t, cmd.Start())
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	t.Cleanup(func() {
		cmd.Process.Kill()
		<-done
	})
	deadline := time.Now().Add(10 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", addr, 200*time.Millisecond)
		if err == nil {
			c.Close()
			return
		}
		select {
		case <-done:
			t.Fatalf("%s exited: %s", name, logs.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s did not listen on %s: %s", name, addr, logs.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// exportForTest exports the pages into a new directory and returns it.
func exportForTest(t *testing.T, args ...string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "pages")
	code, _, stderr := cli(t, nil, append([]string{"export", "--out", dir}, args...)...)
	require.Equal(t, 0, code, stderr)
	return dir
}

func TestNginxServesTheExportedPages(t *testing.T) {
	nginx := needBinary(t, "nginx")
	dir := exportForTest(t, "--theme", "mono")
	u := startUpstreams(t)
	port := freePort(t)
	prefix := t.TempDir()
	conf := fmt.Sprintf(`daemon off;
master_process off;
pid %[1]s/nginx.pid;
error_log %[1]s/error.log warn;
events { worker_connections 64; }
http {
	access_log off;
	client_body_temp_path %[1]s/body;
	proxy_temp_path %[1]s/proxy;
	fastcgi_temp_path %[1]s/fastcgi;
	uwsgi_temp_path %[1]s/uwsgi;
	scgi_temp_path %[1]s/scgi;
	server {
		listen 127.0.0.1:%[2]d;
		include %[3]s/nginx.conf;
		proxy_read_timeout 1s;
		location /refused { proxy_pass http://%[4]s; }
		location /down { proxy_pass http://%[5]s; }
		location /slow { proxy_pass http://%[6]s; }
		location /unavailable { proxy_pass http://%[7]s; }
	}
}
`, prefix, port, dir, u.refused, u.down, u.slow, u.unavailable)
	require.NoError(t, os.WriteFile(filepath.Join(prefix, "nginx.conf"), []byte(conf), 0o644))
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	startServer(t, addr, nginx, "-p", prefix, "-c", filepath.Join(prefix, "nginx.conf"))
	checkProxy(t, "http://"+addr, dir)
}

func TestCaddyServesTheExportedPages(t *testing.T) {
	caddy := needBinary(t, "caddy")
	dir := exportForTest(t, "--theme", "mono")
	u := startUpstreams(t)
	port := freePort(t)
	home := t.TempDir()
	conf := fmt.Sprintf(`{
	admin off
	auto_https off
	storage file_system %[1]s/data
}
http://127.0.0.1:%[2]d {
	handle /refused* {
		reverse_proxy %[3]s
	}
	handle /down* {
		reverse_proxy %[4]s
	}
	handle /slow* {
		reverse_proxy %[5]s {
			transport http {
				response_header_timeout 1s
			}
		}
	}
	handle /unavailable* {
		reverse_proxy %[6]s {
			@unavailable status 503
			handle_response @unavailable {
				error 503
			}
		}
	}
	import %[7]s/Caddyfile
}
`, home, port, u.refused, u.down, u.slow, u.unavailable, dir)
	cf := filepath.Join(home, "Caddyfile")
	require.NoError(t, os.WriteFile(cf, []byte(conf), 0o644))
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	startServer(t, addr, caddy, "run", "--config", cf, "--adapter", "caddyfile")
	checkProxy(t, "http://"+addr, dir)
}

// checkProxy checks what a proxy in front of the failing upstreams
// answers: the exported page of the status, chosen by Accept and
// Accept-Language, with the middleware's headers.
func checkProxy(t *testing.T, base, dir string) {
	client := &http.Client{Timeout: 10 * time.Second}
	for _, tc := range []struct {
		path   string
		status int
	}{
		{"/refused", 502},
		{"/down", 502},
		{"/slow", 504},
		{"/unavailable", 503},
	} {
		for _, neg := range []struct {
			accept, lang   string
			ctype, ext, cl string
		}{
			{"text/html,application/xhtml+xml,*/*;q=0.8", "de-DE,de;q=0.9,en;q=0.8", "text/html; charset=utf-8", "html", "de"},
			{"application/json", "pt-PT", "application/problem+json", "json", "pt-BR"},
			{"application/problem+json, text/html;q=0.5", "ja", "application/problem+json", "json", "ja"},
			{"*/*", "", "text/plain; charset=utf-8", "txt", "en"},
			{"text/plain", "be, fr;q=0.7", "text/plain; charset=utf-8", "txt", "fr"}, // no Belarusian pages: the next listed
			{"text/html", "xx", "text/html; charset=utf-8", "html", "en"},
		} {
			if tc.path == "/slow" && neg.cl != "de" {
				continue // each takes the proxy's timeout; one row shows 504 works
			}
			for _, method := range []string{"GET", "POST", "HEAD"} {
				name := fmt.Sprintf("%s %s %s %s", method, tc.path, neg.accept, neg.lang)
				t.Run(name, func(t *testing.T) {
					req, err := http.NewRequest(method, base+tc.path, nil)
					require.NoError(t, err)
					req.Header.Set("Accept", neg.accept)
					if neg.lang != "" {
						req.Header.Set("Accept-Language", neg.lang)
					}
					res, err := client.Do(req)
					require.NoError(t, err)
					body, err := io.ReadAll(res.Body)
					res.Body.Close()
					require.NoError(t, err)
					want, err := os.ReadFile(filepath.Join(dir, neg.cl, strconv.Itoa(tc.status)+"."+neg.ext))
					require.NoError(t, err)

					assert.Equal(t, tc.status, res.StatusCode, "status: got %d, want %d", res.StatusCode, tc.status)
					assert.Equal(t, neg.ctype, res.Header.Get("Content-Type"))
					assert.Equal(t, neg.cl, res.Header.Get("Content-Language"))
					assert.Equal(t, "no-store", res.Header.Get("Cache-Control"))
					assert.Equal(t, "nosniff", res.Header.Get("X-Content-Type-Options"))
					assert.Equal(t, "Accept, Accept-Language", res.Header.Get("Vary"))
					assert.Equal(t, "noindex", res.Header.Get("X-Robots-Tag"))
					assert.Contains(t, res.Header.Get("Content-Security-Policy"), "default-src 'none'")
					if neg.ext == "html" {
						assert.Contains(t, res.Header.Get("Content-Security-Policy"), "style-src 'sha256-")
					}
					assert.Empty(t, res.Header.Get("Etag"), "a validator would let a cache revalidate the error")
					assert.Empty(t, res.Header.Get("Last-Modified"))
					assert.Empty(t, res.Header.Get("Expires"))
					if tc.status == 503 {
						assert.Equal(t, "30", res.Header.Get("Retry-After"))
					} else {
						assert.Empty(t, res.Header.Get("Retry-After"))
					}
					if method == "HEAD" {
						assert.Empty(t, body, "HEAD has no body")
						return
					}
					assert.Equal(t, string(want), string(body), "the exported page, byte for byte")
					assert.Equal(t, strconv.Itoa(len(want)), res.Header.Get("Content-Length"))
				})
			}
		}
	}
}
