package redisstore

import (
	"fmt"
	"log/slog"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/errorpage/errorpage/maintenance"
)

func TestZeroOptions(t *testing.T) {
	srv := startRedis(t)
	s := open(t, srv.URL(""), Options{})
	if s.key != "errorpage:maintenance" || s.channel != "errorpage:maintenance" {
		t.Errorf("got key %q channel %q, want both errorpage:maintenance", s.key, s.channel)
	}
	if got := s.State(); got.On || s.Version() != 0 {
		t.Errorf("got %+v version %d with no key, want off, version 0", got, s.Version())
	}
	if err := s.SetState(bg, maintenance.State{On: true, Message: "m"}); err != nil {
		t.Fatal(err)
	}
	got := srv.Client("").HGetAll(bg, "errorpage:maintenance").Val()
	if got["state"] != `{"enabled":true,"message":"m"}` || got["version"] == "" {
		t.Errorf("got hash %q, want the document and a version", got)
	}
	if !s.State().On {
		t.Error("the writer does not see its own write at once")
	}
}

// TestPropagation writes from each of three independent stores in turn and
// checks that every write reaches every other store's memory (untilAll
// fails the test after ten seconds). How fast is BenchmarkPropagation's
// business: a time bound here would fail on a loaded machine, not on a
// slow store.
func TestPropagation(t *testing.T) {
	srv := startRedis(t)
	stores := []*Store{open(t, srv.URL(""), Options{}), open(t, srv.URL(""), Options{}), open(t, srv.URL(""), Options{})}
	const writes = 200
	lat := make([]time.Duration, 0, writes)
	for i := range writes {
		w := stores[i%len(stores)]
		msg := fmt.Sprintf("write %d", i)
		changed := changedAll(stores)
		start := time.Now()
		if err := w.SetState(bg, maintenance.State{On: i%2 == 0, Message: msg}); err != nil {
			t.Fatal(err)
		}
		lat = append(lat, untilAll(t, stores, changed, msg, start))
	}
	slices.Sort(lat)
	t.Logf("propagation to 3 stores over %d writes: p50 %v, p99 %v, max %v",
		writes, lat[len(lat)/2], lat[len(lat)*99/100], lat[len(lat)-1])
}

// untilAll returns the time from start until every store holds a state
// with message msg. It wakes on Changed rather than polling, so
// that it adds nothing to the figure, and fails the test after ten seconds:
// a write that never arrives, not a slow machine. Take changed from
// changedAll before the write.
func untilAll(t testing.TB, stores []*Store, changed []<-chan struct{}, msg string, start time.Time) time.Duration {
	timeout := time.NewTimer(10 * time.Second)
	defer timeout.Stop()
	for i, s := range stores {
		for s.State().Message != msg {
			select {
			case <-changed[i]:
				changed[i] = s.Changed()
			case <-timeout.C:
				t.Fatalf("after %v, store %d holds %q, want %q", time.Since(start), i, s.State().Message, msg)
			}
		}
	}
	return time.Since(start)
}

// changedAll returns each store's Changed channel.
func changedAll(stores []*Store) []<-chan struct{} {
	var c []<-chan struct{}
	for _, s := range stores {
		c = append(c, s.Changed())
	}
	return c
}

