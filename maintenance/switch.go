package maintenance

import (
	"context"
	"sync/atomic"
)

// Switch is the in-memory maintenance state: a [Writer] and [Watcher]
// that several middlewares can share and any goroutine can flip. The zero
// Switch is off and ready to use. A Switch must not be copied after first
// use.
//
// Reading the state is one atomic load, so the middleware can ask on every
// request. A change is atomic too: a request sees either the old state or
// the new one, never a mix, and requests already past the gate finish
// normally. Shared stores (Redis, say) keep their copy of the state in a
// Switch and call Set when the store announces a change.
type Switch struct {
	p atomic.Pointer[switchState]
}

// switchState is one immutable version of the state, with the channel
// that is closed when it is replaced.
type switchState struct {
	st      State
	changed chan struct{}
}

var (
	_ Writer  = (*Switch)(nil)
	_ Watcher = (*Switch)(nil)
)

// State implements [Source]: it returns the current state, the zero
// state (off) for a Switch never set.
func (s *Switch) State() State {
	if v := s.p.Load(); v != nil {
		return v.st
	}
	return State{}
}

// On reports whether maintenance is on, State().On, with one atomic load
// and without copying the state. The middleware asks it first when its
// source is a Switch.
func (s *Switch) On() bool {
	v := s.p.Load()
	return v != nil && v.st.On
}

// Set replaces the state with st, as given: st.On decides whether
// maintenance is on.
func (s *Switch) Set(st State) {
	old := s.p.Swap(&switchState{st: st, changed: make(chan struct{})})
	if old != nil {
		// Swap hands each old version to exactly one caller, so each
		// channel is closed once, even with concurrent Sets.
		close(old.changed)
	}
}

// Enable switches maintenance on for the window st describes (message,
// end time, retry delay, secret); st.On is ignored.
func (s *Switch) Enable(st State) {
	st.On = true
	s.Set(st)
}

// Disable switches maintenance off and forgets the window.
func (s *Switch) Disable() { s.Set(State{}) }

// SetState implements [Writer]; it is [Switch.Set], and never fails.
func (s *Switch) SetState(_ context.Context, st State) error {
	s.Set(st)
	return nil
}

// Changed implements [Watcher].
func (s *Switch) Changed() <-chan struct{} {
	for {
		if v := s.p.Load(); v != nil {
			return v.changed
		}
		// First use of a zero Switch: install the "off" version so that
		// there is a channel to wait on. If a Set wins the race, load it.
		s.p.CompareAndSwap(nil, &switchState{changed: make(chan struct{})})
	}
}
