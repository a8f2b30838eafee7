package errorpage

import (
	"crypto/sha256"
	"encoding/base64"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"

	"github.com/errorpage/errorpage/internal/color"
	"github.com/errorpage/errorpage/internal/theme"
)

const testLogo = `<svg viewBox="0 0 32 32" role="img" aria-label="Acme"><circle cx="16" cy="16" r="14" fill="currentColor"/></svg>`

func TestBrandIsOnEveryPage(t *testing.T) {
	m, _ := newTestMiddleware(t, Options{Brand: Brand{
		Name:      "Acme Cloud",
		LogoSVG:   testLogo,
		Accent:    "#e4572e",
		HomeURL:   "https://acme.example/",
		Support:   "help@acme.example",
		StatusURL: "https://status.acme.example/",
		Footer:    "© 2026 Acme & Co.",
	}})
	for _, status := range []int{500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511, 599} {
		t.Run(strconv.Itoa(status), func(t *testing.T) {
			res, body := do(t, m.Handler(failing(status)), "GET", "/", "Accept", "text/html")
			require.Equal(t, status, res.StatusCode)
			assert.Contains(t, body, "<span>Acme Cloud</span>", "the name")
			assert.Contains(t, body, "· Acme Cloud</title>", "the name in the title")
			assert.Contains(t, body, testLogo, "the logo, as written")
			assert.Contains(t, body, "--ep-accent:#e4572e;", "the accent")
			assert.Contains(t, body, `href="https://acme.example/"`, "the home link")
			assert.Contains(t, body, "© 2026 Acme &amp; Co.", "the footer, escaped")
			assert.Contains(t, body, `href="https://status.acme.example/"`, "the status page")
			if status != 511 {
				assert.Contains(t, body, `href="mailto:help@acme.example"`, "the support link")
			}
			assertCSPMatchesStyle(t, res.Header.Get("Content-Security-Policy"), body)
		})
	}
}

var styleRE = regexp.MustCompile(`(?s)<style>(.*?)</style>`)

// assertCSPMatchesStyle checks that the page's one stylesheet is allowed
// by its hash, and nothing else is.
func assertCSPMatchesStyle(t *testing.T, csp, body string) {
	t.Helper()
	styles := styleRE.FindAllStringSubmatch(body, -1)
	require.Len(t, styles, 1, "one <style> element")
	sum := sha256.Sum256([]byte(styles[0][1]))
	want := "style-src 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "';"
	assert.Contains(t, csp, want, "CSP allows the stylesheet by its hash: got %q", csp)
	assert.NotContains(t, csp, "unsafe-inline")
}

func TestLogoURLOriginIsAllowedInCSP(t *testing.T) {
	tests := []struct {
		name, logo, imgSrc string
	}{
		{"no logo", "", "img-src 'self' data:;"},
		{"path", "/static/logo.png", "img-src 'self' data:;"},
		{"absolute", "https://cdn.acme.example:8443/brand/logo.svg?v=2", "img-src 'self' data: https://cdn.acme.example:8443;"},
		{"data", "data:image/png;base64,iVBORw0KGgo=", "img-src 'self' data:;"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, _ := newTestMiddleware(t, Options{Brand: Brand{LogoURL: tc.logo}})
			res, body := do(t, m.Handler(failing(500)), "GET", "/", "Accept", "text/html")
			assert.Contains(t, res.Header.Get("Content-Security-Policy"), tc.imgSrc)
			if tc.logo != "" {
				assert.Contains(t, body, `<img src="`+strings.ReplaceAll(tc.logo, "&", "&amp;")+`" alt="Go to the home page">`)
			}
		})
	}
}

