package errorpage

import (
	"net/http"
	"strings"
)

// policy decides, at a response's final status, what becomes of it: it
// passes through, or it is replaced by a page. It is built once by New and
// shared, read-only, by every request.
type policy struct {
	statuses statusSet
	replace  func(*http.Request, int, http.Header) bool // Options.Replace, or nil
}

// decision is what becomes of a response with a final status.
type decision uint8

const (
	// pass: the response is not ours to judge.
	pass decision = iota
	// keep: a server error the application keeps as its own answer (a
	// problem document, or Options.Replace said so). It passes through, but
	// is never cached, and no errorpage further out may replace it.
	keep
	// claim: a client error Options.Replace kept. It passes through
	// untouched (whether a 404 is cached is the application's call), and
	// no errorpage further out may replace it.
	claim
	// replace: the response is replaced by a page.
	replace
)

// decide judges the final status code, with the request and the headers
// the handler set.
//
// A client error (4xx) is often an API's answer: {"error":"no such
// user"} is what its clients parse. So a 4xx is replaced only when nothing
// says it is an answer: at WriteHeader it has no Content-Type, or
// text/plain, the type of what net/http itself writes (http.Error,
// http.NotFound, ServeMux's 404 and 405, MaxBytesReader's 413). Any other
// body (JSON, HTML, problem+json) passes through untouched. Only the
// headers decide, so the body is never buffered; a Content-Type set after
// WriteHeader has no effect on the response, nor here.
func (p *policy) decide(r *http.Request, code int, h http.Header) decision {
	switch {
	case !p.statuses.has(code):
		return pass
	case code < 500:
		switch {
		case !plainClientError(h):
			return pass
		case p.replace != nil && !p.replace(r, code, h):
			return claim
		}
		return replace
	case isProblemJSON(h), p.replace != nil && !p.replace(r, code, h):
		return keep
	}
	return replace
}

// statusSet is a set of statuses from 400 to 599, one bit each.
type statusSet [4]uint64

const (
	minStatus = 400
	maxStatus = 599
)

// allServerErrors has every status from 500 to 599; allClientErrors every
// status from 400 to 499.
var allServerErrors, allClientErrors = statusRange(500, 599), statusRange(400, 499)

func statusRange(from, to int) statusSet {
	var s statusSet
	for c := from; c <= to; c++ {
		s.add(c)
	}
	return s
}

func (s *statusSet) add(code int) { s[(code-minStatus)/64] |= 1 << ((code - minStatus) % 64) }
func (s *statusSet) has(code int) bool {
	return code >= minStatus && code <= maxStatus && s[(code-minStatus)/64]&(1<<((code-minStatus)%64)) != 0
}

func (s *statusSet) union(o statusSet) {
	for i := range s {
		s[i] |= o[i]
	}
}

// mediaType is the media type of a Content-Type value, without parameters.
func mediaType(h http.Header) string {
	var ct string
	if v := h["Content-Type"]; len(v) > 0 { // h.Get would canonicalize the key again
		ct = v[0]
	}
	if i := strings.IndexByte(ct, ';'); i >= 0 {
		ct = ct[:i]
	}
	return strings.TrimSpace(ct)
}

// isProblemJSON reports whether the response already is an RFC 9457
// problem document, the API's own answer.
func isProblemJSON(h http.Header) bool {
	return strings.EqualFold(mediaType(h), "application/problem+json")
}

// plainClientError reports whether a client error's headers say it is no
// answer of the application's own: no Content-Type, or text/plain.
func plainClientError(h http.Header) bool {
	mt := mediaType(h)
	return mt == "" || strings.EqualFold(mt, "text/plain")
}
