package errorpage

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var retryNow = time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)

func TestFormatRetryDelay(t *testing.T) {
	tests := []struct {
		name string
		in   time.Duration
		want string
	}{
		{"zero", 0, "0"},
		{"negative is never sent negative", -5 * time.Second, "0"},
		{"one nanosecond rounds up", time.Nanosecond, "1"},
		{"whole seconds stay", 30 * time.Second, "30"},
		{"1.9s rounds up to 2", 1900 * time.Millisecond, "2"},
		{"1.1s rounds up to 2", 1100 * time.Millisecond, "2"},
		{"minutes", 5 * time.Minute, "300"},
		{"absurd is capped", 1 << 62, "3153600000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, formatRetryDelay(tt.in), "formatRetryDelay(%v)", tt.in)
		})
	}
}

func TestFormatRetryDate(t *testing.T) {
	berlin := time.FixedZone("CET", 3600)
	got := formatRetryDate(time.Date(1999, 12, 31, 23, 59, 59, 0, time.UTC).In(berlin))
	assert.Equal(t, "Fri, 31 Dec 1999 23:59:59 GMT", got, "IMF-fixdate in UTC, with GMT, whatever the zone of the input")
}

func TestParseRetryAfter(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    time.Time
		wantErr bool
	}{
		{"delay", "120", retryNow.Add(2 * time.Minute), false},
		{"zero delay", "0", retryNow, false},
		{"spaces around", "  7 ", retryNow.Add(7 * time.Second), false},
		{"IMF-fixdate", "Fri, 31 Dec 1999 23:59:59 GMT", time.Date(1999, 12, 31, 23, 59, 59, 0, time.UTC), false},
		{"obsolete RFC 850", "Friday, 31-Dec-99 23:59:59 GMT", time.Date(1999, 12, 31, 23, 59, 59, 0, time.UTC), false},
		{"obsolete asctime", "Fri Dec 31 23:59:59 1999", time.Date(1999, 12, 31, 23, 59, 59, 0, time.UTC), false},
		{"empty", "", time.Time{}, true},
		{"negative", "-1", time.Time{}, true},
		{"fraction", "1.5", time.Time{}, true},
		{"plus sign", "+5", time.Time{}, true},
		{"unit", "5s", time.Time{}, true},
		{"huge", "99999999999999999999999", time.Time{}, true},
		{"over a century", "3153600001", time.Time{}, true},
		{"RFC 1123 with UTC is not HTTP", "Fri, 31 Dec 1999 23:59:59 UTC", time.Time{}, true},
		{"garbage", "soon", time.Time{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseRetryAfter(tt.in, retryNow)
			if tt.wantErr {
				assert.Error(t, err, "parseRetryAfter(%q): got %v, want an error", tt.in, got)
				return
			}
			require.NoError(t, err, "parseRetryAfter(%q)", tt.in)
			assert.True(t, tt.want.Equal(got), "parseRetryAfter(%q): got %v, want %v", tt.in, got, tt.want)
		})
	}
}

func TestValidRetryAfter(t *testing.T) {
	assert.True(t, validRetryAfter("30", retryNow))
	assert.True(t, validRetryAfter(formatRetryDate(retryNow.Add(time.Hour)), retryNow))
	assert.False(t, validRetryAfter(formatRetryDate(retryNow.Add(-time.Hour)), retryNow), "a date in the past is no Retry-After")
	assert.False(t, validRetryAfter("tomorrow", retryNow))
}

func FuzzRetryAfter(f *testing.F) {
	for _, s := range []string{"0", "30", "Fri, 31 Dec 1999 23:59:59 GMT", "Friday, 31-Dec-99 23:59:59 GMT", "Fri Dec 31 23:59:59 1999", "-1", "1.5", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		when, err := parseRetryAfter(s, retryNow)
		if err != nil {
			return
		}
		// Whatever parses must survive our own formatting and parse back to
		// the same second.
		if d := when.Sub(retryNow); d > 0 && d <= maxRetryDelay {
			back, err := parseRetryAfter(formatRetryDelay(d), retryNow)
			if err != nil || back.Before(when) || back.Sub(when) >= time.Second {
				t.Fatalf("delay round trip of %q: got %v (%v), want %v", s, back, err, when)
			}
		}
		if y := when.UTC().Year(); y >= 0 && y < 10000 {
			back, err := http.ParseTime(formatRetryDate(when))
			if err != nil || !back.Equal(when.Truncate(time.Second)) {
				t.Fatalf("date round trip of %q: got %v (%v), want %v", s, back, err, when.Truncate(time.Second))
			}
		}
	})
}