func TestBrandIsValidatedAtConstruction(t *testing.T) {
	tests := []struct {
		name  string
		opts  Options
		inErr string
	}{
		{"unknown theme", Options{Theme: "neon"}, `unknown Theme "neon" (built-in themes: default, mono, terminal, friendly, contrast, glass, docs, retro)`},
		{"colour breaking out", Options{Brand: Brand{Accent: "red;}body{display:none"}}, "Brand.Accent"},
		{"closing the style", Options{Brand: Brand{Background: "</style><script>"}}, "Brand.Background"},
		{"var()", Options{Brand: Brand{Text: "var(--x)"}}, "Brand.Text"},
		{"url()", Options{Brand: Brand{DarkAccent: "url(https://evil.example/)"}}, "Brand.DarkAccent"},
		{"quoted colour", Options{Brand: Brand{Accent: `"red"`}}, "Brand.Accent"},
		{"translucent background", Options{Brand: Brand{Background: "#ffffff80"}}, "must be opaque"},
		{"unreadable text", Options{Brand: Brand{Background: "#ffffff", Text: "#aaaaaa"}}, "WCAG AA needs 4.5:1"},
		{"unreadable dark text", Options{Brand: Brand{DarkBackground: "#000", DarkText: "#333"}}, "Brand.DarkText"},
		{"font breaking out", Options{Brand: Brand{Font: "Inter;}body{color:red"}}, "Brand.Font"},
		{"font closing the style", Options{Brand: Brand{Font: "Inter</style>"}}, "Brand.Font"},
		{"font unclosed quote", Options{Brand: Brand{Font: `"Helvetica Neue, sans-serif`}}, "unclosed quote"},
		{"javascript home", Options{Brand: Brand{HomeURL: "javascript:alert(1)"}}, "Brand.HomeURL"},
		{"javascript status page", Options{Brand: Brand{StatusURL: "javascript:alert(1)"}}, "Brand.StatusURL"},
		{"bad support", Options{Brand: Brand{Support: "Help Desk <help@acme.example>"}}, "Brand.Support"},
		{"javascript support", Options{Brand: Brand{Support: "javascript:alert(1)"}}, "Brand.Support"},
		{"logo scheme", Options{Brand: Brand{LogoURL: "ftp://acme.example/logo.png"}}, "Brand.LogoURL"},
		{"protocol-relative logo", Options{Brand: Brand{LogoURL: "//cdn.acme.example/logo.png"}}, "Brand.LogoURL"},
		{"data logo not an image", Options{Brand: Brand{LogoURL: "data:text/html,<script>alert(1)</script>"}}, "Brand.LogoURL"},
		{"svg not svg", Options{Brand: Brand{LogoSVG: "<img src=x>"}}, "Brand.LogoSVG"},
		{"svg style attribute", Options{Brand: Brand{LogoSVG: `<svg><path style="fill:red"/></svg>`}}, "style attributes are blocked"},
		{"svg style element", Options{Brand: Brand{LogoSVG: `<svg><style>path{fill:red}</style></svg>`}}, "<style"},
		{"svg script", Options{Brand: Brand{LogoSVG: `<svg><script>alert(1)</script></svg>`}}, "<script"},
		{"svg handler", Options{Brand: Brand{LogoSVG: `<svg onload="alert(1)"></svg>`}}, "event handler (onload=)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := New(tc.opts)
			require.Error(t, err)
			assert.True(t, strings.HasPrefix(err.Error(), "errorpage: "), "got %q, want the errorpage: prefix", err)
			assert.Contains(t, err.Error(), tc.inErr)
		})
	}
}

func TestBrandAcceptsWhatCSSAllows(t *testing.T) {
	for _, b := range []Brand{
		{Accent: "#f60"}, {Accent: "#ff6600cc"}, {Accent: "rgb(255 102 0)"}, {Accent: "hsl(24, 100%, 50%)"},
		{Accent: "rebeccapurple", DarkAccent: "plum"},
		{Background: "#fdf6e3", Text: "#073642", DarkBackground: "#002b36", DarkText: "#eee8d5"},
		{Font: `Inter, "Helvetica Neue", 'Noto Sans JP', sans-serif`},
		{Support: "https://acme.example/help"}, {Support: "mailto:help@acme.example"},
		{LogoSVG: "  " + testLogo + "\n"},
	} {
		_, err := New(Options{Brand: b})
		assert.NoError(t, err, "%+v", b)
	}
}

