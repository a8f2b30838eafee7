package errorpage

import (
	"fmt"
	"io"
	"net/mail"
	"net/url"
	"strings"

	"golang.org/x/net/html"

	"github.com/errorpage/errorpage/internal/color"
	"github.com/errorpage/errorpage/internal/theme"
	"github.com/errorpage/errorpage/pages"
)

// Brand makes the pages look like the product: its name, logo, links and
// colours, with no template to write. The zero value shows no name or
// logo, links "Go to the home page" to "/" and keeps the theme's colours.
//
// Colours are CSS colours: #rgb, #rrggbb, #rrggbbaa, rgb()/hsl() with plain
// numbers, or a CSS colour name. They end up inside the page's stylesheet,
// so anything else (var(), url(), a semicolon, a quote) is an error from
// New. Accent and Background apply to both the light and the dark colour
// scheme unless DarkAccent or DarkBackground give the dark ones. The page derives
// the rest so that every text keeps WCAG AA contrast (4.5:1) in both: the
// label on an accent button is white or near-black, whichever reads
// better; where the accent is text (the status code) it is darkened or
// lightened just enough; muted text, the card and lines are mixed from
// Background and Text. A Text on a Background below 4.5:1 is an error from
// New.
type Brand struct {
	// Name is the product's name, shown above the page, linking home, and
	// in the title. Empty shows no name.
	Name string

	// LogoURL is an image shown before the name, about 2rem high: a path on
	// this site starting with "/", an absolute https (or http) URL with a
	// host and no user info, whose origin is then
	// allowed in the page's Content-Security-Policy (img-src), or a
	// data:image/... URL. Empty shows no logo. A logo on another origin is
	// a request the visitor's browser makes while your site is failing; a
	// data: URL or LogoSVG makes none.
	LogoURL string

	// LogoSVG is inline SVG markup, one <svg>...</svg> element, shown
	// instead of LogoURL. It is written into the page as is, so New reads
	// it as the browser will and accepts only what a logo needs: shapes,
	// text, gradients, clip paths, masks, patterns, filters, <use>, with
	// their geometry and presentation attributes (fill="#f60",
	// currentColor); an href and url() only to an element of the logo
	// (#id). Scripts, event handlers, style attributes and <style>,
	// foreignObject, images, links, animation and external references are
	// errors that name the element or attribute; comments are fine. Give
	// the <svg> a viewBox; the page sizes it to 2rem high.
	LogoSVG string

	// HomeURL is where the name, the logo and "Go to the home page" lead:
	// an absolute http(s) URL with a host and no user info, or a path
	// starting with "/". Anything else is an error from New. Empty means
	// "/".
	HomeURL string

	// Support is where "Contact support" leads: what HomeURL accepts, an
	// e-mail address, which becomes a mailto: link, a mailto: URL with one
	// address, or a tel: URL (tel:+1-555-0100, no spaces). Anything else,
	// such as "call us on 555", is an error from New. Empty shows no link.
	Support string

	// StatusURL is the product's status page, linked in the footer: what
	// HomeURL accepts. Empty shows no link.
	StatusURL string

	// LoginURL is where the 511 page (Network Authentication Required)
	// sends the visitor to sign in to the network (RFC 6585 §6): what
	// HomeURL accepts. Empty means the page has no sign-in link.
	LoginURL string

	// Footer is a line of plain text at the bottom of every page, such as
	// "© 2026 Acme Inc.". Empty shows none.
	Footer string

	// Accent colours the primary button, the status code and the icon.
	// Empty keeps the theme's accent.
	Accent string
	// Background is the page's background. Empty keeps the theme's. It must
	// be opaque.
	Background string
	// Text is the colour of body text. Empty keeps the theme's, or picks
	// near-black or near-white when Background needs it.
	Text string

	// DarkAccent, DarkBackground and DarkText are the colours in dark mode
	// (prefers-color-scheme: dark). An empty DarkAccent or DarkBackground
	// falls back to Accent or Background if that is set, and to the
	// theme's otherwise; an empty DarkText falls back to Text only when the
	// dark background is the brand's too. So setting only Accent shows the
	// brand in both schemes; setting Background without DarkBackground
	// makes both schemes use it; setting only Text changes light mode.
	DarkAccent, DarkBackground, DarkText string

	// Font is the font stack of the page, in CSS syntax:
	// `Inter, "Helvetica Neue", sans-serif`. Only installed fonts can be
	// used: the page loads none, so as not to depend on a failing server.
	// Empty keeps the theme's.
	Font string
}

