package color

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// RGBA is a colour with 8-bit sRGB channels and an alpha from 0 to 1.
type RGBA struct {
	R, G, B uint8
	A       float64
}

// Opaque reports whether the colour has no transparency.
func (c RGBA) Opaque() bool { return c.A >= 1 }

// Hex formats the colour as #rrggbb, or #rrggbbaa when it is translucent.
// The result is all a stylesheet ever gets from a user's colour.
func (c RGBA) Hex() string {
	s := fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B)
	if !c.Opaque() {
		s += fmt.Sprintf("%02x", uint8(math.Round(c.A*255)))
	}
	return s
}

// Parse reads a colour written as #rgb, #rgba, #rrggbb, #rrggbbaa,
// rgb()/rgba() or hsl()/hsla() with numbers (comma- or space-separated,
// optional "/ alpha"), or a CSS named colour. Anything else, including
// var(), calc(), currentColor and transparent, is an error: the value ends
// up inside a stylesheet, so only what can be checked is let in.
func Parse(s string) (RGBA, error) {
	in := strings.ToLower(strings.TrimSpace(s))
	switch {
	case in == "":
		return RGBA{}, fmt.Errorf("empty colour")
	case in[0] == '#':
		return parseHex(in[1:])
	case strings.HasPrefix(in, "rgb(") || strings.HasPrefix(in, "rgba("):
		args, err := funcArgs(in)
		if err != nil {
			return RGBA{}, err
		}
		return parseRGB(args)
	case strings.HasPrefix(in, "hsl(") || strings.HasPrefix(in, "hsla("):
		args, err := funcArgs(in)
		if err != nil {
			return RGBA{}, err
		}
		return parseHSL(args)
	}
	if v, ok := named[in]; ok {
		return RGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 1}, nil
	}
	return RGBA{}, fmt.Errorf("%q is not a colour (use #rrggbb, rgb(), hsl() or a CSS colour name)", s)
}

// MustParse is Parse for values known to be valid; it panics otherwise.
func MustParse(s string) RGBA {
	c, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return c
}

func parseHex(h string) (RGBA, error) {
	for _, r := range h {
		if !strings.ContainsRune("0123456789abcdef", r) {
			return RGBA{}, fmt.Errorf("#%s is not a hex colour", h)
		}
	}
	switch len(h) {
	case 3, 4:
		h2 := make([]byte, 0, 8)
		for i := range len(h) {
			h2 = append(h2, h[i], h[i])
		}
		h = string(h2)
	case 6, 8:
	default:
		return RGBA{}, fmt.Errorf("#%s is not a hex colour (use #rgb, #rrggbb or #rrggbbaa)", h)
	}
	v, _ := strconv.ParseUint(h, 16, 32)
	if len(h) == 6 {
		return RGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 1}, nil
	}
	return RGBA{uint8(v >> 24), uint8(v >> 16), uint8(v >> 8), float64(uint8(v)) / 255}, nil
}

// funcArgs splits "name(a, b, c / d)" into its arguments; the alpha, if
// any, is the fourth.
func funcArgs(in string) ([]string, error) {
	open := strings.IndexByte(in, '(')
	if !strings.HasSuffix(in, ")") {
		return nil, fmt.Errorf("%q: missing closing parenthesis", in)
	}
	body := in[open+1 : len(in)-1]
	if strings.ContainsAny(body, "()") {
		return nil, fmt.Errorf("%q: only plain numbers are allowed inside %s", in, in[:open+1]+")")
	}
	body = strings.ReplaceAll(body, "/", " / ")
	var args []string
	if strings.Contains(body, ",") {
		for _, a := range strings.Split(body, ",") {
			args = append(args, strings.TrimSpace(a))
		}
	} else {
		f := strings.Fields(body)
		for i := 0; i < len(f); i++ {
			if f[i] == "/" {
				if i != 3 || len(f) != 5 {
					return nil, fmt.Errorf("%q: misplaced /", in)
				}
				continue
			}
			args = append(args, f[i])
		}
	}
	if len(args) != 3 && len(args) != 4 {
		return nil, fmt.Errorf("%q: want 3 values and an optional alpha", in)
	}
	return args, nil
}

