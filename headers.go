package errorpage

import (
	"net/http"
	"slices"
	"strings"
)

// The headers of a replaced response (RFC 9110, RFC 9111; see README).
//
// A replaced response starts from the headers that were on it when the
// middleware was entered, since an outer middleware owns those (CORS,
// compression, security headers). From the inner handler it keeps only what
// a client needs to act on; everything else described the body we threw
// away. Cache headers are then forced to no-store whoever set them.

// keepFromInner reports whether a header the inner handler set survives the
// replacement of its response with the given status. Connection is kept
// because it is about the connection, not the body: a load-shedding 503
// with Connection: close must still close it (RFC 9110 §7.6.1). The others
// are what a client needs to act on the error: the challenges of a 401 and
// a 407 (§11.6.1, §11.7.1), the methods a 405 must list in Allow
// (§10.2.1), the range a 416 names (§15.5.17), the protocols of a 426
// (§15.5.22), and the Link to who blocks a 451 (RFC 7725 §3).
func keepFromInner(key string, status int, keepCookies bool) bool {
	switch key {
	case "Www-Authenticate", "Proxy-Authenticate", "Retry-After", "Strict-Transport-Security", "Connection", "Allow":
		return true
	case "Link":
		return status == http.StatusUnavailableForLegalReasons
	case "Content-Range":
		return status == http.StatusRequestedRangeNotSatisfiable
	case "Upgrade":
		return status == http.StatusUpgradeRequired
	case "Set-Cookie":
		return keepCookies
	}
	return strings.HasPrefix(key, "Access-Control-")
}

// blockedByLinks keeps the Link values of a 451 that name who blocks the
// resource (rel="blocked-by"), and those of an outer middleware (outer);
// the handler's others described the body thrown away.
func blockedByLinks(h http.Header, outer []string) {
	v := h["Link"]
	if v == nil {
		return
	}
	outer = slices.Clone(outer)
	kept := make([]string, 0, len(v))
	for _, l := range v {
		if i := slices.Index(outer, l); i >= 0 {
			outer = slices.Delete(outer, i, i+1) // each outer value matches once
			kept = append(kept, l)
			continue
		}
		if len(l) <= 4096 && strings.Contains(strings.ToLower(l), "blocked-by") {
			kept = append(kept, l)
		}
	}
	if len(kept) == 0 {
		delete(h, "Link")
		return
	}
	h["Link"] = kept
}

// entryHeaders are the headers that were on the response when the
// middleware was entered: an outer middleware's (CORS, security headers, a
// request ID), which a replaced response keeps. They are held by reference,
// keys and value slices, not copied: setting a header replaces its value
// slice, and adding one appends past the end of it, so what the outer
// middleware set stays as it was whatever the handler does with the map.
// Eight fit in the interceptor itself, which makes the common case cost no
// allocation of its own; more go to a map.
type entryHeaders struct {
	n    int
	kv   [8]entryHeader
	more map[string][]string

	// all marks the answer of the maintenance gate, which runs before
	// any handler: every header on the response is an outer layer's.
	all bool
}

type entryHeader struct {
	key    string
	values []string
}

// empty reports whether e holds no header.
func (e *entryHeaders) empty() bool { return e.n == 0 && len(e.more) == 0 }

// everyHeaderIsOuter is the entryHeaders of a response no handler has
// touched.
var everyHeaderIsOuter = &entryHeaders{all: true}

// snapshot takes the headers of h as the entry headers.
func (e *entryHeaders) snapshot(h http.Header) {
	for k, v := range h {
		if e.n < len(e.kv) {
			e.kv[e.n] = entryHeader{k, v}
			e.n++
			continue
		}
		if e.more == nil {
			e.more = make(map[string][]string)
		}
		e.more[k] = v
	}
}

// get returns the values an outer middleware set for key. A nil
// entryHeaders has none.
func (e *entryHeaders) get(key string) ([]string, bool) {
	if e == nil {
		return nil, false
	}
	for i := range e.n {
		if e.kv[i].key == key {
			return e.kv[i].values, true
		}
	}
	v, ok := e.more[key]
	return v, ok
}

// each calls f with every entry header.
func (e *entryHeaders) each(f func(key string, values []string)) {
	if e == nil {
		return
	}
	for i := range e.n {
		f(e.kv[i].key, e.kv[i].values)
	}
	for k, v := range e.more {
		f(k, v)
	}
}

