package errorpage

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"maps"
	"strconv"
	"strings"
)

// Compiled pages: the built-in page of every format is rendered once per
// status, language, format and set of slots, with markers in its slots,
// and cut at the markers. A request then only writes the pieces and its
// own slot values, escaped for the format: the error path costs little
// more than writing the same bytes (see BENCHMARKS.md).

// slots are the parts of a built-in page that change from request to
// request.
const (
	slotRequestID = iota
	slotReference
	slotRetry        // the sentence saying when to come back
	slotMessage      // the operator's maintenance message
	slotInstance     // the problem's instance: the request path
	slotRetrySeconds // the problem's retry_after, a number
	slotUntil        // the problem's until: a window's end
	numSlots
)

// formatSlots are the slots each format says.
var formatSlots = [...]uint8{
	formatText: 1<<slotRequestID | 1<<slotReference | 1<<slotRetry | 1<<slotMessage,
	formatHTML: 1<<slotRequestID | 1<<slotReference | 1<<slotRetry | 1<<slotMessage,
	formatJSON: 1<<slotRequestID | 1<<slotReference | 1<<slotMessage | 1<<slotInstance | 1<<slotRetrySeconds | 1<<slotUntil,
}

type pageKey struct {
	status int
	lang   int
	maint  bool
	format format
	slots  uint8 // bit i set: slot i has a value
}

// packed is k as one number, a cheap map key.
func (k pageKey) packed() uint64 {
	m := uint64(0)
	if k.maint {
		m = 1
	}
	return uint64(k.status)<<40 | uint64(k.lang)<<16 | uint64(k.format)<<9 | m<<8 | uint64(k.slots)
}

// compiledPage alternates literal bytes and slots: lits[0] slot[0] lits[1]
// ... lits[n].
type compiledPage struct {
	lits  [][]byte
	slots []int
}

// values are the slot values of d as strings, for a page that is rendered
// rather than compiled.
func (rd *renderer) values(d *pageData) [numSlots]string {
	v := [numSlots]string{
		slotRequestID: d.requestID,
		slotReference: d.reference,
		slotRetry:     d.retry,
		slotMessage:   d.message,
		slotInstance:  d.instance(),
	}
	if d.retrySeconds > 0 {
		v[slotRetrySeconds] = strconv.FormatInt(d.retrySeconds, 10)
	}
	if !d.back.at.IsZero() {
		v[slotUntil] = d.back.at.UTC().Format(untilLayout)
	}
	return v
}

// builtin makes the built-in page of d in format f into out, from its
// compiled form unless debug details make the page one of a kind.
func (rd *renderer) builtin(ctx context.Context, out *body, f format, d *pageData) error {
	if d.debug != nil {
		return rd.renderOnce(ctx, out.buf, f, d, rd.values(d))
	}
	var strs [numSlots]string // the slots' string values; the others are made as they are written
	strs[slotRequestID], strs[slotReference], strs[slotRetry], strs[slotMessage] = d.requestID, d.reference, d.retry, d.message
	present := uint8(0)
	for i := range slotInstance {
		if strs[i] != "" {
			present |= 1 << i
		}
	}
	if f == formatJSON {
		if strs[slotInstance] = d.instance(); strs[slotInstance] != "" {
			present |= 1 << slotInstance
		}
		if d.retrySeconds > 0 {
			present |= 1 << slotRetrySeconds
		}
		if !d.back.at.IsZero() {
			present |= 1 << slotUntil
		}
	}
	key := pageKey{status: d.status, lang: d.lang, maint: d.maintenance, format: f, slots: present & formatSlots[f]}
	cp := rd.compiled(key)
	if cp == nil {
		var err error
		if cp, err = rd.compile(ctx, key, d); err != nil {
			return err
		}
		rd.remember(key, cp)
	}
	buf := out.buf
	for i, lit := range cp.lits {
		// Each direct literal takes at most two parts: itself and what
		// the buffer gathered before it.
		if len(lit) >= directLiteral && out.n+3 <= maxBodyParts {
			out.literal(lit)
		} else {
			buf.Write(lit)
		}
		if i < len(cp.slots) {
			writeSlot(buf, f, cp.slots[i], &strs, d)
		}
	}
	if out.n > 0 {
		out.pending()
	}
	return nil
}

// writeSlot writes the value of slot into b, escaped for format f: strs
// holds the string values, d the others.
func writeSlot(b *bytes.Buffer, f format, slot int, strs *[numSlots]string, d *pageData) {
	switch slot {
	case slotRetrySeconds:
		writeInt(b, d.retrySeconds)
		return
	case slotUntil:
		b.Write(d.back.at.UTC().AppendFormat(b.AvailableBuffer(), untilLayout))
		return
	}
	switch v := strs[slot]; f {
	case formatHTML:
		escapeHTML(b, v)
	case formatJSON:
		jsonChars(b, v) // the quotes are in the page
	default:
		b.WriteString(v)
	}
}

