package theme

import (
	"maps"
	"strings"
)

// Theme is a set of values for the page's CSS custom properties, one set
// for light and one for dark colour schemes, and optionally some CSS of its
// own.
//
// The properties are set on :root (the page's one root element) and read by
// the built-in stylesheet as var(--ep-NAME). Every theme sets, in Light:
//
//	bg            page background
//	fg            body text
//	muted         secondary text (advice, labels, footer)
//	card          background of the box holding the explanation
//	border        lines and outlines
//	accent        the primary button's background, the retry line, focus rings
//	accent-text   the accent where it is text (the status code, the icon)
//	on-accent     text on the accent (the primary button's label)
//	font          body font stack
//	heading-font  the heading's font stack
//	mono          monospace font stack (request IDs, debug output)
//	radius        corner radius
//
// Dark holds the values that differ in dark mode; the others carry over
// from Light. fg, muted and accent-text must reach 4.5:1 against bg and
// card, and on-accent against accent (WCAG AA), in both schemes: the
// package's tests check it for every built-in theme.
type Theme struct {
	// Name identifies the theme in options and in the gallery.
	Name string
	// Description says in a few words what the theme looks like.
	Description string
	// Light and Dark map a property name without its "--ep-" prefix
	// ("bg", "accent") to a CSS value.
	Light, Dark map[string]string
	// Extra is CSS appended after the built-in stylesheet, for what
	// properties alone cannot say. It must use the custom properties for
	// every colour, so that brand colours and dark mode reach it.
	Extra string
}

// properties lists the custom properties a theme sets, in the order they
// are written.
var properties = []string{
	"bg", "fg", "muted", "card", "border", "accent", "accent-text", "on-accent",
	"font", "heading-font", "mono", "radius",
}

const (
	systemFont = `system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans",sans-serif`
	monoFont   = `ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace`
	serifFont  = `"Iowan Old Style","Palatino Linotype",Palatino,Georgia,"Noto Serif",serif`
)

// Default is clean and neutral: a white card on a light grey page, a
// blue accent, the system font.
var Default = Theme{
	Name:        "default",
	Description: "Clean and neutral: a card, a blue accent, the system font.",
	Light: map[string]string{
		"bg": "#f4f6f9", "fg": "#1c2330", "muted": "#525c6b", "card": "#ffffff",
		"border": "#dde2e9", "accent": "#2357d9", "accent-text": "#1f4fc4", "on-accent": "#ffffff",
		"font": systemFont, "heading-font": systemFont, "mono": monoFont, "radius": "12px",
	},
	Dark: map[string]string{
		"bg": "#0e131d", "fg": "#e6e9ef", "muted": "#a3acbb", "card": "#161d2a",
		"border": "#2a3344", "accent": "#7aa2ff", "accent-text": "#8fb1ff", "on-accent": "#0b1020",
	},
	Extra: `.ep-card{box-shadow:0 1px 2px rgb(16 24 40/.06),0 8px 24px -6px rgb(16 24 40/.10)}
@media (prefers-color-scheme:dark){.ep-card{box-shadow:none}}
`,
}

// Mono is minimal and monochrome: no box, a large light status
// number, a serif heading, square black buttons.
var Mono = Theme{
	Name:        "mono",
	Description: "Minimal monochrome: no box, a large status number, a serif heading.",
	Light: map[string]string{
		"bg": "#ffffff", "fg": "#111111", "muted": "#555555", "card": "#ffffff",
		"border": "#d9d9d9", "accent": "#111111", "accent-text": "#111111", "on-accent": "#ffffff",
		"font": systemFont, "heading-font": serifFont, "mono": monoFont, "radius": "0",
	},
	Dark: map[string]string{
		"bg": "#0b0b0b", "fg": "#f0f0f0", "muted": "#a8a8a8", "card": "#0b0b0b",
		"border": "#3a3a3a", "accent": "#f0f0f0", "accent-text": "#f0f0f0", "on-accent": "#0b0b0b",
	},
	Extra: `.ep-card{border:0;padding:0;background:none}
.ep-icon{display:none}
.ep-code{font:200 clamp(3.5rem,14vw,6rem)/1 var(--ep-font);letter-spacing:-.04em;text-transform:none;margin:0 0 1.5rem;color:var(--ep-fg)}
h1{font-weight:400;font-size:clamp(1.9rem,5vw,2.4rem);letter-spacing:-.01em}
.ep-retry{border:0;border-inline-start:2px solid var(--ep-fg);border-radius:0;background:none}
.ep-actions a{border-color:var(--ep-fg)}
.ep-actions a:not(.ep-primary){border-color:transparent;text-decoration:underline;text-underline-offset:.25em;padding-inline:.25rem}
.ep-ids code{border-radius:0}
.ep-brand{text-transform:uppercase;letter-spacing:.14em;font-size:.8rem}
`,
}

