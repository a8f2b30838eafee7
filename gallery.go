package errorpage

import (
	"bytes"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"time"

	"github.com/a-h/templ"

	"github.com/errorpage/errorpage/pages"
)

// galleryStatuses are the pages the gallery shows, in order; 0 is the
// maintenance page.
var galleryStatuses = []int{500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511, 599, 0}

// galleryStyle is one theme in one forced colour scheme.
type galleryStyle struct {
	css, hash string
}

// gallery is the handler Gallery returns.
type gallery struct {
	rd     *renderer
	themes []pages.Theme
	styles map[string]galleryStyle // theme name + "/" + scheme
}

// Gallery returns a handler showing every page in every built-in theme and
// language, light or dark, with sample data (a request ID, a reference, a
// retry time): for designers and translators to review the pages without
// breaking anything. It uses m's brand, languages and custom pages; the
// theme m was built with is selected first.
//
// Mount it anywhere, such as mux.Handle("/gallery", m.Gallery()): its
// links are relative query strings. Query parameters: theme, lang (a tag),
// scheme ("light", "dark" or "auto", which follows the browser), view
// ("desktop" or "phone", the frame width), by ("status", the default, or
// "lang": one status in every language) and status (a code, or
// "maintenance"), which, with page=1, renders that page alone.
//
// Pages are served with status 200, so that a middleware around the
// gallery does not replace them. Do not expose the gallery on a public
// production server: it is harmless but of no use to visitors.
func (m *Middleware) Gallery() http.Handler {
	g := &gallery{rd: m.render, styles: map[string]galleryStyle{}}
	// The middleware's own theme first, then the other built-in ones.
	g.themes = append(g.themes, m.render.cfg.look.theme)
	for _, t := range pages.Themes() {
		if t.Name != m.render.cfg.look.theme.Name {
			if bt, err := brandTheme(t, m.render.cfg.look.src); err == nil {
				g.themes = append(g.themes, bt)
			}
		}
	}
	for _, t := range g.themes {
		for _, s := range []string{"auto", "light", "dark"} {
			css := t.SchemeCSS(s)
			g.styles[t.Name+"/"+s] = galleryStyle{css: css, hash: cspHash(css)}
		}
	}
	return g
}

// galleryQuery is a request to the gallery, with defaults filled in.
type galleryQuery struct {
	theme, scheme, view, by string
	lang                    int
	status                  int // 0: maintenance
	page                    bool
}

func (g *gallery) parse(q url.Values) galleryQuery {
	gq := galleryQuery{theme: g.themes[0].Name, scheme: "auto", view: "desktop", by: "status", status: 500}
	if t := q.Get("theme"); slices.ContainsFunc(g.themes, func(th pages.Theme) bool { return th.Name == t }) {
		gq.theme = t
	}
	if s := q.Get("scheme"); s == "light" || s == "dark" {
		gq.scheme = s
	}
	if v := q.Get("view"); v == "phone" {
		gq.view = v
	}
	if b := q.Get("by"); b == "lang" {
		gq.by = b
	}
	for i, t := range g.rd.langs.texts {
		if t.Tag == q.Get("lang") {
			gq.lang = i
		}
	}
	if s := q.Get("status"); s == "maintenance" {
		gq.status = 0
	} else if n, err := strconv.Atoi(s); err == nil && n >= 500 && n <= 599 {
		gq.status = n
	}
	gq.page = q.Get("page") == "1"
	return gq
}

func (g *gallery) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	q := g.parse(r.URL.Query())
	var buf bytes.Buffer
	var csp string
	if q.page {
		csp = g.renderPage(r, &buf, q)
	} else {
		csp = g.renderIndex(&buf, q)
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Security-Policy", csp)
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Robots-Tag", "noindex")
	h.Set("Content-Length", strconv.Itoa(buf.Len()))
	if q.page {
		h.Set("Content-Language", g.rd.langs.texts[q.lang].Tag)
	}
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		_, _ = w.Write(buf.Bytes())
	}
}

