package gallery

import (
	"bytes"
	"context"
	"html"
	"net/http"
	"net/url"
	"slices"
	"strconv"

	"github.com/errorpage/errorpage/internal/theme"
)

// Statuses are the pages the gallery shows, in order; 0 is the maintenance
// page. The client errors come last: they are shown only where the
// middleware replaces them, but translators review them all the same.
var Statuses = []int{
	500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511, 599, 0,
	400, 401, 403, 404, 405, 406, 408, 409, 410, 413, 414, 415, 421, 422, 429, 431, 451, 499,
}

// Page is one page the gallery shows.
type Page struct {
	// Theme is the name of one of [Handler.Themes].
	Theme string
	// Scheme is the colour scheme: "light" or "dark" to force one, "auto"
	// to follow the browser.
	Scheme string
	// Lang is an index into [Handler.Langs].
	Lang int
	// Status is the page's status, 400 to 599, or 0 for the maintenance
	// page.
	Status int
}

// Handler serves the gallery. Every field must be set.
type Handler struct {
	// Themes are the themes to show, the one selected first.
	Themes []theme.Theme
	// Langs are the tags of the languages to show, the one selected
	// first.
	Langs []string
	// Render writes page p into buf, with sample data, and returns its
	// Content-Security-Policy, which must allow framing by 'self'. It
	// cannot fail: a page that fails is an error message in buf.
	Render func(r *http.Request, buf *bytes.Buffer, p Page) (csp string)
	// StyleSrc is the CSP source allowing the index's stylesheet,
	// [Stylesheet], by its hash: 'sha256-...'.
	StyleSrc string
}

// query is a request to the gallery, with defaults filled in.
type query struct {
	Page
	view string // "desktop" or "phone"
	by   string // "status": every page; "lang": one status in every language
	page bool   // the page alone, not the index
}

func (h *Handler) parse(q url.Values) query {
	gq := query{Page: Page{Theme: h.Themes[0].Name, Scheme: "auto", Status: 500}, view: "desktop", by: "status"}
	if t := q.Get("theme"); slices.ContainsFunc(h.Themes, func(th theme.Theme) bool { return th.Name == t }) {
		gq.Theme = t
	}
	if s := q.Get("scheme"); s == "light" || s == "dark" {
		gq.Scheme = s
	}
	if v := q.Get("view"); v == "phone" {
		gq.view = v
	}
	if b := q.Get("by"); b == "lang" {
		gq.by = b
	}
	if i := slices.Index(h.Langs, q.Get("lang")); i >= 0 {
		gq.Lang = i
	}
	if s := q.Get("status"); s == "maintenance" {
		gq.Status = 0
	} else if n, err := strconv.Atoi(s); err == nil && n >= 400 && n <= 599 {
		gq.Status = n
	}
	gq.page = q.Get("page") == "1"
	return gq
}

// ServeHTTP serves the index, or with page=1 one page alone, with status
// 200 so that a middleware around the gallery does not replace it.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	q := h.parse(r.URL.Query())
	var buf bytes.Buffer
	var csp string
	if q.page {
		csp = h.Render(r, &buf, q.Page)
	} else {
		// The index is rendered into a buffer that is sent only once
		// complete, so it need not stop when the client goes away.
		if err := indexPage(h.index(q)).Render(context.WithoutCancel(r.Context()), &buf); err != nil {
			buf.Reset()
			buf.WriteString("gallery: " + html.EscapeString(err.Error()))
		}
		csp = "default-src 'none'; style-src " + h.StyleSrc +
			"; frame-src 'self'; img-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'"
	}
	hd := w.Header()
	hd.Set("Content-Type", "text/html; charset=utf-8")
	hd.Set("Content-Security-Policy", csp)
	hd.Set("Cache-Control", "no-store")
	hd.Set("X-Content-Type-Options", "nosniff")
	hd.Set("X-Robots-Tag", "noindex")
	hd.Set("Content-Length", strconv.Itoa(buf.Len()))
	if q.page {
		hd.Set("Content-Language", h.Langs[q.Lang])
	}
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		_, _ = w.Write(buf.Bytes())
	}
}