// look is what the theme and the brand make of every page, resolved once
// by New.
type look struct {
	theme     theme.Theme // the theme, with the brand's colours and font
	brand     pages.Brand
	imgOrigin string // the logo's origin for img-src, or ""
	src       Brand  // the options, for the gallery's other themes
}

func newLook(themeName string, b Brand) (look, error) {
	l := look{src: b}
	if themeName == "" {
		themeName = theme.Default.Name
	}
	t, ok := theme.ByName(themeName)
	if !ok {
		var names []string
		for _, t := range theme.Builtin() {
			names = append(names, t.Name)
		}
		return l, fmt.Errorf("errorpage: unknown Theme %q (built-in themes: %s)", themeName, strings.Join(names, ", "))
	}
	var err error
	if l.theme, err = brandTheme(t, b); err != nil {
		return l, err
	}
	l.brand = pages.Brand{Name: b.Name, Footer: b.Footer}
	for _, u := range []struct {
		field string
		value string
		dst   *string
	}{
		{"Brand.HomeURL", b.HomeURL, &l.brand.HomeURL},
		{"Brand.StatusURL", b.StatusURL, &l.brand.StatusURL},
		{"Brand.LoginURL", b.LoginURL, &l.brand.LoginURL},
	} {
		if u.value != "" {
			if err := checkLink(u.field, u.value, false); err != nil {
				return l, err
			}
			*u.dst = u.value
		}
	}
	if b.Support != "" {
		if l.brand.SupportURL, err = supportURL(b.Support); err != nil {
			return l, err
		}
	}
	if b.LogoURL != "" {
		if l.imgOrigin, err = checkLogoURL(b.LogoURL); err != nil {
			return l, err
		}
		l.brand.LogoURL = b.LogoURL
	}
	if b.LogoSVG != "" {
		if err := checkLogoSVG(b.LogoSVG); err != nil {
			return l, err
		}
		l.brand.LogoSVG = strings.TrimSpace(b.LogoSVG)
	}
	return l, nil
}

// supportURL turns Brand.Support into a link.
func supportURL(s string) (string, error) {
	if !strings.Contains(s, ":") && strings.Contains(s, "@") {
		a, err := mail.ParseAddress(s)
		if err != nil || a.Name != "" {
			return "", fmt.Errorf("errorpage: Brand.Support %q is not an e-mail address (%s)", s, supportForms)
		}
		return "mailto:" + a.Address, nil
	}
	if err := checkLink("Brand.Support", s, true); err != nil {
		return "", err
	}
	return s, nil
}

// What a link in the brand may be.
const (
	linkForms    = "write an absolute http(s) URL with a host, like https://acme.example/, or a path starting with /"
	supportForms = "write an absolute http(s) URL with a host, like https://acme.example/help, a path starting with /, " +
		"an e-mail address, or a mailto: or tel: URL"
)

