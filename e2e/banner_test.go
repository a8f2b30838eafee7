package e2e

import (
	"context"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/errorpage/errorpage/maintenance"
)

// TestBannerInTheExample runs the demo as a newcomer would, with a
// trigger file holding a window that starts in an hour, and checks in the
// browser that the home page shows the banner, visible and in the
// visitor's language, inside the demo's own layout.
func TestBannerInTheExample(t *testing.T) {
	browser := newBrowser(t)
	dir := t.TempDir()
	bin := filepath.Join(dir, "example")
	build := exec.Command("go", "build", "-o", bin, "../example")
	build.Stderr = os.Stderr
	require.NoError(t, build.Run())

	start := time.Now().Add(time.Hour).UTC().Truncate(time.Minute)
	down := filepath.Join(dir, "down")
	require.NoError(t, maintenance.WriteTriggerFile(down, maintenance.State{On: true, Start: start, Until: start.Add(time.Hour), ReadOnly: true}))

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	ln.Close()
	cmd := exec.Command(bin, "-addr", addr, "-maintenance-file", down)
	require.NoError(t, cmd.Start())
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	base := "http://" + addr
	require.Eventually(t, func() bool {
		res, err := http.Get(base + "/healthz")
		if err == nil {
			res.Body.Close()
		}
		return err == nil && res.StatusCode == 200
	}, 10*time.Second, 50*time.Millisecond, "the demo did not start")

	for _, tc := range []struct{ lang, want string }{
		{"en", "Scheduled maintenance: " + start.Format("Mon 2 Jan 2006, 15:04 MST")},
		{"de", "Geplante Wartung: " + start.Format("02.01.2006, 15:04 MST")},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			ctx, cancel := chromedp.NewContext(browser)
			defer cancel()
			ctx, cancelTimeout := context.WithTimeout(ctx, 30*time.Second)
			defer cancelTimeout()
			var text string
			var width float64
			require.NoError(t, chromedp.Run(ctx,
				network.Enable(),
				network.SetExtraHTTPHeaders(network.Headers{"Accept-Language": tc.lang}),
				chromedp.Navigate(base+"/"),
				chromedp.Text(`[data-testid=maintenance-banner]`, &text, chromedp.ByQuery),
				chromedp.Evaluate(`document.querySelector('[data-testid=maintenance-banner]').getBoundingClientRect().width`, &width),
			))
			assert.Contains(t, text, tc.want)
			assert.Greater(t, width, 100.0, "the banner is laid out in the page, got width %v", width)
			t.Logf("banner (%s): %s", tc.lang, text)
		})
	}
}
