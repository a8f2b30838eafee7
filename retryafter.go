package errorpage

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// This file is the one place where Retry-After values are written and read
// (RFC 9110 §10.2.3): Retry-After = HTTP-date / delay-seconds.

// maxRetryDelay bounds a delay we accept or send: beyond it the value is
// certainly a mistake, and the arithmetic below would overflow.
const maxRetryDelay = 100 * 365 * 24 * time.Hour

var (
	errRetryAfterEmpty = errors.New("errorpage: empty Retry-After")
	errRetryAfterRange = errors.New("errorpage: Retry-After delay out of range")
	errRetryAfterForm  = errors.New("errorpage: Retry-After is neither delay-seconds nor an HTTP-date")
)

// formatRetryDelay returns d as delay-seconds, rounded up to a whole second
// (1.9 s is "2", never "1") and never negative.
func formatRetryDelay(d time.Duration) string {
	return strconv.FormatInt(retryDelaySeconds(d), 10)
}

// retryDelaySeconds is d in whole seconds as formatRetryDelay writes it.
func retryDelaySeconds(d time.Duration) int64 {
	if d <= 0 {
		return 0
	}
	if d > maxRetryDelay {
		d = maxRetryDelay
	}
	secs := int64(d / time.Second)
	if d%time.Second != 0 {
		secs++
	}
	return secs
}

// formatRetryDate returns t as an IMF-fixdate in UTC, the form RFC 9110
// tells senders to generate ("Fri, 31 Dec 1999 23:59:59 GMT"), rounded up
// to a whole second: never a moment before t.
func formatRetryDate(t time.Time) string {
	return ceilSecond(t).UTC().Format(http.TimeFormat)
}

// ceilSecond rounds t up to a whole second.
func ceilSecond(t time.Time) time.Time {
	t = t.Round(0) // the wall clock, as Truncate would leave it
	if ns := t.Nanosecond(); ns != 0 {
		return t.Add(time.Second - time.Duration(ns))
	}
	return t
}

// moment is the time a response is made: read from clock once, and only
// when something on the way needs it (a Retry-After to check, a window's
// end to count down to); most error responses never do. A moment with t
// set was read by the caller already.
type moment struct {
	clock func() time.Time
	t     time.Time
}

func (m *moment) now() time.Time {
	if m.t.IsZero() {
		m.t = m.clock()
	}
	return m.t
}

// retry is when a client may come back as the one answering knows it: a
// moment (a maintenance window's end) or a delay from now. The zero value
// knows nothing.
type retry struct {
	at    time.Time
	delay time.Duration
}

// retryDefault is the Retry-After of an overloaded 503 or a 429 that did
// not send its own (Options.RetryAfter), formatted once by New.
type retryDefault struct {
	delay time.Duration // 0: none
	value string        // delay as delay-seconds
}

// defaultRetryAfter is what a 503 or a 429 advertises when nothing else
// says.
const defaultRetryAfter = 30 * time.Second

// newRetryDefault turns Options.RetryAfter into a retryDefault: zero means
// 30 seconds, negative none.
func newRetryDefault(d time.Duration) retryDefault {
	switch {
	case d == 0:
		d = defaultRetryAfter
	case d < 0:
		return retryDefault{}
	}
	return retryDefault{delay: d, value: formatRetryDelay(d)}
}

// whenBack decides, once per response, when the client may come back:
// what the one answering knows (back), else the Retry-After the handler
// left (handler, already checked by resetHeaders), else for an overloaded
// 503 or a 429 the default; a maintenance window that says nothing gets
// nothing.
// It returns the Retry-After value to set ("" keeps the handler's, or
// sends none, or for a moment (back.at) leaves the formatting of the date
// to the caller, which keeps it) and the wait it stands for.
func (def retryDefault) whenBack(back retry, handler []string, status int, maintenance bool, now *moment) (value string, wait time.Duration) {
	switch {
	case !back.at.IsZero():
		return "", ceilSecond(back.at).Sub(now.now())
	case back.delay > 0:
		return formatRetryDelay(back.delay), back.delay
	case handler != nil:
		if at, err := parseRetryAfter(handler[0], now.now()); err == nil {
			return "", at.Sub(now.now())
		}
	case (status == http.StatusServiceUnavailable || status == http.StatusTooManyRequests) && !maintenance && def.value != "":
		// An overloaded service or a rate limit without advice: come back
		// after the default (RFC 9110 §15.6.4, RFC 6585 §4).
		return def.value, def.delay
	}
	return "", 0
}

// parseRetryAfter reads a Retry-After value and returns the moment it names:
// now plus the delay for delay-seconds, the date itself for an HTTP-date in
// any of the three forms recipients must accept. Garbage is an error.
func parseRetryAfter(v string, now time.Time) (time.Time, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return time.Time{}, errRetryAfterEmpty
	}
	if isDigits(v) {
		secs, err := strconv.ParseUint(v, 10, 64)
		if err != nil || secs > uint64(maxRetryDelay/time.Second) {
			return time.Time{}, errRetryAfterRange
		}
		return now.Add(time.Duration(secs) * time.Second), nil
	}
	t, err := http.ParseTime(v)
	if err != nil {
		return time.Time{}, errRetryAfterForm
	}
	if t.Sub(now) > maxRetryDelay {
		// Beyond a century the arithmetic on durations saturates; such a
		// date is a mistake, not advice.
		return time.Time{}, errRetryAfterRange
	}
	return t, nil
}

// validRetryAfter reports whether v is a Retry-After worth passing on: well
// formed and not pointing into the past.
func validRetryAfter(v string, now time.Time) bool {
	t, err := parseRetryAfter(v, now)
	return err == nil && !t.Before(now.Truncate(time.Second))
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
