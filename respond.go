package errorpage

import (
	"io"
	"net/http"
	"strconv"
	"sync/atomic"
	"time"
)

// responder writes error responses: the one place where the headers, the
// status and the body of a page are written, once.
type responder struct {
	render      *renderer
	keepCookies bool         // Options.KeepSetCookie
	retry       retryDefault // what an overloaded 503 advertises
	shared      sharedValues
}

func newResponder(rd *renderer, keepCookies bool, retry retryDefault) responder {
	return responder{render: rd, keepCookies: keepCookies, retry: retry, shared: newSharedValues(rd, retry)}
}

// sharedValues are the header values every page of a kind has, made once
// and then set into every response: a value slice of its own per response
// would cost an allocation for nothing. Each slice has capacity one, so a
// middleware that appends to one gets a fresh array and never changes it
// for the next response.
type sharedValues struct {
	noStore, nosniff, noindex []string
	vary                      []string    // Vary when there is none yet
	types                     [3][]string // Content-Type, by format
	cspBuiltin, cspOther      []string
	langs                     [][]string // Content-Language, by language
	retry                     []string   // the default Retry-After of a 503
}

func one(v string) []string { return []string{v}[:1:1] }

func newSharedValues(rd *renderer, retry retryDefault) sharedValues {
	sv := sharedValues{
		noStore:    one("no-store"),
		nosniff:    one("nosniff"),
		noindex:    one("noindex"),
		vary:       one(rd.vary),
		cspBuiltin: one(rd.cspHTML),
		cspOther:   one(cspOther),
		retry:      one(retry.value),
	}
	sv.types[formatText] = one("text/plain; charset=utf-8")
	sv.types[formatHTML] = one("text/html; charset=utf-8")
	sv.types[formatJSON] = one("application/problem+json")
	for _, t := range rd.langs.texts {
		sv.langs = append(sv.langs, one(t.Tag))
	}
	return sv
}

// respond writes a complete error response for d: headers, status, and
// (except for HEAD) the body, rendered into a buffer first so that a page
// failing halfway never leaves a half-written response. entry holds the
// headers that were on the response when the middleware was entered; now
// is the moment the response is made, read once.
func (rs *responder) respond(rw http.ResponseWriter, r *http.Request, entry *entryHeaders, d *pageData, now time.Time) {
	h := rw.Header()
	resetHeaders(h, entry, rs.keepCookies, now)
	var hv headerValues // for the values that are not shared
	sv := &rs.shared
	langs := rs.render.langs
	d.lang = langs.choose(r.Header["Accept-Language"])

	// When to come back, decided once, then said in the header, the
	// page's sentence and the problem document.
	value, wait := rs.retry.whenBack(d.back, h["Retry-After"], d.status, d.maintenance, now)
	switch {
	case value == "":
	case value == rs.retry.value:
		h["Retry-After"] = sv.retry
	default:
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
	f, nonce := rs.render.render(r.Context(), buf, negotiate(r.Header), d)
	d.format, d.langTag = f, langs.texts[d.lang].Tag
	if d.refresh > 0 && f == formatHTML {
		// Refresh is an HTML-standard header, not HTTP's: only for pages.
		hv.set(h, "Refresh", formatRetryDelay(d.refresh))
	}

	dropEntryFreshness(h, entry)
	h["Cache-Control"] = sv.noStore
	h["Content-Type"] = sv.types[f]
	h["Content-Length"] = contentLength(buf.Len())
	h["Content-Language"] = sv.langs[d.lang]
	switch {
	case f != formatHTML:
		h["Content-Security-Policy"] = sv.cspOther
	case nonce == "":
		h["Content-Security-Policy"] = sv.cspBuiltin
	default:
		hv.set(h, "Content-Security-Policy", rs.render.csp(nonce))
	}
	h["X-Content-Type-Options"] = sv.nosniff
	h["X-Robots-Tag"] = sv.noindex
	if h["Vary"] == nil {
		h["Vary"] = sv.vary
	} else {
		addVary(&hv, h, rs.render.varyTokens...)
	}
	claimResponse(rw)
	rw.WriteHeader(d.status)
	if r.Method != http.MethodHead {
		_, _ = rw.Write(buf.Bytes())
	}
}

// contentLengths caches Content-Length values by length, one per slot:
// pages of a kind have one length, or a few (request IDs differ in
// length), so nearly every response finds its value made.
var contentLengths [1024]atomic.Pointer[lengthValue]

type lengthValue struct {
	n int
	v []string
}

// contentLength returns a shared Content-Length value for n.
func contentLength(n int) []string {
	slot := &contentLengths[n%len(contentLengths)]
	if lv := slot.Load(); lv != nil && lv.n == n {
		return lv.v
	}
	lv := &lengthValue{n: n, v: one(strconv.Itoa(n))}
	slot.Store(lv)
	return lv.v
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
