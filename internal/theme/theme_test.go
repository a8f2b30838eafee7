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

// TestThemesDistinct guards the breadth of the built-in looks: at least
// eight themes, each with a name, a description and CSS of its own, so
// that none is a palette of another.
func TestThemesDistinct(t *testing.T) {
	assert.GreaterOrEqual(t, len(Builtin()), 8, "built-in themes: got %d, want at least 8", len(Builtin()))
	seen := map[string]bool{}
	extras := map[string]string{}
	for _, th := range Builtin() {
		assert.False(t, seen[th.Name], "theme name %q is used twice", th.Name)
		seen[th.Name] = true
		got, ok := ByName(th.Name)
		assert.True(t, ok && got.Name == th.Name, "ByName(%q) did not find it", th.Name)
		assert.NotEmpty(t, th.Description, "%s has no Description", th.Name)
		if th.Name != Default.Name { // the stylesheet itself is Default's look
			assert.GreaterOrEqual(t, strings.Count(th.Extra, "{"), 5, "%s: a look of its own needs CSS of its own, not only colours", th.Name)
		}
		if other, dup := extras[th.Extra]; dup {
			t.Errorf("%s has the same Extra CSS as %s", th.Name, other)
		}
		extras[th.Extra] = th.Name
	}
	_, ok := ByName("nope")
	assert.False(t, ok, "ByName(nope): got a theme, want none")
}

// TestHighContrastReachesAAA holds the high-contrast theme to what its
// name promises: every text at 7:1 (WCAG 2 AAA, 1.4.6), in both schemes.
func TestHighContrastReachesAAA(t *testing.T) {
	for _, scheme := range []string{"light", "dark"} {
		props := HighContrast.Scheme(scheme)
		for _, pair := range contrastPairs {
			r := color.Contrast(color.MustParse(props[pair.fg]), color.MustParse(props[pair.bg]))
			assert.GreaterOrEqual(t, r, 7.0, "%s: %s on %s: got %.2f:1, want at least 7:1", scheme, pair.fg, pair.bg, r)
		}
	}
}

// TestMotionOnlyWithoutReducedMotion checks that every animation a theme
// starts sits under prefers-reduced-motion: no-preference, so a visitor who
// asked for less motion gets none. The browser checks confirm it in the
// page.
func TestMotionOnlyWithoutReducedMotion(t *testing.T) {
	for _, th := range Builtin() {
		css := stylesheet + th.Extra
		for i := 0; ; {
			j := strings.Index(css[i:], "animation:")
			if j < 0 {
				break
			}
			j += i
			guard := strings.LastIndex(css[:j], "@media (prefers-reduced-motion:no-preference){")
			assert.True(t, guard >= 0 && !strings.Contains(css[guard:j], "}}"),
				"%s: an animation outside @media (prefers-reduced-motion:no-preference): %q", th.Name, css[max(0, j-40):min(len(css), j+40)])
			i = j + 1
		}
		assert.NotContains(t, css, "transition", "%s: transitions are motion too; guard them like animations", th.Name)
	}
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
