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

// persian is a synthetic right-to-left language, as a user would add it:
// Persian is not built in.
var persian = pages.Text{
	Tag: "fa",
	Dir: "rtl",
	Labels: pages.Labels{
		ErrorCode: "خطای {status}",
		TryAgain:  "دوباره تلاش کنید",
		GoHome:    "رفتن به صفحهٔ اصلی",
	},
	Statuses: map[int]pages.StatusText{
		500: {Title: "مشکلی پیش آمد", Message: "با مشکلی غیرمنتظره روبه‌رو شدیم.", Advice: "کمی بعد دوباره تلاش کنید."},
	},
	Seconds: pages.Plural{Other: "{n} ثانیه"},
}

func TestAddedRightToLeftLanguage(t *testing.T) {
	m, _ := newTestMiddleware(t, Options{Languages: []pages.Text{persian}})
	res, body := do(t, m.Handler(failing(500)), "GET", "/", "Accept", "text/html", "Accept-Language", "fa-IR,fa;q=0.9", "X-Request-Id", "req-1")
	assert.Equal(t, "fa", res.Header.Get("Content-Language"))
	assert.Contains(t, body, `<html lang="fa" dir="rtl">`)
	assert.Contains(t, body, "<h1>مشکلی پیش آمد</h1>")
	assert.Contains(t, body, "خطای 500")
	assert.Contains(t, body, "Request ID", "a string the language leaves out is the default language's")

	// A 503 has no Persian text: the generic title would be wrong, so the
	// English one is used, with the Persian plural for the delay.
	_, body = do(t, m.Handler(failing(503)), "GET", "/", "Accept", "text/html", "Accept-Language", "fa")
	assert.Contains(t, body, `dir="rtl"`)
	assert.Contains(t, body, "30 ثانیه")

	// The built-in languages are still there.
	res, _ = do(t, m.Handler(failing(500)), "GET", "/", "Accept", "text/html", "Accept-Language", "ja")
	assert.Equal(t, "ja", res.Header.Get("Content-Language"))
}

// TestBuiltInRightToLeftLanguages: Arabic and Hebrew pages are written
// right to left, in HTML and in the language's digits.
func TestBuiltInRightToLeftLanguages(t *testing.T) {
	m, _ := newTestMiddleware(t, Options{})
	for _, tc := range []struct{ accept, lang, want string }{
		{"ar-EG,ar;q=0.9", "ar", "٣٠ ثانية"},
		{"he-IL", "he", "30 שניות"},
		{"iw", "he", "30 שניות"}, // the deprecated code for Hebrew
	} {
		res, body := do(t, m.Handler(failing(503)), "GET", "/", "Accept", "text/html", "Accept-Language", tc.accept)
		assert.Equal(t, tc.lang, res.Header.Get("Content-Language"), "Accept-Language %q", tc.accept)
		assert.Contains(t, body, `<html lang="`+tc.lang+`" dir="rtl">`, "Accept-Language %q", tc.accept)
		assert.Contains(t, body, tc.want, "Accept-Language %q", tc.accept)
	}
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

	m, _ = newTestMiddleware(t, Options{DefaultLanguage: "fa", Languages: []pages.Text{persian}})
	res, _ = do(t, m.Handler(failing(500)), "GET", "/", "Accept", "text/html")
	assert.Equal(t, "fa", res.Header.Get("Content-Language"), "an added language can be the default")
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
		{"bad dir", Options{Languages: []pages.Text{{Tag: "fa", Dir: "right"}}}, "Dir"},
		{"not an error", Options{Languages: []pages.Text{{Tag: "fa", Statuses: map[int]pages.StatusText{302: {}}}}}, "302"},
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
		{"localized when asked for", true, `"title":"ただいまサービスをご利用いただけません"`},
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
		{"bg", m, "en"}, {"kk", m, "en"}, {"be", m, "en"}, {"ro", m, "en"}, {"fa", m, "en"},
		{"sk", m, "en"}, {"ms", m, "en"}, {"no", m, "en"}, {"da", m, "en"}, {"ur", m, "en"}, {"az", m, "en"},
		{"af", m, "en"}, {"gl", m, "en"}, {"ca", m, "en"}, {"oc", m, "en"}, {"lb", m, "en"},
		{"gsw", m, "en"}, {"nb", m, "en"}, {"eu", m, "en"}, {"yue", m, "en"},
		{"be-BY,be;q=0.9", de, "de"}, {"af", de, "de"},
		// x/text answers English with high confidence for some unknown
		// languages; the default still applies.
		{"sw", m, "en"}, {"sw", de, "de"}, {"zu", de, "de"}, {"fil", de, "de"}, {"mt", de, "de"},
		{"sw, en;q=0.1", de, "en"}, {"en-GB", de, "en"}, {"en-IN", de, "en"},
		// A listed language in a region or script we do not have.
		{"pt", m, "pt-BR"}, {"pt-PT", m, "pt-BR"}, {"pt-AO", m, "pt-BR"},
		{"zh", m, "zh-Hans"}, {"zh-CN", m, "zh-Hans"}, {"zh-TW", m, "zh-Hans"}, {"zh-Hant-TW", m, "zh-Hans"}, {"zh-HK", m, "zh-Hans"},
		{"de-CH", m, "de"}, {"de-AT", m, "de"}, {"fr-CA", m, "fr"}, {"fr-BE", m, "fr"}, {"es-419", m, "es"}, {"es-MX", m, "es"},
		// Languages added later, under their own and their deprecated codes.
		{"ru", m, "ru"}, {"ru-RU", m, "ru"}, {"ar-EG", m, "ar"}, {"ar-MA", m, "ar"},
		{"he", m, "he"}, {"iw", m, "he"}, {"he-IL", m, "he"}, {"yi", m, "en"},
		{"tr-TR", m, "tr"}, {"sv-FI", m, "sv"}, {"cs-CZ", m, "cs"}, {"el-GR", m, "el"},
		{"id-ID", m, "id"}, {"in", m, "id"}, {"vi-VN", m, "vi"}, {"hi-IN", m, "hi"},
		{"nl-BE", m, "nl"}, {"it-CH", m, "it"}, {"ja-JP", m, "ja"}, {"ko-KR", m, "ko"}, {"pl-PL", m, "pl"}, {"uk-UA", m, "uk"},
		// The first listed language we have wins, in order of quality.
		{"be, uk;q=0.5", m, "uk"}, {"be, de;q=0.1", m, "de"}, {"ru, uk;q=0.5", m, "ru"}, {"sw, fr;q=0.3, en;q=0.2", de, "fr"},
		{"fr;q=0.4, ja;q=0.8", m, "ja"}, {"af, nl;q=0.9", m, "nl"},
		// Refused, wildcard or malformed: the default.
		{"de;q=0", m, "en"}, {"fr;q=0, de", de, "de"}, {"*", de, "de"}, {"be, *;q=0.5", de, "de"},
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
		"be, pt-PT;q=0.5": "pt-PT",
	} {
		assert.Equal(t, want, contentLanguage(m, accept), "Accept-Language %q", accept)
	}
}

