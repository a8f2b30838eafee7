package errorpage

import (
	"bytes"
	"encoding/json"
	"html"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestJSONString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", `"plain"`},
		{`q"b\s`, `"q\"b\\s"`},
		{"<a&b>", `"\u003ca\u0026b\u003e"`},
		{"\n\r\t\x00\x1f", `"\n\r\t\u0000\u001f"`},
		{"\u2028\u2029", `"\u2028\u2029"`},
		{"bad \xff byte", `"bad \ufffd byte"`},
		{"日本語", `"日本語"`},
	}
	for _, tt := range tests {
		var b bytes.Buffer
		jsonString(&b, tt.in)
		assert.Equal(t, tt.want, b.String(), "jsonString(%q)", tt.in)
	}
}

// FuzzJSONString checks jsonString against encoding/json: the same string
// comes back, and what a browser could take for HTML is escaped.
func FuzzJSONString(f *testing.F) {
	for _, s := range []string{"", "<script>", "a\"b\\c", "\x00\u2028", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var b bytes.Buffer
		jsonString(&b, s)
		var back string
		require.NoError(t, json.Unmarshal(b.Bytes(), &back), "jsonString(%q) = %s is not JSON", s, b.String())
		if utf8.ValidString(s) && back != s {
			t.Fatalf("jsonString(%q) decodes to %q", s, back)
		}
		if bytes.ContainsAny(b.Bytes(), "<>&") {
			t.Fatalf("jsonString(%q) = %s leaves <, > or & unescaped", s, b.String())
		}
	})
}

// FuzzEscapeHTML checks escapeHTML against html.EscapeString, which is what
// templ uses for the same values.
func FuzzEscapeHTML(f *testing.F) {
	for _, s := range []string{"", `<a href='x' title="y">&amp;</a>`, "plain"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var b bytes.Buffer
		escapeHTML(&b, s)
		if got, want := b.String(), html.EscapeString(s); got != want {
			t.Fatalf("escapeHTML(%q) = %q, want %q", s, got, want)
		}
	})
}
