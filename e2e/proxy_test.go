package e2e

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestExportedPageServedByNginx loads, in the browser, the page nginx
// serves from "errorpage export" while the app behind it is stopped: the
// German 502, in the mono theme, with the exported snippet's CSP.
func TestExportedPageServedByNginx(t *testing.T) {
	nginx, err := exec.LookPath("nginx")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("nginx is not installed; CI installs it from Debian (.ci/run)")
		}
		t.Skip("nginx is not installed")
	}
	browser := newBrowser(t)

	tmp := t.TempDir()
	bin := filepath.Join(tmp, "errorpage")
	build := exec.Command("go", "build", "-o", bin, "./cmd/errorpage")
	build.Dir = ".."
	out, err := build.CombinedOutput()
	require.NoError(t, err, "%s", out)
	pages := filepath.Join(tmp, "pages")
	out, err = exec.Command(bin, "export", "--out", pages, "--theme", "mono").CombinedOutput()
	require.NoError(t, err, "%s", out)

	stopped := listenAndClose(t) // the app, stopped
	port := listenAndClose(t)
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
		listen %[2]s;
		include %[3]s/nginx.conf;
		location / { proxy_pass http://%[4]s; }
	}
}
`, tmp, port, pages, stopped)
	require.NoError(t, os.WriteFile(filepath.Join(tmp, "nginx.conf"), []byte(conf), 0o644))
	cmd := exec.Command(nginx, "-p", tmp, "-c", filepath.Join(tmp, "nginx.conf"))
	var logs strings.Builder
	cmd.Stdout, cmd.Stderr = &logs, &logs
	require.NoError(t, cmd.Start())
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
	require.Eventually(t, func() bool {
		c, err := net.Dial("tcp", port)
		if err == nil {
			c.Close()
		}
		return err == nil
	}, 10*time.Second, 50*time.Millisecond, "nginx did not start: %s", &logs)

	url := "http://" + port + "/checkout"
	v := load(t, browser, url, viewports[0], "light", "de")
	checkVisit(t, url, 502, v)
	assert.Equal(t, "de", v.metrics.Lang)
	assert.Contains(t, v.metrics.Code, "502")
	assert.NotContains(t, v.metrics.Testids, "request-id", "no request ID at the proxy")
	saveScreenshot(t, "exported-nginx-502-de", v.screenshot)
}

// listenAndClose returns a loopback address nobody listens on.
func listenAndClose(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	require.NoError(t, ln.Close())
	return addr
}
