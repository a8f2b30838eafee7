package errorpage

import (
	"net/http"
	"strings"
	"testing"
)

// asciiUpper upper-cases ASCII letters only: media types compare
// case-insensitively in ASCII, while strings.ToUpper could turn a
// non-ASCII letter into an ASCII one ('ı' → 'I').
func asciiUpper(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'a' <= c && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
	}
	return string(b)
}

func FuzzNegotiate(f *testing.F) {
	for _, s := range []string{
		"", "*/*", "text/html", "application/json", "text/plain",
		"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
		"application/json;q=0.5, text/html;q=0.5", "text/*;q=0, */*",
		"application/problem+json", "application/*+json", "text/html;q=1.000",
		"text/html;q=1.001", "text/html;q=0.", "text/html;Q=0", ";;;,,,/", "/", "*/html",
		"application/vnd.api+json;charset=utf-8;q=0.7, text/plain;q=0.7",
		"TEXT/HTML; q=0.2 , APPLICATION/JSON ; Q=0.3",
	} {
		f.Add(s, "")
		f.Add(s, "text/html;q=0")
	}
	f.Fuzz(func(t *testing.T, accept, second string) {
		got := negotiate(http.Header{"Accept": {accept}})
		if got >= numFormats {
			t.Fatalf("negotiate(%q): got format %d, want one of the %d formats", accept, got, numFormats)
		}

		// Case does not matter, in types or in the q parameter.
		if up := negotiate(http.Header{"Accept": {asciiUpper(accept)}}); up != got {
			t.Errorf("negotiate(%q) = %d but upper-cased = %d, want the same", accept, got, up)
		}

		// Several Accept fields mean the same as one joined with commas
		// (RFC 9110 §5.3).
		both := negotiate(http.Header{"Accept": {accept, second}})
		if joined := negotiate(http.Header{"Accept": {accept + "," + second}}); both != joined {
			t.Errorf("negotiate of fields %q and %q = %d, joined = %d, want the same", accept, second, both, joined)
		}

		// Without a single media range there is nothing to honour: the
		// default, plain text.
		if !strings.Contains(accept, "/") && got != formatText {
			t.Errorf("negotiate(%q): got %d, want plain text (%d) for a header without a media range", accept, got, formatText)
		}

		// q=0 is "not acceptable": after text/html;q=0 and
		// application/xhtml+xml;q=0 HTML can win only through another
		// full html type in the header; same for JSON.
		lower := strings.ToLower(accept)
		noHTML := negotiate(http.Header{"Accept": {accept + ",text/html;q=0,application/xhtml+xml;q=0"}})
		if noHTML == formatHTML && !strings.Contains(lower, "html") {
			t.Errorf("negotiate(%q + text/html;q=0): got HTML, want it refused", accept)
		}
		noJSON := negotiate(http.Header{"Accept": {accept + ",application/json;q=0"}})
		if noJSON == formatJSON && !strings.Contains(lower, "json") {
			t.Errorf("negotiate(%q + application/json;q=0): got JSON, want it refused", accept)
		}

		// A format the header never names, not even by a wildcard, is
		// never chosen over the default.
		if got == formatHTML && !strings.Contains(lower, "html") && !strings.Contains(lower, "text/*") && !strings.Contains(lower, "*/*") {
			t.Errorf("negotiate(%q): got HTML, which nothing in the header matches", accept)
		}
		if got == formatJSON && !strings.Contains(lower, "json") && !strings.Contains(lower, "application/*") && !strings.Contains(lower, "*/*") {
			t.Errorf("negotiate(%q): got JSON, which nothing in the header matches", accept)
		}
	})
}
