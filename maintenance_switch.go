package errorpage

import (
	"context"
	"sync/atomic"
)

// MaintenanceWatcher is a source that can tell when its state changes, so
// that a program (or a test) can react to a switch without polling. The
// Switch, the TriggerFile, and a shared store built on a Switch implement
// it.
type MaintenanceWatcher interface {
	MaintenanceSource
	// MaintenanceChanged returns a channel that is closed at the next
	// change of state. Call it again after each change for the next one.
	MaintenanceChanged() <-chan struct{}
}

// Switch is the in-memory maintenance state: a MaintenanceWriter that
// several middlewares can share and any goroutine can flip. The zero
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
	st      MaintenanceState
	changed chan struct{}
}

var (
	_ MaintenanceWriter  = (*Switch)(nil)
	_ MaintenanceWatcher = (*Switch)(nil)
)

// Maintenance returns the current state; the zero state (off) for a Switch
// never set.
func (s *Switch) Maintenance() MaintenanceState {
	if v := s.p.Load(); v != nil {
		return v.st
	}
	return MaintenanceState{}
}

// Set replaces the state with st, as given: st.On decides whether
// maintenance is on.
func (s *Switch) Set(st MaintenanceState) {
	old := s.p.Swap(&switchState{st: st, changed: make(chan struct{})})
	if old != nil {
		// Swap hands each old version to exactly one caller, so each
		// channel is closed once, even with concurrent Sets.
		close(old.changed)
	}
}

// Enable switches maintenance on for the window st describes (message,
// end time, retry delay, secret); st.On is ignored.
func (s *Switch) Enable(st MaintenanceState) {
	st.On = true
	s.Set(st)
}

// Disable switches maintenance off and forgets the window.
func (s *Switch) Disable() { s.Set(MaintenanceState{}) }

// SetMaintenance implements MaintenanceWriter; it is Set, and never fails.
func (s *Switch) SetMaintenance(_ context.Context, st MaintenanceState) error {
	s.Set(st)
	return nil
}

// MaintenanceChanged implements MaintenanceWatcher.
func (s *Switch) MaintenanceChanged() <-chan struct{} {
	for {
		if v := s.p.Load(); v != nil {
			return v.changed
		}
		// First use of a zero Switch: install the "off" version so that
		// there is a channel to wait on. If a Set wins the race, load it.
		s.p.CompareAndSwap(nil, &switchState{changed: make(chan struct{})})
	}
}