// languageIndex returns the index in l of the language tagged tag.
func languageIndex(t *testing.T, l *languages, tag string) int {
	t.Helper()
	for i, text := range l.texts {
		if text.Tag == tag {
			return i
		}
	}
	t.Fatalf("no language %s", tag)
	return 0
}

// TestSpellDuration guards the rounding (never shorter than the delay, and
// not much longer: 89 minutes are not "about an hour"), the units (days
// beyond 36 hours, not "about 50 hours") and each language's plural forms.
func TestSpellDuration(t *testing.T) {
	l := newLanguages(pages.Languages())
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
		{"en", 61 * time.Minute, "about 65 minutes"},
		{"en", 89 * time.Minute, "about 90 minutes"},
		{"en", 100 * time.Minute, "about 100 minutes"},
		{"en", 116 * time.Minute, "about 2 hours"},
		{"en", 2 * time.Hour, "about 2 hours"},
		{"en", 2*time.Hour + time.Second, "about 3 hours"},
		{"en", 36 * time.Hour, "about 36 hours"},
		{"en", 36*time.Hour + time.Minute, "about 2 days"},
		{"en", 50 * time.Hour, "about 3 days"},
		{"en", 24 * 365 * 200 * time.Hour, "about 36500 days"},
		{"de", 50 * time.Hour, "etwa 3 Tagen"},
		{"fr", 90 * time.Second, "environ 2 minutes"},
		{"pl", time.Minute, "minutę"},
		{"pl", 2 * time.Minute, "2 minuty"},
		{"pl", 5 * time.Minute, "5 minut"},
		{"pl", 22 * time.Minute, "22 minuty"},
		{"pl", 40 * time.Hour, "2 dni"},
		{"uk", time.Minute, "хвилину"},
		{"uk", 21 * time.Minute, "21 хвилину"},
		{"uk", 3 * time.Minute, "3 хвилини"},
		{"uk", 11 * time.Minute, "11 хвилин"},
		{"uk", time.Hour, "годину"},
		{"ja", 5 * time.Minute, "約5分"},
		{"ja", 72 * time.Hour, "約3日"},
		{"zh-Hans", 40 * time.Hour, "约 2 天"},
		{"ko", 90 * time.Minute, "약 90분"},
		{"ru", time.Minute, "минуту"},
		{"ru", 21 * time.Minute, "21 минуту"},
		{"ru", 3 * time.Minute, "3 минуты"},
		{"ru", 5 * time.Minute, "5 минут"},
		{"ru", 11 * time.Hour, "11 часов"},
		{"ar", time.Minute, "دقيقة واحدة"},
		{"ar", 2 * time.Minute, "دقيقتين"},
		{"ar", 5 * time.Minute, "٥ دقائق"},
		{"ar", 11 * time.Minute, "١١ دقيقة"},
		{"ar", 3 * 24 * time.Hour, "٣ أيام"},
		{"he", time.Minute, "כדקה"},
		{"he", 2 * time.Hour, "כשעתיים"},
		{"he", 5 * time.Minute, "כ־5 דקות"},
		{"tr", 5 * time.Minute, "yaklaşık 5 dakika"},
		{"tr", time.Minute, "yaklaşık bir dakika"},
		{"sv", time.Hour, "ungefär en timme"},
		{"sv", 3 * time.Hour, "ungefär 3 timmar"},
		{"cs", time.Minute, "minutu"},
		{"cs", 3 * time.Minute, "3 minuty"},
		{"cs", 5 * time.Minute, "5 minut"},
		{"el", 2 * 24 * time.Hour, "περίπου 2 ημέρες"},
		{"id", time.Minute, "sekitar satu menit"},
		{"id", 7 * time.Minute, "sekitar 7 menit"},
		{"vi", 5 * time.Minute, "khoảng 5 phút"},
		{"hi", time.Hour, "लगभग एक घंटे"},
		{"hi", 3 * time.Hour, "लगभग 3 घंटे"},
	}
	for _, tt := range tests {
		t.Run(tt.lang+" "+tt.d.String(), func(t *testing.T) {
			got := l.spellDuration(languageIndex(t, l, tt.lang), tt.d)
			assert.Equal(t, tt.want, got, "got %q, want %q", got, tt.want)
		})
	}
}

