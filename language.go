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

// languages chooses the page's language from Accept-Language and spells
// durations with each language's plural rules.
//
// It serves only a language the visitor lists: a listed language in
// another region or script is fine (pt-PT gets pt-BR, zh-TW gets zh-Hans
// when that is the only Chinese, de-CH gets de), and among several texts
// of that language BCP 47 matching (golang.org/x/text/language) picks the
// closest. A merely related language is not: Belarusian readers get the
// default language rather than Russian or Ukrainian, Afrikaans readers
// rather than Dutch, whatever confidence the matcher gives. Deprecated
// codes name their language ("iw" is Hebrew, "in" Indonesian).
type languages struct {
	texts []pages.Text
	tags  []language.Tag

	// byBase lists, for each base language, the indices in texts of its
	// texts; matchers holds a matcher among them for a base language
	// with more than one.
	byBase   map[language.Base][]int
	matchers map[language.Base]language.Matcher

	// cache remembers the choice for Accept-Language values already seen;
	// browsers send few distinct ones. It stops growing at cacheMax so a
	// client inventing values cannot fill memory.
	cache  sync.Map // string → int
	cached atomic.Int32

	// sentences remembers retryIn's answers: a service sends the same few
	// delays over and over. Bounded like cache.
	sentences     sync.Map // sentenceKey → string
	sentenceCount atomic.Int32
	// lastSentence holds, per language, the sentence made last:
	// nearly every response of a service says the same delay, and one
	// atomic load is cheaper than the map.
	lastSentence []atomic.Pointer[retrySentence]
}

type retrySentence struct {
	secs     int64
	sentence string
}

type sentenceKey struct {
	lang int
	secs int64
}

const cacheMax = 512

func newLanguages(texts []pages.Text) *languages {
	l := &languages{texts: texts, byBase: map[language.Base][]int{}, matchers: map[language.Base]language.Matcher{},
		lastSentence: make([]atomic.Pointer[retrySentence], len(texts))}
	for i, t := range texts {
		tag := language.Make(t.Tag)
		l.tags = append(l.tags, tag)
		b, _ := tag.Base()
		l.byBase[b] = append(l.byBase[b], i)
	}
	for b, group := range l.byBase {
		if len(group) > 1 {
			tags := make([]language.Tag, len(group))
			for j, i := range group {
				tags[j] = l.tags[i]
			}
			l.matchers[b] = language.NewMatcher(tags)
		}
	}
	return l
}

// choose returns the index in texts of the language to serve for the
// Accept-Language header lines: the first language the visitor lists
// with the highest quality that we have, else the first language, which
// is the default (also where "*" is rated higher). Malformed elements are skipped, and only the start of a
// long header is read (see [list]).
func (l *languages) choose(lines []string) int {
	if len(lines) == 0 || len(l.texts) == 1 {
		return 0
	}
	key := ""
	if len(lines) == 1 && len(lines[0]) <= 256 {
		key = lines[0]
		if i, ok := l.cache.Load(key); ok {
			return i.(int)
		}
	}
	i := l.match(lines)
	if key != "" && l.cached.Load() < cacheMax {
		if _, loaded := l.cache.LoadOrStore(key, i); !loaded {
			l.cached.Add(1)
		}
	}
	return i
}

// match is choose without the cache.
func (l *languages) match(lines []string) int {
	var (
		best  language.Tag
		bestB language.Base // zero: the default language
		bestQ float64
	)
	for elems := newList(lines); ; {
		elem, ok := elems.next()
		if !ok {
			break
		}
		tag, params, _ := strings.Cut(elem, ";")
		q, ok := quality(params)
		if !ok || q <= bestQ {
			continue // malformed, refused (q=0), or not better
		}
		tag = strings.TrimSpace(tag)
		if tag == "*" {
			// Any language, so the default one, at this quality.
			best, bestB, bestQ = language.Tag{}, language.Base{}, q
			continue
		}
		t, err := language.Parse(tag)
		if err != nil {
			continue // malformed
		}
		b, conf := t.Base()
		if conf != language.Exact || l.byBase[b] == nil {
			continue // no language named, or one we do not have
		}
		best, bestB, bestQ = t, b, q
	}
	group := l.byBase[bestB]
	switch {
	case bestB == language.Base{}:
		return 0
	case len(group) == 1:
		return group[0]
	}
	_, j, _ := l.matchers[bestB].Match(best)
	return group[j]
}

