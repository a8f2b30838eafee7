package pages

import (
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

// builtinTexts lists every built-in language with the tag it must parse
// to and its writing direction.
var builtinTexts = []struct {
	name string
	text Text
	tag  language.Tag
	dir  string
}{
	{"en", english, language.English, "ltr"},
	{"de", german, language.German, "ltr"},
	{"fr", french, language.French, "ltr"},
	{"es", spanish, language.Spanish, "ltr"},
	{"it", italian, language.Italian, "ltr"},
	{"pt-BR", portugueseBR, language.BrazilianPortuguese, "ltr"},
	{"nl", dutch, language.Dutch, "ltr"},
	{"pl", polish, language.Polish, "ltr"},
	{"uk", ukrainian, language.Ukrainian, "ltr"},
	{"ja", japanese, language.Japanese, "ltr"},
	{"zh-Hans", chinese, language.SimplifiedChinese, "ltr"},
	{"ko", korean, language.Korean, "ltr"},
	{"ru", russian, language.Russian, "ltr"},
	{"ar", arabic, language.Arabic, "rtl"},
	{"he", hebrew, language.Hebrew, "rtl"},
	{"tr", turkish, language.Turkish, "ltr"},
	{"sv", swedish, language.Swedish, "ltr"},
	{"cs", czech, language.Czech, "ltr"},
	{"el", greek, language.Greek, "ltr"},
	{"id", indonesian, language.Indonesian, "ltr"},
	{"vi", vietnamese, language.Vietnamese, "ltr"},
	{"hi", hindi, language.Hindi, "ltr"},
}

// newLanguages are the languages added after the 4xx pages were planned:
// they carry the client errors' texts themselves.
var newLanguages = map[string]bool{
	"ru": true, "tr": true, "ar": true, "he": true, "hi": true,
	"id": true, "sv": true, "cs": true, "vi": true, "el": true,
}

// requiredStatuses are the errors every language must explain: the server
// errors the HTTP spec defines and the common client errors.
var requiredStatuses = []int{
	500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511,
	400, 401, 403, 404, 405, 406, 408, 409, 410, 413, 414, 415, 421, 422, 429, 431, 451,
}

// clientStatuses are the client errors a language must explain once it
// explains any.
var clientStatuses = []int{400, 401, 403, 404, 405, 406, 408, 409, 410, 413, 414, 415, 421, 422, 429, 431, 451}

// mayEqualEnglish lists, per language, the strings that may read the same
// as the English one; every other string must differ, so that a string
// left untranslated is caught. Colon, Clock and Date are layouts, often
// shared.
var mayEqualEnglish = map[string][]string{
	"*":  {"Labels.Colon", "Labels.Clock", "Labels.Date"},
	"es": {"Labels.ErrorCode"},
}

var placeholderRE = regexp.MustCompile(`\{[A-Za-z_]+\}`)

// placeholders returns the sorted, distinct {word} tokens in s.
func placeholders(s string) []string {
	found := placeholderRE.FindAllString(s, -1)
	slices.Sort(found)
	return slices.Compact(found)
}

// field is one string of a Text, with a name for messages and the English
// string it translates.
type field struct {
	name, value, english string
}

// statusFields returns the fields of a StatusText.
func statusFields(prefix string, st, en StatusText) []field {
	return []field{
		{prefix + ".Title", st.Title, en.Title},
		{prefix + ".Message", st.Message, en.Message},
		{prefix + ".Advice", st.Advice, en.Advice},
	}
}

// labelFields returns every Labels field, found by reflection so that a
// field added later is covered too.
func labelFields(t *testing.T, l, en Labels) []field {
	v, ev := reflect.ValueOf(l), reflect.ValueOf(en)
	var fields []field
	for i := range v.NumField() {
		f := v.Type().Field(i)
		require.Equal(t, reflect.String, f.Type.Kind(), "Labels.%s is not a string; update this test", f.Name)
		fields = append(fields, field{"Labels." + f.Name, v.Field(i).String(), ev.Field(i).String()})
	}
	return fields
}

// pluralForms returns every Plural form by reflection, keyed by category.
func pluralForms(t *testing.T, p Plural) []struct{ category, value string } {
	v := reflect.ValueOf(p)
	var forms []struct{ category, value string }
	for i := range v.NumField() {
		f := v.Type().Field(i)
		require.Equal(t, reflect.String, f.Type.Kind(), "Plural.%s is not a string; update this test", f.Name)
		forms = append(forms, struct{ category, value string }{f.Name, v.Field(i).String()})
	}
	return forms
}

func TestTexts(t *testing.T) {
	for _, tc := range builtinTexts {
		t.Run(tc.name, func(t *testing.T) {
			text := tc.text

			tag, err := language.Parse(text.Tag)
			require.NoError(t, err, "%s Tag %q does not parse", tc.name, text.Tag)
			assert.Equal(t, tc.tag, tag, "%s Tag: got %q, want %q", tc.name, tag, tc.tag)
			assert.Equal(t, tc.dir, text.Dir, "%s Dir: got %q, want %q", tc.name, text.Dir, tc.dir)

			// Every string that translates an English one: non-empty,
			// same placeholders, no markup.
			fields := labelFields(t, text.Labels, english.Labels)
			statuses := requiredStatuses
			if _, ok := text.Statuses[404]; ok || newLanguages[tc.name] {
				statuses = append(slices.Clone(clientStatuses), requiredStatuses...)
			}
			for _, status := range statuses {
				st, ok := text.Statuses[status]
				if !assert.True(t, ok, "%s Statuses: %d is missing", tc.name, status) {
					continue
				}
				fields = append(fields, statusFields("Statuses["+strconv.Itoa(status)+"]", st, english.Statuses[status])...)
			}
			fields = append(fields, statusFields("Generic", text.Generic, english.Generic)...)
			fields = append(fields, statusFields("GenericClient", text.GenericClient, english.GenericClient)...)
			fields = append(fields, statusFields("Maintenance", text.Maintenance, english.Maintenance)...)
			for _, f := range fields {
				assert.NotEmpty(t, strings.TrimSpace(f.value), "%s %s is empty", tc.name, f.name)
				if f.name != "Labels.Clock" && f.name != "Labels.Date" {
					assert.Equal(t, placeholders(f.english), placeholders(f.value),
						"%s %s: got placeholders %v, want %v", tc.name, f.name, placeholders(f.value), placeholders(f.english))
				}
				if tc.name != "en" && f.english != "" && !slices.Contains(mayEqualEnglish["*"], f.name) && !slices.Contains(mayEqualEnglish[tc.name], f.name) {
					assert.NotEqual(t, f.english, f.value, "%s %s reads the same as the English", tc.name, f.name)
				}
				assertPlainText(t, tc.name+" "+f.name, f.value)
			}
			assertLayout(t, tc.name+" Labels.Clock", text.Labels.Clock, []string{"{H}", "{HH}"}, []string{"{m}", "{mm}"})
			assertLayout(t, tc.name+" Labels.Date", text.Labels.Date, []string{"{d}", "{dd}"}, []string{"{M}", "{MM}", "{month}"})
			if strings.Contains(text.Labels.Date, "{month}") {
				for m, name := range text.Months {
					assert.NotEmpty(t, strings.TrimSpace(name), "%s Months[%d] is empty, but Date uses {month}", tc.name, m)
				}
			}
			if d := text.Digits; d != "" {
				assert.Len(t, []rune(d), 10, "%s Digits: got %q, want ten digits", tc.name, d)
			}

			// Plurals: Other always, with {n}; ExactlyOne, and Zero,
			// One and Two where the category holds one number only, may
			// spell the number out and drop {n}; any other form that is
			// set must contain exactly {n}.
			single := map[string]bool{"ExactlyOne": true}
			for _, c := range []struct {
				name string
				form plural.Form
			}{{"Zero", plural.Zero}, {"One", plural.One}, {"Two", plural.Two}} {
				single[c.name] = len(numbersIn(tc.tag, c.form)) <= 1
			}
			for _, p := range []struct {
				name   string
				plural Plural
			}{{"Seconds", text.Seconds}, {"Minutes", text.Minutes}, {"Hours", text.Hours}, {"Days", text.Days}} {
				if tc.name != "en" {
					assert.NotEqual(t, english.Seconds.Other, p.plural.Other, "%s %s.Other reads the same as the English", tc.name, p.name)
				}
				assert.NotEmpty(t, strings.TrimSpace(p.plural.Other), "%s %s.Other is empty", tc.name, p.name)
				for _, form := range pluralForms(t, p.plural) {
					name := p.name + "." + form.category
					if form.value == "" && form.category != "Other" {
						continue
					}
					got := placeholders(form.value)
					want := [][]string{{"{n}"}}
					if single[form.category] {
						want = append(want, nil)
					}
					assert.True(t, slices.ContainsFunc(want, func(w []string) bool { return slices.Equal(w, got) }),
						"%s %s: got placeholders %v, want %v", tc.name, name, got, want[0])
					assertPlainText(t, tc.name+" "+name, form.value)
				}
			}
		})
	}
}

// TestTextsDistinct catches a row of builtinTexts pointing at the wrong
// variable, or a language left as a copy of another.
func TestTextsDistinct(t *testing.T) {
	seen := map[string]string{}
	for _, tc := range builtinTexts {
		assert.Equal(t, tc.name, tc.text.Tag, "%s: the row holds the text tagged %q", tc.name, tc.text.Tag)
		title := tc.text.Statuses[500].Title
		if other, ok := seen[title]; ok {
			t.Errorf("%s Statuses[500].Title %q is the same as %s's", tc.name, title, other)
		}
		seen[title] = tc.name
	}
}

// numbersIn returns the whole numbers from 1 to 200 (a spelled duration
// is never 0) that the language's
// cardinal plural rules put in the category form.
func numbersIn(tag language.Tag, form plural.Form) []int {
	var ns []int
	for n := 1; n <= 200; n++ {
		if plural.Cardinal.MatchPlural(tag, n, 0, 0, 0, 0) == form {
			ns = append(ns, n)
		}
	}
	return ns
}

// assertLayout checks a Clock or Date layout: plain text holding one of
// first and one of second, and no other placeholder.
func assertLayout(t *testing.T, name, layout string, first, second []string) {
	t.Helper()
	got := placeholders(layout)
	hasAny := func(want []string) bool {
		return slices.ContainsFunc(got, func(p string) bool { return slices.Contains(want, p) })
	}
	assert.True(t, hasAny(first), "%s %q: want one of %v", name, layout, first)
	assert.True(t, hasAny(second), "%s %q: want one of %v", name, layout, second)
	for _, p := range got {
		assert.True(t, slices.Contains(first, p) || slices.Contains(second, p), "%s %q: unknown placeholder %s", name, layout, p)
	}
	assertPlainText(t, name, layout)
}

func assertPlainText(t *testing.T, name, s string) {
	t.Helper()
	assert.False(t, strings.ContainsAny(s, "<>"), "%s contains < or >, but texts are plain text: %q", name, s)
}

// TestTexts_MaintenanceAdviceHoldsWithoutRefresh: the maintenance advice
// is written into the plain-text answer too, and only HTML gets a Refresh
// header, so it must not promise that the page comes back by itself. The
// table lists, per language, the words of that promise.
func TestTexts_MaintenanceAdviceHoldsWithoutRefresh(t *testing.T) {
	promises := map[string][]string{
		"en": {"by itself", "automatically"}, "de": {"von selbst", "automatisch"},
		"fr": {"d’elle-même", "automatiquement"}, "es": {"por sí sola", "automáticamente"},
		"it": {"da sola", "automaticamente"}, "pt-BR": {"sozinha", "automaticamente"},
		"nl": {"vanzelf", "automatisch"}, "pl": {"sama", "automatycznie"},
		"uk": {"сама", "автоматично"}, "ja": {"自動"}, "zh-Hans": {"自动"}, "ko": {"자동"},
		"ru": {"сама", "автоматически"}, "tr": {"kendiliğinden", "otomatik"}, "ar": {"تلقائي"},
		"he": {"אוטומטי", "מעצמו"}, "hi": {"अपने आप", "स्वचालित"}, "id": {"otomatis", "dengan sendirinya"},
		"sv": {"av sig själv", "automatiskt"}, "cs": {"sama", "automaticky"}, "vi": {"tự động"},
		"el": {"μόνη της", "αυτόματα"},
	}
	for _, tc := range builtinTexts {
		words, ok := promises[tc.name]
		require.True(t, ok, "no promise words for %s; add them", tc.name)
		for _, w := range words {
			assert.NotContains(t, strings.ToLower(tc.text.Maintenance.Advice), w,
				"%s Maintenance.Advice promises a reload only HTML gets: %q", tc.name, tc.text.Maintenance.Advice)
		}
	}
}

// TestTexts_BadGatewayCoversNoAnswer: a 502 is also what a reverse proxy
// answers when the upstream refused the connection, so the text must not
// claim that an answer came. The table lists, per language, the words
// saying the service could not be reached.
func TestTexts_BadGatewayCoversNoAnswer(t *testing.T) {
	unreachable := map[string]string{
		"en": "could not be reached", "de": "nicht erreichbar", "fr": "injoignable",
		"es": "no estaba disponible", "it": "non era raggiungibile", "pt-BR": "inacessível",
		"nl": "onbereikbaar", "pl": "niedostępna", "uk": "недоступний",
		"ja": "接続できなかった", "zh-Hans": "无法连接", "ko": "연결할 수 없거나",
		"ru": "недоступен", "tr": "ulaşılamadı", "ar": "تعذّر الوصول", "he": "לא היה זמין",
		"hi": "पहुँचा नहीं जा सका", "id": "tidak dapat dihubungi", "sv": "gick inte att nå",
		"cs": "nedostupná", "vi": "không thể kết nối", "el": "δεν ήταν διαθέσιμη",
	}
	for _, tc := range builtinTexts {
		w, ok := unreachable[tc.name]
		require.True(t, ok, "no words for %s; add them", tc.name)
		assert.Contains(t, tc.text.Statuses[502].Message, w,
			"%s Statuses[502].Message speaks only of an invalid answer: %q", tc.name, tc.text.Statuses[502].Message)
	}
}

// TestTexts_MaintenanceIsNotAnError: the label over the maintenance
// page's heading names planned maintenance, not an error.
func TestTexts_MaintenanceIsNotAnError(t *testing.T) {
	for _, tc := range builtinTexts {
		l := tc.text.Labels
		assert.NotEmpty(t, l.Maintenance, "%s Labels.Maintenance is empty", tc.name)
		assert.NotEqual(t, l.ErrorCode, l.Maintenance, "%s Labels.Maintenance", tc.name)
		errWord, _, _ := strings.Cut(l.ErrorCode, " ")
		assert.NotContains(t, strings.ToLower(l.Maintenance), strings.ToLower(errWord),
			"%s Labels.Maintenance %q calls it an error", tc.name, l.Maintenance)
	}
}