// TestBrandColoursKeepContrast derives every theme's colours from brand
// colours that are hard to read on their own (yellow, a mid grey, a dark
// navy) and checks every text colour still reaches WCAG AA in both schemes.
func TestBrandColoursKeepContrast(t *testing.T) {
	brands := []Brand{
		{Accent: "yellow"}, {Accent: "#777777"}, {Accent: "navy"}, {Accent: "#ff6600"}, {Accent: "#ffffff"},
		{Background: "#1e3a8a"}, {Background: "gold"}, {Background: "#fdf6e3", Text: "#586e75"},
		{Background: "#fdf6e3", Accent: "#b58900", DarkBackground: "#002b36", DarkAccent: "#268bd2"},
		{Text: "#222222"},
	}
	pairs := []struct{ fg, bg string }{
		{"fg", "bg"}, {"fg", "card"}, {"muted", "bg"}, {"muted", "card"},
		{"accent-text", "bg"}, {"accent-text", "card"}, {"on-accent", "accent"},
	}
	for _, th := range theme.Builtin() {
		for i, b := range brands {
			branded, err := brandTheme(th, b)
			require.NoError(t, err, "%s brand %d %+v", th.Name, i, b)
			for _, scheme := range []string{"light", "dark"} {
				props := branded.Scheme(scheme)
				for _, p := range pairs {
					fg, bg := color.MustParse(props[p.fg]), color.MustParse(props[p.bg])
					r := color.Contrast(fg, bg)
					assert.GreaterOrEqual(t, r, 4.5, "%s %s brand %+v: %s %s on %s %s: got %.2f:1, want 4.5:1",
						th.Name, scheme, b, p.fg, props[p.fg], p.bg, props[p.bg], r)
				}
			}
		}
	}
}

// TestBrand_URLsMustBeLinks guards against a Brand URL that is no link at
// all, like Support "call us on 555", which rendered a broken link.
func TestBrand_URLsMustBeLinks(t *testing.T) {
	bad := []struct {
		name string
		b    Brand
	}{
		{"support in words", Brand{Support: "call us on 555"}},
		{"support relative path", Brand{Support: "help"}},
		{"support host without scheme", Brand{Support: "acme.example/help"}},
		{"support https without host", Brand{Support: "https:///help"}},
		{"support https without slashes", Brand{Support: "https:acme.example"}},
		{"support empty mailto", Brand{Support: "mailto:"}},
		{"support mailto not an address", Brand{Support: "mailto:call us"}},
		{"support tel in words", Brand{Support: "tel:call us"}},
		{"support tel with spaces", Brand{Support: "tel:+44 20 7946 0000"}},
		{"support protocol-relative", Brand{Support: "//evil.example/help"}},
		{"support backslash", Brand{Support: `/\evil.example/help`}},
		{"support with a space", Brand{Support: "https://acme.example/get help"}},
		{"support with a newline", Brand{Support: "https://acme.example/\nhelp"}},
		{"support with credentials", Brand{Support: "https://user:secret@acme.example/"}},
		{"support ftp", Brand{Support: "ftp://acme.example/"}},
		{"home relative", Brand{HomeURL: "home"}},
		{"home host without scheme", Brand{HomeURL: "www.acme.example"}},
		{"home without host", Brand{HomeURL: "https://"}},
		{"home mailto", Brand{HomeURL: "mailto:help@acme.example"}},
		{"home protocol-relative", Brand{HomeURL: "//evil.example/"}},
		{"status relative", Brand{StatusURL: "status"}},
		{"status data", Brand{StatusURL: "data:text/html,hi"}},
		{"status tel", Brand{StatusURL: "tel:+15550100"}},
		{"logo relative", Brand{LogoURL: "logo.png"}},
		{"logo backslash", Brand{LogoURL: `/\evil.example/logo.png`}},
		{"logo with credentials", Brand{LogoURL: "https://user:secret@cdn.acme.example/logo.png"}},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			_, err := New(Options{Brand: tc.b})
			require.Error(t, err, "%+v", tc.b)
			assert.True(t, strings.HasPrefix(err.Error(), "errorpage: Brand."), "got %q", err)
			assert.Contains(t, err.Error(), "http", "the error says what is accepted: got %q", err)
			assert.NotContains(t, err.Error(), "secret", "no password in the error")
		})
	}
	for _, b := range []Brand{
		{Support: "https://acme.example/help?topic=outage#form"}, {Support: "http://localhost:8080/help"},
		{Support: "/help"}, {Support: "help@acme.example"}, {Support: "mailto:help@acme.example?subject=Outage"},
		{Support: "tel:+1-555-0100"}, {Support: "tel:+44.20.7946.0000"},
		{HomeURL: "/"}, {HomeURL: "https://acme.example"}, {HomeURL: "https://[2001:db8::1]:8443/"},
		{StatusURL: "https://status.acme.example/"}, {StatusURL: "/status"},
		{LogoURL: "/static/logo.png"},
	} {
		_, err := New(Options{Brand: b})
		assert.NoError(t, err, "%+v", b)
	}
}

