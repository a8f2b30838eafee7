package errorpage

import (
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/errorpage/errorpage/internal/gallery"
	"github.com/errorpage/errorpage/internal/theme"
	"github.com/errorpage/errorpage/pages"
)

var iframeRE = regexp.MustCompile(`<iframe src="([^"]+)"`)

func TestGalleryIndexLinksEveryPage(t *testing.T) {
	m, _ := newTestMiddleware(t, Options{Theme: "mono", Brand: Brand{Name: "Acme"}})
	res, body := do(t, m.Gallery(), "GET", "/gallery")
	require.Equal(t, http.StatusOK, res.StatusCode)
	assertCSPMatchesStyle(t, res.Header.Get("Content-Security-Policy"), body)
	frames := iframeRE.FindAllStringSubmatch(body, -1)
	assert.Len(t, frames, len(gallery.Statuses), "one frame per page")
	assert.Contains(t, body, `aria-current="page">mono<`, "the middleware's theme is selected first")
	for _, th := range theme.Builtin() {
		assert.Contains(t, body, ">"+th.Name+"</a>")
	}
	for _, l := range pages.Languages() {
		assert.Contains(t, body, ">"+l.Tag+"</a>")
	}

	_, body = do(t, m.Gallery(), "GET", "/gallery?by=lang&status=503")
	assert.Len(t, iframeRE.FindAllStringSubmatch(body, -1), len(pages.Languages()), "one frame per language")
}

func TestGalleryRendersEachPage(t *testing.T) {
	m, _ := newTestMiddleware(t, Options{Brand: Brand{Name: "Acme", Accent: "#e4572e"}})
	tests := []struct {
		name, query string
		want        []string
	}{
		{"default", "?page=1&status=502", []string{`data-status="502"`, "Acme", "--ep-accent:#e4572e", "prefers-color-scheme:dark", "4bf92f3577b34da6a3ce929d0e0e4736"}},
		{"forced dark", "?page=1&status=500&theme=terminal&scheme=dark", []string{"color-scheme:dark;", "--ep-bg:" + theme.Terminal.Dark["bg"]}},
		{"forced light", "?page=1&status=500&theme=mono&scheme=light", []string{"color-scheme:light;", "--ep-bg:" + theme.Mono.Light["bg"]}},
		{"japanese", "?page=1&status=503&lang=ja", []string{`lang="ja"`, "ただいまサービスをご利用いただけません", "30秒"}},
		{"maintenance", "?page=1&status=maintenance&lang=de", []string{`lang="de"`, pages.Languages()[1].Maintenance.Title}},
		{"a client error", "?page=1&status=404&lang=fr", []string{`data-status="404"`, "Page introuvable"}},
		{"a rate limit says when", "?page=1&status=429", []string{`data-status="429"`, "Too many requests", "about 30 seconds"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, body := do(t, m.Gallery(), "GET", "/gallery"+tc.query)
			require.Equal(t, http.StatusOK, res.StatusCode, "served as 200")
			for _, w := range tc.want {
				assert.Contains(t, body, w)
			}
			csp := res.Header.Get("Content-Security-Policy")
			assert.Contains(t, csp, "frame-ancestors 'self'")
			styles := styleRE.FindAllStringSubmatch(body, -1)
			require.Len(t, styles, 1)
			assert.Contains(t, csp, cspHash(styles[0][1]))
			if strings.Contains(tc.query, "scheme=") {
				assert.NotContains(t, body, "prefers-color-scheme:dark")
			}
		})
	}
}

func TestGalleryThroughTheMiddleware(t *testing.T) {
	// Mounted behind the middleware itself, as in the demo: pages are 200s,
	// so nothing is replaced.
	m, _ := newTestMiddleware(t, Options{})
	mux := http.NewServeMux()
	mux.Handle("/gallery", m.Gallery())
	res, body := do(t, m.Handler(mux), "GET", "/gallery?page=1&status=500")
	assert.Equal(t, http.StatusOK, res.StatusCode)
	assert.Contains(t, body, `data-status="500"`)
}