// checkLink accepts what works as a link on a page served at any path: an
// absolute http(s) URL with a host and no user info, or a path starting
// with "/"; with contact, also a mailto: URL with one address and a tel:
// URL. Anything else (a relative path, which would resolve against the
// failing URL, "//host", words, spaces) is an error saying what is
// accepted.
func checkLink(field, s string, contact bool) error {
	forms := linkForms
	if contact {
		forms = supportForms
	}
	bad := func(why string) error {
		return fmt.Errorf("errorpage: %s %q %s; %s", field, s, why, forms)
	}
	if i := strings.IndexFunc(s, func(r rune) bool { return r <= ' ' || r == 0x7f || r == '\\' }); i >= 0 {
		return bad(fmt.Sprintf("contains %q", s[i]))
	}
	u, err := url.Parse(s)
	if err != nil {
		return bad("is not a URL")
	}
	if u.User != nil {
		// Not %q of s: the user info may be a password.
		return fmt.Errorf("errorpage: %s: a URL with user info (user@ or user:password@) is not accepted; %s", field, forms)
	}
	switch strings.ToLower(u.Scheme) {
	case "":
		if !strings.HasPrefix(s, "/") || strings.HasPrefix(s, "//") {
			return bad("is not a path starting with / nor an absolute URL")
		}
		return nil
	case "http", "https":
		if u.Opaque != "" || u.Hostname() == "" {
			return bad("has no host")
		}
		return nil
	case "mailto":
		if !contact {
			break
		}
		to, err := url.PathUnescape(u.Opaque)
		if err == nil {
			var a *mail.Address
			if a, err = mail.ParseAddress(to); err == nil && a.Name != "" {
				err = fmt.Errorf("a name")
			}
		}
		if err != nil {
			return bad("is not a mailto: URL with one e-mail address")
		}
		return nil
	case "tel":
		if !contact {
			break
		}
		if !isPhoneNumber(u.Opaque) {
			return bad("is not a tel: URL with a phone number, like tel:+1-555-0100")
		}
		return nil
	}
	return bad(fmt.Sprintf("has a scheme %q that is not accepted", u.Scheme))
}

// isPhoneNumber reports whether s is a phone number as a tel: URL writes
// it (RFC 3966): an optional +, then digits and the visual separators
// - . ( ), with at least three digits.
func isPhoneNumber(s string) bool {
	s = strings.TrimPrefix(s, "+")
	digits := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '-' || r == '.' || r == '(' || r == ')':
		default:
			return false
		}
	}
	return digits >= 3
}

// checkLogoURL accepts a path, an absolute http(s) URL (returning its
// origin, for img-src) or a data:image URL.
func checkLogoURL(s string) (origin string, err error) {
	if strings.HasPrefix(strings.ToLower(s), "data:") {
		if !strings.HasPrefix(s[len("data:"):], "image/") {
			return "", fmt.Errorf("errorpage: Brand.LogoURL: a data: URL must be an image (data:image/...)")
		}
		return "", nil
	}
	if err := checkLink("Brand.LogoURL", s, false); err != nil {
		return "", fmt.Errorf("%w, or a data:image/... URL", err)
	}
	u, _ := url.Parse(s) // parsed by checkLink
	if u.Scheme == "" {
		return "", nil
	}
	if strings.ContainsAny(u.Host, " ;',\"") {
		return "", fmt.Errorf("errorpage: Brand.LogoURL %q has no valid host", s)
	}
	return strings.ToLower(u.Scheme) + "://" + u.Host, nil
}

