package bypass

import (
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/errorpage/errorpage/maintenance"
)

// maintNow is the fixed clock of the bypass tests.
var maintNow = time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)

// testGate is the smallest gate over a Policy: a blocked request gets a
// bare 503 where the middleware would answer with the maintenance page.
type testGate struct {
	pol   *Policy
	src   maintenance.Source
	now   func() time.Time
	calls atomic.Int64
}

func (g *testGate) ServeHTTP(rw http.ResponseWriter, r *http.Request) {
	v, _ := g.pol.Decide(rw, r, g.src.State(), g.now())
	switch v {
	case Admit:
		return
	case Block:
		http.Error(rw, "down for maintenance", http.StatusServiceUnavailable)
		return
	}
	g.calls.Add(1)
	io.WriteString(rw, "live site")
}

// maintSetup builds a gate in maintenance state st with a fixed clock and
// returns it as a handler, the switch, the counter of the requests that
// reached the handler, and the gate (whose clock a test may move).
func maintSetup(t *testing.T, o maintenance.Options, st maintenance.State) (http.Handler, *maintenance.Switch, *atomic.Int64, *testGate) {
	t.Helper()
	sw := &maintenance.Switch{}
	sw.Set(st)
	pol, err := New(o)
	require.NoError(t, err)
	g := &testGate{pol: pol, src: sw, now: func() time.Time { return maintNow }}
	return g, sw, &g.calls, g
}

// record serves one request through h in memory.
func record(h http.Handler, r *http.Request) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, r)
	return rec
}

// serve runs h on a real server for the length of the test.
func serve(t *testing.T, h http.Handler) *httptest.Server {
	t.Helper()
	srv := httptest.NewUnstartedServer(h)
	srv.Config.ErrorLog = log.New(io.Discard, "", 0)
	srv.Start()
	t.Cleanup(srv.Close)
	return srv
}
