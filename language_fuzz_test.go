package errorpage

import (
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/errorpage/errorpage/pages"
)

// deprecatedCode is the old ISO 639 code of a built-in language that BCP 47
// matching still maps to it.
var deprecatedCode = map[string]string{"he": "iw", "id": "in"}

func FuzzLanguagesChoose(f *testing.F) {
	for _, s := range []string{
		"", "en", "de-DE,de;q=0.9,en;q=0.8", "pt-PT", "zh-CN", "zh-Hant-TW", "ja;q=0",
		"*", "fr;q=0.5, *;q=0.1", "en-US,en;q=0.9", "xx-YY", "de;q=2", ";;;,,", "a-b-c-d-e-f-g",
		"i-klingon", "x-private", "de;q=0, fr", "ko-KR;q=0.8, uk;q=0.9", "ru", "sw", "af, nl;q=0.1",
		"und-TW", "gsw-CH", "iw", "zh-min-nan", "in", "ar-EG", "he-IL",
	} {
		f.Add(s, "")
		f.Add(s, "de;q=0.5")
	}
	// One instance for the whole run, so its cache fills up as it would
	// on a server.
	l := newLanguages(pages.Languages())
	f.Fuzz(func(t *testing.T, accept, second string) {
		got := l.choose([]string{accept})
		if got < 0 || got >= len(l.texts) {
			t.Fatalf("choose(%q): got %d, want an index below %d", accept, got, len(l.texts))
		}
		// The cache never changes the answer: compute it afresh.
		if want := l.match([]string{accept}); got != want {
			t.Errorf("choose(%q): got %d (%s), want %d (%s)", accept, got, l.texts[got].Tag, want, l.texts[want].Tag)
		}
		if again := l.choose([]string{accept}); again != got {
			t.Errorf("choose(%q) twice: got %d then %d, want the same", accept, got, again)
		}
		// A language other than the default is one the visitor named,
		// maybe by its deprecated code ("iw" is Hebrew, "in" Indonesian).
		if got != 0 {
			b, _ := l.tags[got].Base()
			lower := strings.ToLower(accept)
			if !strings.Contains(lower, b.String()) && (deprecatedCode[b.String()] == "" || !strings.Contains(lower, deprecatedCode[b.String()])) {
				t.Errorf("choose(%q): got %s, which the header does not name", accept, l.texts[got].Tag)
			}
		}
		// A single element that is not a language tag means the default.
		tag, _, _ := strings.Cut(accept, ";")
		if _, err := language.Parse(strings.TrimSpace(tag)); err != nil && !strings.Contains(accept, ",") && got != 0 {
			t.Errorf("choose(%q): got %d, want the default 0 for a malformed value", accept, got)
		}
		// Two lines are one list (RFC 9110 §5.3).
		both := l.choose([]string{accept, second})
		if joined := l.choose([]string{accept + "," + second}); both != joined {
			t.Errorf("choose of lines %q and %q = %d, joined = %d, want the same", accept, second, both, joined)
		}
		// Beyond the bound nothing is read.
		if len(accept) >= maxListBytes && both != got {
			t.Errorf("choose(%q) = %d but with a second line %q = %d, want the second line unread", accept, got, second, both)
		}
		// The cache is bounded whatever clients send.
		if n := l.cached.Load(); n > cacheMax {
			t.Fatalf("cache: got %d entries, want at most %d", n, cacheMax)
		}
	})
}
