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
	// keep: an error the application keeps as its own answer (a problem
	// document, or Options.Replace said so). It passes through, but is
	// never cached, and no errorpage further out may replace it.
	keep
	// replace: the response is replaced by a page.
	replace
)

// decide judges the final status code, with the request and the headers
// the handler set.
func (p *policy) decide(r *http.Request, code int, h http.Header) decision {
	switch {
	case !p.statuses.has(code):
		return pass
	case isProblemJSON(h), p.replace != nil && !p.replace(r, code, h):
		return keep
	}
	return replace
}

// statusSet is a set of 5xx statuses, one bit each.
type statusSet [2]uint64

// allServerErrors has every status from 500 to 599.
var allServerErrors = statusSet{^uint64(0), 1<<36 - 1}

func (s *statusSet) add(code int) { s[(code-500)/64] |= 1 << ((code - 500) % 64) }
func (s *statusSet) has(code int) bool {
	return code >= 500 && code <= 599 && s[(code-500)/64]&(1<<((code-500)%64)) != 0
}

// isProblemJSON reports whether the response already is an RFC 9457
// problem document, the API's own answer.
func isProblemJSON(h http.Header) bool {
	var ct string
	if v := h["Content-Type"]; len(v) > 0 { // h.Get would canonicalize the key again
		ct = v[0]
	}
	if i := strings.IndexByte(ct, ';'); i >= 0 {
		ct = ct[:i]
	}
	return strings.EqualFold(strings.TrimSpace(ct), "application/problem+json")
}
