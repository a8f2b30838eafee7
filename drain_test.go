package errorpage

import (
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/errorpage/errorpage/maintenance"
)

func TestDrain_UnderLoadInFlightRequestsFinish(t *testing.T) {
	m, _ := newTestMiddleware(t, Options{})
	const inFlight = 20
	entered := make(chan struct{}, inFlight)
	release := make(chan struct{})
	h := m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/slow" {
			entered <- struct{}{}
			<-release
		}
		io.WriteString(w, "done")
	}))
	srv := serve(t, h)
	client := srv.Client()

	var wg sync.WaitGroup
	codes := make(chan int, inFlight)
	for range inFlight {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res, err := client.Get(srv.URL + "/slow")
			if !assert.NoError(t, err) {
				return
			}
			body, _ := io.ReadAll(res.Body)
			res.Body.Close()
			assert.Equal(t, "done", string(body))
			codes <- res.StatusCode
		}()
	}
	for range inFlight {
		<-entered
	}

	m.Drain()
	for range 10 {
		res, err := client.Get(srv.URL + "/fast")
		require.NoError(t, err)
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		assert.Equal(t, 503, res.StatusCode, "a new request after Drain")
		assert.True(t, res.Close, "the server closes the connection (Connection: close)")
		assert.Equal(t, "30", res.Header.Get("Retry-After"))
		assert.NotContains(t, string(body), "done", "the handler is not called")
	}

	close(release)
	wg.Wait()
	close(codes)
	n := 0
	for c := range codes {
		assert.Equal(t, 200, c, "a request in flight at Drain finishes normally")
		n++
	}
	assert.Equal(t, inFlight, n)
}

func TestDrain_Readiness(t *testing.T) {
	sw := &maintenance.Switch{}
	m, _ := newTestMiddleware(t, Options{Maintenance: maintenance.Options{Source: sw}})
	ready := m.Readiness()

	rec := record(ready, httptest.NewRequest("GET", "/readyz", nil))
	assert.Equal(t, 200, rec.Code)
	assert.Equal(t, "no-store", rec.Header().Get("Cache-Control"))

	sw.Enable(maintenance.State{})
	rec = record(ready, httptest.NewRequest("GET", "/readyz", nil))
	assert.Equal(t, 200, rec.Code, "maintenance keeps the instance in the load balancer")

	m.Drain()
	rec = record(ready, httptest.NewRequest("GET", "/readyz", nil))
	assert.Equal(t, 503, rec.Code, "a draining instance leaves it")
	assert.Equal(t, "draining\n", rec.Body.String())
	rec = record(ready, httptest.NewRequest("HEAD", "/readyz", nil))
	assert.Equal(t, 503, rec.Code)
	assert.Empty(t, rec.Body.String())
}
