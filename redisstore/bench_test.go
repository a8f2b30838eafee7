package redisstore

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/errorpage/errorpage"
	"github.com/errorpage/errorpage/maintenance"
)

// getPerRequest is the anchors' design (Laravel's cache driver,
// sachaos/maintenance): ask Redis for the state on every request.
type getPerRequest struct {
	c   *redis.Client
	key string
}

func (g getPerRequest) State() maintenance.State {
	raw, err := g.c.HGet(context.Background(), g.key, "state").Result()
	var st maintenance.State
	if err != nil || st.UnmarshalJSON([]byte(raw)) != nil {
		return maintenance.State{}
	}
	return st
}

// BenchmarkMiddleware is the per-request cost of the middleware, outside
// maintenance (the path every request takes), with each source in the
// same run:
//
//	go test -run '^$' -bench Middleware -benchmem
func BenchmarkMiddleware(b *testing.B) {
	srv := startRedis(b)
	store := open(b, srv.URL(""), Options{})
	if err := store.SetState(bg, maintenance.State{On: false}); err != nil {
		b.Fatal(err)
	}
	sources := []struct {
		name string
		src  maintenance.Source
	}{
		{"source=switch", new(maintenance.Switch)},
		{"source=redisstore", store},
		{"source=GET-per-request", getPerRequest{srv.Client(""), defaultName}},
	}
	for _, s := range sources {
		b.Run(s.name, func(b *testing.B) {
			m, err := errorpage.New(errorpage.Options{Logger: discardLogger, Maintenance: maintenance.Options{Source: s.src}})
			if err != nil {
				b.Fatal(err)
			}
			h := m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Write([]byte("live\n"))
			}))
			req := httptest.NewRequest("GET", "/", nil)
			b.ReportAllocs()
			for b.Loop() {
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				if rec.Code != http.StatusOK {
					b.Fatalf("got status %d, want 200", rec.Code)
				}
			}
		})
	}
}

var sink maintenance.State

// BenchmarkMaintenanceRead is the cost of the call the middleware makes on
// every request, without the rest of the middleware around it:
//
//	go test -run '^$' -bench MaintenanceRead
func BenchmarkMaintenanceRead(b *testing.B) {
	srv := startRedis(b)
	store := open(b, srv.URL(""), Options{})
	st := maintenance.State{On: true, Message: "m", Until: time.Now().Add(time.Hour)}
	if err := store.SetState(bg, st); err != nil {
		b.Fatal(err)
	}
	sw := new(maintenance.Switch)
	sw.Set(st)
	b.Run("source=switch", func(b *testing.B) {
		for b.Loop() {
			sink = sw.State()
		}
	})
	b.Run("source=redisstore", func(b *testing.B) {
		for b.Loop() {
			sink = store.State()
		}
	})
}

// BenchmarkPropagation is the time from SetState on one store until
// two other stores, on their own clients, hold the new state in memory:
//
//	go test -run '^$' -bench Propagation -benchtime 500x
func BenchmarkPropagation(b *testing.B) {
	srv := startRedis(b)
	stores := []*Store{open(b, srv.URL(""), Options{}), open(b, srv.URL(""), Options{}), open(b, srv.URL(""), Options{})}
	var lat []time.Duration
	i := 0
	for b.Loop() {
		msg := fmt.Sprint("write ", i)
		changed := changedAll(stores)
		start := time.Now()
		if err := stores[i%3].SetState(bg, maintenance.State{On: i%2 == 0, Message: msg}); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, untilAll(b, stores, changed, msg, start))
		i++
	}
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds()), "p50-µs")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds()), "p99-µs")
	b.ReportMetric(float64(lat[len(lat)-1].Microseconds()), "max-µs")
}