// checkLogoSVG accepts inline SVG a logo needs and nothing that could
// run, load or style anything: it tokenizes s the way the browser's HTML
// parser will (inside <svg>, foreign content) and allows only the elements
// in svgElements and the attributes in svgAttributes, an href only as a
// reference to an element of the logo (#id), and in values no CSS function
// but colours, transforms and url(#id). The first thing it does not allow
// is the error, naming the element or attribute.
func checkLogoSVG(s string) error {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("errorpage: Brand.LogoSVG: "+format, args...)
	}
	s = strings.TrimSpace(s)
	if strings.Contains(strings.ToLower(s), "<![cdata[") {
		return bad("CDATA sections are not allowed")
	}
	z := html.NewTokenizer(strings.NewReader(s))
	z.AllowCDATA(true) // inside <svg> the browser reads CDATA as text
	var open []string  // the elements not yet closed, root first
	closed := false    // the root </svg> was read
	read := 0          // bytes of s in the tokens so far
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if z.Err() != io.EOF {
				return bad("%v", z.Err())
			}
			if read < len(s) {
				// The tokenizer drops a tag cut by the end, which on the
				// page would swallow the markup that follows.
				return bad("ends inside a tag: %q", s[read:])
			}
			break
		}
		read += len(z.Raw())
		tok := z.Token()
		if closed && !(tt == html.TextToken && strings.TrimSpace(tok.Data) == "") {
			return bad("must be one <svg>...</svg> element, with nothing after </svg>")
		}
		if len(open) == 0 && tt != html.StartTagToken {
			return bad("must be one <svg>...</svg> element, starting with <svg>")
		}
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			// Inside <svg> no element is raw text, not even <title>.
			z.NextIsNotRawText()
			name := tok.Data
			if len(open) == 0 && name != "svg" {
				return bad("must be one <svg>...</svg> element, not <%s>", name)
			}
			if len(open) > 0 && textOnly[open[len(open)-1]] {
				return bad("<%s> inside <%s> is not allowed: it holds text only", name, open[len(open)-1])
			}
			if !svgElements[name] {
				why := "a logo needs shapes, text, gradients, clip paths, masks, patterns, filters and <use>, nothing that loads, links, animates or runs"
				switch name {
				case "script":
					why = "scripts are blocked by the page's Content-Security-Policy"
				case "style":
					why = "<style> elements are blocked by the page's Content-Security-Policy; use presentation attributes such as fill="
				}
				return bad("<%s> is not allowed: %s", name, why)
			}
			for _, a := range tok.Attr {
				if err := checkSVGAttr(name, a); err != nil {
					return bad("%s", err)
				}
			}
			if tt == html.StartTagToken {
				open = append(open, name)
			}
		case html.EndTagToken:
			if len(open) == 0 || open[len(open)-1] != tok.Data {
				return bad("</%s> does not close the element that is open", tok.Data)
			}
			open = open[:len(open)-1]
			closed = len(open) == 0
		case html.DoctypeToken:
			return bad("a doctype is not allowed")
		}
	}
	switch {
	case len(open) > 0:
		return bad("must be one <svg>...</svg> element, and <%s> is not closed", open[len(open)-1])
	case !closed:
		return bad("must be one <svg>...</svg> element, starting with <svg>")
	}
	return nil
}

// svgElements are the elements a logo may use, as the HTML tokenizer
// names them (lower case): no script, style, foreignObject, image, a,
// animation (which can set href), feImage, or anything from HTML.
var svgElements = setOf(
	"svg", "g", "defs", "symbol", "use", "title", "desc",
	"path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
	"text", "tspan", "textpath",
	"lineargradient", "radialgradient", "stop", "clippath", "mask", "pattern", "marker",
	"filter", "feblend", "fecolormatrix", "fecomponenttransfer", "fefunca", "fefuncb", "fefuncg", "fefuncr",
	"fecomposite", "fedropshadow", "feflood", "fegaussianblur", "femerge", "femergenode",
	"femorphology", "feoffset", "feturbulence",
)

// textOnly are the elements that hold text only: for the HTML parser
// they are integration points, where HTML, not SVG, would be read.
var textOnly = setOf("title", "desc")