// number parses a plain decimal number, optionally ending in % (returned as
// a fraction of pct) or in unit.
func number(s string, pct float64, unit string) (float64, error) {
	scale := 1.0
	switch {
	case strings.HasSuffix(s, "%"):
		s, scale = s[:len(s)-1], pct/100
	case unit != "" && strings.HasSuffix(s, unit):
		s = s[:len(s)-len(unit)]
	}
	if s == "" || strings.ContainsAny(s, "eEnNiIxX_") { // no exponents, NaN, Inf, hex
		return 0, fmt.Errorf("%q is not a plain number", s)
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, fmt.Errorf("%q is not a plain number", s)
	}
	return v * scale, nil
}

func alpha(args []string) (float64, error) {
	if len(args) < 4 {
		return 1, nil
	}
	a, err := number(args[3], 1, "")
	if err != nil {
		return 0, err
	}
	return clamp(a, 0, 1), nil
}

func parseRGB(args []string) (RGBA, error) {
	var ch [3]uint8
	for i := range 3 {
		v, err := number(args[i], 255, "")
		if err != nil {
			return RGBA{}, err
		}
		ch[i] = uint8(math.Round(clamp(v, 0, 255) + 1e-9))
	}
	a, err := alpha(args)
	if err != nil {
		return RGBA{}, err
	}
	return RGBA{ch[0], ch[1], ch[2], a}, nil
}

func parseHSL(args []string) (RGBA, error) {
	h, err := number(args[0], 0, "deg")
	if err != nil || strings.HasSuffix(args[0], "%") {
		return RGBA{}, fmt.Errorf("%q is not a hue in degrees", args[0])
	}
	s, err := number(args[1], 1, "")
	if err != nil {
		return RGBA{}, err
	}
	l, err := number(args[2], 1, "")
	if err != nil {
		return RGBA{}, err
	}
	if !strings.HasSuffix(args[1], "%") {
		s /= 100 // CSS Color 4 allows bare numbers, meaning percent
	}
	if !strings.HasSuffix(args[2], "%") {
		l /= 100
	}
	a, err := alpha(args)
	if err != nil {
		return RGBA{}, err
	}
	s, l = clamp(s, 0, 1), clamp(l, 0, 1)
	h = math.Mod(math.Mod(h, 360)+360, 360)
	f := func(n float64) uint8 {
		k := math.Mod(n+h/30, 12)
		v := l - s*math.Min(l, 1-l)*math.Max(-1, math.Min(math.Min(k-3, 9-k), 1))
		return uint8(math.Round(v * 255))
	}
	return RGBA{f(0), f(8), f(4), a}, nil
}

func clamp(v, lo, hi float64) float64 { return math.Max(lo, math.Min(hi, v)) }

// Over composites c over an opaque background.
func (c RGBA) Over(bg RGBA) RGBA {
	if c.Opaque() {
		return c
	}
	m := func(a, b uint8) uint8 { return uint8(math.Round(float64(a)*c.A + float64(b)*(1-c.A))) }
	return RGBA{m(c.R, bg.R), m(c.G, bg.G), m(c.B, bg.B), 1}
}

// Mix returns c moved toward o by t (0: c, 1: o), ignoring alpha.
func (c RGBA) Mix(o RGBA, t float64) RGBA {
	m := func(a, b uint8) uint8 { return uint8(math.Round(float64(a) + (float64(b)-float64(a))*t)) }
	return RGBA{m(c.R, o.R), m(c.G, o.G), m(c.B, o.B), 1}
}

// Luminance is the relative luminance of WCAG 2 (alpha ignored).
func (c RGBA) Luminance() float64 {
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}

// Contrast is the WCAG 2 contrast ratio of fg over an opaque bg, from 1 to
// 21. A translucent fg is composited over bg first.
func Contrast(fg, bg RGBA) float64 {
	a, b := fg.Over(bg).Luminance(), bg.Luminance()
	if a < b {
		a, b = b, a
	}
	return (a + 0.05) / (b + 0.05)
}

// Black and White are the ends every colour can be moved toward.
var (
	Black = RGBA{0, 0, 0, 1}
	White = RGBA{255, 255, 255, 1}
)
