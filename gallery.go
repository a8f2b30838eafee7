package errorpage

import (
	"bytes"
	"html"
	"net/http"
	"time"

	"github.com/a-h/templ"

	"github.com/errorpage/errorpage/internal/gallery"
	"github.com/errorpage/errorpage/internal/theme"
)

// galleryStyle is one theme in one forced colour scheme.
type galleryStyle struct {
	css, hash string
}

// Gallery returns an [http.Handler] showing every page in every built-in
// theme and language, light or dark, with sample data (a request ID, a
// reference, a retry time): for designers and translators to review the
// pages without breaking anything. It uses m's brand, languages and custom
// pages ([Options.Pages], [Options.Fallback], the maintenance page); the
// theme m was built with is selected first.
//
// Mount it anywhere, such as mux.Handle("/gallery", m.Gallery()): its
// links are relative query strings. Query parameters: theme, lang (a tag),
// scheme ("light", "dark" or "auto", which follows the browser), view
// ("desktop" or "phone", the frame width), by ("status", the default;
// "lang": one status in every language; "theme": one status in every
// theme) and status (a code, or "maintenance"), which, with page=1,
// renders that page alone. The brand colours accent, background, text,
// dark-accent, dark-background and dark-text (CSS colours, as [Brand]
// takes them) replace m's on every page shown, so a designer can try a
// palette without writing code; colours New would refuse (too little
// contrast, not a colour) are dropped with a message saying why. The
// index has a form setting all of these.
//
// Pages are served with status 200, so that a middleware around the
// gallery does not replace them, and may be framed only by the site
// itself (frame-ancestors 'self'). Do not expose the gallery on a public
// production server: it is harmless but of no use to visitors.
func (m *Middleware) Gallery() http.Handler {
	rd := m.render
	styles := map[string]galleryStyle{}
	// The middleware's own theme first, then the other built-in ones with
	// the same brand.
	themes := []theme.Theme{rd.cfg.look.theme}
	for _, t := range theme.Builtin() {
		if t.Name != rd.cfg.look.theme.Name {
			if bt, err := brandTheme(t, rd.cfg.look.src); err == nil {
				themes = append(themes, bt)
			}
		}
	}
	for _, t := range themes {
		for _, s := range []string{"auto", "light", "dark"} {
			css := t.SchemeCSS(s)
			styles[t.Name+"/"+s] = galleryStyle{css: css, hash: cspHash(css)}
		}
	}
	langs := make([]string, len(rd.langs.texts))
	for i, t := range rd.langs.texts {
		langs[i] = t.Tag
	}
	src := rd.cfg.look.src
	return &gallery.Handler{
		Themes:   themes,
		Langs:    langs,
		StyleSrc: cspHash(gallery.Stylesheet),
		CheckColors: func(c gallery.Colors) error {
			_, err := brandTheme(theme.Default, withColors(src, c))
			return err
		},
		Render: func(r *http.Request, buf *bytes.Buffer, p gallery.Page) string {
			style := styles[p.Theme+"/"+p.Scheme]
			if p.Colors != (gallery.Colors{}) {
				// Colours typed into the form: this theme with the brand
				// they make, worked out for this page alone.
				t, _ := theme.ByName(p.Theme)
				if bt, err := brandTheme(t, withColors(src, p.Colors)); err == nil {
					css := bt.SchemeCSS(p.Scheme)
					style = galleryStyle{css: css, hash: cspHash(css)}
				}
			}
			return rd.galleryPage(r, buf, p, style)
		},
	}
}

// withColors returns b with the colours given in c instead of its own.
func withColors(b Brand, c gallery.Colors) Brand {
	for _, f := range []struct {
		v   string
		dst *string
	}{
		{c.Accent, &b.Accent}, {c.Background, &b.Background}, {c.Text, &b.Text},
		{c.DarkAccent, &b.DarkAccent}, {c.DarkBackground, &b.DarkBackground}, {c.DarkText, &b.DarkText},
	} {
		if f.v != "" {
			*f.dst = f.v
		}
	}
	return b
}

// galleryPage renders one page of the gallery with sample data, styled
// with style instead of the middleware's stylesheet, and returns its CSP.
func (rd *renderer) galleryPage(r *http.Request, buf *bytes.Buffer, p gallery.Page, style galleryStyle) string {
	now := time.Now()
	d := &pageData{
		status: p.Status, maintenance: p.Status == 0, lang: p.Lang, url: r.URL,
		requestID: "4bf92f3577b34da6a3ce929d0e0e4736", reference: "evt_2b7c91e0",
	}
	if d.maintenance {
		d.status = http.StatusServiceUnavailable
		d.retry = rd.langs.backBy(p.Lang, now.Add(45*time.Minute).Truncate(5*time.Minute), now)
	} else if d.status == http.StatusServiceUnavailable || d.status == http.StatusTooManyRequests {
		d.retry = rd.langs.retryIn(p.Lang, 30*time.Second)
	}
	model := rd.model(d, d.slotStrings())
	model.CSS = style.css
	model.Theme = p.Theme
	page := builtinPage(d)
	if custom := rd.customPage(d); custom != nil {
		page = custom
	}
	nonce := newNonce()
	if err := renderSafely(templ.WithNonce(r.Context(), nonce), buf, page, model); err != nil {
		buf.Reset()
		buf.WriteString("<!DOCTYPE html><title>Page failed</title><p>" + html.EscapeString(err.Error()))
	}
	return rd.pageCSP(style.hash, nonce, "'self'")
}
