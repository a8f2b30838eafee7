package errorpage

import (
	"bytes"
	"io"
)

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

// writeTo writes the body to w, in as few Writes as it has parts. The
// literals are shared by every response of their page: a writer that
// changed the bytes it is given would corrupt them, but that would break
// io.Writer's contract ("Write must not modify the slice data, even
// temporarily"), which net/http's writers, compressors and recorders keep.
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
	b.takeBuffered()
	b.parts[b.n] = bodyPart{lit: lit}
	b.n++
}

// takeBuffered adds what buf holds since the last part as a part.
func (b *body) takeBuffered() {
	if b.buf.Len() > b.taken {
		b.parts[b.n] = bodyPart{from: b.taken, to: b.buf.Len()}
		b.n++
		b.taken = b.buf.Len()
	}
}
