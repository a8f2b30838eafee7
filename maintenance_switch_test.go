package errorpage

import (
	"io"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSwitchZeroValueIsOff(t *testing.T) {
	var sw Switch
	assert.Equal(t, MaintenanceState{}, sw.Maintenance())
	select {
	case <-sw.MaintenanceChanged():
		t.Fatal("a zero Switch has not changed")
	default:
	}
}

func TestSwitchEnableDisable(t *testing.T) {
	var sw Switch
	changed := sw.MaintenanceChanged()
	sw.Enable(MaintenanceState{Message: "m", Retry: time.Minute})
	assert.Equal(t, MaintenanceState{On: true, Message: "m", Retry: time.Minute}, sw.Maintenance(), "Enable sets On")
	assertClosed(t, changed)

	changed = sw.MaintenanceChanged()
	sw.Disable()
	assert.Equal(t, MaintenanceState{}, sw.Maintenance(), "Disable forgets the window")
	assertClosed(t, changed)

	sw.Set(MaintenanceState{On: false, Message: "kept"})
	assert.Equal(t, MaintenanceState{Message: "kept"}, sw.Maintenance(), "Set stores exactly what it is given")
	require.NoError(t, sw.SetMaintenance(t.Context(), MaintenanceState{On: true}))
	assert.True(t, sw.Maintenance().On)
}

func assertClosed(t *testing.T, c <-chan struct{}) {
	t.Helper()
	select {
	case <-c:
	default:
		t.Error("the change channel is not closed after a change")
	}
}

// TestSwitchConcurrentToggling serves thousands of requests on a real
// server while the switch flips; run it with -race. Every answer must be
// either the live page or the whole maintenance page, never a mix.
func TestSwitchConcurrentToggling(t *testing.T) {
	sw := &Switch{}
	m, _ := newTestMiddleware(t, Options{Maintenance: MaintenanceOptions{Source: sw}})
	srv := serve(t, m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "live site")
	})))
	tr := &http.Transport{MaxIdleConnsPerHost: 64}
	t.Cleanup(tr.CloseIdleConnections)
	client := &http.Client{Transport: tr, Timeout: 30 * time.Second}

	stop := make(chan struct{})
	var toggles sync.WaitGroup
	for i := range 2 {
		toggles.Add(1)
		go func() {
			defer toggles.Done()
			for n := 0; ; n++ {
				select {
				case <-stop:
					return
				default:
				}
				if (n+i)%2 == 0 {
					sw.Enable(MaintenanceState{Message: "toggled", Retry: time.Minute})
				} else {
					sw.Disable()
				}
				_ = sw.MaintenanceChanged()
				// Flip often, but leave the CPU to the requests.
				time.Sleep(20 * time.Microsecond)
			}
		}()
	}

	const workers, perWorker = 32, 100
	var live, down, wrong atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range perWorker {
				res, err := client.Get(srv.URL + "/")
				if err != nil {
					wrong.Add(1)
					continue
				}
				body, _ := io.ReadAll(res.Body)
				res.Body.Close()
				switch {
				case res.StatusCode == 200 && string(body) == "live site":
					live.Add(1)
				case res.StatusCode == 503 && strings.Contains(string(body), "toggled") && res.Header.Get("Retry-After") == "60":
					down.Add(1)
				default:
					wrong.Add(1)
				}
			}
		}()
	}
	wg.Wait()
	close(stop)
	toggles.Wait()
	assert.Zero(t, wrong.Load(), "every answer is the live page or the whole maintenance page")
	assert.EqualValues(t, workers*perWorker, live.Load()+down.Load())
	t.Logf("%d live, %d maintenance", live.Load(), down.Load())
}