func TestRetryAfter(t *testing.T) {
	future := time.Now().Add(2 * time.Hour).UTC().Format(http.TimeFormat)
	tests := []struct {
		name     string
		opts     Options
		status   int
		inner    string
		want     string
		wantPage string
	}{
		{"503 gets the default", Options{}, 503, "", "30", "Please try again in about 30 seconds."},
		{"configured delay rounds up", Options{RetryAfter: 1500 * time.Millisecond}, 503, "", "2", "about 2 seconds"},
		{"turned off", Options{RetryAfter: -1}, 503, "", "", ""},
		{"the handler's valid delay wins", Options{}, 503, "120", "120", "about 2 minutes"},
		{"the handler's date wins", Options{}, 503, future, future, "about 2 hours"},
		{"the handler's garbage is replaced", Options{}, 503, "soon", "30", "about 30 seconds"},
		{"a past date means none, then the default", Options{}, 503, "Fri, 31 Dec 1999 23:59:59 GMT", "30", ""},
		{"another 5xx keeps a valid one", Options{}, 500, "60", "60", "about a minute"},
		{"another 5xx gets none by default", Options{}, 500, "", "", ""},
		{"429 gets the default", Options{ClientErrors: true}, 429, "", "30", "Please try again in about 30 seconds."},
		{"429 gets the configured default", Options{ClientErrors: true, RetryAfter: 90 * time.Second}, 429, "", "90", "about 2 minutes"},
		{"429 keeps the handler's valid delay", Options{ClientErrors: true}, 429, "5", "5", "about 5 seconds"},
		{"429 with garbage gets the default", Options{ClientErrors: true}, 429, "later", "30", "about 30 seconds"},
		{"429 turned off", Options{ClientErrors: true, RetryAfter: -1}, 429, "", "", ""},
		{"another 4xx gets none by default", Options{ClientErrors: true}, 404, "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, _ := newTestMiddleware(t, tt.opts)
			res, body := do(t, m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if tt.inner != "" {
					w.Header().Set("Retry-After", tt.inner)
				}
				w.WriteHeader(tt.status)
			})), "GET", "/", "Accept", "text/html")
			assert.Equal(t, tt.want, res.Header.Get("Retry-After"))
			if tt.wantPage != "" {
				assert.Contains(t, body, tt.wantPage)
			}
			if tt.want == "" {
				assert.NotContains(t, body, `data-testid="retry"`, "no Retry-After, no promise on the page")
			}
		})
	}
}

// TestRetryAfterFarDateDoesNotOverflow guards header, page and problem
// document against a Retry-After date centuries away. The bug it pins:
// A valid HTTP-date Retry-After more than ~292 years away made at.Sub(now)
// saturate, and the rounding to seconds then overflowed: the page told the
// visitor to come back in a second while the header said year 9999, and
// retry_after vanished. Such a date is now out of range, like a delay
// over a century, so it is treated as any invalid Retry-After: replaced by
// the configured default, and header, page and problem document agree.
func TestRetryAfterFarDateDoesNotOverflow(t *testing.T) {
	m, _ := newTestMiddleware(t, Options{})
	h := m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "Fri, 31 Dec 9999 23:59:59 GMT")
		w.WriteHeader(http.StatusServiceUnavailable)
	}))
	req := httptest.NewRequest("GET", "/", nil)
	req.Header.Set("Accept", "application/json")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	var p struct {
		RetryAfter int64 `json:"retry_after"`
	}
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &p))
	assert.Equal(t, "30", rec.Header().Get("Retry-After"), "the far date is replaced by the default")
	assert.Equal(t, int64(30), p.RetryAfter, "and the problem document says the same")

	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil)) // text/plain
	assert.Contains(t, rec.Body.String(), "about 30 seconds")
	assert.NotContains(t, rec.Body.String(), "about a second")

	_, err := parseRetryAfter("Fri, 31 Dec 9999 23:59:59 GMT", time.Now())
	assert.ErrorIs(t, err, errRetryAfterRange)
}

// TestCeilSecondRoundsUpToAWholeSecond checks ceilSecond against its
// definition, the next whole second at or after t, for times with and
// without a monotonic reading, before and after 1970.
func TestCeilSecondRoundsUpToAWholeSecond(t *testing.T) {
	now := time.Now() // carries a monotonic reading
	for _, tm := range []time.Time{
		now, now.Add(time.Hour), now.Round(0), now.Truncate(time.Second),
		time.Date(1969, 12, 31, 23, 59, 59, 1, time.UTC),
		time.Date(2026, 12, 2, 9, 0, 0, 999_999_999, time.FixedZone("x", 3600)),
		time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC),
	} {
		got := ceilSecond(tm)
		want := tm.Truncate(time.Second)
		if !want.Equal(tm) {
			want = want.Add(time.Second)
		}
		assert.True(t, got.Equal(want), "ceilSecond(%v) = %v, want %v", tm, got, want)
		assert.Zero(t, got.Nanosecond())
		assert.False(t, got.Before(tm))
	}
}
