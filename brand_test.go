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

	"github.com/errorpage/errorpage/internal/color"
	"github.com/errorpage/errorpage/pages"
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
		{"unknown theme", Options{Theme: "neon"}, `unknown Theme "neon" (built-in themes: default, mono, terminal)`},
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
	for _, th := range pages.Themes() {
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
