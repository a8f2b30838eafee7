package e2e

import (
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/errorpage/errorpage"
	"github.com/errorpage/errorpage/internal/theme"
	"github.com/errorpage/errorpage/maintenance"
	"github.com/errorpage/errorpage/pages"
)

var update = flag.Bool("update", false, "write the README's screenshots to ../docs/screenshots")

const (
	sampleRequestID = "4bf92f3577b34da6a3ce929d0e0e4736"
	sampleReference = "evt_2b7c91e0"
)

// acmeLogo is an inline SVG logo drawn with currentColor and presentation
// attributes only, as the page's CSP requires.
const acmeLogo = `<svg viewBox="0 0 32 32" width="32" height="32" role="img" aria-label="Acme Cloud"><rect width="32" height="32" rx="8" fill="#e4572e"/><path d="M9 22l7-13 7 13M12 17.5h8" fill="none" stroke="#fff" stroke-width="2.6" stroke-linecap="round" stroke-linejoin="round"/></svg>`

var acme = errorpage.Brand{
	Name:      "Acme Cloud",
	LogoSVG:   acmeLogo,
	Accent:    "#e4572e",
	HomeURL:   "/",
	Support:   "support@acme.example",
	StatusURL: "https://status.acme.example/",
	Footer:    "© 2026 Acme Cloud, Inc.",
}

// arabic is a synthetic right-to-left language, added through the options.
var arabic = pages.Text{
	Tag: "ar",
	Dir: "rtl",
	Labels: pages.Labels{
		ErrorCode: "خطأ {status}", RequestID: "معرّف الطلب", Reference: "المرجع",
		TryAgain: "حاول مرة أخرى", GoHome: "الصفحة الرئيسية", ContactSupport: "اتصل بالدعم",
		StatusPage: "حالة الخدمة", RetryIn: "يرجى المحاولة مرة أخرى بعد {time}.",
	},
	Statuses: map[int]pages.StatusText{
		503: {Title: "الخدمة غير متاحة", Message: "لا يمكننا معالجة طلبك الآن. هذه مشكلة مؤقتة.", Advice: "يرجى المحاولة لاحقًا."},
	},
	Seconds: pages.Plural{Other: "{n} ثانية تقريبًا"},
}

// sites are the middleware configurations served, by path prefix: each
// built-in theme, plus the brand and the added RTL language.
func sites(t *testing.T) map[string]errorpage.Options {
	s := map[string]errorpage.Options{}
	for _, th := range theme.Builtin() {
		s[th.Name] = errorpage.Options{Theme: th.Name}
	}
	s["brand"] = errorpage.Options{Brand: acme}
	for _, th := range theme.Builtin() {
		s["brand-"+th.Name] = errorpage.Options{Brand: acme, Theme: th.Name}
	}
	maint := &maintenance.Switch{}
	maint.Enable(maintenance.State{Retry: 10 * time.Minute})
	s["maintenance"] = errorpage.Options{Brand: acme, Maintenance: maintenance.Options{Source: maint}}
	s["rtl"] = errorpage.Options{Brand: acme, Languages: []pages.Text{arabic}}
	// The accessibility checks: every theme with the brand and a
	// right-to-left language, and its maintenance page.
	for _, th := range theme.Builtin() {
		s["a11y-"+th.Name] = errorpage.Options{Brand: acme, Theme: th.Name, Languages: []pages.Text{arabic}}
		s["a11y-maint-"+th.Name] = errorpage.Options{Brand: acme, Theme: th.Name, Languages: []pages.Text{arabic},
			Maintenance: maintenance.Options{Source: maint}}
	}
	return s
}

// newServer serves /{site}/{status} with the middleware configured for the
// site, over a handler failing with that status. Request ID and reference
// are fixed, so that the pages show everything they can.
func newServer(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	for name, opts := range sites(t) {
		opts.Logger = nil
		opts.ClientErrors = true
		opts.RequestID = func(*http.Request) string { return sampleRequestID }
		opts.OnError = func(*http.Request, errorpage.ErrorEvent) string { return sampleReference }
		m, err := errorpage.New(opts)
		require.NoError(t, err, "site %s", name)
		prefix := "/" + name + "/"
		mux.Handle(prefix, m.Handler(http.StripPrefix(prefix, http.HandlerFunc(fail))))
		if name == "default" {
			mux.Handle("/gallery", m.Gallery())
		}
	}
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// fail answers with the status in the path, like a handler that broke.
func fail(w http.ResponseWriter, r *http.Request) {
	code, err := strconv.Atoi(r.URL.Path)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "text/plain")
	w.WriteHeader(code)
	io.WriteString(w, "inner body that must never be seen")
}