// hostileLogos are inline SVG that must not reach the page, each with
// what the error names.
var hostileLogos = []struct{ name, svg, inErr string }{
	{"newline before onload", "<svg\nonload=alert(1)></svg>", "onload="},
	{"slash before onload", "<svg/onload=alert(1)></svg>", "onload="},
	{"tab before handler", "<svg><rect\tonmouseover=alert(1)></rect></svg>", "onmouseover="},
	{"space before equals", `<svg><rect onclick ="alert(1)"/></svg>`, "onclick="},
	{"handler without value", `<svg><rect onclick/></svg>`, "onclick="},
	{"upper-case handler", `<svg><rect ONCLICK="alert(1)"/></svg>`, "onclick="},
	{"nested svg handler", `<svg><svg/onload=alert(1)></svg></svg>`, "onload="},
	{"style with a space", `<svg><rect style ="fill:red"/></svg>`, "style attributes are blocked"},
	{"upper-case style", `<svg><rect STYLE="fill:red"/></svg>`, "style attributes are blocked"},
	{"script", `<svg><script>alert(1)</script></svg>`, "<script>"},
	{"upper-case script", `<svg><SCRIPT>alert(1)</SCRIPT></svg>`, "<script>"},
	{"namespaced script", `<svg><svg:script>alert(1)</svg:script></svg>`, "<svg:script>"},
	{"style element", `<svg><style>path{fill:red}</style></svg>`, "<style>"},
	{"foreignObject", `<svg><foreignObject><img src=x onerror=alert(1)></foreignObject></svg>`, "<foreignobject>"},
	{"link", `<svg><a href="javascript:alert(1)"><rect/></a></svg>`, "<a>"},
	{"xlink link", `<svg><a xlink:href="javascript:alert(1)"><rect/></a></svg>`, "<a>"},
	{"image", `<svg><image href="https://evil.example/x.png"/></svg>`, "<image>"},
	{"feImage", `<svg><filter><feImage href="https://evil.example/x.png"/></filter></svg>`, "<feimage>"},
	{"animate href", `<svg><animate attributeName="href" to="javascript:alert(1)"/></svg>`, "<animate>"},
	{"set handler", `<svg><set attributeName="onmouseover" to="alert(1)"/></svg>`, "<set>"},
	{"animateTransform", `<svg><animateTransform attributeName="transform"/></svg>`, "<animatetransform>"},
	{"use elsewhere", `<svg><use href="https://evil.example/x.svg#a"/></svg>`, "href="},
	{"use data", `<svg><use xlink:href="data:image/svg+xml,&lt;svg onload=alert(1)&gt;"/></svg>`, "xlink:href="},
	{"use javascript", `<svg><use href=" javascript:alert(1)"/></svg>`, "href="},
	{"use entity-encoded javascript", `<svg><use href="&#x6a;avascript:alert(1)"/></svg>`, "href="},
	{"href on a shape", `<svg><rect href="#a"/></svg>`, "href="},
	{"script inside title", `<svg><title><script>alert(1)</script></title></svg>`, "<script>"},
	{"element inside title", `<svg><title><b>x</b></title></svg>`, "<b> inside <title>"},
	{"image inside desc", `<svg><desc><img src=x onerror=alert(1)></desc></svg>`, "<img> inside <desc>"},
	{"style inside desc", `<svg><desc><style>*{}</style></desc></svg>`, "<style> inside <desc>"},
	{"CDATA hiding a comment", `<svg><![CDATA[ > <!-- ]]> <script>alert(1)</script> --></svg>`, "CDATA"},
	{"external fill", `<svg><rect fill="url(https://evil.example/p.svg#g)"/></svg>`, "fill="},
	{"quoted external fill", `<svg><rect fill="url( 'https://evil.example/p.svg#g')"/></svg>`, "fill="},
	{"javascript filter", `<svg><rect filter="url(javascript:alert(1))"/></svg>`, "filter="},
	{"escaped url", `<svg><rect fill="\75 rl(https://evil.example/)"/></svg>`, "fill="},
	{"image-set mask", `<svg><rect mask="image-set('https://evil.example/m.png' 1x)"/></svg>`, "image-set()"},
	{"var", `<svg><rect fill="var(--ep-accent)"/></svg>`, "var()"},
	{"expression", `<svg><rect fill="expression(alert(1))"/></svg>`, "expression()"},
	{"unknown attribute", `<svg><rect formaction="https://evil.example/"/></svg>`, "formaction="},
	{"NUL in a name", "<svg><rect o\x00nclick=alert(1)/></svg>", "on"},
	{"xmlns elsewhere", `<svg xmlns="http://www.w3.org/1999/xhtml"></svg>`, "xmlns="},
	{"HTML breaking out", `<svg><p>hi</p></svg>`, "<p>"},
	{"font breaking out", `<svg><font color="red">hi</font></svg>`, "<font>"},
	{"iframe", `<svg><iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe></svg>`, "<iframe>"},
	{"math", `<svg><math><mi>x</mi></math></svg>`, "<math>"},
	{"base", `<svg><base href="https://evil.example/"/></svg>`, "<base>"},
	{"meta refresh", `<svg><meta http-equiv="refresh" content="0;url=https://evil.example/"/></svg>`, "<meta>"},
	{"metadata", `<svg><metadata><rdf:RDF/></metadata></svg>`, "<metadata>"},
	{"markup after the logo", `<svg></svg><img src=x onerror=alert(1)>`, "nothing after </svg>"},
	{"second svg", `<svg></svg><svg onload=alert(1)></svg>`, "nothing after </svg>"},
	{"text after the logo", `<svg></svg>hello`, "nothing after </svg>"},
	{"not closed", `<svg><g></svg>`, "</svg> does not close"},
	{"root not closed", `<svg><g></g>`, "<svg> is not closed"},
	{"unclosed comment", `<svg><!-- </svg>`, "<svg> is not closed"},
	{"stray end tag", `<svg></g></svg>`, "</g> does not close"},
	{"not svg", `<img src=x>`, "not <img>"},
	{"text first", `hi<svg></svg>`, "starting with <svg>"},
	{"cut tag after the logo", "<svg></svg><a", "ends inside a tag"},
	{"cut attribute after the logo", `<svg></svg><a href="x`, "ends inside a tag"},
	{"only spaces", " \n ", "starting with <svg>"},
	{"only a comment", "<!-- logo -->", "starting with <svg>"},
	{"doctype", `<svg><!DOCTYPE html></svg>`, "doctype"},
}

