package errorpage

import (
	"log/slog"
	"net/http/httptest"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/errorpage/errorpage/pages"
)

func TestAcceptLanguageChoosesTheClosestLanguage(t *testing.T) {
	m, _ := newTestMiddleware(t, Options{})
	tests := []struct {
		name, accept, lang, title string
	}{
		{"none", "", "en", "Something went wrong"},
		{"japanese", "ja", "ja", "問題が発生しました"},
		{"japanese region and q", "ja-JP,ja;q=0.9,en;q=0.5", "ja", "問題が発生しました"},
		{"portugal finds brazil", "pt-PT", "pt-BR", ""},
		{"mainland china finds simplified", "zh-CN", "zh-Hans", ""},
		{"austria finds german", "de-AT", "de", ""},
		{"unknown falls back", "fi", "en", "Something went wrong"},
		{"malformed falls back", ";;;q=x", "en", "Something went wrong"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, body := do(t, m.Handler(failing(500)), "GET", "/", "Accept", "text/html", "Accept-Language", tc.accept)
			assert.Equal(t, tc.lang, res.Header.Get("Content-Language"), "Content-Language")
			assert.Contains(t, body, `<html lang="`+tc.lang+`" dir="ltr">`)
			assert.Contains(t, res.Header.Values("Vary"), "Accept, Accept-Language")
			if tc.title != "" {
				assert.Contains(t, body, "<h1>"+tc.title+"</h1>")
			}
		})
	}
}

// arabic is a synthetic right-to-left language, as a user would add it.
var arabic = pages.Text{
	Tag: "ar",
	Dir: "rtl",
	Labels: pages.Labels{
		ErrorCode: "خطأ {status}",
		TryAgain:  "حاول مرة أخرى",
		GoHome:    "الذهاب إلى الصفحة الرئيسية",
	},
	Statuses: map[int]pages.StatusText{
		500: {Title: "حدث خطأ ما", Message: "واجهنا مشكلة غير متوقعة.", Advice: "حاول مرة أخرى بعد قليل."},
	},
	Seconds: pages.Plural{Other: "{n} ثانية"},
}

func TestAddedRightToLeftLanguage(t *testing.T) {
	m, _ := newTestMiddleware(t, Options{Languages: []pages.Text{arabic}})
	res, body := do(t, m.Handler(failing(500)), "GET", "/", "Accept", "text/html", "Accept-Language", "ar-EG,ar;q=0.9", "X-Request-Id", "req-1")
	assert.Equal(t, "ar", res.Header.Get("Content-Language"))
	assert.Contains(t, body, `<html lang="ar" dir="rtl">`)
	assert.Contains(t, body, "<h1>حدث خطأ ما</h1>")
	assert.Contains(t, body, "خطأ 500")
	assert.Contains(t, body, "Request ID", "a string the language leaves out is the default language's")

	// A 503 has no Arabic text: the generic title would be wrong, so the
	// English one is used, with the Arabic plural for the delay.
	_, body = do(t, m.Handler(failing(503)), "GET", "/", "Accept", "text/html", "Accept-Language", "ar")
	assert.Contains(t, body, `dir="rtl"`)
	assert.Contains(t, body, "30 ثانية")

	// The built-in languages are still there.
	res, _ = do(t, m.Handler(failing(500)), "GET", "/", "Accept", "text/html", "Accept-Language", "ja")
	assert.Equal(t, "ja", res.Header.Get("Content-Language"))
}

func TestOverrideBuiltInStrings(t *testing.T) {
	m, _ := newTestMiddleware(t, Options{Languages: []pages.Text{{
		Tag:      "DE", // canonicalized: the built-in German
		Labels:   pages.Labels{ContactSupport: "Schreib uns"},
		Statuses: map[int]pages.StatusText{500: {Title: "Da lief was schief"}},
	}}})
	_, body := do(t, m.Handler(failing(500)), "GET", "/", "Accept", "text/html", "Accept-Language", "de")
	assert.Contains(t, body, "<h1>Da lief was schief</h1>", "the overridden title")
	assert.Contains(t, body, pages.Languages()[1].Statuses[500].Message, "the built-in message, kept")
	assert.NotContains(t, body, "<h1>"+pages.Languages()[1].Statuses[500].Title+"</h1>")
}

