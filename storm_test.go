package errorpage

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// panicAlways panics from one place: every request has the same stack.
func panicAlways(w http.ResponseWriter, r *http.Request) { panic("the same bug") }

// panicElsewhere panics from another place.
func panicElsewhere(w http.ResponseWriter, r *http.Request) { panic("another bug") }

// TestPanicStorm_BoundsOnError: identical panics reach OnError PanicLimit
// times per window, every visitor still sees a reference (the first
// one's), every panic reaches the observer, and the log is bounded too,
// saying how many records it left out. A different stack has its own
// budget, and the next window starts afresh.
func TestPanicStorm_BoundsOnError(t *testing.T) {
	var calls atomic.Int64
	var o observed
	m, logs := newTestMiddleware(t, Options{
		PanicLimit: 2,
		Observe:    o.observe,
		OnError: func(*http.Request, ErrorEvent) string {
			return "evt-" + strconv.FormatInt(calls.Add(1), 10)
		},
	})
	now := maintNow
	setClock(m, func() time.Time { return now })
	h := m.Handler(http.HandlerFunc(panicAlways))
	other := m.Handler(http.HandlerFunc(panicElsewhere))

	// One call site for every request: the stack includes the test's
	// frames, and identical panics have identical stacks.
	var refs []string
	for i := range 7 {
		if i == 6 {
			now = now.Add(defaultPanicWindow)
			record(other, httptest.NewRequest("GET", "/", nil))
			assert.EqualValues(t, 3, calls.Load(), "another stack has its own budget")
			assert.Equal(t, 2, strings.Count(logs.String(), "errorpage.panicAlways"), "log:\n%s", logs)
		}
		rec := record(h, httptest.NewRequest("GET", "/", nil))
		require.Equal(t, 500, rec.Code)
		refs = append(refs, pageReference(t, rec.Body.String()))
	}
	assert.EqualValues(t, 4, calls.Load(), "got %d OnError calls, want the limit, 2, in each window and 1 for the other stack", calls.Load())
	assert.Equal(t, []string{"evt-1", "evt-2", "evt-1", "evt-1", "evt-1", "evt-1", "evt-4"}, refs, "a new window reaches OnError again")
	assert.Contains(t, logs.String(), "repeated_unlogged=4")

	var panics, storm int
	for _, e := range o.all() {
		if e.Kind == EventPanic {
			panics++
			if e.Storm {
				storm++
			}
		}
	}
	assert.Equal(t, 8, panics, "every panic is observed")
	assert.Equal(t, 4, storm, "the panics kept from OnError are marked Storm")
}

// pageReference returns the reference a text/plain page shows.
func pageReference(t *testing.T, body string) string {
	t.Helper()
	for _, line := range strings.Split(body, "\n") {
		if _, ref, ok := strings.Cut(line, "Reference: "); ok {
			return strings.TrimSpace(ref)
		}
	}
	t.Fatalf("no reference on the page:\n%s", body)
	return ""
}

// TestPanicStorm_NoLimit: a negative PanicLimit lets every panic through.
func TestPanicStorm_NoLimit(t *testing.T) {
	var calls atomic.Int64
	m, _ := newTestMiddleware(t, Options{PanicLimit: -1, OnError: func(*http.Request, ErrorEvent) string { calls.Add(1); return "" }})
	h := m.Handler(http.HandlerFunc(panicAlways))
	for range 20 {
		record(h, httptest.NewRequest("GET", "/", nil))
	}
	assert.EqualValues(t, 20, calls.Load())
}

// TestPanicStorm_Concurrent: under concurrent identical panics (run with
// -race), OnError is called exactly the limit, every visitor gets a page
// with a reference, and every panic is observed.
func TestPanicStorm_Concurrent(t *testing.T) {
	var calls atomic.Int64
	var observedPanics atomic.Int64
	m, _ := newTestMiddleware(t, Options{
		PanicLimit: 3,
		OnError: func(*http.Request, ErrorEvent) string {
			calls.Add(1)
			time.Sleep(time.Millisecond) // the first reference comes late
			return "evt"
		},
		Observe: func(_ *http.Request, e Event) {
			if e.Kind == EventPanic {
				observedPanics.Add(1)
			}
		},
	})
	srv := serve(t, m.Handler(http.HandlerFunc(panicAlways)))
	const n = 64
	var wg sync.WaitGroup
	var withRef atomic.Int64
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			resp, err := srv.Client().Get(srv.URL)
			if err != nil {
				return
			}
			defer resp.Body.Close()
			body, _ := io.ReadAll(resp.Body)
			if strings.Contains(string(body), "evt") {
				withRef.Add(1)
			}
		}()
	}
	wg.Wait()
	assert.EqualValues(t, 3, calls.Load())
	assert.EqualValues(t, n, observedPanics.Load())
	// A visitor who came while the first OnError call was still running
	// has no reference yet; the request ID is on every page regardless.
	assert.GreaterOrEqual(t, withRef.Load(), int64(3))
}
