package color

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"short hex", "#f60", "#ff6600"},
		{"short hex with alpha", "#f608", "#ff660088"},
		{"hex", "#2357D9", "#2357d9"},
		{"hex with alpha", "#2357d980", "#2357d980"},
		{"rgb commas", "rgb(35, 87, 217)", "#2357d9"},
		{"rgb spaces", "rgb(35 87 217)", "#2357d9"},
		{"rgb percent", "rgb(100% 0% 50%)", "#ff0080"},
		{"rgba", "rgba(0,0,0,0.5)", "#00000080"},
		{"rgb slash alpha", "rgb(0 0 0 / 50%)", "#00000080"},
		{"hsl", "hsl(120, 100%, 25%)", "#008000"},
		{"hsl deg spaces", "hsl(240deg 100% 50%)", "#0000ff"},
		{"hsl bare numbers", "hsl(0 100 50)", "#ff0000"},
		{"named", "RebeccaPurple", "#663399"},
		{"spaces around", "  navy ", "#000080"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, err := Parse(tc.in)
			require.NoError(t, err, "Parse(%q)", tc.in)
			assert.Equal(t, tc.want, c.Hex(), "Parse(%q): got %s, want %s", tc.in, c.Hex(), tc.want)
		})
	}
}

func TestParseRejects(t *testing.T) {
	for _, in := range []string{
		"", "#", "#12", "#12345", "#1234567", "#ggg", "red;", "red}body{", "</style>",
		"rgb(1,2)", "rgb(1,2,3,4,5)", "rgb(var(--x),0,0)", "rgb(calc(1),2,3)", "rgb(1,2,3",
		"rgb(1e3,0,0)", "rgb(NaN,0,0)", "hsl(10%,50%,50%)", "url(x)", "transparent",
		"currentColor", "var(--ep-accent)", `"red"`, "red blue", "expression(alert(1))",
		"rgb(0 0 / 0 0)",
	} {
		_, err := Parse(in)
		assert.Error(t, err, "Parse(%q): got no error, want one", in)
	}
}

func TestContrast(t *testing.T) {
	assert.InDelta(t, 21, Contrast(Black, White), 0.001, "black on white")
	assert.InDelta(t, 1, Contrast(White, White), 0.001, "white on white")
	// #767676 on white is the well-known 4.54:1.
	assert.InDelta(t, 4.54, Contrast(MustParse("#767676"), White), 0.01)
	// Translucent black over white is a grey.
	assert.InDelta(t, Contrast(MustParse("#808080"), White), Contrast(MustParse("#00000080"), White), 0.1)
}
