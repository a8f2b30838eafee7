package errorpage

import (
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"

	"github.com/errorpage/errorpage/pages"
)

// languages chooses the page's language from Accept-Language with BCP 47
// matching (golang.org/x/text/language), so pt-PT finds pt-BR and zh-CN
// finds zh-Hans, and spells durations with each language's plural rules.
type languages struct {
	texts   []pages.Text
	tags    []language.Tag
	matcher language.Matcher

	// cache remembers the choice for Accept-Language values already seen;
	// browsers send few distinct ones. It stops growing at cacheMax so a
	// client inventing values cannot fill memory.
	cache  sync.Map // string → int
	cached atomic.Int32

	// sentences remembers retryIn's answers: a service sends the same few
	// delays over and over. Bounded like cache.
	sentences     sync.Map // sentenceKey → string
	sentenceCount atomic.Int32
}

type sentenceKey struct {
	lang int
	secs int64
}

const cacheMax = 512

func newLanguages(texts []pages.Text) *languages {
	l := &languages{texts: texts}
	for _, t := range texts {
		l.tags = append(l.tags, language.Make(t.Tag))
	}
	l.matcher = language.NewMatcher(l.tags)
	return l
}

// choose returns the index in texts of the best language for the
// Accept-Language value; the first language when there is no match or the
// value is malformed.
func (l *languages) choose(accept string) int {
	if accept == "" || len(l.texts) == 1 {
		return 0
	}
	if i, ok := l.cache.Load(accept); ok {
		return i.(int)
	}
	i := 0
	if prefs, _, err := language.ParseAcceptLanguage(accept); err == nil && len(prefs) > 0 {
		_, i, _ = l.matcher.Match(prefs...)
	}
	if len(accept) <= 256 && l.cached.Load() < cacheMax {
		if _, loaded := l.cache.LoadOrStore(accept, i); !loaded {
			l.cached.Add(1)
		}
	}
	return i
}

// spellDuration says how long d is in the language at index i, rounded the
// way people say it and never shorter than d: seconds under a minute,
// minutes under an hour, hours beyond.
func (l *languages) spellDuration(i int, d time.Duration) string {
	t := l.texts[i]
	d = min(d, maxRetryDelay) // keeps the rounding below from overflowing
	var n int64
	var p pages.Plural
	switch {
	case ceilDiv(d, time.Second) < 60:
		n, p = ceilDiv(d, time.Second), t.Seconds
	case ceilDiv(d, time.Minute) < 60:
		n, p = ceilDiv(d, time.Minute), t.Minutes
	default:
		n, p = (int64(d)+int64(time.Hour)/2)/int64(time.Hour), t.Hours
	}
	if n < 1 {
		n = 1
	}
	form := p.Other
	switch plural.Cardinal.MatchPlural(l.tags[i], int(n%10_000_000), 0, 0, 0, 0) {
	case plural.Zero:
		form = orElse(p.Zero, form)
	case plural.One:
		form = orElse(p.One, form)
	case plural.Two:
		form = orElse(p.Two, form)
	case plural.Few:
		form = orElse(p.Few, form)
	case plural.Many:
		form = orElse(p.Many, form)
	}
	return strings.ReplaceAll(form, "{n}", strconv.FormatInt(n, 10))
}

// retryIn is the sentence saying to come back after d, which is rounded
// up to whole seconds first.
func (l *languages) retryIn(i int, d time.Duration) string {
	key := sentenceKey{i, ceilDiv(d, time.Second)}
	if s, ok := l.sentences.Load(key); ok {
		return s.(string)
	}
	s := strings.ReplaceAll(l.texts[i].Labels.RetryIn, "{time}", l.spellDuration(i, time.Duration(key.secs)*time.Second))
	if l.sentenceCount.Load() < cacheMax {
		if _, loaded := l.sentences.LoadOrStore(key, s); !loaded {
			l.sentenceCount.Add(1)
		}
	}
	return s
}

// backBy is the sentence saying when a maintenance window ends. The clock
// time is UTC: the server does not know the visitor's zone, and a page
// readable without JavaScript cannot convert it.
func (l *languages) backBy(i int, until, now time.Time) string {
	layout := "15:04 UTC"
	if until.Sub(now) > 20*time.Hour {
		layout = "2006-01-02 15:04 UTC"
	}
	s := strings.ReplaceAll(l.texts[i].Labels.BackBy, "{time}", until.UTC().Format(layout))
	return strings.ReplaceAll(s, "{in}", l.spellDuration(i, until.Sub(now)))
}

func ceilDiv(d, unit time.Duration) int64 {
	return int64((d + unit - 1) / unit)
}

func orElse(s, fallback string) string {
	if s != "" {
		return s
	}
	return fallback
}