// svgAttributes are the attributes a logo may use, in lower case: the
// geometry of the allowed elements, presentation attributes, and
// accessibility. href is checked apart.
var svgAttributes = setOf(
	"id", "class", "lang", "role", "aria-label", "aria-labelledby", "aria-describedby", "aria-hidden", "focusable",
	"version", "baseprofile", "xml:space", "viewbox", "preserveaspectratio",
	"x", "y", "width", "height", "cx", "cy", "r", "rx", "ry", "x1", "y1", "x2", "y2", "d", "points", "pathlength",
	"dx", "dy", "rotate", "textlength", "lengthadjust", "startoffset", "method", "spacing", "side",
	"offset", "gradientunits", "gradienttransform", "spreadmethod", "fx", "fy", "fr",
	"patternunits", "patterncontentunits", "patterntransform", "clippathunits", "maskunits", "maskcontentunits",
	"markerunits", "markerwidth", "markerheight", "refx", "refy", "orient",
	"filterunits", "primitiveunits", "in", "in2", "result", "stddeviation", "edgemode", "mode", "operator",
	"k1", "k2", "k3", "k4", "type", "values", "tablevalues", "slope", "intercept", "amplitude", "exponent",
	"radius", "basefrequency", "numoctaves", "seed", "stitchtiles",
	// Presentation attributes.
	"alignment-baseline", "baseline-shift", "clip-path", "clip-rule", "color", "color-interpolation",
	"color-interpolation-filters", "direction", "display", "dominant-baseline", "fill", "fill-opacity",
	"fill-rule", "filter", "flood-color", "flood-opacity", "font-family", "font-size", "font-size-adjust",
	"font-stretch", "font-style", "font-variant", "font-weight", "image-rendering", "letter-spacing",
	"lighting-color", "marker-start", "marker-mid", "marker-end", "mask", "opacity", "overflow", "paint-order",
	"pointer-events", "shape-rendering", "stop-color", "stop-opacity", "stroke", "stroke-dasharray",
	"stroke-dashoffset", "stroke-linecap", "stroke-linejoin", "stroke-miterlimit", "stroke-opacity",
	"stroke-width", "text-anchor", "text-decoration", "text-rendering", "transform", "transform-origin",
	"unicode-bidi", "vector-effect", "visibility", "word-spacing", "writing-mode",
)

// hrefElements may refer to another element of the logo.
var hrefElements = setOf("use", "lineargradient", "radialgradient", "pattern", "textpath")

// cssFunctions are the functions an attribute value may call: colours,
// transforms and arithmetic. url() is checked apart.
var cssFunctions = setOf(
	"rgb", "rgba", "hsl", "hsla", "hwb", "lab", "lch", "oklab", "oklch", "color",
	"matrix", "translate", "translatex", "translatey", "scale", "scalex", "scaley", "rotate", "skewx", "skewy",
	"calc", "min", "max", "clamp",
)