// compile renders the page for key once with markers in its slots and cuts
// it at the markers.
func (rd *renderer) compile(ctx context.Context, key pageKey, d *pageData) (*compiledPage, error) {
	var marks [numSlots]string
	for i := range marks {
		if key.slots&(1<<i) != 0 {
			marks[i] = rd.marker + strconv.Itoa(i) + "z"
		}
	}
	var b bytes.Buffer
	if err := rd.renderOnce(ctx, &b, key.format, d, marks); err != nil {
		return nil, err
	}
	s := b.String()
	cp := &compiledPage{}
	for {
		i := strings.Index(s, rd.marker)
		if i < 0 {
			break
		}
		rest := s[i+len(rd.marker):]
		end := strings.IndexByte(rest, 'z')
		if end < 0 {
			return nil, fmt.Errorf("errorpage: compiling page %d: damaged slot marker", key.status)
		}
		slot, err := strconv.Atoi(rest[:end])
		if err != nil || slot < 0 || slot >= numSlots {
			return nil, fmt.Errorf("errorpage: compiling page %d: damaged slot marker", key.status)
		}
		cp.lits = append(cp.lits, []byte(s[:i]))
		cp.slots = append(cp.slots, slot)
		s = rest[end+1:]
	}
	cp.lits = append(cp.lits, []byte(s))
	return cp, nil
}

// compiled returns the compiled page of k, or nil. The pages asked for
// last are found in a small table indexed by their key, before the map.
func (rd *renderer) compiled(k pageKey) *compiledPage {
	p := k.packed()
	recent := &rd.recent[(p*0x9E3779B97F4A7C15)>>(64-recentBits)]
	if e := recent.Load(); e != nil && e.key == p {
		return e.page
	}
	m := rd.pages.Load()
	if m == nil {
		return nil
	}
	cp := (*m)[p]
	if cp != nil {
		recent.Store(&recentPage{p, cp})
	}
	return cp
}

// recentBits sizes the table of pages asked for last: 64 entries.
const recentBits = 6

type recentPage struct {
	key  uint64
	page *compiledPage
}

// remember adds the compiled page of k.
func (rd *renderer) remember(k pageKey, cp *compiledPage) {
	rd.pagesMu.Lock()
	defer rd.pagesMu.Unlock()
	next := make(map[uint64]*compiledPage)
	if m := rd.pages.Load(); m != nil {
		maps.Copy(next, *m)
	}
	next[k.packed()] = cp
	rd.pages.Store(&next)
}

// A body is what a response says, ready to be written: bytes rendered into
// buf and, for a built-in page, the large literal pieces of its compiled
// form (the stylesheet is most of an HTML page), written from where they
// are rather than copied into buf first. A compiled page cannot fail
// halfway, so writing it in pieces risks nothing.
type body struct {
	buf   *bytes.Buffer
	parts [maxBodyParts]bodyPart // parts[:n] in order; n == 0: all of buf
	n     int
	taken int // how much of buf is in parts already
}

// bodyPart is a literal of a compiled page (lit != nil) or buf[from:to].
type bodyPart struct {
	lit      []byte
	from, to int
}

const (
	maxBodyParts = 8
	// directLiteral is the size from which a literal is written from the
	// compiled page rather than copied into the buffer: one more Write
	// costs less than copying that much.
	directLiteral = 512
)

// reset empties the body, to make another page in its place.
func (b *body) reset() {
	b.buf.Reset()
	b.n, b.taken = 0, 0
}

// len is the length of the body, for Content-Length.
func (b *body) len() int {
	if b.n == 0 {
		return b.buf.Len()
	}
	n := 0
	for _, p := range b.parts[:b.n] {
		if p.lit != nil {
			n += len(p.lit)
		} else {
			n += p.to - p.from
		}
	}
	return n
}

// writeTo writes the body to w, in as few Writes as it has parts.
func (b *body) writeTo(w io.Writer) {
	if b.n == 0 {
		_, _ = w.Write(b.buf.Bytes())
		return
	}
	all := b.buf.Bytes()
	for _, p := range b.parts[:b.n] {
		if p.lit == nil {
			p.lit = all[p.from:p.to]
		}
		if _, err := w.Write(p.lit); err != nil {
			return // the client is gone; the rest would fail alike
		}
	}
}

// literal adds a literal of a compiled page as a part of its own, after
// what buf holds since the last part.
func (b *body) literal(lit []byte) {
	b.pending()
	b.parts[b.n] = bodyPart{lit: lit}
	b.n++
}

// pending adds what buf holds since the last part as a part.
func (b *body) pending() {
	if b.buf.Len() > b.taken {
		b.parts[b.n] = bodyPart{from: b.taken, to: b.buf.Len()}
		b.n++
		b.taken = b.buf.Len()
	}
}
