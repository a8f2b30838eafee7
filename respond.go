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
	retry       retryDefault // what an overloaded 503 or a 429 advertises
	shared      sharedValues
	lastWindow  *atomic.Pointer[windowSaying] // see sayWindow
}

func newResponder(rd *renderer, keepCookies bool, retry retryDefault) responder {
	return responder{render: rd, keepCookies: keepCookies, retry: retry, shared: newSharedValues(rd, retry),
		lastWindow: new(atomic.Pointer[windowSaying])}
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
	retry                     []string   // the default Retry-After of a 503 or a 429
}

// sharedValue makes a header value to share between responses: a slice
// of capacity one, so that a middleware appending to it gets a fresh array
// and never changes it for the next response.
func sharedValue(v string) []string { return []string{v}[:1:1] }

func newSharedValues(rd *renderer, retry retryDefault) sharedValues {
	sv := sharedValues{
		noStore:    sharedValue("no-store"),
		nosniff:    sharedValue("nosniff"),
		noindex:    sharedValue("noindex"),
		vary:       sharedValue(rd.vary),
		cspBuiltin: sharedValue(rd.cspHTML),
		cspOther:   sharedValue(cspOther),
		retry:      sharedValue(retry.value),
	}
	sv.types[formatText] = sharedValue("text/plain; charset=utf-8")
	sv.types[formatHTML] = sharedValue("text/html; charset=utf-8")
	sv.types[formatJSON] = sharedValue("application/problem+json")
	for _, t := range rd.langs.texts {
		sv.langs = append(sv.langs, sharedValue(t.Tag))
	}
	return sv
}

// respond writes a complete error response for d: headers, status, and
// (except for HEAD) the body, made completely before anything is written
// (rendered into a buffer, or a built-in page's compiled pieces) so that a
// page failing halfway never leaves a half-written response. entry holds the
// headers that were on the response when the middleware was entered; at
// is the moment the response is made.
func (rs *responder) respond(rw http.ResponseWriter, r *http.Request, entry *entryHeaders, d *pageData, at moment) {
	h := rw.Header()
	resetHeaders(h, entry, d.status, rs.keepCookies, &at)
	// Usually nobody has set a header: then there is none to look up.
	var handlerRetry, vary []string
	if len(h) > 0 {
		handlerRetry, vary = h["Retry-After"], h["Vary"]
	}
	var hv headerValues // for the values that are not shared
	sv := &rs.shared
	langs := rs.render.langs
	d.lang = langs.choose(r.Header["Accept-Language"])

	// When to come back, decided once, then said in the header, the
	// page's sentence and the problem document.
	value, wait := rs.retry.whenBack(d.back, handlerRetry, d.status, d.maintenance, &at)
	var window *windowSaying
	if !d.back.at.IsZero() {
		window = rs.sayWindow(d.lang, d.back.at, at.now())
	}
	switch {
	case window != nil:
		h["Retry-After"] = window.retryAfter
	case value == "":
	case value == rs.retry.value:
		h["Retry-After"] = sv.retry
	default:
		h["Retry-After"] = decimal(value)
	}
	switch {
	case d.static && d.back == (retry{}) && (wait > 0 || d.maintenance):
		// Made ahead of time: when this page is served, nobody knows
		// how long is left; the header says what the proxy advertises.
		// (A maintenance window's own end is still said.)
		d.retry = langs.texts[d.lang].Labels.BackSoon
	case window != nil && wait > 0 && d.maintenance:
		d.retrySeconds = ceilDiv(wait, time.Second)
		d.retry = window.sentence
	case wait > 0:
		d.retrySeconds = ceilDiv(wait, time.Second)
		d.retry = langs.retryIn(d.lang, wait)
	case d.maintenance:
		// A window without an end or a delay: the default is a guess for
		// overload, not for maintenance, so the page says "back shortly".
		d.retry = langs.texts[d.lang].Labels.BackSoon
	}

	out := body{buf: getBuffer()}
	defer putBuffer(out.buf)
	f, nonce := rs.render.render(r.Context(), &out, negotiate(r.Header), d)
	d.format, d.langTag = f, langs.texts[d.lang].Tag
	if d.refresh > 0 && f == formatHTML {
		// Refresh is an HTML-standard header, not HTTP's: only for pages.
		h["Refresh"] = decimalOf(int(retryDelaySeconds(d.refresh)))
	}

	h["Cache-Control"] = sv.noStore
	h["Content-Type"] = sv.types[f]
	h["Content-Length"] = decimalOf(out.len())
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
	if vary == nil {
		h["Vary"] = sv.vary
	} else {
		addVary(&hv, h, rs.render.varyTokens...)
	}
	claimResponse(rw)
	rw.WriteHeader(d.status)
	if r.Method != http.MethodHead {
		out.writeTo(rw)
	}
}

// sayWindow returns what the end of a maintenance window makes a response
// say: its Retry-After and its sentence. Every request of the same second
// in the same language says the same, so the last one made is kept.
func (rs *responder) sayWindow(lang int, at, now time.Time) *windowSaying {
	sec := now.Unix()
	if w := rs.lastWindow.Load(); w != nil && w.lang == lang && w.at.Equal(at) && w.second == sec {
		return w
	}
	w := &windowSaying{lang: lang, at: at, second: sec,
		retryAfter: sharedValue(formatRetryDate(at)), sentence: rs.render.langs.backBy(lang, at, now)}
	rs.lastWindow.Store(w)
	return w
}

type windowSaying struct {
	lang       int
	at         time.Time
	second     int64
	retryAfter []string
	sentence   string
}

// decimals keeps header values that are decimal numbers (Content-Length,
// Refresh, a delay's Retry-After), one per slot: a page of a kind has one
// length, or a few, so nearly every response finds its value made and
// shares it.
var decimals [1024]atomic.Pointer[decimalValue]

type decimalValue struct {
	n int
	v []string
}

// decimalOf returns a shared header value holding n in decimal.
func decimalOf(n int) []string {
	slot := &decimals[n%len(decimals)]
	if d := slot.Load(); d != nil && d.n == n {
		return d.v
	}
	d := &decimalValue{n, sharedValue(strconv.Itoa(n))}
	slot.Store(d)
	return d.v
}

// decimal returns a shared header value holding v, delay-seconds as
// formatRetryDelay writes them.
func decimal(v string) []string {
	if n, err := strconv.Atoi(v); err == nil && n >= 0 {
		return decimalOf(n)
	}
	return sharedValue(v)
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