// link is the relative URL of the gallery showing q.
func (h *Handler) link(q query) string {
	v := url.Values{}
	v.Set("theme", q.Theme)
	v.Set("scheme", q.Scheme)
	v.Set("lang", h.Langs[q.Lang])
	if q.view != "desktop" {
		v.Set("view", q.view)
	}
	if q.by != "status" {
		v.Set("by", q.by)
	}
	if q.page || q.by == "lang" {
		v.Set("status", statusParam(q.Status))
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

// statusLabel names a page in a frame's caption: "503 Service
// Unavailable", "599 Server Error", "499 Client Error", "Maintenance".
func statusLabel(s int) string {
	if s == 0 {
		return "Maintenance"
	}
	p := http.StatusText(s)
	switch {
	case p != "":
	case s < 500:
		p = "Client Error"
	default:
		p = "Server Error"
	}
	return strconv.Itoa(s) + " " + p
}

// index is the view model of the index page.
type index struct {
	// Description is the selected theme's.
	Description string
	// Nav are the rows of links choosing what the index shows.
	Nav []navRow
	// Phone shows the frames at a phone's width.
	Phone  bool
	Frames []frame
}

// navRow is one row of links choosing one thing, the current one marked.
type navRow struct {
	Label string
	Links []link
}

type link struct {
	Label, Href string
	Current     bool
}

// frame is one page in the index.
type frame struct {
	Title, Src string
}

// index builds the index page showing q.
func (h *Handler) index(q query) index {
	x := index{Phone: q.view == "phone"}
	themes := navRow{Label: "Theme"}
	for _, t := range h.Themes {
		o := q
		o.Theme = t.Name
		themes.Links = append(themes.Links, link{t.Name, h.link(o), t.Name == q.Theme})
		if t.Name == q.Theme {
			x.Description = t.Description
		}
	}
	schemes := navRow{Label: "Scheme"}
	for _, s := range []string{"auto", "light", "dark"} {
		o := q
		o.Scheme = s
		schemes.Links = append(schemes.Links, link{s, h.link(o), s == q.Scheme})
	}
	views := navRow{Label: "View"}
	for _, v := range []string{"desktop", "phone"} {
		o := q
		o.view = v
		views.Links = append(views.Links, link{v, h.link(o), v == q.view})
	}
	groups := navRow{Label: "Show"}
	for _, b := range []struct{ by, label string }{{"status", "every page"}, {"lang", "every language"}} {
		o := q
		o.by = b.by
		groups.Links = append(groups.Links, link{b.label, h.link(o), b.by == q.by})
	}
	x.Nav = []navRow{themes, schemes, views, groups}
	if q.by == "lang" {
		// One status in every language: the last row chooses the status.
		statuses := navRow{Label: "Status"}
		for _, s := range Statuses {
			o := q
			o.Status = s
			statuses.Links = append(statuses.Links, link{statusParam(s), h.link(o), s == q.Status})
		}
		x.Nav = append(x.Nav, statuses)
		for i, tag := range h.Langs {
			o := q
			o.Lang, o.page = i, true
			x.Frames = append(x.Frames, frame{tag + " · " + statusLabel(q.Status), h.link(o)})
		}
		return x
	}
	// Every page in one language: the last row chooses the language.
	langs := navRow{Label: "Language"}
	for i, tag := range h.Langs {
		o := q
		o.Lang = i
		langs.Links = append(langs.Links, link{tag, h.link(o), i == q.Lang})
	}
	x.Nav = append(x.Nav, langs)
	for _, s := range Statuses {
		o := q
		o.Status, o.page = s, true
		x.Frames = append(x.Frames, frame{statusLabel(s), h.link(o)})
	}
	return x
}
