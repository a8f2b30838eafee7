package gallery

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

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
	// Colors are the brand colours the designer typed into the gallery's
	// form, over the middleware's; empty fields keep them.
	Colors Colors
}

// Colors are brand colours to try, as CSS colours: the fields of the
// middleware's Brand of the same names.
type Colors struct {
	Accent, Background, Text, DarkAccent, DarkBackground, DarkText string
}

// colorParams are the query parameters of Colors, in the form's order.
var colorParams = []struct {
	name, label string
	field       func(*Colors) *string
}{
	{"accent", "Accent", func(c *Colors) *string { return &c.Accent }},
	{"background", "Background", func(c *Colors) *string { return &c.Background }},
	{"text", "Text", func(c *Colors) *string { return &c.Text }},
	{"dark-accent", "Dark accent", func(c *Colors) *string { return &c.DarkAccent }},
	{"dark-background", "Dark background", func(c *Colors) *string { return &c.DarkBackground }},
	{"dark-text", "Dark text", func(c *Colors) *string { return &c.DarkText }},
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
	// CheckColors says what is wrong with colours typed into the form,
	// or returns nil. Render is called only with colours it accepts.
	CheckColors func(Colors) error
}

// query is a request to the gallery, with defaults filled in.
type query struct {
	Page
	view string // "desktop" or "phone"
	by   string // "status": every page; "lang": one status in every language; "theme": in every theme
	page bool   // the page alone, not the index
	bad  error  // what is wrong with the colours asked for, which are then dropped
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
	if b := q.Get("by"); b == "lang" || b == "theme" {
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
	for _, p := range colorParams {
		// A colour is short; a longer value is no colour, and would only
		// be repeated into every link.
		if v := strings.TrimSpace(q.Get(p.name)); v != "" && len(v) <= 64 {
			*p.field(&gq.Colors) = v
		} else if len(v) > 64 {
			gq.bad = fmt.Errorf("%s: %d characters is no colour", p.label, len(v))
		}
	}
	if gq.bad == nil && gq.Colors != (Colors{}) {
		gq.bad = h.CheckColors(gq.Colors)
	}
	if gq.bad != nil {
		gq.Colors = Colors{}
	}
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
			"; frame-src 'self'; img-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'"
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
	if q.page || q.by != "status" {
		v.Set("status", statusParam(q.Status))
	}
	for _, p := range colorParams {
		if c := *p.field(&q.Colors); c != "" {
			v.Set(p.name, c)
		}
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
	// Form is the same choice as a form, with the brand colours to try.
	Form form
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

// form is the gallery's form: a select for each choice of the nav and a
// field for each brand colour. It is sent with GET, so the result is a
// link like any other.
type form struct {
	Selects []formSelect
	Colors  []formField
	// Error says why the colours typed were dropped, or is empty.
	Error string
}

type formSelect struct {
	Name, Label string
	Options     []formOption
}

type formOption struct {
	Value, Label string
	Selected     bool
}

type formField struct {
	Name, Label, Value string
}

// index builds the index page showing q.
func (h *Handler) index(q query) index {
	x := index{Phone: q.view == "phone"}
	for _, t := range h.Themes {
		if t.Name == q.Theme {
			x.Description = t.Description
		}
	}
	type choice struct{ value, label string }
	row := func(label string, choices []choice, current string, set func(*query, string)) {
		r := navRow{Label: label}
		name := strings.ToLower(label)
		if name == "show" {
			name = "by"
		}
		sel := formSelect{Name: name, Label: label}
		for _, c := range choices {
			o := q
			set(&o, c.value)
			r.Links = append(r.Links, link{c.label, h.link(o), c.value == current})
			sel.Options = append(sel.Options, formOption{c.value, c.label, c.value == current})
		}
		x.Nav = append(x.Nav, r)
		x.Form.Selects = append(x.Form.Selects, sel)
	}
	var themes, langs, statuses []choice
	for _, t := range h.Themes {
		themes = append(themes, choice{t.Name, t.Name})
	}
	for _, tag := range h.Langs {
		langs = append(langs, choice{tag, tag})
	}
	for _, s := range Statuses {
		statuses = append(statuses, choice{statusParam(s), statusParam(s)})
	}
	row("Show", []choice{{"status", "every page"}, {"lang", "every language"}, {"theme", "every theme"}}, q.by,
		func(o *query, v string) { o.by = v })
	if q.by != "theme" {
		row("Theme", themes, q.Theme, func(o *query, v string) { o.Theme = v })
	}
	row("Scheme", []choice{{"auto", "auto"}, {"light", "light"}, {"dark", "dark"}}, q.Scheme,
		func(o *query, v string) { o.Scheme = v })
	row("View", []choice{{"desktop", "desktop"}, {"phone", "phone"}}, q.view, func(o *query, v string) { o.view = v })
	if q.by != "lang" {
		row("Lang", langs, h.Langs[q.Lang], func(o *query, v string) { o.Lang = slices.Index(h.Langs, v) })
	}
	if q.by != "status" {
		row("Status", statuses, statusParam(q.Status), func(o *query, v string) {
			o.Status, _ = strconv.Atoi(v) // "maintenance" is 0
		})
	}
	for _, p := range colorParams {
		x.Form.Colors = append(x.Form.Colors, formField{p.name, p.label, *p.field(&q.Colors)})
	}
	if q.bad != nil {
		x.Form.Error = q.bad.Error()
	}
	switch q.by {
	case "lang": // one status in every language
		for i, tag := range h.Langs {
			o := q
			o.Lang, o.page = i, true
			x.Frames = append(x.Frames, frame{tag + " · " + statusLabel(q.Status), h.link(o)})
		}
	case "theme": // one status in every theme
		for _, t := range h.Themes {
			o := q
			o.Theme, o.page = t.Name, true
			x.Frames = append(x.Frames, frame{t.Name + " · " + statusLabel(q.Status), h.link(o)})
		}
	default: // every page in one theme and language
		for _, s := range Statuses {
			o := q
			o.Status, o.page = s, true
			x.Frames = append(x.Frames, frame{statusLabel(s), h.link(o)})
		}
	}
	return x
}
