package errorpage

import (
	"testing"

	"golang.org/x/text/language"

	"github.com/errorpage/errorpage/pages"
)

func FuzzLanguagesChoose(f *testing.F) {
	for _, s := range []string{
		"", "en", "de-DE,de;q=0.9,en;q=0.8", "pt-PT", "zh-CN", "zh-Hant-TW", "ja;q=0",
		"*", "fr;q=0.5, *;q=0.1", "en-US,en;q=0.9", "xx-YY", "de;q=2", ";;;,,", "a-b-c-d-e-f-g",
		"i-klingon", "x-private", "de;q=0, fr", "ko-KR;q=0.8, uk;q=0.9",
	} {
		f.Add(s)
	}
	// One instance for the whole run, so its cache fills up as it would
	// on a server.
	l := newLanguages(pages.Languages())
	f.Fuzz(func(t *testing.T, accept string) {
		got := l.choose(accept)
		if got < 0 || got >= len(l.texts) {
			t.Fatalf("choose(%q): got %d, want an index below %d", accept, got, len(l.texts))
		}
		// The cache never changes the answer: compute it afresh.
		want := 0
		if prefs, _, err := language.ParseAcceptLanguage(accept); err == nil && len(prefs) > 0 {
			_, want, _ = l.matcher.Match(prefs...)
		}
		if got != want {
			t.Errorf("choose(%q): got %d (%s), want %d (%s)", accept, got, l.texts[got].Tag, want, l.texts[want].Tag)
		}
		if again := l.choose(accept); again != got {
			t.Errorf("choose(%q) twice: got %d then %d, want the same", accept, got, again)
		}
		// Malformed or empty means the default language.
		if _, _, err := language.ParseAcceptLanguage(accept); (err != nil || accept == "") && got != 0 {
			t.Errorf("choose(%q): got %d, want the default 0 for a malformed value", accept, got)
		}
		// The cache is bounded whatever clients send.
		if n := l.cached.Load(); n > cacheMax {
			t.Fatalf("cache: got %d entries, want at most %d", n, cacheMax)
		}
	})
}
