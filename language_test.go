package errorpage

import (
	"strings"
	"testing"

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
		{"not a server error", Options{Languages: []pages.Text{{Tag: "ar", Statuses: map[int]pages.StatusText{404: {}}}}}, "404"},
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