// Terminal is bold and terminal-like: a console window, monospace
// type, green on black in the dark and ink on paper in the light.
var Terminal = Theme{
	Name:        "terminal",
	Description: "Bold terminal: a console window, monospace type, a blinking cursor.",
	Light: map[string]string{
		"bg": "#efece0", "fg": "#17261b", "muted": "#475a4b", "card": "#fbfaf4",
		"border": "#cfc9b3", "accent": "#146c2e", "accent-text": "#11632a", "on-accent": "#ffffff",
		"font": monoFont, "heading-font": monoFont, "mono": monoFont, "radius": "6px",
	},
	Dark: map[string]string{
		"bg": "#070a08", "fg": "#c9f5c4", "muted": "#86b982", "card": "#0d130f",
		"border": "#26392b", "accent": "#3ddc5f", "accent-text": "#58e676", "on-accent": "#03140a",
	},
	Extra: `body{font-size:15px}
.ep{max-width:46rem}
.ep-card{padding:3.25rem 1.75rem 1.75rem;position:relative;overflow:hidden;box-shadow:0 12px 32px -12px rgb(0 0 0/.35)}
.ep-card::before{content:"";position:absolute;inset:0 0 auto;height:2rem;border-bottom:1px solid var(--ep-border);background:radial-gradient(circle at 1rem 50%,#ff5f57 .3rem,transparent .34rem),radial-gradient(circle at 1.8rem 50%,#febc2e .3rem,transparent .34rem),radial-gradient(circle at 2.6rem 50%,#28c840 .3rem,transparent .34rem),var(--ep-bg)}
.ep-icon{display:none}
.ep-code{font-size:.9rem;letter-spacing:0;text-transform:none}
.ep-code::before{content:"$ " / "";color:var(--ep-muted)}
h1{font-size:1.6rem;font-weight:700;letter-spacing:-.01em}
h1::after{content:"" / "";display:inline-block;width:.55em;height:1.05em;margin-inline-start:.2em;vertical-align:-.15em;background:var(--ep-accent-text)}
@media (prefers-reduced-motion:no-preference){h1::after{animation:ep-blink 1.1s steps(1) infinite}}
@keyframes ep-blink{50%{opacity:0}}
.ep-retry{border-radius:0}
.ep-actions a::before{content:"[ " / ""}
.ep-actions a::after{content:" ]" / ""}
.ep-brand{font-weight:700}
`,
}

// Builtin returns the built-in themes, [Default] first. The slice is new
// on each call, but the themes' maps are shared: [Theme.Clone] a theme to
// change it.
func Builtin() []Theme {
	return []Theme{Default, Mono, Terminal, Friendly, HighContrast, Glass, Docs, Retro}
}

// ByName returns the built-in theme with the given name.
func ByName(name string) (Theme, bool) {
	for _, t := range Builtin() {
		if t.Name == name {
			return t, true
		}
	}
	return Theme{}, false
}

// Clone returns a copy of t whose maps can be changed.
func (t Theme) Clone() Theme {
	t.Light, t.Dark = maps.Clone(t.Light), maps.Clone(t.Dark)
	if t.Light == nil {
		t.Light = map[string]string{}
	}
	if t.Dark == nil {
		t.Dark = map[string]string{}
	}
	return t
}

// Scheme returns the complete property values of one colour scheme,
// "light" or "dark": Dark's values over Light's.
func (t Theme) Scheme(scheme string) map[string]string {
	props := maps.Clone(t.Light)
	if props == nil {
		props = map[string]string{}
	}
	if scheme == "dark" {
		maps.Copy(props, t.Dark)
	}
	return props
}

// CSS returns the theme's stylesheet: the custom properties for light mode,
// those for dark mode under prefers-color-scheme, the built-in stylesheet
// and the theme's Extra. The middleware hands it, with the brand's colours,
// to every page as the model's CSS.
func (t Theme) CSS() string { return t.SchemeCSS("") }

// SchemeCSS is [Theme.CSS] with the colour scheme forced to "light" or
// "dark" whatever the visitor's preference; any other scheme follows it,
// as CSS does. The gallery shows each theme in each scheme with it.
func (t Theme) SchemeCSS(scheme string) string {
	var b strings.Builder
	switch scheme {
	case "light", "dark":
		b.WriteString(":root{color-scheme:" + scheme + ";")
		writeProps(&b, t.Scheme(scheme), nil)
		b.WriteString("}\n")
	default:
		b.WriteString(":root{color-scheme:light dark;")
		writeProps(&b, t.Light, nil)
		b.WriteString("}\n@media (prefers-color-scheme:dark){:root{")
		writeProps(&b, t.Dark, t.Light)
		b.WriteString("}}\n")
	}
	b.WriteString(stylesheet)
	extra := t.Extra
	if scheme == "light" {
		// The theme's own dark-mode rules must not apply either.
		extra = strings.ReplaceAll(extra, "@media (prefers-color-scheme:dark)", "@media not all")
	} else if scheme == "dark" {
		extra = strings.ReplaceAll(extra, "@media (prefers-color-scheme:dark)", "@media all")
	}
	b.WriteString(extra)
	return b.String()
}

// writeProps writes the properties of props, skipping those equal in base.
func writeProps(b *strings.Builder, props, base map[string]string) {
	for _, p := range properties {
		v, ok := props[p]
		if !ok || (base != nil && base[p] == v) {
			continue
		}
		b.WriteString("--ep-")
		b.WriteString(p)
		b.WriteByte(':')
		b.WriteString(v)
		b.WriteByte(';')
	}
}