// checkVisit asserts what every page must do in the browser.
func checkVisit(t *testing.T, url string, status int, v visit) {
	t.Helper()
	assert.EqualValues(t, status, v.status, "status: got %d, want %d", v.status, status)
	assert.Equal(t, []string{url}, v.requests, "requests: got %v, want only the page itself", v.requests)
	assert.Empty(t, v.console, "console errors and warnings")
	assert.Empty(t, v.violations, "CSP violations")
	m := v.metrics
	assert.LessOrEqual(t, m.ScrollWidth, m.ClientWidth, "horizontal overflow: scrollWidth %d > clientWidth %d", m.ScrollWidth, m.ClientWidth)
	assert.Greater(t, m.Texts, 5, "texts measured")
	assert.GreaterOrEqual(t, m.MinContrast, 4.5, "lowest text contrast: got %.2f:1, want 4.5:1 or more; below: %+v", m.MinContrast, m.LowContrast)
	assert.Contains(t, m.Testids, "errorpage")
	assert.NotContains(t, m.Heading, "inner body")
	if m.FootGap != -1 {
		// The footer sits under the card, apart from it: 1.5rem in the
		// stylesheet. Glued to it, the gap is 0.
		assert.GreaterOrEqual(t, m.FootGap, 16.0, "gap between card and footer: got %.1fpx, want 16px or more", m.FootGap)
	}
	checkButtons(t, v)
}

// checkButtons asserts that the action links neither overflow their list
// nor the screen, and are laid out cleanly: in English, on one line on a
// desktop; on a phone either on one line or stacked in a column, one per
// line, all of the same width. Longer labels (German, Polish, Ukrainian...)
// may wrap on a desktop, but never overflow.
func checkButtons(t *testing.T, v visit) {
	t.Helper()
	bs, list := v.metrics.Buttons, v.metrics.Actions
	const slack = 0.5 // sub-pixel rounding
	for _, b := range bs {
		assert.True(t, b.Left >= list.Left-slack && b.Right <= list.Right+slack,
			"button %+v overflows its list %+v", b, list)
		assert.True(t, b.Left >= 0 && b.Right <= float64(v.viewport.width)+slack,
			"button %+v leaves the %dpx wide screen", b, v.viewport.width)
	}
	if len(bs) < 2 {
		return
	}
	oneLine := true
	for _, b := range bs[1:] {
		if abs(b.Top-bs[0].Top) > slack {
			oneLine = false
		}
	}
	if v.viewport.width >= 1024 {
		if v.metrics.Lang != "en" {
			return
		}
		assert.True(t, oneLine, "buttons wrap at %dpx: %+v", v.viewport.width, bs)
		return
	}
	if oneLine || v.viewport.width > 480 {
		// Between a phone and a desktop (a window zoomed to 200 %) the
		// buttons may wrap as they fit: the column is for phones.
		return
	}
	for i, b := range bs[1:] {
		prev := bs[i]
		assert.GreaterOrEqual(t, b.Top, prev.Bottom-slack, "button %d shares a line with the one before: %+v", i+1, bs)
		assert.InDelta(t, prev.Left, b.Left, slack, "buttons wrap but do not form a column: %+v", bs)
		assert.InDelta(t, prev.Right, b.Right, slack, "buttons wrap but do not form a column: %+v", bs)
	}
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}

var screenshotDir = "screenshots"

func saveScreenshot(t *testing.T, name string, png []byte) {
	t.Helper()
	require.NoError(t, os.MkdirAll(screenshotDir, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(screenshotDir, name+".png"), png, 0o644))
}

// TestPages checks every built-in theme, light and dark, on a desktop and
// a phone, on the 503 page (which shows every part: retry time, actions,
// identifiers), and writes a screenshot of each to e2e/screenshots/.
func TestPages(t *testing.T) {
	browser := newBrowser(t)
	srv := newServer(t)
	for _, th := range theme.Builtin() {
		for _, scheme := range []string{"light", "dark"} {
			for _, vp := range viewports {
				name := fmt.Sprintf("%s-%s-%s", th.Name, scheme, vp.name)
				t.Run(name, func(t *testing.T) {
					t.Parallel()
					url := srv.URL + "/" + th.Name + "/503"
					v := load(t, browser, url, vp, scheme, "")
					checkVisit(t, url, 503, v)
					assert.Subset(t, v.metrics.Testids, []string{"retry", "request-id", "reference"})
					saveScreenshot(t, name, v.screenshot)
				})
			}
		}
	}
}

