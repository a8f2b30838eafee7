package errorpage

import (
	"sync"
	"time"
)

// The defaults of Options.PanicLimit and Options.PanicWindow.
const (
	defaultPanicLimit  = 5
	defaultPanicWindow = time.Minute
	maxStormStacks     = 256 // distinct stacks tracked at once
)

// stormLimiter keeps a panic storm (the same bug hit by every request)
// from flooding the error tracker and the log: per stack and window, the
// first limit panics reach OnError and the log, the rest only the
// observer. It is safe for concurrent use.
type stormLimiter struct {
	limit  int
	window time.Duration

	mu    sync.Mutex
	seen  map[uint64]*stormEntry // by stack key (panicSite)
	clock func() time.Time
}

// stormEntry is one stack's window.
type stormEntry struct {
	start     time.Time
	reported  int    // OnError calls in this window
	logged    int    // log records in this window
	unlogged  int    // panics not logged since the last record
	reference string // the first reference OnError returned in the window
}

// stormTicket is what the limiter allows one panic.
type stormTicket struct {
	report    bool   // call OnError
	reference string // if not: the reference to show instead
	log       bool   // write the log record
	unlogged  int    // identical panics left out of the log since the last record
}

// newStormLimiter returns the limiter of the options, or nil for no limit
// (a negative limit).
func newStormLimiter(limit int, window time.Duration, clock func() time.Time) *stormLimiter {
	if limit < 0 {
		return nil
	}
	if limit == 0 {
		limit = defaultPanicLimit
	}
	if window <= 0 {
		window = defaultPanicWindow
	}
	return &stormLimiter{limit: limit, window: window, seen: make(map[uint64]*stormEntry), clock: clock}
}

// enter counts a panic with stack key and says what it may do.
func (s *stormLimiter) enter(key uint64) stormTicket {
	now := s.clock()
	s.mu.Lock()
	defer s.mu.Unlock()
	e := s.seen[key]
	if e == nil || now.Sub(e.start) >= s.window {
		if e == nil {
			s.makeRoom(now)
			e = &stormEntry{}
			s.seen[key] = e
		}
		unlogged := e.unlogged
		*e = stormEntry{start: now, unlogged: unlogged}
	}
	t := stormTicket{report: e.reported < s.limit, reference: e.reference, log: e.logged < s.limit}
	if t.report {
		e.reported++
	}
	if t.log {
		e.logged++
		t.unlogged, e.unlogged = e.unlogged, 0
	} else {
		e.unlogged++
	}
	return t
}

// remember keeps the first reference OnError returned for key in its
// window, for the visitors whose panic does not reach OnError.
func (s *stormLimiter) remember(key uint64, reference string) {
	if reference == "" {
		return
	}
	s.mu.Lock()
	if e := s.seen[key]; e != nil && e.reference == "" {
		e.reference = reference
	}
	s.mu.Unlock()
}

// makeRoom bounds the map: when it is full, windows that are over go, and
// if that is not enough, all of them (a program with hundreds of distinct
// panicking stacks at once has bigger problems than a second record).
func (s *stormLimiter) makeRoom(now time.Time) {
	if len(s.seen) < maxStormStacks {
		return
	}
	for k, e := range s.seen {
		if now.Sub(e.start) >= s.window {
			delete(s.seen, k)
		}
	}
	if len(s.seen) >= maxStormStacks {
		clear(s.seen)
	}
}
