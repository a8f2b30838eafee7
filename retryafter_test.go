package errorpage

import (
	"net/http"
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
