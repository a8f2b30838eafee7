package errorpage

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

// Until with a fractional second (the admin handler and the trigger file
// take RFC 3339 with fractions) is sent as an HTTP-date truncated down:
// Until 10:20:00.9 becomes "10:20:00 GMT", telling clients to come back
// 0.9 s before the window ends. HTTP.md: round up, never down.
func TestRegression_MaintenanceRetryAfterDateRoundsDown(t *testing.T) {
	until := maintNow.Add(20*time.Minute + 900*time.Millisecond)
	h, _, _, _ := maintSetup(t, MaintenanceOptions{}, MaintenanceState{On: true, Until: until})
	rec := record(h, httptest.NewRequest("GET", "/", nil))
	at, err := http.ParseTime(rec.Header().Get("Retry-After"))
	if err != nil {
		t.Fatal(err)
	}
	if at.Before(until) {
		t.Errorf("Retry-After %q is before the window's end %s", rec.Header().Get("Retry-After"), until.Format(time.RFC3339Nano))
	}
}

// An end time beyond ~292 years saturates until.Sub(now); spellDuration's
// rounding overflows and the page says "(about a second)".
func TestRegression_MaintenanceFarUntilSaysOneSecond(t *testing.T) {
	until := time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)
	h, _, _, _ := maintSetup(t, MaintenanceOptions{}, MaintenanceState{On: true, Until: until})
	rec := record(h, httptest.NewRequest("GET", "/", nil))
	if contains2(rec.Body.String(), "about a second") {
		t.Errorf("page for a window ending in year 9999:\n%s", rec.Body)
	}
}

func contains2(s string, subs ...string) bool {
	for _, x := range subs {
		if len(x) > 0 && len(s) >= len(x) {
			for i := 0; i+len(x) <= len(s); i++ {
				if s[i:i+len(x)] == x {
					return true
				}
			}
		}
	}
	return false
}