func TestDefaultLanguage(t *testing.T) {
	m, _ := newTestMiddleware(t, Options{DefaultLanguage: "de"})
	for _, accept := range []string{"", "fi", "garbage;;"} {
		res, _ := do(t, m.Handler(failing(500)), "GET", "/", "Accept", "text/html", "Accept-Language", accept)
		assert.Equal(t, "de", res.Header.Get("Content-Language"), "Accept-Language %q", accept)
	}
	res, _ := do(t, m.Handler(failing(500)), "GET", "/", "Accept", "text/html", "Accept-Language", "en")
	assert.Equal(t, "en", res.Header.Get("Content-Language"), "English is still there")

	m, _ = newTestMiddleware(t, Options{DefaultLanguage: "ar", Languages: []pages.Text{arabic}})
	res, _ = do(t, m.Handler(failing(500)), "GET", "/", "Accept", "text/html")
	assert.Equal(t, "ar", res.Header.Get("Content-Language"), "an added language can be the default")
}

func TestLanguageOptionsAreValidated(t *testing.T) {
	tests := []struct {
		name  string
		opts  Options
		inErr string
	}{
		{"default not a tag", Options{DefaultLanguage: "not a tag!"}, "DefaultLanguage"},
		{"default not a language", Options{DefaultLanguage: "fi"}, `DefaultLanguage "fi" is not one of the languages`},
		{"bad tag", Options{Languages: []pages.Text{{Tag: "??"}}}, "Languages[0]"},
		{"bad dir", Options{Languages: []pages.Text{{Tag: "ar", Dir: "right"}}}, "Dir"},
		{"not an error", Options{Languages: []pages.Text{{Tag: "ar", Statuses: map[int]pages.StatusText{302: {}}}}}, "302"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := New(tc.opts)
			require.Error(t, err)
			assert.True(t, strings.HasPrefix(err.Error(), "errorpage: "), "got %q", err)
			assert.Contains(t, err.Error(), tc.inErr)
		})
	}
}

