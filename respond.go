package errorpage

import (
	"io"
	"net/http"
	"strconv"
	"time"
)

// responder writes error responses: the one place where the headers, the
// status and the body of a page are written, once.
type responder struct {
	render      *renderer
	keepCookies bool         // Options.KeepSetCookie
	retry       retryDefault // what an overloaded 503 advertises
}

// respond writes a complete error response for d: headers, status, and
// (except for HEAD) the body, rendered into a buffer first so that a page
// failing halfway never leaves a half-written response. entry holds the
// headers that were on the response when the middleware was entered (nil
// for none); now is the moment the response is made, read once.
func (rs *responder) respond(rw http.ResponseWriter, r *http.Request, entry http.Header, d *pageData, now time.Time) {
	h := rw.Header()
	resetHeaders(h, entry, rs.keepCookies, now)
	hv := headerValues{buf: make([]string, 0, 10)}
	langs := rs.render.langs
	d.lang = langs.choose(r.Header["Accept-Language"])

	// When to come back, decided once, then said in the header, the
	// page's sentence and the problem document.
	value, wait := rs.retry.whenBack(d.back, h["Retry-After"], d.status, d.maintenance, now)
	if value != "" {
		hv.set(h, "Retry-After", value)
	}
	switch {
	case wait > 0 && d.maintenance && !d.back.at.IsZero():
		d.retrySeconds = ceilDiv(wait, time.Second)
		d.retry = langs.backBy(d.lang, d.back.at, now)
	case wait > 0:
		d.retrySeconds = ceilDiv(wait, time.Second)
		d.retry = langs.retryIn(d.lang, wait)
	case d.maintenance:
		// A window without an end or a delay: the default is a guess for
		// overload, not for maintenance, so the page says "back shortly".
		d.retry = langs.texts[d.lang].Labels.BackSoon
	}

	buf := getBuffer()
	defer putBuffer(buf)
	f := negotiate(r.Header)
	ctype, csp := rs.render.render(r.Context(), buf, f, d)
	if d.refresh > 0 && f == formatHTML {
		// Refresh is an HTML-standard header, not HTTP's: only for pages.
		hv.set(h, "Refresh", formatRetryDelay(d.refresh))
	}

	dropFreshnessOf(h, entry)
	hv.set(h, "Cache-Control", "no-store")
	hv.set(h, "Content-Type", ctype)
	hv.set(h, "Content-Length", strconv.Itoa(buf.Len()))
	hv.set(h, "Content-Language", langs.texts[d.lang].Tag)
	hv.set(h, "Content-Security-Policy", csp)
	hv.set(h, "X-Content-Type-Options", "nosniff")
	hv.set(h, "X-Robots-Tag", "noindex")
	if h["Vary"] == nil {
		hv.set(h, "Vary", rs.render.vary)
	} else {
		addVary(&hv, h, rs.render.varyTokens...)
	}
	claimResponse(rw)
	rw.WriteHeader(d.status)
	if r.Method != http.MethodHead {
		_, _ = rw.Write(buf.Bytes())
	}
}

// minimalError is the answer when even the page could not be made: the
// status and a line of text, never cached.
func minimalError(rw http.ResponseWriter, status int) {
	h := rw.Header()
	for k := range h {
		delete(h, k)
	}
	h["Content-Type"] = []string{"text/plain; charset=utf-8"}
	h["Cache-Control"] = []string{"no-store"}
	h["X-Content-Type-Options"] = []string{"nosniff"}
	claimResponse(rw)
	rw.WriteHeader(status)
	_, _ = io.WriteString(rw, strconv.Itoa(status)+" "+phrase(status)+"\n")
}