// TestClientErrorPages checks a 404 and a 429 page in every built-in theme,
// light on a desktop and dark on a phone: the 404 offers no "Try again"
// (reloading does not bring the page back), the 429 says when to come back.
func TestClientErrorPages(t *testing.T) {
	browser := newBrowser(t)
	srv := newServer(t)
	for _, th := range theme.Builtin() {
		for _, status := range []int{404, 429} {
			for i, scheme := range []string{"light", "dark"} {
				vp := viewports[i%len(viewports)]
				name := fmt.Sprintf("%s-%d-%s-%s", th.Name, status, scheme, vp.name)
				t.Run(name, func(t *testing.T) {
					t.Parallel()
					url := fmt.Sprintf("%s/%s/%d", srv.URL, th.Name, status)
					v := load(t, browser, url, vp, scheme, "")
					checkVisit(t, url, status, v)
					want := pages.Languages()[0].Statuses[status].Title
					assert.Equal(t, want, v.metrics.Heading, "heading: got %q, want %q", v.metrics.Heading, want)
					if status == 429 {
						assert.Contains(t, v.metrics.Testids, "retry", "a 429 says when to come back")
					} else {
						assert.NotContains(t, v.metrics.Testids, "retry")
					}
					saveScreenshot(t, name, v.screenshot)
				})
			}
		}
	}
}

// TestBrandLanguagesAndDirection checks the brand on the page, a page in
// Japanese chosen from the browser's language, and a right-to-left page.
func TestBrandLanguagesAndDirection(t *testing.T) {
	browser := newBrowser(t)
	srv := newServer(t)
	tests := []struct {
		name, path, lang, acceptLanguage, dir, heading string
	}{
		{"brand", "/brand/500", "en", "", "ltr", "Something went wrong"},
		{"japanese", "/brand/503", "ja", "ja,en-US;q=0.8", "ltr", "ただいまサービスをご利用いただけません"},
		{"portuguese-portugal", "/brand/502", "pt-BR", "pt-PT", "ltr", ""},
		{"right-to-left", "/rtl/503", "ar", "ar", "rtl", "الخدمة غير متاحة"},
	}
	for _, tc := range tests {
		for _, scheme := range []string{"light", "dark"} {
			for _, vp := range viewports {
				name := fmt.Sprintf("%s-%s-%s", tc.name, scheme, vp.name)
				t.Run(name, func(t *testing.T) {
					t.Parallel()
					url := srv.URL + tc.path
					v := load(t, browser, url, vp, scheme, tc.acceptLanguage)
					status, _ := strconv.Atoi(tc.path[strings.LastIndexByte(tc.path, '/')+1:])
					checkVisit(t, url, status, v)
					assert.Equal(t, tc.lang, v.metrics.Lang)
					assert.Equal(t, tc.dir, v.metrics.Dir)
					assert.True(t, v.metrics.BrandVisible, "the brand is shown")
					if tc.heading != "" {
						assert.Equal(t, tc.heading, v.metrics.Heading)
					}
					saveScreenshot(t, name, v.screenshot)
				})
			}
		}
	}
}

// TestButtonsInEveryLanguage loads the branded 500 page, which has all
// three buttons, in every built-in language and theme, on a desktop and a
// phone: checkVisit requires that no button overflows, one row of buttons
// in English on the desktop, and a clean column or one row on the phone.
func TestButtonsInEveryLanguage(t *testing.T) {
	browser := newBrowser(t)
	srv := newServer(t)
	for _, th := range theme.Builtin() {
		for _, lang := range pages.Languages() {
			for _, vp := range viewports {
				t.Run(fmt.Sprintf("%s-%s-%s", th.Name, lang.Tag, vp.name), func(t *testing.T) {
					t.Parallel()
					url := srv.URL + "/brand-" + th.Name + "/500"
					v := loadPage(t, browser, pageLoad{url: url, vp: vp, scheme: "light", acceptLanguage: lang.Tag})
					checkVisit(t, url, 500, v)
					assert.Len(t, v.metrics.Buttons, 3, "try again, home, support")
				})
			}
		}
	}
}

