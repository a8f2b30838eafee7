package pages

import (
	"bytes"
	"context"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/errorpage/errorpage/internal/notice"
	"github.com/errorpage/errorpage/maintenance"
)

func renderBanner(t *testing.T, b Banner) string {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, MaintenanceBanner(b).Render(context.Background(), &buf))
	return buf.String()
}

func TestBanner_EveryLanguage(t *testing.T) {
	start := time.Date(2026, 12, 24, 2, 0, 0, 0, time.UTC)
	until := start.Add(time.Hour)
	win := maintenance.State{On: true, Start: start, Until: until, Message: "default words",
		Messages: map[string]string{"de": "Wir rüsten auf"}}
	for _, text := range Languages() {
		t.Run(text.Tag, func(t *testing.T) {
			r := httptest.NewRequest("GET", "/", nil)
			r.Header.Set("Accept-Language", text.Tag+", en;q=0.1")
			r = r.WithContext(notice.With(r.Context(), maintenance.Notice{Window: win, Upcoming: true}))
			b := BannerFor(r, nil)
			require.Equal(t, text.Tag, b.Text.Tag, "the visitor's language")
			html := renderBanner(t, b)
			assert.Contains(t, html, `data-testid="maintenance-banner"`)
			assert.Contains(t, html, `lang="`+text.Tag+`"`)
			assert.Contains(t, html, `datetime="2026-12-24T02:00:00Z"`)
			assert.Contains(t, html, `datetime="2026-12-24T03:00:00Z"`)
			assert.Contains(t, html, start.Format(text.DateLayout), "the start in the language's date format")
			assert.Contains(t, html, until.Format(text.DateLayout))
			prefix, _, _ := strings.Cut(text.Labels.Scheduled, "{from}")
			assert.Contains(t, html, escape(prefix), "the language's sentence")
			assert.NotContains(t, html, "{from}")
			assert.NotContains(t, html, "{to}")
			if text.Tag == "de" {
				assert.Contains(t, html, "Wir rüsten auf")
			} else {
				assert.Contains(t, html, "default words")
			}
		})
	}
}

func TestBanner_EnglishReadsLikeTheIssue(t *testing.T) {
	start := time.Date(2026, 12, 24, 2, 0, 0, 0, time.UTC)
	html := renderBanner(t, Banner{Start: start, Until: start.Add(time.Hour), Text: english})
	assert.Contains(t, html, "Thu 24 Dec 2026, 02:00 UTC</time> – <time")
}

func TestBanner_ReadOnlyAndNothing(t *testing.T) {
	r := httptest.NewRequest("GET", "/", nil)
	assert.False(t, BannerFor(r, nil).Shown(), "no notice, no banner")
	assert.Empty(t, renderBanner(t, BannerFor(r, nil)))

	r = r.WithContext(notice.With(r.Context(), maintenance.Notice{Window: maintenance.State{On: true, ReadOnly: true}, ReadOnly: true}))
	html := renderBanner(t, BannerFor(r, nil))
	assert.Contains(t, html, english.Labels.ReadOnly)

	open := Banner{Start: time.Date(2026, 12, 24, 2, 0, 0, 0, time.UTC), Text: english}
	assert.Contains(t, renderBanner(t, open), "Scheduled maintenance from <time")
}

func TestBanner_LongAcceptLanguageIsBounded(t *testing.T) {
	langs := Languages()
	assert.Equal(t, 0, chooseText(strings.Repeat("xx-YY;q=0.5, ", 10000)+"de", langs))
	assert.Equal(t, 1, chooseText("de-AT", langs))
}

func escape(s string) string {
	var b bytes.Buffer
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
