package errorpage

import (
	"bytes"
	"unicode/utf8"
)

// Escaping, for the two formats whose text is markup: HTML and JSON.

// escapeHTML writes s escaped for HTML text and quoted attribute values,
// like html.EscapeString but into b, without allocating.
func escapeHTML(b *bytes.Buffer, s string) {
	start := 0
	for i := 0; i < len(s); i++ {
		if !htmlSpecial[s[i]] {
			continue
		}
		var esc string
		switch s[i] {
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '"':
			esc = "&#34;"
		case '\'':
			esc = "&#39;"
		}
		b.WriteString(s[start:i])
		b.WriteString(esc)
		start = i + 1
	}
	b.WriteString(s[start:])
}

// htmlSpecial marks the bytes escapeHTML escapes: one load per byte for
// the common value (a request ID, a sentence) that has none.
var htmlSpecial = [256]bool{'&': true, '<': true, '>': true, '"': true, '\'': true}

const hexDigits = "0123456789abcdef"

// jsonString writes s as a JSON string. Besides what JSON requires it
// escapes <, > and & (so the document is safe even if a browser sniffs it
// as HTML) and U+2028 and U+2029; invalid UTF-8 becomes U+FFFD.
func jsonString(b *bytes.Buffer, s string) {
	b.WriteByte('"')
	jsonChars(b, s)
	b.WriteByte('"')
}

// jsonChars writes s escaped as the inside of a JSON string.
func jsonChars(b *bytes.Buffer, s string) {
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if jsonPlain[c] {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			b.WriteString(s[start:i])
			switch c {
			case '"', '\\':
				b.WriteByte('\\')
				b.WriteByte(c)
			case '\n':
				b.WriteString(`\n`)
			case '\r':
				b.WriteString(`\r`)
			case '\t':
				b.WriteString(`\t`)
			default:
				b.WriteString(`\u00`)
				b.WriteByte(hexDigits[c>>4])
				b.WriteByte(hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || r == '\u2028' || r == '\u2029' {
			b.WriteString(s[start:i])
			switch r {
			case '\u2028':
				b.WriteString(`\u2028`)
			case '\u2029':
				b.WriteString(`\u2029`)
			default:
				b.WriteString(`\ufffd`)
			}
			i += size
			start = i
			continue
		}
		i += size
	}
	b.WriteString(s[start:])
}

// jsonPlain marks the ASCII bytes jsonString copies as they are: one load
// per byte for the common text.
var jsonPlain = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = true
	}
	for _, c := range `"\<>&` {
		t[c] = false
	}
	return t
}()
