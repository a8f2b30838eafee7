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
  let min = 21, texts = 0; const low = [];
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
    actions: actions ? rect(actions) : {left: 0, top: 0, right: 0, bottom: 0}};
})()`

// load opens url in a new tab of the browser with the viewport and colour
// scheme given, and reports what happened.
// A non-empty acceptLanguage is sent as Accept-Language, as the browser of
// a visitor in Tokyo would.
func load(t *testing.T, browser context.Context, url string, vp viewport, scheme, acceptLanguage string) visit {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browser)
	defer cancel()
	ctx, cancelTimeout := context.WithTimeout(ctx, 30*time.Second)
	defer cancelTimeout()

	var mu sync.Mutex
	v := visit{viewport: vp}
	chromedp.ListenTarget(ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			v.requests = append(v.requests, e.Request.URL)
		case *network.EventResponseReceived:
			if e.Type == network.ResourceTypeDocument && e.Response.URL == url {
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
			if e.Entry.Source == log.SourceNetwork && e.Entry.URL == url {
				break // "the server responded with a status of 503": the point of an error page
			}
			if e.Entry.Level == log.LevelError || e.Entry.Level == log.LevelWarning {
				v.console = append(v.console, string(e.Entry.Source)+" "+string(e.Entry.Level)+": "+e.Entry.Text)
			}
		}
	})

	features := []*emulation.MediaFeature{
		{Name: "prefers-color-scheme", Value: scheme},
		{Name: "prefers-reduced-motion", Value: "reduce"}, // no blinking cursor caught half-way
	}
	actions := []chromedp.Action{
		network.Enable(),
		log.Enable(),
		runtime.Enable(),
		chromedp.ActionFunc(func(ctx context.Context) error {
			_, err := page.AddScriptToEvaluateOnNewDocument(recordViolations).Do(ctx)
			return err
		}),
		emulation.SetEmulatedMedia().WithFeatures(features),
		chromedp.EmulateViewport(vp.width, vp.height, chromedp.EmulateScale(vp.scale), func(p *emulation.SetDeviceMetricsOverrideParams, tp *emulation.SetTouchEmulationEnabledParams) {
			p.Mobile = vp.mobile
			tp.Enabled = vp.mobile
		}),
	}
	if acceptLanguage != "" {
		actions = append(actions, network.SetExtraHTTPHeaders(network.Headers{"Accept-Language": acceptLanguage}))
	}
	actions = append(actions,
		chromedp.Navigate(url),
		chromedp.Evaluate(measure, &v.metrics),
		chromedp.CaptureScreenshot(&v.screenshot),
	)
	if err := chromedp.Run(ctx, actions...); err != nil {
		t.Fatalf("loading %s: %v", url, err)
	}
	mu.Lock()
	defer mu.Unlock()
	v.violations = v.metrics.Violations
	return v
}
