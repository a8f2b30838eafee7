package e2e

import (
	"context"
	"os"
	"os/exec"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"
)

// chromiumPath finds the browser: $CHROMIUM, then Debian's chromium, then
// the usual names on PATH.
func chromiumPath() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, p := range []string{"/usr/bin/chromium", "/usr/bin/chromium-browser"} {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// The browser is started once, by the first test needing it, and stopped
// by TestMain.
var (
	browserOnce  sync.Once
	browserCtx   context.Context
	browserErr   error
	stopBrowser  = func() {}
	browserFound string
)

func TestMain(m *testing.M) {
	code := m.Run()
	stopBrowser()
	os.Exit(code)
}

// newBrowser returns a context whose tabs run in the shared headless
// Chromium. Without a browser the test fails when CI=true and is skipped
// otherwise.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	browserOnce.Do(startBrowser)
	if browserFound == "" {
		msg := "no Chromium found: install Debian's chromium package (apt-get install -y chromium) or set CHROMIUM to the browser's path"
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	if browserErr != nil {
		t.Fatalf("starting %s: %v", browserFound, browserErr)
	}
	return browserCtx
}

func startBrowser() {
	browserFound = chromiumPath()
	if browserFound == "" {
		return
	}
	// Not t.TempDir: the profile outlives every test.
	profile, err := os.MkdirTemp("", "errorpage-e2e-chromium-")
	if err != nil {
		browserErr = err
		return
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(browserFound),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("no-default-browser-check", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("font-render-hinting", "none"),
		chromedp.UserDataDir(profile),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	bctx, cancelBrowser := chromedp.NewContext(actx)
	stopBrowser = func() {
		cancelBrowser()
		cancelAlloc()
		for range 20 {
			if os.RemoveAll(profile) == nil {
				return
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	// Start it now, so that a broken install fails clearly, once.
	browserErr = chromedp.Run(bctx)
	browserCtx = bctx
}

// viewport is a screen size to check.
type viewport struct {
	name          string
	width, height int64
	scale         float64
	mobile        bool
}

var viewports = []viewport{
	{"desktop", 1280, 800, 1, false},
	{"phone", 390, 844, 2, true},
}

// visit is what a tab saw while loading one page.
type visit struct {
	status     int64
	requests   []string // every URL requested
	console    []string // console errors and warnings, exceptions, log errors
	violations []string // securitypolicyviolation events
	metrics    pageMetrics
	screenshot []byte
	viewport   viewport
	axe        []axeViolation // what axe-core found, when the load audited
}

// pageMetrics are measured in the page once it has loaded.
type pageMetrics struct {
	ScrollWidth  int64        `json:"scrollWidth"`
	ClientWidth  int64        `json:"clientWidth"`
	Dir          string       `json:"dir"`
	Lang         string       `json:"lang"`
	MinContrast  float64      `json:"minContrast"`
	Texts        int          `json:"texts"`
	LowContrast  []lowContast `json:"low"`
	Testids      []string     `json:"testids"`
	Heading      string       `json:"heading"`
	Violations   []string     `json:"violations"`
	BrandVisible bool         `json:"brandVisible"`
	Code         string       `json:"code"`
	// FootGap is the distance from the card's bottom edge to the footer's
	// top edge, in CSS pixels; -1 without a footer.
	FootGap float64 `json:"footGap"`
	// Buttons are the boxes of the action links, and Actions the box of
	// the list holding them.
	Buttons []box `json:"buttons"`
	Actions box   `json:"actions"`
	// Animations counts the animations running (document.getAnimations).
	Animations int `json:"animations"`
	// Outside are the elements holding text that reach past the left or
	// right edge of the viewport, or whose text is cut by their own box.
	Outside []string `json:"outside"`
}

// box is an element's border box in CSS pixels, from getBoundingClientRect.
type box struct {
	Left   float64 `json:"left"`
	Top    float64 `json:"top"`
	Right  float64 `json:"right"`
	Bottom float64 `json:"bottom"`
}

type lowContast struct {
	Text  string  `json:"text"`
	FG    string  `json:"fg"`
	BG    string  `json:"bg"`
	Ratio float64 `json:"ratio"`
}

// recordViolations runs before any script of the page, collecting the
// Content-Security-Policy violations the page reports. Scripts injected
// through DevTools are not subject to the page's CSP.
const recordViolations = `window.__violations = [];
document.addEventListener('securitypolicyviolation', e =>
  window.__violations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));`

// measure computes, in the page, the overflow, the direction and the WCAG
// contrast of every element holding text against the background it is
// painted on (walking up to the first opaque background, compositing
// translucent ones), with the text faded by any opacity above it.
const measure = `(() => {
  const parse = c => { const m = c.match(/rgba?\(([^)]+)\)/); if (!m) return [0,0,0,0];
    const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
  const over = (a, b) => [0,1,2].map(i => a[i]*a[3] + b[i]*(1-a[3])).concat([1]);
  const lum = c => { const f = v => { v /= 255; return v <= 0.04045 ? v/12.92 : Math.pow((v+0.055)/1.055, 2.4); };
    return 0.2126*f(c[0]) + 0.7152*f(c[1]) + 0.0722*f(c[2]); };
  const ratio = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x,y)+0.05)/(Math.min(x,y)+0.05); };
  const background = el => { const layers = [];
    for (let e = el; e; e = e.parentElement) { const c = parse(getComputedStyle(e).backgroundColor);
      if (c[3] > 0) { layers.push(c); if (c[3] >= 1) break; } }
    let bg = [255,255,255,1]; if (!layers.length || layers[layers.length-1][3] < 1) bg = matchMedia('(prefers-color-scheme: dark)').matches ? [0,0,0,1] : bg;
    for (let i = layers.length-1; i >= 0; i--) bg = over(layers[i], bg); return bg; };
  let min = 21, texts = 0; const low = [], outside = [];
  const vw = document.documentElement.clientWidth;
  for (const el of document.body.querySelectorAll('*')) {
    const own = [...el.childNodes].filter(n => n.nodeType === 3 && n.textContent.trim()).map(n => n.textContent.trim()).join(' ');
    if (!own) continue;
    const r = el.getBoundingClientRect(); if (!r.width || !r.height) continue;
    const st = getComputedStyle(el); if (st.visibility === 'hidden' || st.display === 'none') continue;
    // Opacity on the element or an ancestor fades the text: fold it into
    // the text colour's alpha, or a faded label would pass unmeasured.
    let alpha = 1; for (let e = el; e; e = e.parentElement) alpha *= Number(getComputedStyle(e).opacity);
    const col = parse(st.color); col[3] *= alpha;
    const bg = background(el), fg = over(col, bg), c = ratio(fg, bg);
    texts++; if (c < min) min = c;
    const name = el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className : '') + ' "' + own.slice(0, 30) + '"';
    if (r.left < -0.5 || r.right > vw + 0.5) outside.push(name + ' at ' + Math.round(r.left) + '..' + Math.round(r.right) + ' of ' + vw);
    else if (el.scrollWidth > el.clientWidth + 1 && st.overflowX !== 'visible' && el.tagName !== 'PRE') outside.push(name + ' cut: ' + el.scrollWidth + ' > ' + el.clientWidth);
    if (c < 4.5) low.push({text: own.slice(0, 60), fg: st.color, bg: 'rgb(' + bg.slice(0,3).map(Math.round).join(',') + ')', ratio: Math.round(c*100)/100});
  }
  const brand = document.querySelector('[data-testid=brand]');
  const rect = el => { const r = el.getBoundingClientRect(); return {left: r.left, top: r.top, right: r.right, bottom: r.bottom}; };
  const foot = document.querySelector('[data-testid=footer]'), card = document.querySelector('.ep-card');
  const actions = document.querySelector('.ep-actions');
  return {scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth,
    dir: document.documentElement.dir, lang: document.documentElement.lang, minContrast: min, texts, low,
    testids: [...document.querySelectorAll('[data-testid]')].map(e => e.dataset.testid),
    heading: (document.querySelector('h1') || {}).textContent || '', violations: window.__violations || [],
    brandVisible: !!brand && brand.getBoundingClientRect().width > 0,
    code: (document.querySelector('.ep-code') || {}).textContent || '',
    footGap: foot && card ? foot.getBoundingClientRect().top - card.getBoundingClientRect().bottom : -1,
    buttons: [...document.querySelectorAll('.ep-actions a')].map(rect),
    actions: actions ? rect(actions) : {left: 0, top: 0, right: 0, bottom: 0},
    animations: document.getAnimations().length, outside};
})()`

// A tab is one page of the shared browser, reused from load to load: opening
// a tab costs far more than navigating one, so the checks keep a few open
// (tabPool) and navigate them. Its one listener records into cur, the
// visit under way.
type tab struct {
	ctx  context.Context
	mu   sync.Mutex
	cur  *visit
	url  string    // the page cur loads
	pool chan *tab // where it goes back
}

// tabPool holds the idle tabs, and auditPool those that inject axe-core
// into every page they load. A test takes one for each load (or batch of
// loads) and gives it back; there are as many as tests may run at once
// (-parallel), or more are opened.
var tabPool, auditPool = make(chan *tab, 16), make(chan *tab, 16)

// getTab takes an idle tab, or opens one.
func getTab(t *testing.T, browser context.Context) *tab {
	t.Helper()
	return takeTab(t, browser, tabPool, "")
}

// getAuditTab takes an idle tab that injects axe-core into every page
// before the page's own scripts, or opens one. Loads in it may audit.
func getAuditTab(t *testing.T, browser context.Context) *tab {
	t.Helper()
	return takeTab(t, browser, auditPool, needAxe(t))
}

func takeTab(t *testing.T, browser context.Context, pool chan *tab, inject string) *tab {
	t.Helper()
	select {
	case tb := <-pool:
		return tb
	default:
	}
	// The tab lives as long as the browser: its context is not the test's.
	ctx, _ := chromedp.NewContext(browser)
	tb := &tab{ctx: ctx, pool: pool}
	chromedp.ListenTarget(ctx, tb.listen)
	err := chromedp.Run(ctx,
		network.Enable(),
		log.Enable(),
		runtime.Enable(),
		chromedp.ActionFunc(func(ctx context.Context) error {
			_, err := page.AddScriptToEvaluateOnNewDocument(recordViolations).Do(ctx)
			if err == nil && inject != "" {
				_, err = page.AddScriptToEvaluateOnNewDocument(inject).Do(ctx)
			}
			return err
		}),
	)
	require.NoError(t, err, "opening a tab")
	return tb
}

func putTab(tb *tab) {
	tb.mu.Lock()
	tb.cur = nil
	tb.mu.Unlock()
	select {
	case tb.pool <- tb:
	default:
	}
}

func (tb *tab) listen(ev any) {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	v := tb.cur
	if v == nil {
		return
	}
	switch e := ev.(type) {
	case *network.EventRequestWillBeSent:
		v.requests = append(v.requests, e.Request.URL)
	case *network.EventResponseReceived:
		if e.Type == network.ResourceTypeDocument && e.Response.URL == tb.url {
			v.status = e.Response.Status
		}
	case *runtime.EventConsoleAPICalled:
		if e.Type == runtime.APITypeError || e.Type == runtime.APITypeWarning || e.Type == runtime.APITypeAssert {
			msg := string(e.Type) + ":"
			for _, a := range e.Args {
				msg += " " + string(a.Value) + a.Description
			}
			v.console = append(v.console, msg)
		}
	case *runtime.EventExceptionThrown:
		v.console = append(v.console, "exception: "+e.ExceptionDetails.Text)
	case *log.EventEntryAdded:
		if e.Entry.Source == log.SourceNetwork && e.Entry.URL == tb.url {
			break // "the server responded with a status of 503": the point of an error page
		}
		if e.Entry.Level == log.LevelError || e.Entry.Level == log.LevelWarning {
			v.console = append(v.console, string(e.Entry.Source)+" "+string(e.Entry.Level)+": "+e.Entry.Text)
		}
	}
}

// pageLoad is what to load and how.
type pageLoad struct {
	url    string
	vp     viewport
	scheme string // prefers-color-scheme: "light" or "dark"
	// acceptLanguage, if set, is sent as Accept-Language, as the browser
	// of a visitor in Tokyo would.
	acceptLanguage string
	// motion is prefers-reduced-motion; empty means "reduce", so that no
	// blinking cursor is caught half-way.
	motion string
	// shot takes a screenshot; audit runs axe-core in the page.
	shot, audit bool
	// after runs in the loaded page, before it is measured.
	after []chromedp.Action
}

// load opens url in a tab of the browser with the viewport and colour
// scheme given, and reports what happened, with a screenshot.
// A non-empty acceptLanguage is sent as Accept-Language.
func load(t *testing.T, browser context.Context, url string, vp viewport, scheme, acceptLanguage string) visit {
	t.Helper()
	return loadPage(t, browser, pageLoad{url: url, vp: vp, scheme: scheme, acceptLanguage: acceptLanguage, shot: true})
}

// loadPage loads one page as p says in a tab of the pool.
func loadPage(t *testing.T, browser context.Context, p pageLoad) visit {
	t.Helper()
	tb := getTab(t, browser)
	defer putTab(tb)
	return tb.load(t, p)
}

// load loads p in tb.
func (tb *tab) load(t *testing.T, p pageLoad) visit {
	t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, 30*time.Second)
	defer cancel()
	v := &visit{viewport: p.vp}
	tb.mu.Lock()
	tb.cur, tb.url = v, p.url
	tb.mu.Unlock()

	motion := p.motion
	if motion == "" {
		motion = "reduce"
	}
	headers := network.Headers{}
	if p.acceptLanguage != "" {
		headers["Accept-Language"] = p.acceptLanguage
	}
	actions := []chromedp.Action{
		emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{
			{Name: "prefers-color-scheme", Value: p.scheme},
			{Name: "prefers-reduced-motion", Value: motion},
		}),
		chromedp.EmulateViewport(p.vp.width, p.vp.height, chromedp.EmulateScale(p.vp.scale), func(sp *emulation.SetDeviceMetricsOverrideParams, tp *emulation.SetTouchEmulationEnabledParams) {
			sp.Mobile = p.vp.mobile
			tp.Enabled = p.vp.mobile
		}),
		network.SetExtraHTTPHeaders(headers),
		chromedp.Navigate(p.url),
	}
	actions = append(actions, p.after...)
	actions = append(actions, chromedp.Evaluate(measure, &v.metrics))
	if p.audit {
		actions = append(actions, runAxe(&v.axe))
	}
	if p.shot {
		actions = append(actions, chromedp.CaptureScreenshot(&v.screenshot))
	}
	if err := chromedp.Run(ctx, actions...); err != nil {
		t.Fatalf("loading %s: %v", p.url, err)
	}
	tb.mu.Lock()
	defer tb.mu.Unlock()
	tb.cur = nil
	v.violations = v.metrics.Violations
	return *v
}
