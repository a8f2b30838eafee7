package redisstore

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/errorpage/errorpage"
	"github.com/errorpage/errorpage/maintenance"
)

// TestKillUnderLoad kills redis-server while two instances serve requests
// in maintenance: every request keeps getting the maintenance page, and
// the per-request figures before and during the outage are reported. Redis
// then comes back empty; the instances write their state back, log the
// outage and the recovery once each, and follow the next write.
func TestKillUnderLoad(t *testing.T) {
	srv := startRedis(t)
	logA, bufA := testLogger()
	logB, bufB := testLogger()
	fast := Options{MaxBackoff: 50 * time.Millisecond, Resync: -1}
	oa, ob := fast, fast
	oa.Logger, ob.Logger = logA, logB
	a, b := open(t, srv.URL(""), oa), open(t, srv.URL(""), ob)
	if err := a.SetState(bg, maintenance.State{On: true, Message: "migrating"}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, time.Second, "b to see the write", func() bool { return b.State().On })

	var handlers []http.Handler
	for _, s := range []*Store{a, b} {
		m, err := errorpage.New(errorpage.Options{Logger: discardLogger, Maintenance: maintenance.Options{Source: s}})
		if err != nil {
			t.Fatal(err)
		}
		handlers = append(handlers, m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprintln(w, "live")
		})))
	}

	const workers = 8
	var (
		phase   atomic.Int32 // 0: Redis up, 1: Redis down
		served  [2]atomic.Int64
		wrong   atomic.Int64
		stop    atomic.Bool
		wg      sync.WaitGroup
		mu      sync.Mutex
		samples [2][]time.Duration
	)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var local [2][]time.Duration
			h := handlers[w%len(handlers)]
			for !stop.Load() {
				p := phase.Load()
				req := httptest.NewRequest("GET", "/", nil)
				rec := httptest.NewRecorder()
				start := time.Now()
				h.ServeHTTP(rec, req)
				local[p] = append(local[p], time.Since(start))
				if rec.Code != http.StatusServiceUnavailable || !strings.Contains(rec.Body.String(), "migrating") {
					wrong.Add(1)
				}
				served[p].Add(1)
			}
			mu.Lock()
			samples[0] = append(samples[0], local[0]...)
			samples[1] = append(samples[1], local[1]...)
			mu.Unlock()
		}()
	}
	const perPhase = 20000
	waitFor(t, 20*time.Second, "requests with Redis up", func() bool { return served[0].Load() >= perPhase })
	srv.Kill()
	phase.Store(1)
	waitFor(t, 5*time.Second, "both stores to notice the outage", func() bool {
		return bufA.Count("lost the connection") > 0 && bufB.Count("lost the connection") > 0
	})
	attempts := a.attempts.Load()
	waitFor(t, 20*time.Second, "requests with Redis down, and retries", func() bool {
		return served[1].Load() >= perPhase && a.attempts.Load() >= attempts+5
	})
	stop.Store(true)
	wg.Wait()

	if n := wrong.Load(); n > 0 {
		t.Errorf("%d of %d requests did not get the maintenance page", n, served[0].Load()+served[1].Load())
	}
	for i, name := range []string{"Redis up", "Redis down"} {
		s := samples[i]
		slices.Sort(s)
		t.Logf("%s: %d requests through the middleware, p50 %v, p99 %v", name, len(s), s[len(s)/2], s[len(s)*99/100])
	}

	// Redis comes back without its data (--save ""). The stores write
	// their state back, so the next instance to start agrees with them.
	srv.Restart()
	waitFor(t, 5*time.Second, "the state to be written back", func() bool {
		return strings.Contains(srv.Client("").HGet(bg, defaultName, "state").Val(), "migrating")
	})
	waitFor(t, 5*time.Second, "both stores to reconnect", func() bool {
		return bufA.Count("connected to Redis again") == 1 && bufB.Count("connected to Redis again") == 1
	})
	for name, buf := range map[string]*lockedBuffer{"a": bufA, "b": bufB} {
		if n := buf.Count("lost the connection"); n != 1 {
			t.Errorf("store %s logged the outage %d times, want once:\n%s", name, n, buf)
		}
	}
	c := open(t, srv.URL(""), Options{})
	if !c.State().On {
		t.Error("an instance started after Redis lost its data is not in maintenance")
	}
	if err := b.SetState(bg, maintenance.State{}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, time.Second, "every store to leave maintenance", func() bool {
		return !a.State().On && !b.State().On && !c.State().On
	})
}

