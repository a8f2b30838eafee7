package errorpage

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/errorpage/errorpage/internal/theme"
)

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
			assertCSPMatchesStyle(t, res.Header.Get("Content-Security-Policy"), body)
		})
	}
}