// spellDuration says how long d is in the language at index i, rounded the
// way people say it and never shorter than d, so that a visitor is not
// told to come back before it is worth it: seconds under a minute,
// minutes under an hour, then minutes in fives up to two hours ("about 90
// minutes" rather than an hour that comes 29 minutes early), whole hours
// up to 36 hours, and days beyond.
func (l *languages) spellDuration(i int, d time.Duration) string {
	t := l.texts[i]
	d = min(d, maxRetryDelay) // keeps the rounding below from overflowing
	var n int64
	var p pages.Plural
	mins := ceilDiv(d, time.Minute)
	if mins > 60 {
		mins = (mins + 4) / 5 * 5
	}
	switch {
	case ceilDiv(d, time.Second) < 60:
		n, p = ceilDiv(d, time.Second), t.Seconds
	case mins < 60:
		n, p = mins, t.Minutes
	case mins == 60 || mins == 120:
		n, p = mins/60, t.Hours
	case mins < 120:
		n, p = mins, t.Minutes
	case ceilDiv(d, time.Hour) <= 36:
		n, p = ceilDiv(d, time.Hour), t.Hours
	default:
		n, p = ceilDiv(d, 24*time.Hour), t.Days
		if p.Other == "" {
			// A language added without days counts in hours.
			n, p = ceilDiv(d, time.Hour), t.Hours
		}
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
	if n == 1 && p.ExactlyOne != "" {
		form = p.ExactlyOne
	}
	return strings.ReplaceAll(form, "{n}", l.number(i, n, 1))
}

// number writes n in the digits of the language at index i, with at least
// width digits.
func (l *languages) number(i int, n int64, width int) string {
	s := strconv.FormatInt(n, 10)
	for len(s) < width {
		s = "0" + s
	}
	digits := []rune(l.texts[i].Digits)
	if len(digits) != 10 {
		return s
	}
	out := make([]rune, 0, len(s))
	for _, c := range s {
		if c >= '0' && c <= '9' {
			c = digits[c-'0']
		}
		out = append(out, c)
	}
	return string(out)
}

// retryIn is the sentence saying to come back after d, which is rounded
// up to whole seconds first.
func (l *languages) retryIn(i int, d time.Duration) string {
	key := sentenceKey{i, ceilDiv(d, time.Second)}
	last := &l.lastSentence[i]
	if p := last.Load(); p != nil && p.secs == key.secs {
		return p.sentence
	}
	if s, ok := l.sentences.Load(key); ok {
		return s.(string)
	}
	s := strings.ReplaceAll(l.texts[i].Labels.RetryIn, "{time}", l.spellDuration(i, time.Duration(key.secs)*time.Second))
	if l.sentenceCount.Load() < cacheMax {
		if _, loaded := l.sentences.LoadOrStore(key, s); !loaded {
			l.sentenceCount.Add(1)
		}
	}
	last.Store(&retrySentence{key.secs, s})
	return s
}

// Layouts for a language that sets no Clock or Date of its own.
const (
	defaultClock = "{HH}:{mm} UTC"
	defaultDate  = "{MM}-{dd}"
)

// backBy is the sentence saying when a maintenance window ends, written
// with the language's own clock and, when the end is more than 20 hours
// away, date. The time is UTC: the server does not know the visitor's
// zone, and a page readable without JavaScript cannot convert it. It is
// rounded up to the minute, never promising a moment too early.
func (l *languages) backBy(i int, until, now time.Time) string {
	t := l.texts[i]
	u := until.UTC()
	if r := u.Truncate(time.Minute); !r.Equal(u) {
		u = r.Add(time.Minute)
	}
	num := func(n, width int) string { return l.number(i, int64(n), width) }
	month := ""
	if m := t.Months[u.Month()-1]; m != "" {
		month = m
	}
	fill := strings.NewReplacer(
		"{HH}", num(u.Hour(), 2), "{H}", num(u.Hour(), 1),
		"{mm}", num(u.Minute(), 2), "{m}", num(u.Minute(), 1),
		"{dd}", num(u.Day(), 2), "{d}", num(u.Day(), 1),
		"{MM}", num(int(u.Month()), 2), "{M}", num(int(u.Month()), 1),
		"{month}", orElse(month, u.Month().String()),
	)
	sentence := t.Labels.BackBy
	date := ""
	if until.Sub(now) > 20*time.Hour {
		sentence = orElse(t.Labels.BackByOn, sentence)
		date = fill.Replace(orElse(t.Labels.Date, defaultDate))
	}
	return strings.NewReplacer(
		"{time}", fill.Replace(orElse(t.Labels.Clock, defaultClock)),
		"{date}", date,
		"{in}", l.spellDuration(i, until.Sub(now)),
	).Replace(sentence)
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