// renderPage renders one error page with sample data and returns its CSP.
func (g *gallery) renderPage(r *http.Request, buf *bytes.Buffer, q galleryQuery) string {
	rd := g.rd
	now := time.Now()
	d := &pageData{
		status: q.status, maintenance: q.status == 0, lang: q.lang, path: r.URL.Path,
		requestID: "4bf92f3577b34da6a3ce929d0e0e4736", reference: "evt_2b7c91e0",
	}
	if d.maintenance {
		d.status = http.StatusServiceUnavailable
		d.retry = rd.langs.backBy(q.lang, now.Add(45*time.Minute).Truncate(5*time.Minute), now)
	} else if d.status == http.StatusServiceUnavailable {
		d.retry = rd.langs.retryIn(q.lang, 30*time.Second)
	}
	style := g.styles[q.theme+"/"+q.scheme]
	model := rd.model(d, [numSlots]string{}, false)
	model.CSS = style.css
	model.Theme = q.theme
	page := builtinPage(d)
	if p := rd.customPage(d); p != nil {
		page = p
	}
	nonce := newNonce()
	if err := renderSafely(templ.WithNonce(r.Context(), nonce), buf, page, model); err != nil {
		buf.Reset()
		buf.WriteString("<!DOCTYPE html><title>Page failed</title><p>" + template.HTMLEscapeString(err.Error()))
	}
	return rd.pageCSP(style.hash, nonce, "'self'")
}

type galleryLink struct {
	Label, Href string
	Current     bool
}

type galleryFrame struct {
	Title, Src string
}

type galleryIndex struct {
	Style                                 template.CSS
	Themes, Schemes, Views, Langs, Groups []galleryLink
	Statuses                              []galleryLink // only when grouped by language
	Frames                                []galleryFrame
	Phone                                 bool
	Description                           string
}

func (g *gallery) link(q galleryQuery) string {
	v := url.Values{}
	v.Set("theme", q.theme)
	v.Set("scheme", q.scheme)
	v.Set("lang", g.rd.langs.texts[q.lang].Tag)
	if q.view != "desktop" {
		v.Set("view", q.view)
	}
	if q.by != "status" {
		v.Set("by", q.by)
	}
	if q.page || q.by == "lang" {
		v.Set("status", statusParam(q.status))
	}
	if q.page {
		v.Set("page", "1")
	}
	return "?" + v.Encode()
}

func statusParam(s int) string {
	if s == 0 {
		return "maintenance"
	}
	return strconv.Itoa(s)
}

func (g *gallery) statusLabel(s int) string {
	if s == 0 {
		return "Maintenance"
	}
	return strconv.Itoa(s) + " " + phrase(s)
}

func (g *gallery) renderIndex(buf *bytes.Buffer, q galleryQuery) string {
	idx := galleryIndex{Style: template.CSS(galleryCSS), Phone: q.view == "phone"}
	for _, t := range g.themes {
		o := q
		o.theme = t.Name
		idx.Themes = append(idx.Themes, galleryLink{t.Name, g.link(o), t.Name == q.theme})
		if t.Name == q.theme {
			idx.Description = t.Description
		}
	}
	for _, s := range []string{"auto", "light", "dark"} {
		o := q
		o.scheme = s
		idx.Schemes = append(idx.Schemes, galleryLink{s, g.link(o), s == q.scheme})
	}
	for _, v := range []string{"desktop", "phone"} {
		o := q
		o.view = v
		idx.Views = append(idx.Views, galleryLink{v, g.link(o), v == q.view})
	}
	for _, b := range []struct{ by, label string }{{"status", "every page"}, {"lang", "every language"}} {
		o := q
		o.by = b.by
		idx.Groups = append(idx.Groups, galleryLink{b.label, g.link(o), b.by == q.by})
	}
	for i, t := range g.rd.langs.texts {
		o := q
		o.lang = i
		idx.Langs = append(idx.Langs, galleryLink{t.Tag, g.link(o), i == q.lang})
	}
	if q.by == "lang" {
		for _, s := range galleryStatuses {
			o := q
			o.status = s
			idx.Statuses = append(idx.Statuses, galleryLink{statusParam(s), g.link(o), s == q.status})
		}
		for i, t := range g.rd.langs.texts {
			o := q
			o.lang, o.page = i, true
			idx.Frames = append(idx.Frames, galleryFrame{t.Tag + " · " + g.statusLabel(q.status), g.link(o)})
		}
	} else {
		for _, s := range galleryStatuses {
			o := q
			o.status, o.page = s, true
			idx.Frames = append(idx.Frames, galleryFrame{g.statusLabel(s), g.link(o)})
		}
	}
	if err := galleryTemplate.Execute(buf, idx); err != nil {
		buf.Reset()
		buf.WriteString("gallery: " + template.HTMLEscapeString(err.Error()))
	}
	return "default-src 'none'; style-src " + cspHash(galleryCSS) + "; frame-src 'self'; img-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'"
}

