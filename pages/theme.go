package pages

import "strings"

// Theme is a set of values for the page's CSS custom properties, one set
// for light and one for dark colour schemes.
type Theme struct {
	// Name identifies the theme in options and in the gallery.
	Name string
	// Light and Dark map a property name without its "--ep-" prefix
	// ("bg", "accent") to a CSS value.
	Light, Dark map[string]string
	// Extra is CSS appended after the built-in stylesheet, for what
	// properties alone cannot say.
	Extra string
}

// Property names every theme sets.
var themeProperties = []string{
	"bg", "fg", "muted", "card", "border", "accent", "accent-text", "on-accent",
	"font", "mono", "radius",
}

// DefaultTheme is clean and neutral, with a blue accent.
var DefaultTheme = Theme{
	Name: "default",
	Light: map[string]string{
		"bg": "#f5f6f8", "fg": "#1c2330", "muted": "#525c6b", "card": "#ffffff",
		"border": "#dde1e7", "accent": "#2357d9", "accent-text": "#1f4fc4", "on-accent": "#ffffff",
		"font":   `system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif`,
		"mono":   `ui-monospace,SFMono-Regular,Menlo,Consolas,monospace`,
		"radius": "10px",
	},
	Dark: map[string]string{
		"bg": "#0f1420", "fg": "#e6e9ef", "muted": "#a3acbb", "card": "#171e2c",
		"border": "#2a3344", "accent": "#7aa2ff", "accent-text": "#8fb1ff", "on-accent": "#0b1020",
	},
}

// CSS returns the theme's stylesheet: the custom properties (with
// overrides, for brand colours, taking precedence in both schemes), the
// built-in stylesheet and the theme's Extra.
func (t Theme) CSS(overrides map[string]string) string {
	var b strings.Builder
	writeProps := func(props map[string]string) {
		for _, p := range themeProperties {
			if v, ok := overrides[p]; ok {
				writeProp(&b, p, v)
			} else if v, ok := props[p]; ok {
				writeProp(&b, p, v)
			}
		}
	}
	b.WriteString(":root{color-scheme:light dark;")
	writeProps(t.Light)
	b.WriteString("}\n@media (prefers-color-scheme:dark){:root{")
	dark := make(map[string]string, len(t.Dark))
	for k, v := range t.Dark {
		if _, ok := overrides[k]; !ok {
			dark[k] = v
		}
	}
	for _, p := range themeProperties {
		if v, ok := dark[p]; ok {
			writeProp(&b, p, v)
		}
	}
	b.WriteString("}}\n")
	b.WriteString(Stylesheet)
	b.WriteString(t.Extra)
	return b.String()
}

func writeProp(b *strings.Builder, name, value string) {
	b.WriteString("--ep-")
	b.WriteString(name)
	b.WriteByte(':')
	b.WriteString(value)
	b.WriteByte(';')
}