func TestBrand_InlineSVGRejectsHostileMarkup(t *testing.T) {
	for _, tc := range hostileLogos {
		t.Run(tc.name, func(t *testing.T) {
			_, err := New(Options{Brand: Brand{LogoSVG: tc.svg}})
			require.Error(t, err, "%q", tc.svg)
			assert.True(t, strings.HasPrefix(err.Error(), "errorpage: Brand.LogoSVG"), "got %q", err)
			assert.Contains(t, err.Error(), tc.inErr, "the error names what is wrong")
		})
	}
}

// goodLogos are inline SVG as design tools and icon sets write them.
var goodLogos = []string{
	testLogo,
	`<SVG viewBox="0 0 10 10"><PATH d="M0 0h10v10z" fill="#f60"/></SVG>`,
	`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="120" height="32" viewBox="0 0 120 32">
  <!-- Generator: a design tool -->
  <title>Acme</title>
  <desc>The Acme logo &amp; wordmark</desc>
  <defs>
    <linearGradient id="g" x1="0" y1="0" x2="1" y2="1" gradientTransform="rotate(45)">
      <stop offset="0" stop-color="#f60"/><stop offset="1" stop-color="rgb(255 0 102)" stop-opacity=".8"/>
    </linearGradient>
    <radialGradient id="g2" xlink:href="#g" cx=".5" cy=".5" r=".5"/>
    <clipPath id="c"><circle cx="16" cy="16" r="15"/></clipPath>
    <filter id="f"><feGaussianBlur in="SourceAlpha" stdDeviation="1"/><feOffset dx="1" dy="1" result="o"/>
      <feMerge><feMergeNode in="o"/><feMergeNode in="SourceGraphic"/></feMerge></filter>
    <symbol id="dot" viewBox="0 0 2 2"><circle cx="1" cy="1" r="1"/></symbol>
  </defs>
  <g clip-path="url(#c)" filter="url('#f')" transform="translate(2 2) scale(0.9)">
    <rect width="32" height="32" rx="6" fill="url(#g)" stroke="currentColor" stroke-width="1.5"/>
    <polygon points="4,28 16,4 28,28" fill="none" stroke="#fff" stroke-linejoin="round"/>
  </g>
  <use href="#dot" x="40" y="14" width="4" height="4"/>
  <text x="48" y="22" font-family="Inter, 'Helvetica Neue', sans-serif" font-size="16" font-weight="700" fill="currentColor">Acme<tspan dx="2" fill-opacity="0.6">Cloud</tspan></text>
</svg>`,
}

