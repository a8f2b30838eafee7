package errorpage

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"maps"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
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

// slotValues are the values of one page's slots: the strings by slot, and
// the two that are not strings until they are written.
type slotValues struct {
	strs         [numSlots]string // slotInstance only where the format says it
	retrySeconds int64            // slotRetrySeconds; 0: none
	until        time.Time        // slotUntil; zero: none
}

// present returns the slots of format f that have a value, one bit each.
func (v *slotValues) present(f format) uint8 {
	p := uint8(0)
	for i := range slotRetrySeconds {
		if v.strs[i] != "" {
			p |= 1 << i
		}
	}
	if v.retrySeconds > 0 {
		p |= 1 << slotRetrySeconds
	}
	if !v.until.IsZero() {
		p |= 1 << slotUntil
	}
	return p & formatSlots[f]
}

// strings returns every slot value as a string, for a page that is
// rendered rather than compiled.
func (v *slotValues) strings() [numSlots]string {
	s := v.strs
	if v.retrySeconds > 0 {
		s[slotRetrySeconds] = strconv.FormatInt(v.retrySeconds, 10)
	}
	if !v.until.IsZero() {
		s[slotUntil] = v.until.UTC().Format(untilLayout)
	}
	return s
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

// compiledPages are the pages compiled so far, by pageKey.packed(): a map
// replaced whole on each addition (a few dozen in a process's life), so
// readers load it without a lock.
type compiledPages struct {
	marker string     // random, so no page text can contain it
	mu     sync.Mutex // serializes additions
	all    atomic.Pointer[map[uint64]*compiledPage]
}

func newCompiledPages() (*compiledPages, error) {
	var rnd [8]byte
	if _, err := rand.Read(rnd[:]); err != nil {
		return nil, fmt.Errorf("errorpage: reading randomness: %w", err)
	}
	return &compiledPages{marker: "epslot" + hex.EncodeToString(rnd[:])}, nil
}

// write writes the page of key with the slot values v into out, compiling
// it first with render if it is not compiled yet. render renders the page
// with the slot values it is given.
func (cs *compiledPages) write(out *body, key pageKey, v *slotValues, render func(*bytes.Buffer, [numSlots]string) error) error {
	cp := cs.find(key)
	if cp == nil {
		var err error
		if cp, err = cs.compile(key, render); err != nil {
			return err
		}
		cs.add(key, cp)
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
			writeSlot(buf, key.format, cp.slots[i], v)
		}
	}
	if out.n > 0 {
		out.takeBuffered()
	}
	return nil
}

// writeSlot writes the value of slot into b, escaped for format f.
func writeSlot(b *bytes.Buffer, f format, slot int, v *slotValues) {
	switch slot {
	case slotRetrySeconds:
		writeInt(b, v.retrySeconds)
		return
	case slotUntil:
		b.Write(v.until.UTC().AppendFormat(b.AvailableBuffer(), untilLayout))
		return
	}
	switch s := v.strs[slot]; f {
	case formatHTML:
		escapeHTML(b, s)
	case formatJSON:
		jsonChars(b, s) // the quotes are in the page
	default:
		b.WriteString(s)
	}
}

// compile renders the page of key once with markers in its slots and cuts
// it at the markers.
func (cs *compiledPages) compile(key pageKey, render func(*bytes.Buffer, [numSlots]string) error) (*compiledPage, error) {
	var marks [numSlots]string
	for i := range marks {
		if key.slots&(1<<i) != 0 {
			marks[i] = cs.marker + strconv.Itoa(i) + "z"
		}
	}
	var b bytes.Buffer
	if err := render(&b, marks); err != nil {
		return nil, err
	}
	s := b.String()
	cp := &compiledPage{}
	for {
		i := strings.Index(s, cs.marker)
		if i < 0 {
			break
		}
		rest := s[i+len(cs.marker):]
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

// find returns the compiled page of k, or nil.
func (cs *compiledPages) find(k pageKey) *compiledPage {
	if m := cs.all.Load(); m != nil {
		return (*m)[k.packed()]
	}
	return nil
}

// add adds the compiled page of k.
func (cs *compiledPages) add(k pageKey, cp *compiledPage) {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	next := make(map[uint64]*compiledPage)
	if m := cs.all.Load(); m != nil {
		maps.Copy(next, *m)
	}
	next[k.packed()] = cp
	cs.all.Store(&next)
}
