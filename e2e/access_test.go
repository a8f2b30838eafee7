package e2e

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/errorpage/errorpage/internal/gallery"
	"github.com/errorpage/errorpage/internal/theme"
)

// directions are the writing directions checked: English, and the
// right-to-left language the a11y sites add.
var directions = []struct{ name, acceptLanguage, dir string }{
	{"ltr", "en", "ltr"},
	{"rtl", "ar", "rtl"},
}

// statusPath is the path of a page on an a11y site of theme th: the
// status, or the maintenance page for 0.
func statusPath(th string, status int) (path string, code int) {
	if status == 0 {
		return "/a11y-maint-" + th + "/", 503
	}
	return "/a11y-" + th + "/" + strconv.Itoa(status), status
}

// TestAccessibility runs axe-core on every page (each status and the
// maintenance page) in every theme, light and dark, on a desktop and a
// phone, left-to-right and right-to-left, with the brand on the page, and
// fails on any violation. With prefers-reduced-motion: reduce, nothing
// may move. One tab per combination loads its pages in turn.
func TestAccessibility(t *testing.T) {
	browser := newBrowser(t)
	srv := newServer(t)
	for _, th := range theme.Builtin() {
		for _, scheme := range []string{"light", "dark"} {
			for _, vp := range viewports {
				for _, d := range directions {
					t.Run(fmt.Sprintf("%s-%s-%s-%s", th.Name, scheme, vp.name, d.name), func(t *testing.T) {
						t.Parallel()
						tb := getAuditTab(t, browser)
						defer putTab(tb)
						for _, status := range gallery.Statuses {
							path, code := statusPath(th.Name, status)
							url := srv.URL + path
							v := tb.load(t, pageLoad{url: url, vp: vp, scheme: scheme, acceptLanguage: d.acceptLanguage, audit: true})
							checkVisit(t, url, code, v)
							assert.Equal(t, d.dir, v.metrics.Dir, "%s: dir", path)
							assert.Empty(t, v.axe, "%s: axe-core violations", path)
							assert.Zero(t, v.metrics.Animations, "%s: animations running with prefers-reduced-motion: reduce", path)
						}
					})
				}
			}
		}
	}
}

// reflowViewports are WCAG 1.4.10's: 320 CSS pixels wide (a 1280 pixel
// window at 400 %), and a 1280×800 window zoomed to 200 %, which lays the
// page out 640 pixels wide at twice the resolution.
var reflowViewports = []viewport{
	{"320px", 320, 640, 1, true},
	{"zoom200", 640, 400, 2, false},
}

// TestReflow checks that every page in every theme and direction reads
// without scrolling sideways at 320 pixels and at 200 % zoom: no
// horizontal overflow, no text past the edges or cut by its box.
func TestReflow(t *testing.T) {
	browser := newBrowser(t)
	srv := newServer(t)
	for _, th := range theme.Builtin() {
		for _, vp := range reflowViewports {
			for _, d := range directions {
				t.Run(fmt.Sprintf("%s-%s-%s", th.Name, vp.name, d.name), func(t *testing.T) {
					t.Parallel()
					tb := getTab(t, browser)
					defer putTab(tb)
					for _, status := range gallery.Statuses {
						path, code := statusPath(th.Name, status)
						url := srv.URL + path
						v := tb.load(t, pageLoad{url: url, vp: vp, scheme: "light", acceptLanguage: d.acceptLanguage})
						checkVisit(t, url, code, v)
						assert.Empty(t, v.metrics.Outside, "%s: text past the edge at %s", path, vp.name)
					}
				})
			}
		}
	}
}

// focusStep is what the focused element looks like after one Tab.
type focusStep struct {
	Tag          string  `json:"tag"`
	Text         string  `json:"text"`
	FocusVisible bool    `json:"focusVisible"`
	OutlineStyle string  `json:"outlineStyle"`
	OutlineWidth float64 `json:"outlineWidth"`
	Inside       bool    `json:"inside"`
}