// TestRapidToggles toggles 1 000 times from three stores at once; all of
// them must end on the same state, the one in Redis.
func TestRapidToggles(t *testing.T) {
	srv := startRedis(t)
	stores := []*Store{open(t, srv.URL(""), Options{}), open(t, srv.URL(""), Options{}), open(t, srv.URL(""), Options{})}
	var wg sync.WaitGroup
	for w, s := range stores {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < 1000; i += len(stores) {
				if err := s.SetState(bg, maintenance.State{On: i%2 == 1, Message: fmt.Sprint(i)}); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	final := srv.Client("").HGetAll(bg, defaultName).Val()
	waitFor(t, 2*time.Second, "every store to hold the final version "+final["version"], func() bool {
		for _, s := range stores {
			if fmt.Sprint(s.Version()) != final["version"] {
				return false
			}
		}
		return true
	})
	want := stores[0].State()
	for i, s := range stores {
		doc, _ := s.State().MarshalJSON()
		if string(doc) != final["state"] || !s.State().Equal(want) {
			t.Errorf("store %d holds %s, want %s", i, doc, final["state"])
		}
	}
}

// TestOlderVersionIgnored: an announcement of a version older than the
// state held does not even make the Store read the key, so a late message
// cannot undo a newer write; a newer one makes it read the key.
func TestOlderVersionIgnored(t *testing.T) {
	srv := startRedis(t)
	var logs lockedBuffer
	s := open(t, srv.URL(""), Options{Logger: slog.New(slog.NewTextHandler(&logs, nil)), Resync: -1})
	if err := s.SetState(bg, maintenance.State{On: true, Message: "new"}); err != nil {
		t.Fatal(err)
	}
	v := s.Version()
	c := srv.Client("")
	// Messages on one connection arrive in order: once the newer one has
	// been acted on, the older one has been seen, and must have changed
	// nothing, although the key held an older state when it came.
	c.HSet(bg, defaultName, "version", v-1, "state", `{"enabled":false,"message":"old"}`)
	c.Publish(bg, defaultName, fmt.Sprintf(`{"version":%d}`, v-1))
	c.HSet(bg, defaultName, "version", v+1, "state", `{"enabled":true,"message":"newer"}`)
	c.Publish(bg, defaultName, fmt.Sprintf(`{"version":%d}`, v+1))
	waitFor(t, time.Second, "the newer message", func() bool { return s.Version() == v+1 })
	if got := s.State().Message; got != "newer" {
		t.Errorf("got message %q, want newer", got)
	}
	if n := logs.Count("message=old"); n != 0 {
		t.Errorf("the older state was applied (%d log lines):\n%s", n, logs.String())
	}

	// The same for the key: an older version there is not taken, and the
	// instance writes its own back.
	c.HSet(bg, defaultName, "version", v-5, "state", `{"enabled":false,"message":"stale"}`)
	if err := s.load(bg); err != nil {
		t.Fatal(err)
	}
	if got := s.State(); !got.On || got.Message != "newer" {
		t.Errorf("after reading an older key: got %+v, want the newer state kept", got)
	}
	waitFor(t, time.Second, "the key restored", func() bool {
		ver, _ := c.HGet(bg, defaultName, "version").Int64()
		return ver == v+1
	})
}

// TestVersionsSurviveDataLoss: after Redis lost the hash, a new write still
// gets a higher version than every instance holds (the server's clock),
// so it is not ignored.
func TestVersionsSurviveDataLoss(t *testing.T) {
	srv := startRedis(t)
	a, b := open(t, srv.URL(""), Options{Resync: -1}), open(t, srv.URL(""), Options{Resync: -1})
	if err := a.SetState(bg, maintenance.State{On: true}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, time.Second, "b to see the write", func() bool { return b.State().On })
	srv.Client("").FlushAll(bg)
	if err := b.SetState(bg, maintenance.State{}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, time.Second, "a to see the write after the flush", func() bool { return !a.State().On })
}

// TestWriteRoundTrips: the writer holds exactly what the others read, and
// refuses a state they could not read.
func TestWriteRoundTrips(t *testing.T) {
	srv := startRedis(t)
	a, b := open(t, srv.URL(""), Options{}), open(t, srv.URL(""), Options{})
	st := maintenance.State{On: true, Message: "m", Until: time.Now().Add(time.Hour), Retry: 90 * time.Second, Secret: "let-me-in-please-0123"}
	if err := a.SetState(bg, st); err != nil {
		t.Fatal(err)
	}
	waitFor(t, time.Second, "b to see the write", func() bool { return b.Version() == a.Version() })
	if !a.State().Equal(b.State()) {
		t.Errorf("the writer holds %+v, the reader %+v", a.State(), b.State())
	}
	v := a.Version()
	err := a.SetState(bg, maintenance.State{On: true, Secret: "not a path segment/"})
	if err == nil || !strings.HasPrefix(err.Error(), "redisstore: ") {
		t.Errorf("got %v for an invalid secret, want a redisstore: error", err)
	}
	if got := srv.Client("").HGet(bg, defaultName, "version").Val(); got != fmt.Sprint(v) {
		t.Errorf("an invalid state was written: version %s, want %d", got, v)
	}
}

func TestCloseLeaksNoGoroutines(t *testing.T) {
	srv := startRedis(t)
	before := runtime.NumGoroutine()
	for range 3 {
		s, err := Open(srv.URL(""), Options{Logger: discardLogger, Resync: 10 * time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.SetState(bg, maintenance.State{On: true}); err != nil {
			t.Fatal(err)
		}
		s.Close()
		s.Close()
		if err := s.SetState(bg, maintenance.State{}); err == nil || !strings.HasPrefix(err.Error(), "redisstore: ") {
			t.Errorf("SetState after Close: got %v, want a redisstore: error", err)
		}
	}
	// A store whose Redis is down is busy reconnecting; Close must stop it
	// too.
	srv.Kill()
	s, err := Open(srv.URL(""), Options{Logger: discardLogger, StartTimeout: -1})
	if err != nil {
		t.Fatal(err)
	}
	waitFor(t, 5*time.Second, "a few reconnection attempts", func() bool { return s.attempts.Load() >= 3 })
	s.Close()
	waitFor(t, 5*time.Second, "the stores' goroutines to end", func() bool { return runtime.NumGoroutine() <= before })
}

// TestStartTimeout: with Redis unreachable, Open returns after the first
// failed attempt, not after StartTimeout.
func TestRedisDownAtStart(t *testing.T) {
	srv := startRedis(t)
	srv.Kill()
	for _, tc := range []struct {
		name    string
		initial maintenance.State
	}{
		{"not in maintenance", maintenance.State{}},
		{"start in maintenance", maintenance.State{On: true, Message: "starting"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			log, buf := testLogger()
			start := time.Now()
			s := open(t, srv.URL(""), Options{Initial: tc.initial, Logger: log, StartTimeout: 10 * time.Second, MaxBackoff: 50 * time.Millisecond})
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("Open took %v with Redis down, want it to return after the first failed attempt", d)
			}
			waitFor(t, 5*time.Second, "ten reconnection attempts", func() bool { return s.attempts.Load() >= 10 })
			if got := s.State(); !got.Equal(tc.initial) {
				t.Errorf("got %+v, want the initial state %+v", got, tc.initial)
			}
			if n := buf.Count("redisstore: cannot reach Redis"); n != 1 {
				t.Errorf("the outage was logged %d times over %d attempts, want once:\n%s", n, s.attempts.Load(), buf)
			}
			if err := s.SetState(bg, maintenance.State{On: true}); err == nil || !strings.HasPrefix(err.Error(), "redisstore: ") {
				t.Errorf("SetState with Redis down: got %v, want a redisstore: error", err)
			}
			if got := s.State(); !got.Equal(tc.initial) {
				t.Errorf("a failed write changed the state to %+v", got)
			}
		})
	}
}

// TestVersionsBeyondFloatPrecision: a stored version above 2^53 is a valid
// int64, and a write on top of it must still move the version forward
// exactly (Lua numbers are doubles, in which 2^53+1 is 2^53) or fail with
// an error. A write that reports success must be visible everywhere.
func TestVersionsBeyondFloatPrecision(t *testing.T) {
	for _, tc := range []struct {
		name   string
		stored string
		fails  bool
	}{
		{"2^53", "9007199254740992", false},
		{"2^53+1", "9007199254740993", false},
		{"9e18", "9000000000000000000", false},
		{"one below the largest int64", "9223372036854775806", false},
		{"the largest int64", "9223372036854775807", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := startRedis(t)
			c := srv.Client("")
			require.NoError(t, c.HSet(bg, defaultName, "state", `{"enabled":false,"message":"stored"}`, "version", tc.stored).Err())
			a, b := open(t, srv.URL(""), Options{Resync: -1}), open(t, srv.URL(""), Options{Resync: -1})
			stored, err := strconv.ParseInt(tc.stored, 10, 64)
			require.NoError(t, err)
			require.Equal(t, stored, a.Version(), "a did not load the stored version")

			err = a.SetState(bg, maintenance.State{On: true, Message: "written"})
			got := c.HGetAll(bg, defaultName).Val()
			if tc.fails {
				require.Error(t, err, "a write past the largest int64 reported success")
				assert.True(t, strings.HasPrefix(err.Error(), "redisstore: "), "got error %q, want a redisstore: prefix", err)
				assert.Equal(t, tc.stored, got["version"], "a refused write changed the version in Redis")
				assert.Equal(t, `{"enabled":false,"message":"stored"}`, got["state"], "a refused write changed the state in Redis")
				assert.False(t, a.State().On, "a refused write changed the state in memory")
				return
			}
			require.NoError(t, err)
			assert.Greater(t, a.Version(), stored, "got version %d after the write, want more than %d", a.Version(), stored)
			assert.Equal(t, strconv.FormatInt(a.Version(), 10), got["version"], "got version %s in Redis, want the writer's %d", got["version"], a.Version())
			assert.Equal(t, "written", a.State().Message, "the writer does not hold its own write")
			waitFor(t, time.Second, "b to see the write", func() bool { return b.State().Message == "written" })
			assert.Equal(t, a.Version(), b.Version())
		})
	}
}

// TestStore_CarriesStartAndScope: a scheduled, read-only, scoped window
// with messages per language written on one instance reaches another
// whole, start and scope included.
func TestStore_CarriesStartAndScope(t *testing.T) {
	srv := startRedis(t)
	a, b := open(t, srv.URL(""), Options{}), open(t, srv.URL(""), Options{})
	start := time.Date(2026, 12, 24, 2, 0, 0, 0, time.UTC)
	want := maintenance.State{On: true, Message: "scheduled", Start: start, Until: start.Add(time.Hour),
		ReadOnly: true, Paths: []string{"/billing/"}, Hosts: []string{"shop.example.com"},
		Messages: map[string]string{"de": "Geplant"}}
	changed := changedAll([]*Store{b})
	if err := a.SetState(bg, want); err != nil {
		t.Fatal(err)
	}
	untilAll(t, []*Store{b}, changed, "scheduled", time.Now())
	got := b.State()
	assert.True(t, want.Equal(got), "got %+v, want %+v", got, want)
	doc := srv.Client("").HGet(bg, "errorpage:maintenance", "state").Val()
	assert.Contains(t, doc, `"start":"2026-12-24T02:00:00Z"`)
	assert.Contains(t, doc, `"paths":["/billing/"]`)
}