func TestBrand_InlineSVGAcceptsLogos(t *testing.T) {
	for _, svg := range goodLogos {
		m, err := New(Options{Brand: Brand{LogoSVG: svg}})
		require.NoError(t, err, "%s", svg)
		res, body := do(t, m.Handler(failing(500)), "GET", "/", "Accept", "text/html")
		require.Equal(t, 500, res.StatusCode)
		assert.Contains(t, body, strings.TrimSpace(svg), "the logo, as written")
	}
}

// FuzzLogoSVG checks checkLogoSVG against the browser's view: whatever it
// accepts, parsed by the HTML parser where the page puts it, is SVG
// elements from the allow-list with allowed attributes only, closed
// before the markup that follows it.
func FuzzLogoSVG(f *testing.F) {
	for _, tc := range hostileLogos {
		f.Add(tc.svg)
	}
	for _, svg := range goodLogos {
		f.Add(svg)
	}
	f.Fuzz(func(t *testing.T, svg string) {
		if checkLogoSVG(svg) != nil {
			return
		}
		page := `<!DOCTYPE html><html><body><a href="/">` + strings.TrimSpace(svg) + `<span id="after">x</span></a></body></html>`
		doc, err := html.Parse(strings.NewReader(page))
		require.NoError(t, err)
		var walk func(n *html.Node, inSVG bool)
		var after *html.Node
		walk = func(n *html.Node, inSVG bool) {
			if n.Type == html.ElementNode {
				if n.Data == "span" && n.Namespace == "" && len(n.Attr) == 1 && n.Attr[0].Val == "after" {
					after = n
				}
				if n.Data == "svg" {
					inSVG = true
				}
				if inSVG {
					if n.Namespace != "svg" || !svgElements[strings.ToLower(n.Data)] {
						t.Fatalf("accepted %q, but the browser reads element <%s> (namespace %q)", svg, n.Data, n.Namespace)
					}
					for _, a := range n.Attr {
						// The parser gives SVG's camel case: viewBox.
						a.Key = strings.ToLower(a.Key)
						if err := checkSVGAttr(strings.ToLower(n.Data), a); err != nil {
							t.Fatalf("accepted %q, but the browser reads %v", svg, err)
						}
					}
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c, inSVG)
			}
		}
		walk(doc, false)
		if after == nil || after.Parent == nil || after.Parent.Data != "a" || after.Parent.Namespace != "" {
			t.Fatalf("accepted %q, but the markup after it is no longer where it was", svg)
		}
		// The link holds the logo, then the markup after it: nothing
		// broke out of the <svg>.
		var elems []string
		for c := after.Parent.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.TextNode {
				elems = append(elems, c.Namespace+":"+c.Data)
			}
		}
		if len(elems) != 2 || elems[0] != "svg:svg" || elems[1] != ":span" {
			t.Fatalf("accepted %q, but the page's link holds %q, want the svg and the span", svg, elems)
		}
	})
}

func TestThemeOption(t *testing.T) {
	for _, th := range append([]theme.Theme{{Name: ""}}, theme.Builtin()...) {
		name := th.Name
		t.Run("theme "+name, func(t *testing.T) {
			m, _ := newTestMiddleware(t, Options{Theme: name})
			res, body := do(t, m.Handler(failing(502)), "GET", "/", "Accept", "text/html")
			want := th
			if name == "" {
				want = theme.Default
			}
			assert.Equal(t, 502, res.StatusCode)
			assert.Contains(t, body, "--ep-bg:"+want.Light["bg"]+";", "light background of %s", want.Name)
			assert.Contains(t, body, "--ep-bg:"+want.Dark["bg"]+";", "dark background of %s", want.Name)
			assert.Contains(t, body, want.Extra, "the theme's own CSS")
			if want.Name == theme.Friendly.Name {
				assert.Contains(t, body, `<svg class="ep-art"`, "the friendly theme's illustration")
			} else {
				assert.NotContains(t, body, "ep-art", "an illustration in %s, which has none", want.Name)
			}
			assertCSPMatchesStyle(t, res.Header.Get("Content-Security-Policy"), body)
		})
	}
}
