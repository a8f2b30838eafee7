package errorpage

import (
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLongReferenceIsCutBetweenCharacters guards the bound on OnError's
// reference. The bug it pins:
// OnError's reference was cut at byte 256, which could split a character
// and put invalid UTF-8 into the page.
func TestLongReferenceIsCutBetweenCharacters(t *testing.T) {
	ref := strings.Repeat("a", 255) + "é" // é is two bytes: 255 and 256
	got := cleanReference(ref)
	assert.True(t, utf8.ValidString(got), "got invalid UTF-8 %q", got[250:])
	assert.Equal(t, strings.Repeat("a", 255), got)
}

func TestRequestID(t *testing.T) {
	tests := []struct {
		name    string
		headers []string
		want    string
	}{
		{"X-Request-Id", []string{"X-Request-Id", "abc-123"}, "abc-123"},
		{"traceparent", []string{"Traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"}, "4bf92f3577b34da6a3ce929d0e0e4736"},
		{"X-Request-Id first", []string{"X-Request-Id", "mine", "Traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"}, "mine"},
		{"future traceparent version with more fields", []string{"Traceparent", "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra"}, "4bf92f3577b34da6a3ce929d0e0e4736"},
		// Nothing usable came in: a new ID is made up (see below).
		{"all-zero trace id", []string{"Traceparent", "00-00000000000000000000000000000000-00f067aa0ba902b7-01"}, ""},
		{"upper-case hex", []string{"Traceparent", "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01"}, ""},
		{"version ff", []string{"Traceparent", "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"}, ""},
		{"control characters", []string{"X-Request-Id", "a\tb"}, ""},
		{"too long", []string{"X-Request-Id", strings.Repeat("x", 200)}, ""},
		{"none", nil, ""},
	}
	generated := regexp.MustCompile(`^[A-Za-z0-9_-]{12}$`)
	m, _ := newTestMiddleware(t, Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest("GET", "/", nil)
			for i := 0; i+1 < len(tt.headers); i += 2 {
				r.Header.Set(tt.headers[i], tt.headers[i+1])
			}
			got := m.report.id(r)
			if tt.want != "" {
				assert.Equal(t, tt.want, got)
				return
			}
			assert.Regexp(t, generated, got, "a request without a usable ID gets a new, short, URL-safe one")
			assert.NotEqual(t, got, m.report.id(r), "each call makes a new one")
		})
	}
	custom, _ := newTestMiddleware(t, Options{RequestID: func(r *http.Request) string { return "from-ctx" }})
	assert.Equal(t, "from-ctx", custom.report.id(httptest.NewRequest("GET", "/", nil)))
	empty, _ := newTestMiddleware(t, Options{RequestID: func(r *http.Request) string { return "" }})
	assert.Regexp(t, generated, empty.report.id(httptest.NewRequest("GET", "/", nil)), "a RequestID func that finds nothing gets a new one too")
}

// TestRequestIDIsShownLoggedAndBesideTheReference guards the default: with
// no X-Request-Id and no OnError, the page still shows an ID, and the panic
// log record carries the same ID and the reference the visitor sees.
func TestRequestIDIsShownLoggedAndBesideTheReference(t *testing.T) {
	m, logs := newTestMiddleware(t, Options{OnError: func(*http.Request, ErrorEvent) string { return "evt-7" }})
	_, body := do(t, m.Handler(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("boom") })), "GET", "/", "Accept", "text/plain")
	id := regexp.MustCompile(`Request ID: ([A-Za-z0-9_-]{12})\n`).FindStringSubmatch(body)
	require.Len(t, id, 2, "the page shows a generated request ID: %s", body)
	assert.Contains(t, logs.String(), "request_id="+id[1], "the log record has the ID shown on the page")
	assert.Contains(t, logs.String(), "reference=evt-7", "and the reference, in the same record")
	assert.Equal(t, 1, strings.Count(logs.String(), "\n"), "one record: %s", logs.String())

	plain, logs := newTestMiddleware(t, Options{})
	_, body = do(t, plain.Handler(failing(500)), "GET", "/", "Accept", "text/html")
	assert.Regexp(t, `data-testid="request-id"[^>]*>[A-Za-z0-9_-]{12}</code>`, body, "a replaced 5xx shows an ID with no option set")
	assert.Empty(t, logs.String())
}

type reviewErr struct{ msg string }

func (e *reviewErr) Error() string { return e.msg }

// TestPanicLogSurvivesATypedNilError guards the panic log against a panic
// value whose Error method panics. The bug it pins:
// A handler panicking with a typed-nil error (var e *T; panic(e)) is a
// panic like any other: the client must get the 500 page. logPanic calls
// err.Error() itself, which panics inside the deferred finish, so the
// client gets nothing. fmt.Sprint (used for Debug) recovers from this.
func TestPanicLogSurvivesATypedNilError(t *testing.T) {
	m, _ := newTestMiddleware(t, Options{})
	srv := serve(t, m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var e *reviewErr
		panic(e)
	})))
	resp, err := srv.Client().Get(srv.URL)
	if err != nil {
		t.Fatalf("client got no response at all: %v (want 500 page)", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusInternalServerError {
		t.Fatalf("got status %d, want 500", resp.StatusCode)
	}
}