// TestBackBy guards the end-of-maintenance sentence: each language writes
// the time and the date its own way, with the date as its own phrase,
// never one ISO layout for all ("antes de las 2025-12-03 01:17 UTC").
func TestBackBy(t *testing.T) {
	l := newLanguages(pages.Languages())
	now := time.Date(2025, 12, 1, 3, 0, 0, 0, time.UTC)
	soon := time.Date(2025, 12, 1, 4, 37, 0, 0, time.UTC)  // in 97 minutes
	later := time.Date(2025, 12, 3, 4, 37, 0, 0, time.UTC) // in 49.6 hours
	tests := []struct {
		lang        string
		soon, later string
	}{
		{"en", "We expect to be back by 04:37 UTC (about 100 minutes).",
			"We expect to be back on 3 December by 04:37 UTC (about 3 days)."},
		{"de", "Wir sind voraussichtlich bis 04:37 Uhr UTC wieder da (in etwa 100 Minuten).",
			"Wir sind voraussichtlich am 3. Dezember bis 04:37 Uhr UTC wieder da (in etwa 3 Tagen)."},
		{"fr", "Nous prévoyons d’être de retour d’ici 4\u00a0h\u00a037 UTC (dans environ 100 minutes).",
			"Nous prévoyons d’être de retour d’ici le 3\u00a0décembre à 4\u00a0h\u00a037 UTC (dans environ 3 jours)."},
		{"es", "Esperamos volver antes de las 04:37 UTC (dentro de unos 100 minutos).",
			"Esperamos volver antes del 3 de diciembre a las 04:37 UTC (dentro de unos 3 días)."},
		{"it", "Contiamo di tornare operativi entro le ore 4:37 UTC (tra circa 100 minuti).",
			"Contiamo di tornare operativi entro le ore 4:37 UTC del 3 dicembre (tra circa 3 giorni)."},
		{"pt-BR", "Esperamos voltar até as 04h37 UTC (em cerca de 100 minutos).",
			"Esperamos voltar até o dia 3 de dezembro, às 04h37 UTC (em cerca de 3 dias)."},
		{"nl", "We verwachten uiterlijk om 04:37 uur UTC weer beschikbaar te zijn (over ongeveer 100 minuten).",
			"We verwachten op 3 december uiterlijk om 04:37 uur UTC weer beschikbaar te zijn (over ongeveer 3 dagen)."},
		{"pl", "Planujemy wrócić do godz. 4:37 UTC (za około 100 minut).",
			"Planujemy wrócić 3 grudnia do godz. 4:37 UTC (za około 3 dni)."},
		{"uk", "Ми плануємо відновити роботу до 04:37 UTC (приблизно через 100 хвилин).",
			"Ми плануємо відновити роботу 3 грудня до 04:37 UTC (приблизно через 3 дні)."},
		{"ja", "4:37（UTC）ごろまでに復旧する見込みです（約100分後）。",
			"12月3日 4:37（UTC）ごろまでに復旧する見込みです（約3日後）。"},
		{"zh-Hans", "我们预计于 4:37（UTC）前恢复（约 100 分钟后）。",
			"我们预计于 12月3日 4:37（UTC）前恢复（约 3 天后）。"},
		{"ko", "4시 37분(UTC)까지 복구될 예정이에요(약 100분 후).",
			"12월 3일 4시 37분(UTC)까지 복구될 예정이에요(약 3일 후)."},
		{"ru", "Мы планируем возобновить работу к 04:37 UTC (примерно через 100 минут).",
			"Мы планируем возобновить работу 3 декабря к 04:37 UTC (примерно через 3 дня)."},
		{"ar", "نتوقع أن نعود بحلول الساعة ٠٤:٣٧ بالتوقيت العالمي (بعد ١٠٠ دقيقة تقريبًا).",
			"نتوقع أن نعود يوم ٣ ديسمبر بحلول الساعة ٠٤:٣٧ بالتوقيت العالمي (بعد ٣ أيام تقريبًا)."},
		{"he", "אנחנו צפויים לחזור לפעילות עד 04:37 UTC (בעוד כ־100 דקות).",
			"אנחנו צפויים לחזור לפעילות ב־3 בדצמבר עד 04:37 UTC (בעוד כ־3 ימים)."},
		{"tr", "En geç saat 04:37 UTC itibarıyla yeniden hizmette olmayı bekliyoruz (yaklaşık 100 dakika sonra).",
			"En geç 3 Aralık saat 04:37 UTC itibarıyla yeniden hizmette olmayı bekliyoruz (yaklaşık 3 gün sonra)."},
		{"sv", "Vi räknar med att vara tillbaka senast kl. 04:37 UTC (om ungefär 100 minuter).",
			"Vi räknar med att vara tillbaka senast den 3 december kl. 04:37 UTC (om ungefär 3 dygn)."},
		{"cs", "Očekáváme, že budeme zpět do 4:37 UTC (přibližně za 100 minut).",
			"Očekáváme, že budeme zpět 3. prosince do 4:37 UTC (přibližně za 3 dny)."},
		{"el", "Αναμένουμε να επανέλθουμε έως τις 04:37 UTC (σε περίπου 100 λεπτά).",
			"Αναμένουμε να επανέλθουμε έως τις 3 Δεκεμβρίου, ώρα 04:37 UTC (σε περίπου 3 ημέρες)."},
		{"id", "Layanan kami perkirakan kembali paling lambat pukul 04.37 UTC (sekitar 100 menit lagi).",
			"Layanan kami perkirakan kembali paling lambat tanggal 3 Desember pukul 04.37 UTC (sekitar 3 hari lagi)."},
		{"vi", "Chúng tôi dự kiến hoạt động trở lại trước 4 giờ 37 UTC (sau khoảng 100 phút).",
			"Chúng tôi dự kiến hoạt động trở lại trước 4 giờ 37 UTC ngày 3 tháng 12 (sau khoảng 3 ngày)."},
		{"hi", "हमें उम्मीद है कि सेवा 4:37 बजे (UTC) तक फिर से शुरू हो जाएगी (लगभग 100 मिनट बाद)।",
			"हमें उम्मीद है कि सेवा 3 दिसंबर को 4:37 बजे (UTC) तक फिर से शुरू हो जाएगी (लगभग 3 दिन बाद)।"},
	}
	require.Len(t, tests, len(l.texts), "a row per built-in language")
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			i := languageIndex(t, l, tt.lang)
			assert.Equal(t, tt.soon, l.backBy(i, soon, now))
			assert.Equal(t, tt.later, l.backBy(i, later, now))
		})
	}
	// A moment within a minute is rounded up, never promising too early.
	en := languageIndex(t, l, "en")
	assert.Equal(t, "We expect to be back by 04:38 UTC (about 100 minutes).", l.backBy(en, soon.Add(time.Second), now))
}

// TestNumbersInTheLanguagesDigits checks that a language with its own
// digits writes durations, times and dates in them.
func TestNumbersInTheLanguagesDigits(t *testing.T) {
	texts := pages.Languages()
	texts[0].Digits = "٠١٢٣٤٥٦٧٨٩"
	l := newLanguages(texts)
	assert.Equal(t, "about ٢٥ minutes", l.spellDuration(0, 25*time.Minute))
	now := time.Date(2025, 12, 1, 3, 0, 0, 0, time.UTC)
	assert.Equal(t, "We expect to be back on ٣ December by ٠٤:٣٧ UTC (about ٣ days).",
		l.backBy(0, time.Date(2025, 12, 3, 4, 37, 0, 0, time.UTC), now))
}