func setOf(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// checkSVGAttr checks one attribute of an allowed element; the value is
// as the browser sees it, entities decoded.
func checkSVGAttr(elem string, a html.Attribute) error {
	key := a.Key
	if a.Namespace != "" {
		key = a.Namespace + ":" + key
	}
	switch {
	case strings.HasPrefix(key, "on"):
		return fmt.Errorf("<%s> has an event handler (%s=): scripts are blocked by the page's Content-Security-Policy", elem, key)
	case key == "style":
		return fmt.Errorf("style attributes are blocked by the page's Content-Security-Policy (style= on <%s>); use presentation attributes such as fill=", elem)
	case key == "xmlns":
		if a.Val != "http://www.w3.org/2000/svg" {
			return fmt.Errorf("xmlns=%q on <%s> is not the SVG namespace", a.Val, elem)
		}
		return nil
	case key == "xmlns:xlink":
		if a.Val != "http://www.w3.org/1999/xlink" {
			return fmt.Errorf("xmlns:xlink=%q on <%s> is not the XLink namespace", a.Val, elem)
		}
		return nil
	case key == "href" || key == "xlink:href":
		if !hrefElements[elem] || !isFragment(a.Val) {
			return fmt.Errorf("%s=%q on <%s> is not allowed: only <use>, gradients, patterns and <textPath> may refer, and only to an element of the logo (#id)", key, a.Val, elem)
		}
		return nil
	case !svgAttributes[key]:
		return fmt.Errorf("attribute %s= on <%s> is not allowed: use the geometry and presentation attributes of SVG", key, elem)
	}
	if why := badSVGValue(a.Val); why != "" {
		return fmt.Errorf("%s=%q on <%s> is not allowed: %s", key, a.Val, elem, why)
	}
	return nil
}

// isFragment reports whether v refers to an element of the same
// document: "#" and an id.
func isFragment(v string) bool {
	if len(v) < 2 || v[0] != '#' {
		return false
	}
	for _, r := range v[1:] {
		if !(r == '-' || r == '_' || r == '.' || r == ':' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return false
		}
	}
	return true
}

// badSVGValue says what is wrong with an attribute value that SVG reads
// as CSS: a URL other than url(#id), a function other than a colour or
// transform, an escape that could hide either.
func badSVGValue(v string) string {
	lower := strings.ToLower(v)
	if strings.ContainsAny(lower, "\\\x00") {
		return "a backslash or NUL"
	}
	for _, scheme := range []string{"javascript:", "vbscript:", "data:"} {
		if strings.Contains(lower, scheme) {
			return "a " + scheme + " URL"
		}
	}
	for rest := lower; ; {
		i := strings.IndexByte(rest, '(')
		if i < 0 {
			return ""
		}
		j := i
		for j > 0 && (rest[j-1] == '-' || rest[j-1] >= 'a' && rest[j-1] <= 'z' || rest[j-1] >= '0' && rest[j-1] <= '9') {
			j--
		}
		fn, arg := rest[j:i], strings.TrimLeft(rest[i+1:], " \t\n\f\r'\"")
		switch {
		case fn == "url":
			if !strings.HasPrefix(arg, "#") {
				return "only url(#id), a reference to an element of the logo"
			}
		case !cssFunctions[fn]:
			return fmt.Sprintf("the CSS function %s() is not allowed; use colours, transforms and url(#id)", fn)
		}
		rest = rest[i+1:]
	}
}

// checkFont accepts a CSS font stack: family names, bare or quoted,
// separated by commas. Nothing that could end the declaration or the
// stylesheet gets through.
func checkFont(s string) error {
	bad := func(why string) error {
		return fmt.Errorf("errorpage: Brand.Font %q is not a font stack (%s); write it like Inter, \"Helvetica Neue\", sans-serif", s, why)
	}
	if strings.TrimSpace(s) == "" {
		return bad("it is empty")
	}
	for _, fam := range strings.Split(s, ",") {
		fam = strings.TrimSpace(fam)
		if fam == "" {
			return bad("an empty name")
		}
		if q := fam[0]; q == '"' || q == '\'' {
			if len(fam) < 3 || fam[len(fam)-1] != q {
				return bad("an unclosed quote")
			}
			fam = fam[1 : len(fam)-1]
		}
		for _, r := range fam {
			ok := r == ' ' || r == '-' || r == '_' || r == '.' ||
				r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r > 0x7f && r != 0x2028 && r != 0x2029
			if !ok {
				return bad(fmt.Sprintf("%q is not allowed", r))
			}
		}
	}
	return nil
}

// brandTheme returns t with the brand's colours and font.
func brandTheme(t theme.Theme, b Brand) (theme.Theme, error) {
	out := t.Clone()
	if b.Font != "" {
		if err := checkFont(b.Font); err != nil {
			return out, err
		}
		if t.Light["heading-font"] == t.Light["font"] {
			out.Light["heading-font"] = b.Font
		}
		out.Light["font"] = b.Font
		delete(out.Dark, "font")
		delete(out.Dark, "heading-font")
	}
	light, err := brandScheme(t.Scheme("light"), "", b.Accent, b.Background, b.Text)
	if err != nil {
		return out, err
	}
	// Text carries over to dark mode only with the background it was
	// chosen for: on the theme's dark background it would be unreadable.
	darkBg, darkText := orElse(b.DarkBackground, b.Background), b.DarkText
	if darkText == "" && darkBg != "" {
		darkText = b.Text
	}
	dark, err := brandScheme(t.Scheme("dark"), "Dark", orElse(b.DarkAccent, b.Accent), darkBg, darkText)
	if err != nil {
		return out, err
	}
	for k, v := range light {
		out.Light[k] = v
	}
	for k, v := range dark {
		out.Dark[k] = v
	}
	return out, nil
}

// aa is the contrast every text colour gets, a hair above WCAG AA's 4.5:1
// so that rounding in a browser cannot take it below.
const aa = 4.55

// brandScheme works out one colour scheme's properties from the theme's
// (props) and the brand's colours, returning those that change.
func brandScheme(props map[string]string, scheme, accent, background, text string) (map[string]string, error) {
	if accent == "" && background == "" && text == "" {
		return nil, nil
	}
	field := func(name string) string { return "Brand." + scheme + name }
	parse := func(name, v string) (color.RGBA, error) {
		c, err := color.Parse(v)
		if err != nil {
			return c, fmt.Errorf("errorpage: %s: %w", field(name), err)
		}
		return c, nil
	}
	theme := func(p string) color.RGBA {
		c, err := color.Parse(props[p])
		if err != nil {
			return color.White // a theme property that is not a colour: a bug in the theme
		}
		return c
	}
	out := map[string]string{}
	bg, fg, card := theme("bg"), theme("fg"), theme("card")
	changed := false
	if background != "" {
		c, err := parse("Background", background)
		if err != nil {
			return nil, err
		}
		if !c.Opaque() {
			return nil, fmt.Errorf("errorpage: %s %q must be opaque", field("Background"), background)
		}
		bg, changed = c, true
		if text == "" && color.Contrast(fg, bg) < aa {
			fg = readableOn(bg)
		}
	}
	if text != "" {
		c, err := parse("Text", text)
		if err != nil {
			return nil, err
		}
		fg, changed = c.Over(bg), true
	}
	if changed {
		if props["card"] == props["bg"] {
			card = bg
		} else if bg.Luminance() > 0.4 {
			card = bg.Mix(color.White, 0.7)
		} else {
			card = bg.Mix(fg, 0.05)
		}
		for _, on := range []color.RGBA{bg, card} {
			if r := color.Contrast(fg, on); r < 4.5 {
				return nil, fmt.Errorf("errorpage: %s %s on %s %s has a contrast of %.2f:1; WCAG AA needs 4.5:1",
					field("Text"), fg.Hex(), field("Background"), on.Hex(), r)
			}
		}
		out["bg"], out["fg"], out["card"] = bg.Hex(), fg.Hex(), card.Hex()
		out["border"] = bg.Mix(fg, 0.16).Hex()
		out["muted"] = fit(fg.Mix(bg, 0.35), fg, bg, card).Hex()
	}
	if accent != "" {
		c, err := parse("Accent", accent)
		if err != nil {
			return nil, err
		}
		acc := c.Over(bg)
		out["accent"] = acc.Hex()
		out["on-accent"] = readableOn(acc).Hex()
		out["accent-text"] = fit(acc, fg, bg, card).Hex()
	} else if changed {
		out["accent-text"] = fit(theme("accent-text"), fg, bg, card).Hex()
	}
	return out, nil
}

// readableOn returns near-white or near-black, whichever reads better on
// bg; pure white or black if the softer one falls short of AA.
func readableOn(bg color.RGBA) color.RGBA {
	best := color.White
	if nearBlack := color.MustParse("#111318"); color.Contrast(nearBlack, bg) > color.Contrast(best, bg) {
		best = nearBlack
	}
	if color.Contrast(best, bg) < aa && color.Contrast(color.Black, bg) > color.Contrast(best, bg) {
		best = color.Black // a mid grey: only pure black reaches AA
	}
	return best
}

// fit moves c toward target (which is readable on every background) until
// it reaches AA contrast on all of them.
func fit(c, target color.RGBA, bgs ...color.RGBA) color.RGBA {
	for i := 0; i <= 20; i++ {
		x := c.Mix(target, float64(i)/20)
		ok := true
		for _, bg := range bgs {
			if color.Contrast(x, bg) < aa {
				ok = false
			}
		}
		if ok {
			return x
		}
	}
	return target
}
