package integration

import (
	"flag"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/errorpage/errorpage"
	"github.com/errorpage/errorpage/maintenance"
)

var soakFor = flag.Duration("soak", 3*time.Second, "how long TestSoak runs its clients (CI: the default; try -soak=5m)")

const (
	soakClients   = 8
	streamChunks  = 5
	bigInnerBytes = 1 << 20
)

// soakRoutes is a mix of what a real service serves.
func soakRoutes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /ok", okHandler)
	mux.HandleFunc("GET /fail/{code}", func(w http.ResponseWriter, r *http.Request) {
		code, _ := strconv.Atoi(r.PathValue("code"))
		failHandler(code)(w, r)
	})
	mux.HandleFunc("GET /fail-big", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusInternalServerError)
		io.Copy(w, io.LimitReader(zeros{}, bigInnerBytes)) // discarded, never held
	})
	mux.HandleFunc("GET /panic", panicHandler)
	mux.HandleFunc("GET /stream", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/event-stream")
		rc := http.NewResponseController(w)
		for i := 0; i < streamChunks; i++ {
			fmt.Fprintf(w, "data: %d\n\n", i)
			if err := rc.Flush(); err != nil {
				return
			}
		}
	})
	return mux
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) { clear(p); return len(p), nil }

// soakRequest is one kind of request and what a well-formed answer is.
type soakRequest struct {
	path       string
	wantStatus int // 200: the handler's own body passes
	wantBody   string
}

func soakRequests() []soakRequest {
	var stream strings.Builder
	for i := 0; i < streamChunks; i++ {
		fmt.Fprintf(&stream, "data: %d\n\n", i)
	}
	return []soakRequest{
		{path: "/ok", wantStatus: 200, wantBody: "hello from /ok"},
		{path: "/ok", wantStatus: 200, wantBody: "hello from /ok"},
		{path: "/stream", wantStatus: 200, wantBody: stream.String()},
		{path: "/fail/500", wantStatus: 500},
		{path: "/fail/502", wantStatus: 502},
		{path: "/fail/503", wantStatus: 503},
		{path: "/fail/504", wantStatus: 504},
		{path: "/fail-big", wantStatus: 500},
		{path: "/panic", wantStatus: 500},
	}
}