// TestDisconnectedInstanceConverges cuts one instance off Redis, changes
// the state through another, and checks that the first one catches up
// after reconnecting, although it missed the announcement.
func TestDisconnectedInstanceConverges(t *testing.T) {
	srv := startRedis(t)
	cut := newCutter(t, srv.Addr())
	log, buf := testLogger()
	a := open(t, cut.URL(), Options{Logger: log, MaxBackoff: 50 * time.Millisecond, Resync: -1})
	b := open(t, srv.URL(""), Options{})
	if err := b.SetState(bg, maintenance.State{On: true, Message: "first"}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, time.Second, "a to see the first write", func() bool { return a.State().Message == "first" })

	cut.Cut()
	waitFor(t, 5*time.Second, "a to notice the outage", func() bool { return buf.Count("lost the connection") > 0 })
	if err := b.SetState(bg, maintenance.State{On: true, Message: "second"}); err != nil {
		t.Fatal(err)
	}
	attempts := a.attempts.Load()
	waitFor(t, 5*time.Second, "a to retry several times", func() bool { return a.attempts.Load() >= attempts+5 })
	if got := a.State().Message; got != "first" {
		t.Fatalf("a got %q while cut off, want it to keep first", got)
	}

	cut.Restore()
	waitFor(t, 5*time.Second, "a to converge after reconnecting", func() bool { return a.State().Message == "second" })
	if a.Version() != b.Version() {
		t.Errorf("a holds version %d, b %d", a.Version(), b.Version())
	}
	waitFor(t, time.Second, "the recovery log", func() bool { return buf.Count("connected to Redis again") == 1 })
	if n := buf.Count("lost the connection"); n != 1 {
		t.Errorf("the outage was logged %d times over %d attempts, want once:\n%s", n, a.attempts.Load()-attempts, buf)
	}
}

// TestBadValues puts what a Store cannot use into the key or the channel:
// each is logged once, clearly, and the last good state is kept.
func TestBadValues(t *testing.T) {
	for _, tc := range []struct {
		name  string
		setup []any // a command for the raw client
		log   string
	}{
		{"malformed JSON", []any{"HSET", defaultName, "state", `{"enabled":tru`, "version", "9999999999999999"}, "malformed maintenance state in Redis"},
		{"unknown member", []any{"HSET", defaultName, "state", `{"untill":"2030-01-01T00:00:00Z"}`, "version", "9999999999999999"}, `unknown field \"untill\"`},
		{"bad version", []any{"HSET", defaultName, "version", "soon"}, `the version \"soon\" is not a positive integer`},
		{"no state member", []any{"HDEL", defaultName, "state"}, "malformed maintenance state in Redis"},
		{"wrong type", []any{"SET", defaultName, `{"enabled":false}`}, "the key holds a value that is not a hash"},
		{"malformed message", []any{"PUBLISH", defaultName, `{"version":"soon","state":"off"}`}, "malformed message on the channel; ignored"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := startRedis(t)
			log, buf := testLogger()
			s := open(t, srv.URL(""), Options{Logger: log, Resync: -1})
			good := maintenance.State{On: true, Message: "good"}
			if err := s.SetState(bg, good); err != nil {
				t.Fatal(err)
			}
			c := srv.Client("")
			if tc.setup[0] == "SET" {
				c.Del(bg, defaultName)
			}
			if err := c.Do(bg, tc.setup...).Err(); err != nil {
				t.Fatal(err)
			}
			for range 3 {
				if err := s.load(bg); err != nil {
					t.Fatal(err)
				}
			}
			waitFor(t, time.Second, "the log line", func() bool { return buf.Count(tc.log) > 0 })
			if n := buf.Count(tc.log); n != 1 {
				t.Errorf("logged %d times, want once:\n%s", n, buf)
			}
			if got := s.State(); !got.Equal(good) {
				t.Errorf("got %+v, want the last good state %+v", got, good)
			}
			// A write repairs the key, whatever it held.
			if err := s.SetState(bg, maintenance.State{}); err != nil {
				t.Fatal(err)
			}
			if err := s.load(bg); err != nil || s.State().On {
				t.Errorf("after a repairing write: err %v, state %+v, want off", err, s.State())
			}
		})
	}
}