// resetHeaders turns the header map the inner handler left into the base of
// a replaced response, as described above. An invalid or past Retry-After
// is dropped.
func resetHeaders(h http.Header, entry *entryHeaders, status int, keepCookies bool, now *moment) {
	if len(h) == 0 && (entry == nil || entry.all || entry.empty()) {
		// Nothing to reset and nothing to put back: the common case of
		// a bare WriteHeader. (An outer middleware's headers that the
		// handler deleted are put back below, even from an empty map.)
		return
	}
	if entry == nil || !entry.all {
		for k, inner := range h {
			outer, fromOuter := entry.get(k)
			switch {
			case !keepFromInner(k, status, keepCookies):
				if !fromOuter {
					delete(h, k)
				}
			case fromOuter:
				h[k] = mergeKept(k, outer, inner, now)
			}
		}
		entry.each(func(k string, v []string) {
			// The inner handler may have changed or deleted a header that
			// belongs to an outer middleware: put it back. Kept headers
			// were merged above.
			if _, merged := h[k]; !merged || !keepFromInner(k, status, keepCookies) {
				h[k] = v
			}
		})
	}
	if v := h["Retry-After"]; v != nil && (len(v) != 1 || !validRetryAfter(v[0], now.now())) {
		delete(h, "Retry-After")
	}
	// One pass over the few headers left costs less than deleting each of
	// these by name.
	for k := range h {
		if describesBody(k, status) || givesFreshness(k) {
			delete(h, k)
		}
	}
	if status == http.StatusUnavailableForLegalReasons {
		outer, _ := entry.get("Link")
		blockedByLinks(h, outer)
	}
}

// describesBody reports whether a header describes a representation other
// than the page, whoever set it: a validator would let a cache revalidate
// the error as if it were the resource.
// A 416's Content-Range is the resource's length, not the body's: it
// stays.
func describesBody(key string, status int) bool {
	switch key {
	case "Content-Length", "Trailer", "Etag", "Last-Modified", "Content-Disposition", "Content-Location":
		return true
	case "Content-Range":
		return status != http.StatusRequestedRangeNotSatisfiable
	}
	return false
}

// mergeKept combines the values an outer middleware set for a kept header
// with those the inner handler left, so that both survive: the outer ones
// first, then each inner value the outer did not already have (the inner
// handler may have added to the outer's values, or replaced them).
// Retry-After holds one value: the inner handler's, if valid, knows best
// when its upstream is back.
func mergeKept(key string, outer, inner []string, now *moment) []string {
	if key == "Retry-After" {
		if len(inner) == 1 && validRetryAfter(inner[0], now.now()) {
			return inner
		}
		return outer
	}
	merged := append([]string(nil), outer...)
	seen := append([]string(nil), outer...)
	for _, v := range inner {
		if i := slices.Index(seen, v); i >= 0 {
			seen = slices.Delete(seen, i, i+1) // each outer value matches once
			continue
		}
		merged = append(merged, v)
	}
	return merged
}

// noStore makes sure no cache keeps the response (RFC 9111 §5.2.2.5):
// no-store, and none of the fields that would give it freshness, targeted
// cache controls (RFC 9213, Surrogate-Control) included.
func noStore(h http.Header) {
	h["Cache-Control"] = []string{"no-store"}
	dropFreshness(h)
}

// dropFreshness removes what could make a cache keep the response, except
// Cache-Control itself, which the caller sets to no-store.
func dropFreshness(h http.Header) {
	for k := range h {
		if givesFreshness(k) {
			delete(h, k)
		}
	}
}

// givesFreshness reports whether a header could make a cache keep the
// response (RFC 9111), other than Cache-Control itself: Expires, Pragma,
// and the cache controls aimed at one kind of cache (Surrogate-Control,
// RFC 9213's CDN-Cache-Control and vendors' own).
func givesFreshness(key string) bool {
	switch key {
	case "Expires", "Pragma", "Surrogate-Control":
		return true
	}
	return strings.HasSuffix(key, "Cdn-Cache-Control")
}

// headerValues hands out header value slices from one allocation per
// response. Each slice has capacity one, so whoever appends to it later
// gets a fresh array and never writes into a neighbour's.
type headerValues struct {
	buf []string
}

func (hv *headerValues) set(h http.Header, key, value string) {
	if hv.buf == nil {
		hv.buf = make([]string, 0, 4)
	}
	hv.buf = append(hv.buf, value)
	n := len(hv.buf)
	h[key] = hv.buf[n-1 : n : n]
}

// addVary adds tokens to Vary, keeping what an outer middleware put there
// and writing each token once.
func addVary(hv *headerValues, h http.Header, tokens ...string) {
	existing := h["Vary"]
	var missing []string
	for _, t := range tokens {
		if !varyHas(existing, t) {
			missing = append(missing, t)
		}
	}
	if len(missing) == 0 {
		return
	}
	if len(existing) == 0 {
		hv.set(h, "Vary", strings.Join(missing, ", "))
		return
	}
	h["Vary"] = append(existing[:len(existing):len(existing)], missing...)
}

func varyHas(values []string, token string) bool {
	for _, v := range values {
		for v != "" {
			var t string
			t, v, _ = strings.Cut(v, ",")
			t = strings.TrimSpace(t)
			if t == "*" || strings.EqualFold(t, token) {
				return true
			}
		}
	}
	return false
}