const focused = `(() => { const e = document.activeElement; if (!e || e === document.body) return {tag: ''};
  const s = getComputedStyle(e), r = e.getBoundingClientRect();
  return {tag: e.tagName.toLowerCase(), text: (e.textContent || '').trim().slice(0, 40), focusVisible: e.matches(':focus-visible'),
    outlineStyle: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth) || 0,
    inside: r.width > 0 && r.left >= 0 && r.right <= document.documentElement.clientWidth}; })()`

const focusables = `document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])').length`

// TestFocusVisible tabs through the page with the most links (the
// branded 500: brand, try again, home, support, status page) in every
// theme, light and dark, both directions: every link takes the focus in
// turn, and shows it with an outline at least 2 pixels wide.
func TestFocusVisible(t *testing.T) {
	browser := newBrowser(t)
	srv := newServer(t)
	for _, th := range theme.Builtin() {
		for _, scheme := range []string{"light", "dark"} {
			for _, d := range directions {
				t.Run(fmt.Sprintf("%s-%s-%s", th.Name, scheme, d.name), func(t *testing.T) {
					t.Parallel()
					url := srv.URL + "/a11y-" + th.Name + "/500"
					var n int
					var steps []focusStep
					tab := chromedp.ActionFunc(func(ctx context.Context) error {
						if err := chromedp.Evaluate(focusables, &n).Do(ctx); err != nil {
							return err
						}
						for range n {
							if err := input.DispatchKeyEvent(input.KeyDown).WithKey("Tab").WithCode("Tab").WithWindowsVirtualKeyCode(9).Do(ctx); err != nil {
								return err
							}
							if err := input.DispatchKeyEvent(input.KeyUp).WithKey("Tab").WithCode("Tab").WithWindowsVirtualKeyCode(9).Do(ctx); err != nil {
								return err
							}
							var s focusStep
							if err := chromedp.Evaluate(focused, &s).Do(ctx); err != nil {
								return err
							}
							steps = append(steps, s)
						}
						return nil
					})
					v := loadPage(t, browser, pageLoad{url: url, vp: viewports[0], scheme: scheme, acceptLanguage: d.acceptLanguage, after: []chromedp.Action{tab}})
					checkVisit(t, url, 500, v)
					require.GreaterOrEqual(t, n, 5, "focusable elements: brand, three actions, status page")
					seen := map[string]bool{}
					for i, s := range steps {
						require.Equal(t, "a", s.Tag, "Tab %d: focus on %q, want the next link", i+1, s.Tag)
						seen[s.Text] = true
						assert.True(t, s.FocusVisible, "Tab %d (%s): not :focus-visible", i+1, s.Text)
						assert.True(t, s.OutlineStyle != "none" && s.OutlineWidth >= 2, "Tab %d (%s): focus outline %s %.1fpx, want a visible one of 2px or more", i+1, s.Text, s.OutlineStyle, s.OutlineWidth)
						assert.True(t, s.Inside, "Tab %d (%s): the focused link is off screen", i+1, s.Text)
					}
					assert.Len(t, seen, n, "every link takes the focus once: %v", steps)
				})
			}
		}
	}
}

// TestReducedMotion checks that the themes that move (the blinking
// cursor, the floating cloud, the rising card) move without
// prefers-reduced-motion and stand still with it: the check of the
// accessibility run, which sees no animation, could see one.
func TestReducedMotion(t *testing.T) {
	browser := newBrowser(t)
	srv := newServer(t)
	var moving []string
	for _, th := range theme.Builtin() {
		url := srv.URL + "/a11y-" + th.Name + "/503"
		still := loadPage(t, browser, pageLoad{url: url, vp: viewports[0], scheme: "light", motion: "reduce"})
		assert.Zero(t, still.metrics.Animations, "%s: animations with prefers-reduced-motion: reduce", th.Name)
		free := loadPage(t, browser, pageLoad{url: url, vp: viewports[0], scheme: "light", motion: "no-preference"})
		if free.metrics.Animations > 0 {
			moving = append(moving, th.Name)
		}
	}
	assert.Subset(t, moving, []string{"terminal", "friendly"}, "themes that animate without reduced motion: %s", strings.Join(moving, ", "))
}