const galleryCSS = `*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#eef0f3;color:#1c2330}
header{position:sticky;top:0;z-index:1;background:#fff;border-bottom:1px solid #d5dae1;padding:1rem 1.5rem}
h1{font-size:1.15rem;margin:0 0 .25rem}
header p{margin:0 0 .75rem;color:#4d5766}
nav{display:flex;flex-wrap:wrap;gap:.35rem 1.5rem}
nav div{display:flex;flex-wrap:wrap;align-items:center;gap:.3rem}
nav b{font-size:.8rem;text-transform:uppercase;letter-spacing:.06em;color:#4d5766;margin-inline-end:.2rem}
nav a{padding:.15rem .55rem;border:1px solid #d5dae1;border-radius:999px;color:#1c2330;text-decoration:none;font-size:.875rem}
nav a[aria-current]{background:#1c2330;border-color:#1c2330;color:#fff}
main{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,34rem),1fr));gap:1.25rem;padding:1.5rem}
main.phone{grid-template-columns:repeat(auto-fill,392px);justify-content:center}
figure{margin:0;background:#fff;border:1px solid #d5dae1;border-radius:10px;overflow:hidden}
figcaption{display:flex;justify-content:space-between;gap:1rem;padding:.5rem .85rem;border-bottom:1px solid #d5dae1;font-weight:600;font-size:.9rem}
figcaption a{font-weight:400;color:#1f4fc4}
iframe{display:block;width:100%;height:40rem;border:0}
main.phone iframe{width:390px;height:844px}
`

var galleryTemplate = template.Must(template.New("gallery").Parse(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>errorpage gallery</title><style>{{.Style}}</style></head>
<body><header><h1>errorpage gallery</h1><p>{{.Description}} Sample data; the pages are served with status 200.</p>
<nav>
<div><b>Theme</b>{{range .Themes}}<a href="{{.Href}}"{{if .Current}} aria-current="page"{{end}}>{{.Label}}</a>{{end}}</div>
<div><b>Scheme</b>{{range .Schemes}}<a href="{{.Href}}"{{if .Current}} aria-current="page"{{end}}>{{.Label}}</a>{{end}}</div>
<div><b>View</b>{{range .Views}}<a href="{{.Href}}"{{if .Current}} aria-current="page"{{end}}>{{.Label}}</a>{{end}}</div>
<div><b>Show</b>{{range .Groups}}<a href="{{.Href}}"{{if .Current}} aria-current="page"{{end}}>{{.Label}}</a>{{end}}</div>
{{if .Statuses}}<div><b>Status</b>{{range .Statuses}}<a href="{{.Href}}"{{if .Current}} aria-current="page"{{end}}>{{.Label}}</a>{{end}}</div>
{{else}}<div><b>Language</b>{{range .Langs}}<a href="{{.Href}}"{{if .Current}} aria-current="page"{{end}}>{{.Label}}</a>{{end}}</div>{{end}}
</nav></header>
<main{{if .Phone}} class="phone"{{end}}>{{range .Frames}}
<figure><figcaption><span>{{.Title}}</span><a href="{{.Src}}" target="_blank">open</a></figcaption><iframe src="{{.Src}}" title="{{.Title}}" loading="lazy"></iframe></figure>{{end}}
</main></body></html>
`))