// TestSoak runs a bounded number of clients against a server with the
// middleware for a bounded time, on a mix of passing routes, server
// errors, panics and streams, while maintenance mode is switched on and
// off. Every response must be well formed; afterwards the goroutines are
// back to their baseline and the heap has not grown.
func TestSoak(t *testing.T) {
	if testing.Short() {
		*soakFor = time.Second
	}
	baseline := runtime.NumGoroutine()

	var events atomic.Int64
	sw := &maintenance.Switch{}
	m, err := errorpage.New(errorpage.Options{
		Logger:      slog.New(slog.DiscardHandler),
		OnError:     func(*http.Request, errorpage.ErrorEvent) string { events.Add(1); return "ref-1" },
		Maintenance: maintenance.Options{Source: sw},
	})
	require.NoError(t, err)
	srv := httptest.NewUnstartedServer(m.Handler(soakRoutes()))
	srv.Config.ErrorLog = discardLog()
	srv.Start()
	client := &http.Client{
		Transport: &http.Transport{MaxIdleConnsPerHost: soakClients},
		Timeout:   10 * time.Second,
	}

	var (
		requests, failures, maintenancePages atomic.Int64
		firstFailures                        []string
		failMu                               sync.Mutex
	)
	fail := func(format string, args ...any) {
		if failures.Add(1) <= 5 {
			failMu.Lock()
			firstFailures = append(firstFailures, fmt.Sprintf(format, args...))
			failMu.Unlock()
		}
	}
	accepts := []string{acceptHTML, acceptJSON, acceptText, ""}
	reqs := soakRequests()

	// run sends requests until stop is closed.
	var maintOn atomic.Bool
	var flips atomic.Int64 // counts switches, so a request knows one happened meanwhile
	run := func(stop <-chan struct{}, seed uint64) {
		rng := rand.New(rand.NewPCG(seed, 1))
		for {
			select {
			case <-stop:
				return
			default:
			}
			sr := reqs[rng.IntN(len(reqs))]
			accept := accepts[rng.IntN(len(accepts))]
			req, _ := http.NewRequest(http.MethodGet, srv.URL+sr.path, nil)
			if accept != "" {
				req.Header.Set("Accept", accept)
			}
			flipsBefore, wasOn := flips.Load(), maintOn.Load()
			resp, err := client.Do(req)
			if err != nil {
				fail("%s: %v", sr.path, err)
				continue
			}
			body, err := io.ReadAll(resp.Body)
			resp.Body.Close()
			requests.Add(1)
			if err != nil {
				fail("%s: reading the body: %v", sr.path, err)
				continue
			}
			// While maintenance may be on, any request may get the
			// maintenance page: a well-formed 503.
			maybeMaintenance := wasOn || maintOn.Load() || flips.Load() != flipsBefore
			if resp.StatusCode == http.StatusServiceUnavailable && maybeMaintenance && sr.wantStatus != 503 {
				if err := checkPage(resp.StatusCode, resp.Header, body, 503, accept); err != nil {
					fail("%s (maintenance) Accept %q: %v", sr.path, accept, err)
				}
				maintenancePages.Add(1)
				continue
			}
			if sr.wantStatus == http.StatusOK {
				if resp.StatusCode != 200 || string(body) != sr.wantBody {
					fail("%s: got %d %q, want 200 %q", sr.path, resp.StatusCode, body, sr.wantBody)
				}
				continue
			}
			if err := checkPage(resp.StatusCode, resp.Header, body, sr.wantStatus, accept); err != nil {
				fail("%s Accept %q: %v", sr.path, accept, err)
			}
		}
	}

	// heapAfterGC is the live heap, measured after collecting garbage.
	heapAfterGC := func() uint64 {
		var ms runtime.MemStats
		runtime.GC()
		runtime.GC()
		runtime.ReadMemStats(&ms)
		return ms.HeapAlloc
	}

	stop := make(chan struct{})
	var wg sync.WaitGroup
	for i := 0; i < soakClients; i++ {
		wg.Add(1)
		go func() { defer wg.Done(); run(stop, uint64(i)) }()
	}
	// Maintenance on and off, every 100 ms.
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
				if maintOn.Load() {
					sw.Disable()
					maintOn.Store(false)
				} else {
					maintOn.Store(true)
					sw.Enable(maintenance.State{Retry: time.Minute})
				}
				flips.Add(1)
			}
		}
	}()

	// Warm up for a fifth of the run (pools, caches, compiled pages), then
	// take the heap; take it again at the end, still under load.
	time.Sleep(*soakFor / 5)
	heapWarm := heapAfterGC()
	time.Sleep(*soakFor - *soakFor/5)
	heapEnd := heapAfterGC()
	close(stop)
	wg.Wait()
	sw.Disable()

	client.CloseIdleConnections()
	srv.Close()

	n := requests.Load()
	t.Logf("soak: %d requests in %v by %d clients (%.0f/s), %d maintenance pages, %d OnError calls; heap %d KiB after warm-up, %d KiB at the end",
		n, *soakFor, soakClients, float64(n)/soakFor.Seconds(), maintenancePages.Load(), events.Load(), heapWarm>>10, heapEnd>>10)
	assert.Zero(t, failures.Load(), "malformed responses: got %d, want none; first: %s", failures.Load(), strings.Join(firstFailures, "; "))
	assert.Greater(t, n, int64(100), "requests: got %d, want the soak to have run", n)
	assert.Positive(t, maintenancePages.Load(), "maintenance pages: got none, want the toggles to have been seen")

	// Goroutines back to the baseline (bounded wait: connections close
	// asynchronously).
	assert.Eventually(t, func() bool { return runtime.NumGoroutine() <= baseline+2 }, 10*time.Second, 20*time.Millisecond,
		"goroutines: got %d, want at most %d (baseline %d + 2)\n%s", runtime.NumGoroutine(), baseline+2, baseline, goroutineDump())

	// A flat heap: a leak of even a few hundred bytes a request would show
	// over tens of thousands of requests; the slack covers noise.
	const slack = 4 << 20
	assert.LessOrEqual(t, heapEnd, heapWarm+slack, "heap: got %d KiB at the end, want at most %d KiB (%d after warm-up + %d slack)",
		heapEnd>>10, (heapWarm+slack)>>10, heapWarm>>10, slack>>10)
}

func goroutineDump() string {
	buf := make([]byte, 1<<16)
	buf = buf[:runtime.Stack(buf, true)]
	if len(buf) > 8<<10 {
		buf = buf[:8<<10]
	}
	return string(buf)
}