// TestGallery_Response checks what the gallery sends besides its pages: a
// HEAD without a body, other methods refused, the index's policy allowing
// its stylesheet and frames from the site only, and a page's language.
func TestGallery_Response(t *testing.T) {
	m, _ := newTestMiddleware(t, Options{})
	g := m.Gallery()

	res, body := do(t, g, "GET", "/gallery?lang=de")
	require.Equal(t, http.StatusOK, res.StatusCode)
	assert.Equal(t, "default-src 'none'; style-src "+cspHash(gallery.Stylesheet)+
		"; frame-src 'self'; img-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'",
		res.Header.Get("Content-Security-Policy"))
	assert.Equal(t, "no-store", res.Header.Get("Cache-Control"))
	assert.Equal(t, "noindex", res.Header.Get("X-Robots-Tag"))
	assert.Empty(t, res.Header.Get("Content-Language"), "the index is in English whatever it shows")
	assert.Contains(t, body, `<a href="?lang=de&amp;scheme=auto&amp;theme=default" aria-current="page">de</a>`)
	assert.Contains(t, body, `<iframe src="?lang=de&amp;page=1&amp;scheme=auto&amp;status=maintenance&amp;theme=default" title="Maintenance"`)

	// A recorder, not a server: net/http would drop a HEAD's body itself.
	_, getBody := do(t, g, "GET", "/gallery?page=1&status=504&lang=de")
	rec := httptest.NewRecorder()
	g.ServeHTTP(rec, httptest.NewRequest("HEAD", "/gallery?page=1&status=504&lang=de", nil))
	assert.Equal(t, http.StatusOK, rec.Code)
	assert.Zero(t, rec.Body.Len(), "HEAD: got a body, want none")
	assert.Equal(t, strconv.Itoa(len(getBody)), rec.Header().Get("Content-Length"), "HEAD: the length of the GET's body")
	assert.Equal(t, "de", rec.Header().Get("Content-Language"))

	res, _ = do(t, g, "POST", "/gallery")
	assert.Equal(t, http.StatusMethodNotAllowed, res.StatusCode)
	assert.Equal(t, "GET, HEAD", res.Header.Get("Allow"))
}

// TestGallery_EveryTheme shows one status in every theme, so a designer
// compares the looks side by side.
func TestGallery_EveryTheme(t *testing.T) {
	m, _ := newTestMiddleware(t, Options{})
	_, body := do(t, m.Gallery(), "GET", "/gallery?by=theme&status=504&lang=de")
	frames := iframeRE.FindAllStringSubmatch(body, -1)
	require.Len(t, frames, len(theme.Builtin()), "one frame per theme")
	for i, th := range theme.Builtin() {
		assert.Contains(t, frames[i][1], "theme="+th.Name)
		assert.Contains(t, frames[i][1], "status=504")
		assert.Contains(t, frames[i][1], "lang=de")
	}
}

// TestGallery_ColoursFromTheForm checks that a designer can try brand
// colours without code: the index has a GET form with every choice and a
// field per colour, the colours reach every frame's link and the page's
// stylesheet (with the contrast New would work out), and colours New
// would refuse are dropped with a message.
func TestGallery_ColoursFromTheForm(t *testing.T) {
	m, _ := newTestMiddleware(t, Options{Brand: Brand{Name: "Acme"}})
	g := m.Gallery()

	res, body := do(t, g, "GET", "/gallery?theme=glass&accent=%23e4572e&dark-background=%23002b36")
	assertCSPMatchesStyle(t, res.Header.Get("Content-Security-Policy"), body)
	assert.Contains(t, res.Header.Get("Content-Security-Policy"), "form-action 'self'", "the form may be sent")
	assert.Contains(t, body, `<form method="get"`)
	for _, name := range []string{"by", "theme", "scheme", "view", "lang", "accent", "background", "text", "dark-accent", "dark-background", "dark-text"} {
		assert.Regexp(t, `<(select|input) name="`+name+`"`, body, "the form sets %s", name)
	}
	assert.Contains(t, body, `name="accent" value="#e4572e"`, "the form shows the colour typed")
	assert.Contains(t, body, `<option value="glass" selected>`)
	frames := iframeRE.FindAllStringSubmatch(body, -1)
	require.NotEmpty(t, frames)
	for _, f := range frames {
		assert.Contains(t, f[1], "accent=%23e4572e", "every frame gets the colours")
	}

	want, err := brandTheme(theme.Glass, Brand{Accent: "#e4572e", DarkBackground: "#002b36"})
	require.NoError(t, err)
	res, body = do(t, g, "GET", "/gallery?page=1&status=503&theme=glass&scheme=dark&accent=%23e4572e&dark-background=%23002b36")
	assert.Contains(t, body, "--ep-bg:#002b36;")
	assert.Contains(t, body, "--ep-accent-text:"+want.Dark["accent-text"]+";", "the accent as text keeps its contrast")
	styles := styleRE.FindAllStringSubmatch(body, -1)
	require.Len(t, styles, 1)
	assert.Contains(t, res.Header.Get("Content-Security-Policy"), cspHash(styles[0][1]), "the CSP allows the recoloured stylesheet")

	for _, bad := range []string{"background=%23777777&text=%23888888", "accent=url(x)", "accent=" + strings.Repeat("a", 65)} {
		_, body = do(t, g, "GET", "/gallery?"+bad)
		assert.Contains(t, body, `role="alert"`, "%s: the index says the colours were dropped", bad)
		for _, f := range iframeRE.FindAllStringSubmatch(body, -1) {
			assert.NotRegexp(t, `accent=|background=`, f[1], "%s: dropped colours stay out of the frames", bad)
		}
		_, body = do(t, g, "GET", "/gallery?page=1&status=500&"+bad)
		assert.NotContains(t, body, "url(x)")
		assert.NotContains(t, body, "#777777")
	}
}