func TestProblemTitle(t *testing.T) {
	for _, tc := range []struct {
		name      string
		localized bool
		want      string
	}{
		{"status phrase by default", false, `"title":"Service Unavailable"`},
		{"localized when asked for", true, `"title":"サービスを利用できません"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, _ := newTestMiddleware(t, Options{LocalizedProblemTitle: tc.localized})
			res, body := do(t, m.Handler(failing(503)), "GET", "/", "Accept", "application/json", "Accept-Language", "ja")
			assert.Equal(t, "ja", res.Header.Get("Content-Language"))
			assert.Contains(t, body, tc.want)
		})
	}
}

// contentLanguage serves a 500 through m to a request carrying one
// Accept-Language header line per value, in process, and returns the
// page's Content-Language.
func contentLanguage(m *Middleware, lines ...string) string {
	r := httptest.NewRequest("GET", "/", nil)
	r.Header.Set("Accept", "text/html")
	for _, v := range lines {
		r.Header.Add("Accept-Language", v)
	}
	rec := httptest.NewRecorder()
	m.Handler(failing(500)).ServeHTTP(rec, r)
	return rec.Header().Get("Content-Language")
}

// TestAcceptLanguageServesOnlyListedLanguages guards against serving a
// language the visitor never asked for because the matcher found it
// "close": Russian readers got Ukrainian, Afrikaans readers Dutch.
func TestAcceptLanguageServesOnlyListedLanguages(t *testing.T) {
	m, _ := newTestMiddleware(t, Options{})
	de, _ := newTestMiddleware(t, Options{DefaultLanguage: "de"})
	tests := []struct {
		accept string
		m      *Middleware
		want   string
	}{
		// A related language is not the visitor's language.
		{"ru", m, "en"}, {"ru-RU", m, "en"}, {"bg", m, "en"}, {"kk", m, "en"}, {"be", m, "en"},
		{"af", m, "en"}, {"gl", m, "en"}, {"ca", m, "en"}, {"oc", m, "en"}, {"lb", m, "en"},
		{"gsw", m, "en"}, {"nb", m, "en"}, {"eu", m, "en"}, {"yue", m, "en"},
		{"ru-RU,ru;q=0.9", de, "de"}, {"af", de, "de"},
		// x/text answers English with high confidence for some unknown
		// languages; the default still applies.
		{"sw", m, "en"}, {"sw", de, "de"}, {"zu", de, "de"}, {"fil", de, "de"}, {"mt", de, "de"},
		{"sw, en;q=0.1", de, "en"}, {"en-GB", de, "en"}, {"en-IN", de, "en"},
		// A listed language in a region or script we do not have.
		{"pt", m, "pt-BR"}, {"pt-PT", m, "pt-BR"}, {"pt-AO", m, "pt-BR"},
		{"zh", m, "zh-Hans"}, {"zh-CN", m, "zh-Hans"}, {"zh-TW", m, "zh-Hans"}, {"zh-Hant-TW", m, "zh-Hans"}, {"zh-HK", m, "zh-Hans"},
		{"de-CH", m, "de"}, {"de-AT", m, "de"}, {"fr-CA", m, "fr"}, {"fr-BE", m, "fr"}, {"es-419", m, "es"}, {"es-MX", m, "es"},
		{"nl-BE", m, "nl"}, {"it-CH", m, "it"}, {"ja-JP", m, "ja"}, {"ko-KR", m, "ko"}, {"pl-PL", m, "pl"}, {"uk-UA", m, "uk"},
		// The first listed language we have wins, in order of quality.
		{"ru, uk;q=0.5", m, "uk"}, {"ru, de;q=0.1", m, "de"}, {"sw, fr;q=0.3, en;q=0.2", de, "fr"},
		{"fr;q=0.4, ja;q=0.8", m, "ja"}, {"af, nl;q=0.9", m, "nl"},
		// Refused, wildcard or malformed: the default.
		{"de;q=0", m, "en"}, {"fr;q=0, de", de, "de"}, {"*", de, "de"}, {"ru, *;q=0.5", de, "de"},
		{"*, fr;q=0.5", m, "en"}, {"fr, *;q=0.5", m, "fr"}, {"*;q=0.1, fr;q=0.5", de, "fr"},
		{"de;q=2", m, "en"}, {"ja, garbage!!, fr", m, "ja"}, {"!!, fr", m, "fr"},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, contentLanguage(tc.m, tc.accept), "Accept-Language %q (default %s)", tc.accept, tc.m.render.langs.texts[0].Tag)
	}
}

// TestAcceptLanguageOnSeveralLines guards RFC 9110 §5.3: several header
// lines are one comma-separated list, not "the first line".
func TestAcceptLanguageOnSeveralLines(t *testing.T) {
	m, _ := newTestMiddleware(t, Options{})
	assert.Equal(t, "de", contentLanguage(m, "fi", "de"), "the second line names the only language we have")
	assert.Equal(t, "ja", contentLanguage(m, "de;q=0.5", "ja"), "the second line's higher quality wins")
	assert.Equal(t, "fr", contentLanguage(m, "", "fr"), "an empty first line")
}

// hugeAcceptLanguage is about 1 MiB of header value, under net/http's
// default limit on request headers.
var hugeAcceptLanguage = map[string]string{
	"stars": strings.Repeat("*,", 1<<19),
	"tags":  strings.Repeat("de-DE;q=0.5,", 1<<20/12),
	"junk":  strings.Repeat("x", 1<<20),
}

// TestAcceptLanguageCostIsBounded guards against a 1 MiB Accept-Language
// costing hundreds of MiB: a huge value must allocate about what a value
// of a few hundred bytes does.
func TestAcceptLanguageCostIsBounded(t *testing.T) {
	m, _ := newTestMiddleware(t, Options{})
	h := m.Handler(failing(500))
	measure := func(value string) (allocs float64, bytes uint64) {
		r := httptest.NewRequest("GET", "/", nil)
		r.Header.Set("Accept", "text/html")
		r.Header.Set("Accept-Language", value)
		serve := func() { h.ServeHTTP(httptest.NewRecorder(), r) }
		serve()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		allocs = testing.AllocsPerRun(5, serve)
		runtime.ReadMemStats(&after)
		return allocs, (after.TotalAlloc - before.TotalAlloc) / 6
	}
	// Long enough to miss the cache, like the huge ones.
	baseAllocs, baseBytes := measure(strings.Repeat("fi;q=0.5, ", 40) + "de")
	for name, value := range hugeAcceptLanguage {
		allocs, bytes := measure(value)
		assert.LessOrEqual(t, allocs, baseAllocs+20, "%s: got %.0f allocations, want about %.0f", name, allocs, baseAllocs)
		assert.LessOrEqual(t, bytes, baseBytes+16<<10, "%s: got %d bytes allocated, want about %d", name, bytes, baseBytes)
	}
}

func BenchmarkAcceptLanguage(b *testing.B) {
	m, err := New(Options{Logger: slog.New(slog.DiscardHandler)})
	require.NoError(b, err)
	h := m.Handler(failing(500))
	values := map[string]string{
		"short":  "de-DE,de;q=0.9,en;q=0.8",
		"longer": strings.Repeat("fi;q=0.5, ", 40) + "de",
	}
	for name, v := range hugeAcceptLanguage {
		values["1MiB-"+name] = v
	}
	for _, name := range []string{"short", "longer", "1MiB-stars", "1MiB-tags", "1MiB-junk"} {
		b.Run(name, func(b *testing.B) {
			r := httptest.NewRequest("GET", "/", nil)
			r.Header.Set("Accept", "text/html")
			r.Header.Set("Accept-Language", values[name])
			b.ReportAllocs()
			for b.Loop() {
				h.ServeHTTP(httptest.NewRecorder(), r)
			}
		})
	}
}

// TestAcceptLanguageChoosesAmongTextsOfOneLanguage checks that among
// several texts of the visitor's language the closest region or script
// wins.
func TestAcceptLanguageChoosesAmongTextsOfOneLanguage(t *testing.T) {
	m, _ := newTestMiddleware(t, Options{Languages: []pages.Text{{Tag: "zh-Hant"}, {Tag: "pt-PT"}}})
	for accept, want := range map[string]string{
		"zh-TW": "zh-Hant", "zh-Hant": "zh-Hant", "zh-HK": "zh-Hant", "zh-CN": "zh-Hans", "zh": "zh-Hans",
		"pt-PT": "pt-PT", "pt-AO": "pt-PT", "pt-BR": "pt-BR", "pt": "pt-BR",
		"ru, pt-PT;q=0.5": "pt-PT",
	} {
		assert.Equal(t, want, contentLanguage(m, accept), "Accept-Language %q", accept)
	}
}

func TestSpellDuration(t *testing.T) {
	l := newLanguages(pages.Languages())
	idx := func(tag string) int {
		for i, t := range l.texts {
			if t.Tag == tag {
				return i
			}
		}
		t.Fatalf("no language %s", tag)
		return 0
	}
	tests := []struct {
		lang string
		d    time.Duration
		want string
	}{
		{"en", 0, "about a second"},
		{"en", 1500 * time.Millisecond, "about 2 seconds"},
		{"en", 59 * time.Second, "about 59 seconds"},
		{"en", 60 * time.Second, "about a minute"},
		{"en", 61 * time.Second, "about 2 minutes"},
		{"en", 59 * time.Minute, "about 59 minutes"},
		{"en", 59*time.Minute + time.Second, "about an hour"},
		{"en", 100 * time.Minute, "about 2 hours"},
		{"pl", 2 * time.Minute, "2 minuty"},
		{"pl", 5 * time.Minute, "5 minut"},
		{"pl", 22 * time.Minute, "22 minuty"},
		{"uk", 21 * time.Minute, "21 хвилину"},
		{"ja", 5 * time.Minute, "5"},
	}
	for _, tt := range tests {
		t.Run(tt.lang+" "+tt.d.String(), func(t *testing.T) {
			got := l.spellDuration(idx(tt.lang), tt.d)
			assert.Contains(t, got, tt.want, "got %q, want it to contain %q", got, tt.want)
		})
	}
}
