package errorpage

import (
	"net/http"
	"strings"
	"sync/atomic"
)

// format is the representation of a page.
type format uint8

// The formats, in the order that breaks a tie: plain text is the default.
const (
	formatText format = iota
	formatHTML
	formatJSON
	numFormats
)

// negotiate picks the page's representation from the Accept header fields
// (RFC 9110 §12.5.1): for each format the most specific matching range sets
// its quality; the highest quality above zero wins; a tie goes to the more
// specific match, then to the range listed first, then to plain text.
// Malformed ranges are skipped, and when nothing matches the answer is
// plain text, never a failure: an error page has to be served.
//
// It reads only the start of the list (see [list]), parses in place and
// does not allocate.
func negotiate(h http.Header) format {
	lines := h["Accept"]
	if len(lines) == 1 {
		// Browsers send one of a few Accept values, the same on every
		// request: remember the last one's answer.
		if m := lastAccept.Load(); m != nil && m.accept == lines[0] {
			return m.f
		}
		f := negotiateList(lines)
		if len(lines[0]) <= maxListBytes {
			lastAccept.Store(&acceptMemo{lines[0], f})
		}
		return f
	}
	return negotiateList(lines)
}

// lastAccept is the last single-line Accept value negotiated, with its
// answer.
var lastAccept atomic.Pointer[acceptMemo]

type acceptMemo struct {
	accept string
	f      format
}

// negotiateList is negotiate on the lines of an Accept header.
func negotiateList(lines []string) format {
	type score struct {
		spec int     // 3 type/subtype, 2 type/*, 1 */*, 0 no match
		q    float64 // quality of the most specific match
		pos  int     // position of that match in the header
	}
	var best [numFormats]score
	pos := 0
	for elems := newList(lines); ; {
		elem, ok := elems.next()
		if !ok {
			break
		}
		pos++
		mt, params, _ := strings.Cut(elem, ";")
		mt = strings.TrimSpace(mt)
		typ, sub, ok := strings.Cut(mt, "/")
		if !ok || typ == "" || sub == "" {
			continue
		}
		q, ok := quality(params)
		if !ok {
			continue
		}
		var specs [numFormats]int
		classify(typ, sub, &specs)
		for f, spec := range specs {
			b := &best[f]
			if spec > b.spec || spec > 0 && spec == b.spec && q > b.q {
				*b = score{spec, q, pos}
			}
		}
	}
	win := formatText
	for f := format(0); f < numFormats; f++ {
		b, w := best[f], best[win]
		switch {
		case b.spec == 0 || b.q == 0:
		case w.spec == 0 || w.q == 0,
			b.q > w.q,
			b.q == w.q && b.spec > w.spec,
			b.q == w.q && b.spec == w.spec && b.pos < w.pos:
			win = f
		}
	}
	return win
}

// The bounds on a list header field a client sends: what lies beyond is
// not read. Browsers send a few hundred bytes and a dozen elements; the
// bounds keep a 1 MiB header as cheap as a short one.
const (
	maxListBytes = 2048
	maxListElems = 32
)

// list reads the elements of a comma-separated list header field, whose
// lines are one list (RFC 9110 §5.3), up to the bounds: the first
// maxListBytes bytes of the lines joined by commas, and in them the first
// maxListElems elements that are not empty. An element cut by the byte
// bound is dropped, so a list means the same on one line or on several.
type list struct {
	lines []string
	cur   string // what is left of the current line
	bytes int    // bytes of the joined list left to read
	elems int    // elements left to return
}

func newList(lines []string) list {
	return list{lines: lines, bytes: maxListBytes, elems: maxListElems}
}

// next returns the next element that is not empty, not yet trimmed.
func (l *list) next() (string, bool) {
	for l.elems > 0 {
		for l.cur == "" {
			if len(l.lines) == 0 || l.bytes < 0 {
				return "", false
			}
			line := l.lines[0]
			l.lines = l.lines[1:]
			if len(line) > l.bytes {
				// Keep the elements that end within the bound.
				cut := line[:l.bytes]
				if line[l.bytes] != ',' {
					i := strings.LastIndexByte(cut, ',')
					cut = cut[:max(i, 0)]
				}
				line, l.lines = cut, nil
			}
			l.bytes -= len(line) + 1 // the line and the comma joining the next
			l.cur = line
		}
		var elem string
		elem, l.cur, _ = strings.Cut(l.cur, ",")
		if onlyOWS(elem) {
			continue
		}
		l.elems--
		return elem, true
	}
	return "", false
}

// onlyOWS reports whether s is empty but for spaces and tabs.
func onlyOWS(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != ' ' && s[i] != '\t' {
			return false
		}
	}
	return true
}

// classify sets, for each format, how specifically the range typ/sub
// matches it: 3 for a full type, 2 for type/*, 1 for */*, 0 for no match.
func classify(typ, sub string, specs *[numFormats]int) {
	switch {
	case typ == "*":
		if sub == "*" {
			*specs = [numFormats]int{1, 1, 1}
		}
	case strings.EqualFold(typ, "text"):
		switch {
		case sub == "*":
			specs[formatText], specs[formatHTML] = 2, 2
		case strings.EqualFold(sub, "plain"):
			specs[formatText] = 3
		case strings.EqualFold(sub, "html"):
			specs[formatHTML] = 3
		}
	case strings.EqualFold(typ, "application"):
		switch {
		case sub == "*":
			specs[formatJSON] = 2
		case strings.EqualFold(sub, "xhtml+xml"):
			specs[formatHTML] = 3
		// application/json, application/problem+json and every
		// application/...+json (RFC 6839 structured syntax suffix).
		case strings.EqualFold(sub, "json") || len(sub) > 5 && strings.EqualFold(sub[len(sub)-5:], "+json"):
			specs[formatJSON] = 3
		}
	}
}

// quality finds the q parameter among a media range's parameters. Its
// absence means 1; a malformed value makes the whole range malformed.
func quality(params string) (float64, bool) {
	for params != "" {
		var p string
		p, params, _ = strings.Cut(params, ";")
		name, value, _ := strings.Cut(p, "=")
		if !strings.EqualFold(strings.TrimSpace(name), "q") {
			continue
		}
		return parseQ(strings.TrimSpace(value))
	}
	return 1, true
}

// parseQ reads a qvalue: "0" or "1", optionally with up to three decimals,
// never above 1 (RFC 9110 §12.4.2).
func parseQ(s string) (float64, bool) {
	if s == "" || s[0] != '0' && s[0] != '1' {
		return 0, false
	}
	q := float64(s[0] - '0')
	if len(s) == 1 {
		return q, true
	}
	if s[1] != '.' || len(s) > 5 {
		return 0, false
	}
	scale := 0.1
	for i := 2; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		q += float64(c-'0') * scale
		scale /= 10
	}
	if q > 1 {
		return 0, false
	}
	return q, true
}
