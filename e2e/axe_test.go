package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// axePath is axe-core as npm installs it from package-lock.json (.ci/run
// runs npm ci in this directory). The checks inject it into each page
// through DevTools, where the page's Content-Security-Policy does not
// apply, so the page itself stays exactly as served.
var axePath = filepath.Join("node_modules", "axe-core", "axe.min.js")

var (
	axeOnce   sync.Once
	axeSource string
	axeErr    error
)

// needAxe returns axe-core's source. Without it the test fails when
// CI=true and is skipped otherwise.
func needAxe(t *testing.T) string {
	t.Helper()
	axeOnce.Do(func() {
		b, err := os.ReadFile(axePath)
		axeSource, axeErr = string(b), err
	})
	if axeErr != nil {
		msg := fmt.Sprintf("axe-core not installed (%v): run npm ci in e2e/", axeErr)
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	return axeSource
}

// axeViolation is one rule axe-core found broken, with the elements that
// break it.
type axeViolation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"`
}

func (v axeViolation) String() string {
	return fmt.Sprintf("%s (%s): %s: %s", v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "; "))
}

// axeRun runs every rule axe-core enables by default (WCAG 2.0, 2.1 and
// 2.2 A and AA, and its best practices) on the whole document, and
// returns the violations, each with up to three elements and why they
// fail.
const axeRun = `axe.run(document, {resultTypes: ['violations']}).then(r => r.violations.map(v => ({
  id: v.id, impact: v.impact || '', help: v.help,
  nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' ' + (n.failureSummary || '').replace(/\s+/g, ' '))})))`

// runAxe runs axe-core in the loaded page, which the tab injected it into
// (getAuditTab).
func runAxe(out *[]axeViolation) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		res, exc, err := runtime.Evaluate(axeRun).WithAwaitPromise(true).WithReturnByValue(true).Do(ctx)
		if err != nil {
			return err
		}
		if exc != nil {
			return fmt.Errorf("axe.run: %s %v", exc.Text, exc.Exception)
		}
		return json.Unmarshal(res.Value, out)
	})
}