// TestMaintenancePage checks that planned maintenance is not called an
// error, in every built-in language.
func TestMaintenancePage(t *testing.T) {
	browser := newBrowser(t)
	srv := newServer(t)
	for _, lang := range pages.Languages() {
		for _, vp := range viewports {
			t.Run(lang.Tag+"-"+vp.name, func(t *testing.T) {
				t.Parallel()
				url := srv.URL + "/maintenance/"
				v := load(t, browser, url, vp, "light", lang.Tag)
				checkVisit(t, url, 503, v)
				errorCode := strings.ReplaceAll(lang.Labels.ErrorCode, "{status}", "503")
				assert.NotEqual(t, strings.ToLower(errorCode), strings.ToLower(v.metrics.Code), "the maintenance page is headed as an error")
				assert.Equal(t, lang.Maintenance.Title, v.metrics.Heading)
				if lang.Tag == "en" {
					assert.Equal(t, "Planned maintenance", v.metrics.Code)
					saveScreenshot(t, "maintenance-"+vp.name, v.screenshot)
				}
			})
		}
	}
}

// TestGallery loads the gallery: its frames are the only other requests,
// all to the same server.
func TestGallery(t *testing.T) {
	browser := newBrowser(t)
	srv := newServer(t)
	url := srv.URL + "/gallery?theme=terminal&scheme=dark"
	v := load(t, browser, url, viewports[0], "light", "")
	assert.EqualValues(t, 200, v.status)
	assert.Empty(t, v.console)
	assert.Empty(t, v.violations)
	assert.Greater(t, len(v.requests), 1, "the frames")
	for _, r := range v.requests {
		assert.True(t, strings.HasPrefix(r, srv.URL+"/gallery?"), "request %s leaves the gallery", r)
	}
	saveScreenshot(t, "gallery", v.screenshot)
}

// readmeShots are the screenshots the README shows: name in docs/screenshots
// and the screenshot of TestPages or TestBrandLanguagesAndDirection.
var readmeShots = []struct{ site, status, scheme, view, acceptLanguage, file string }{
	{"brand", "503", "light", "desktop", "", "brand-light-desktop"},
	{"default", "503", "light", "desktop", "", "default-light-desktop"},
	{"default", "503", "dark", "phone", "", "default-dark-phone"},
	{"mono", "503", "light", "desktop", "", "mono-light-desktop"},
	{"mono", "503", "dark", "phone", "", "mono-dark-phone"},
	{"terminal", "503", "dark", "desktop", "", "terminal-dark-desktop"},
	{"terminal", "503", "light", "phone", "", "terminal-light-phone"},
	{"brand", "503", "dark", "phone", "ja", "brand-ja-dark-phone"},
	{"friendly", "503", "light", "desktop", "", "friendly-light-desktop"},
	{"friendly", "503", "dark", "phone", "", "friendly-dark-phone"},
	{"contrast", "503", "dark", "desktop", "", "contrast-dark-desktop"},
	{"contrast", "503", "light", "phone", "", "contrast-light-phone"},
	{"glass", "503", "light", "desktop", "", "glass-light-desktop"},
	{"glass", "503", "dark", "phone", "", "glass-dark-phone"},
	{"docs", "503", "light", "desktop", "", "docs-light-desktop"},
	{"docs", "503", "dark", "phone", "", "docs-dark-phone"},
	{"retro", "503", "light", "desktop", "", "retro-light-desktop"},
	{"retro", "503", "dark", "phone", "", "retro-dark-phone"},
}

// TestScreenshots takes the README's screenshots; with -update it writes
// them to docs/screenshots:
//
//	cd e2e && go test -run TestScreenshots -update
func TestScreenshots(t *testing.T) {
	browser := newBrowser(t)
	srv := newServer(t)
	dir := filepath.Join(screenshotDir, "readme")
	if *update {
		dir = filepath.Join("..", "docs", "screenshots")
	}
	require.NoError(t, os.MkdirAll(dir, 0o755))
	for _, s := range readmeShots {
		t.Run(s.file, func(t *testing.T) {
			t.Parallel()
			vp := viewports[0]
			if s.view == "phone" {
				vp = viewports[1]
			}
			url := srv.URL + "/" + s.site + "/" + s.status
			v := load(t, browser, url, vp, s.scheme, s.acceptLanguage)
			st, _ := strconv.Atoi(s.status)
			checkVisit(t, url, st, v)
			require.NoError(t, os.WriteFile(filepath.Join(dir, s.file+".png"), v.screenshot, 0o644))
		})
	}
}