func TestMissingKey(t *testing.T) {
	t.Run("never written", func(t *testing.T) {
		srv := startRedis(t)
		log, buf := testLogger()
		initial := maintenance.State{On: true, Message: "until Redis says otherwise"}
		s := open(t, srv.URL(""), Options{Logger: log, Resync: -1, Initial: initial})
		s.load(bg)
		s.load(bg)
		if n := buf.Count("the key does not exist yet; serving the initial state"); n != 1 {
			t.Errorf("logged %d times, want once:\n%s", n, buf)
		}
		if got := s.State(); !got.Equal(initial) {
			t.Errorf("got %+v, want the initial state", got)
		}
		if n := srv.Client("").Exists(bg, defaultName).Val(); n != 0 {
			t.Error("the initial state was written to Redis; only states from Redis are written back")
		}
	})
	t.Run("deleted", func(t *testing.T) {
		srv := startRedis(t)
		log, buf := testLogger()
		s := open(t, srv.URL(""), Options{Logger: log, Resync: -1})
		if err := s.SetState(bg, maintenance.State{On: true, Message: "kept"}); err != nil {
			t.Fatal(err)
		}
		c := srv.Client("")
		c.Del(bg, defaultName)
		if err := s.load(bg); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(buf.String(), "wrote the last known maintenance state back to Redis") {
			t.Errorf("no log line about writing the state back:\n%s", buf)
		}
		if got := c.HGet(bg, defaultName, "version").Val(); got != fmt.Sprint(s.Version()) {
			t.Errorf("got version %q in Redis, want %d", got, s.Version())
		}
		if !s.State().On {
			t.Error("the state was not kept")
		}
	})
}

func TestCredentials(t *testing.T) {
	for _, tc := range []struct {
		name     string
		args     []string
		good     string // userinfo that works
		bad      string // userinfo that is refused
		override bool
	}{
		{"requirepass", []string{"--requirepass", "right"}, ":right", ":wrong", false},
		{"ACL user", []string{"--user", "ops", "on", ">pw", "~*", "&*", "+@all"}, "ops:pw", "ops:nope", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := startRedis(t, tc.args...)
			log, buf := testLogger()
			initial := maintenance.State{On: true, Message: "initial"}
			bad := open(t, srv.URL(tc.bad), Options{Logger: log, Initial: initial, MaxBackoff: 50 * time.Millisecond})
			waitFor(t, 5*time.Second, "several attempts", func() bool { return bad.attempts.Load() >= 5 })
			if n := buf.Count("Redis rejected the credentials; check the user and password in the Redis URL"); n != 1 {
				t.Errorf("the refusal was logged %d times over %d attempts, want once:\n%s", n, bad.attempts.Load(), buf)
			}
			if strings.Contains(buf.String(), "wrong") || strings.Contains(buf.String(), "nope") {
				t.Errorf("the log shows the password:\n%s", buf)
			}
			if got := bad.State(); !got.Equal(initial) {
				t.Errorf("got %+v, want the initial state kept", got)
			}
			good := open(t, srv.URL(tc.good), Options{})
			if err := good.SetState(bg, maintenance.State{On: true, Message: "ok"}); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestTLS: a rediss:// URL speaks TLS. Open verifies the server against
// the system's roots, so with a test certificate it reports the failure
// clearly and keeps serving; a client trusting the certificate works.
func TestTLS(t *testing.T) {
	srv := startRedis(t, "tls")
	log, buf := testLogger()
	s := open(t, "rediss://"+srv.Addr()+"/0", Options{Logger: log, StartTimeout: -1})
	waitFor(t, 5*time.Second, "the certificate to be refused", func() bool {
		return buf.Count("cannot reach Redis") == 1 && strings.Contains(buf.String(), "certificate")
	})
	if s.State().On {
		t.Error("not the initial state")
	}

	opt, err := redis.ParseURL("rediss://" + srv.Addr() + "/0")
	if err != nil {
		t.Fatal(err)
	}
	opt.TLSConfig = srv.TLS
	client := redis.NewClient(opt)
	defer client.Close()
	a, err := New(client, Options{Logger: discardLogger})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	waitFor(t, 5*time.Second, "the subscription over TLS", a.connected.Load)
	if err := a.SetState(bg, maintenance.State{On: true, Message: "over TLS"}); err != nil {
		t.Fatal(err)
	}
	if got := client.HGet(bg, defaultName, "state").Val(); !strings.Contains(got, "over TLS") {
		t.Errorf("got %q in Redis, want the document", got)
	}
}
