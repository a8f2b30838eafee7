package redisstore

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	neturl "net/url"
	"sync"
	"sync/atomic"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/errorpage/errorpage/maintenance"
)

// Options configures a Store. The zero value is valid: the key and the
// channel are "errorpage:maintenance", the Store starts out of
// maintenance, resyncs every 30 seconds and logs to slog.Default().
type Options struct {
	// Key is the Redis key of the hash that holds the state. Empty means
	// "errorpage:maintenance". Give each service that shares a Redis its
	// own key.
	Key string

	// Channel is the pub/sub channel on which writes are announced. Empty
	// means the same name as Key (channels and keys are separate
	// namespaces in Redis).
	Channel string

	// Initial is the state served until the key has been read, and for as
	// long as Redis cannot be reached after the start or the key does not
	// exist. The zero value means not in maintenance; set On to start in
	// maintenance and stay there until Redis says otherwise.
	Initial maintenance.State

	// Resync is how often the key is read again, in case a message was
	// lost. Zero means 30 seconds; a negative value turns the periodic
	// read off (the key is still read after every reconnection).
	Resync time.Duration

	// HealthCheck is how long the subscription may stay silent before the
	// Store pings Redis over it; an unanswered ping for as long again
	// counts as a lost connection. Zero means 5 seconds.
	HealthCheck time.Duration

	// MaxBackoff caps the wait between two attempts to reconnect, which
	// starts at 50 milliseconds and doubles. Zero means 2 seconds.
	MaxBackoff time.Duration

	// StartTimeout is how long New and Open wait for the first reading of
	// the key before they return; the Store keeps trying in the
	// background afterwards. Zero means 3 seconds; a negative value means
	// return at once, serving Initial until the key has been read.
	StartTimeout time.Duration

	// Logger receives the outage, recovery, malformed-value and
	// state-change records. Nil means slog.Default().
	Logger *slog.Logger
}

const (
	defaultName         = "errorpage:maintenance"
	defaultResync       = 30 * time.Second
	defaultHealthCheck  = 5 * time.Second
	defaultMaxBackoff   = 2 * time.Second
	defaultStartTimeout = 3 * time.Second
	minBackoff          = 50 * time.Millisecond
)

// Store is a maintenance state source and writer backed by Redis. Build one
// with New or Open and release it with Close. It is safe for concurrent
// use.
type Store struct {
	client    redis.UniversalClient
	owned     bool // Close closes client
	key       string
	channel   string
	resync    time.Duration
	health    time.Duration
	backoff   time.Duration
	log       *slog.Logger
	cur       atomic.Pointer[snapshot]
	applyMu   sync.Mutex // orders apply calls; cur is written only under it
	ctx       context.Context
	cancel    context.CancelFunc
	wg        sync.WaitGroup
	psMu      sync.Mutex
	ps        *redis.PubSub // the current subscription, closed by Close
	closed    atomic.Bool
	connected atomic.Bool  // a session is subscribed and has read the key
	attempts  atomic.Int64 // sessions started, so tests can count retries
	closeErr  error
	once      sync.Once

	// Malformed values and a missing key are logged once each until the
	// key holds a good value again.
	reportMu   sync.Mutex
	badLogged  string // the raw value last reported as malformed
	missLogged bool
}

// snapshot is one state with the version it was written under. Version 0
// is Options.Initial, which never came from Redis.
type snapshot struct {
	version int64
	state   maintenance.State
	changed chan struct{} // closed when the snapshot is replaced
}

// Compile-time check: a Store plugs into the middleware and the admin
// handler.
var (
	_ maintenance.Writer  = (*Store)(nil)
	_ maintenance.Watcher = (*Store)(nil)
)

// Open connects to the Redis at url and returns a Store that owns the
// client: Close closes it. url is a standard Redis URL,
//
//	redis://[[user]:password@]host[:port][/db]
//	rediss://…   (TLS, verified against the system's roots)
//
// with the query parameters that github.com/redis/go-redis/v9's ParseURL
// understands. To configure TLS or the client otherwise, build a client
// and call New.
//
// Open fails only on a malformed URL or invalid options. If Redis cannot
// be reached, Open still returns a working Store that serves
// Options.Initial and reconnects in the background.
func Open(url string, opts Options) (*Store, error) {
	ro, err := redis.ParseURL(url)
	if err != nil {
		// A *url.Error quotes the whole URL, password included, and this
		// error ends up in logs: keep only what went wrong.
		var ue *neturl.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return nil, fmt.Errorf("redisstore: invalid Redis URL: %w", err)
	}
	if ro.DialerRetries == 0 {
		// The Store retries with its own backoff; a write while Redis is
		// down should fail fast rather than dial five times per try.
		ro.DialerRetries = 1
	}
	s, err := newStore(redis.NewClient(ro), true, opts)
	if err != nil {
		return nil, err
	}
	return s, nil
}

// New returns a Store that reads and writes through client, which may be a
// *redis.Client, a *redis.ClusterClient or a failover client. The caller
// keeps ownership of client: Close leaves it open.
//
// Like Open, New does not fail when Redis cannot be reached.
func New(client redis.UniversalClient, opts Options) (*Store, error) {
	if client == nil {
		return nil, errors.New("redisstore: nil client")
	}
	return newStore(client, false, opts)
}

