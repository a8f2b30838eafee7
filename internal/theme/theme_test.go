package theme

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/errorpage/errorpage/internal/color"
)

// contrastPairs are the text colours of a page and what they are read on,
// with the WCAG AA minimum for body text.
var contrastPairs = []struct{ fg, bg string }{
	{"fg", "bg"}, {"fg", "card"},
	{"muted", "bg"}, {"muted", "card"},
	{"accent-text", "bg"}, {"accent-text", "card"},
	{"on-accent", "accent"},
}

// TestThemeContrast computes the WCAG 2 contrast ratios of every built-in
// theme in both schemes, so a palette that fails AA fails here rather than
// in the browser checks.
func TestThemeContrast(t *testing.T) {
	for _, th := range Builtin() {
		for _, scheme := range []string{"light", "dark"} {
			t.Run(th.Name+"/"+scheme, func(t *testing.T) {
				props := th.Scheme(scheme)
				for _, p := range properties {
					require.NotEmpty(t, props[p], "%s %s: property %s is not set", th.Name, scheme, p)
				}
				for _, pair := range contrastPairs {
					fg, err := color.Parse(props[pair.fg])
					require.NoError(t, err, "%s %s: %s", th.Name, scheme, pair.fg)
					bg, err := color.Parse(props[pair.bg])
					require.NoError(t, err, "%s %s: %s", th.Name, scheme, pair.bg)
					ratio := color.Contrast(fg, bg)
					assert.GreaterOrEqual(t, ratio, 4.5, "%s %s: %s %s on %s %s: got %.2f:1, want at least 4.5:1",
						th.Name, scheme, pair.fg, props[pair.fg], pair.bg, props[pair.bg], ratio)
				}
			})
		}
	}
}

func TestThemesDistinct(t *testing.T) {
	seen := map[string]bool{}
	for _, th := range Builtin() {
		assert.False(t, seen[th.Name], "theme name %q is used twice", th.Name)
		seen[th.Name] = true
		got, ok := ByName(th.Name)
		assert.True(t, ok && got.Name == th.Name, "ByName(%q) did not find it", th.Name)
		assert.NotEmpty(t, th.Description, "%s has no Description", th.Name)
	}
	_, ok := ByName("nope")
	assert.False(t, ok, "ByName(nope): got a theme, want none")
}

func TestSchemeCSS(t *testing.T) {
	th := Default
	auto := th.CSS()
	assert.Contains(t, auto, "color-scheme:light dark")
	assert.Contains(t, auto, "@media (prefers-color-scheme:dark){:root{--ep-bg:"+th.Dark["bg"])

	dark := th.SchemeCSS("dark")
	assert.Contains(t, dark, ":root{color-scheme:dark;--ep-bg:"+th.Dark["bg"])
	assert.Contains(t, dark, "--ep-font:", "dark keeps the light properties it does not override")
	assert.NotContains(t, dark, "prefers-color-scheme")

	light := th.SchemeCSS("light")
	assert.Contains(t, light, ":root{color-scheme:light;--ep-bg:"+th.Light["bg"])
	assert.NotContains(t, light, "prefers-color-scheme")
	assert.NotContains(t, light, th.Dark["bg"])

	for _, th := range Builtin() {
		for _, s := range []string{"", "light", "dark"} {
			css := th.SchemeCSS(s)
			assert.NotContains(t, strings.ToLower(css), "</style", "%s %s", th.Name, s)
			assert.NotContains(t, css, "url(", "%s %s: a theme must not load anything", th.Name, s)
			assert.Equal(t, strings.Count(css, "{"), strings.Count(css, "}"), "%s %s: unbalanced braces", th.Name, s)
		}
	}
}