func newStore(client redis.UniversalClient, owned bool, o Options) (*Store, error) {
	if o.Key == "" {
		o.Key = defaultName
	}
	if o.Channel == "" {
		o.Channel = o.Key
	}
	if o.Resync == 0 {
		o.Resync = defaultResync
	}
	if o.HealthCheck < 0 || o.MaxBackoff < 0 {
		if owned {
			client.Close()
		}
		return nil, errors.New("redisstore: HealthCheck and MaxBackoff must not be negative")
	}
	if o.HealthCheck == 0 {
		o.HealthCheck = defaultHealthCheck
	}
	if o.MaxBackoff == 0 {
		o.MaxBackoff = defaultMaxBackoff
	}
	if o.MaxBackoff < minBackoff {
		o.MaxBackoff = minBackoff
	}
	if o.StartTimeout == 0 {
		o.StartTimeout = defaultStartTimeout
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	s := &Store{
		client:  client,
		owned:   owned,
		key:     o.Key,
		channel: o.Channel,
		resync:  o.Resync,
		health:  o.HealthCheck,
		backoff: o.MaxBackoff,
		log:     o.Logger,
	}
	s.cur.Store(&snapshot{state: o.Initial, changed: make(chan struct{})})
	s.ctx, s.cancel = context.WithCancel(context.Background())

	started := make(chan struct{})
	s.wg.Add(1)
	go s.watch(started)
	if s.resync > 0 {
		s.wg.Add(1)
		go s.resyncLoop()
	}
	if o.StartTimeout > 0 {
		t := time.NewTimer(o.StartTimeout)
		select {
		case <-started:
		case <-t.C:
		}
		t.Stop()
	}
	return s, nil
}

// State returns the state in memory. It never touches Redis: it is
// one atomic load, safe to call on every request.
func (s *Store) State() maintenance.State {
	return s.cur.Load().state
}

// Version returns the version of the state in memory: 0 while the Store
// serves Options.Initial, otherwise the version under which the state was
// written to Redis (see the package documentation).
func (s *Store) Version() int64 {
	return s.cur.Load().version
}

// Changed returns a channel that is closed at the next change
// of the state in memory (or of its version). Call it again after each
// change for the next one.
func (s *Store) Changed() <-chan struct{} {
	return s.cur.Load().changed
}

// SetState writes st to Redis and announces it to every Store
// watching the same key, this one included, which applies it at once. It
// fails, and changes nothing, if Redis cannot be reached or if st would not
// read back as the maintenance document (an invalid Secret); the error
// says which. The last write wins.
func (s *Store) SetState(ctx context.Context, st maintenance.State) error {
	if s.closed.Load() {
		return errors.New("redisstore: store is closed")
	}
	doc, err := st.MarshalJSON()
	if err != nil {
		return fmt.Errorf("redisstore: %w", err)
	}
	// Never write what the other instances could not read back (a secret
	// with characters a URL path cannot hold, say); and hold exactly what
	// they will hold.
	if err := st.UnmarshalJSON(doc); err != nil {
		return fmt.Errorf("redisstore: %w", err)
	}
	if len(doc) > maxMessage {
		return fmt.Errorf("redisstore: the maintenance document is larger than %d bytes", maxMessage)
	}
	v, err := writeScript.Run(ctx, s.client, []string{s.key}, doc, s.channel, s.Version()).Int64()
	if err != nil {
		return fmt.Errorf("redisstore: write maintenance state to key %q: %w", s.key, err)
	}
	s.apply(v, st, false, "write")
	return nil
}

// Close stops watching Redis and waits for the Store's goroutines to end.
// It closes the client if the Store was built with Open. State keeps
// answering with the last state; SetState fails. Close may be called
// more than once.
func (s *Store) Close() error {
	s.once.Do(func() {
		s.closed.Store(true)
		s.cancel()
		s.psMu.Lock()
		if s.ps != nil {
			s.ps.Close()
		}
		s.psMu.Unlock()
		s.wg.Wait()
		if s.owned {
			s.closeErr = s.client.Close()
		}
	})
	return s.closeErr
}

// apply makes st, written under version v, the current state, unless the
// Store already holds a newer one. A value read from the key may replace
// the same version (sameOK): the key is the truth. It reports whether st
// is now current.
func (s *Store) apply(v int64, st maintenance.State, sameOK bool, from string) bool {
	s.applyMu.Lock()
	defer s.applyMu.Unlock()
	old := s.cur.Load()
	if v < old.version || v == old.version && (!sameOK || equalState(old.state, st)) {
		return v == old.version
	}
	s.cur.Store(&snapshot{version: v, state: st, changed: make(chan struct{})})
	close(old.changed)
	if !equalState(old.state, st) {
		attrs := []any{slog.Bool("on", st.On), slog.Int64("version", v), slog.String("from", from), slog.String("key", s.key)}
		if st.Message != "" {
			attrs = append(attrs, slog.String("message", st.Message))
		}
		if !st.Until.IsZero() {
			attrs = append(attrs, slog.Time("until", st.Until))
		}
		s.log.Info("redisstore: maintenance state changed", attrs...)
	}
	return true
}

func equalState(a, b maintenance.State) bool {
	return a.Equal(b)
}
