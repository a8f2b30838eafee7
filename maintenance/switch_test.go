package maintenance

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSwitchZeroValueIsOff(t *testing.T) {
	var sw Switch
	assert.Equal(t, State{}, sw.State())
	select {
	case <-sw.Changed():
		t.Fatal("a zero Switch has not changed")
	default:
	}
}

func TestSwitchEnableDisable(t *testing.T) {
	var sw Switch
	changed := sw.Changed()
	sw.Enable(State{Message: "m", Retry: time.Minute})
	assert.Equal(t, State{On: true, Message: "m", Retry: time.Minute}, sw.State(), "Enable sets On")
	assertClosed(t, changed)

	changed = sw.Changed()
	sw.Disable()
	assert.Equal(t, State{}, sw.State(), "Disable forgets the window")
	assertClosed(t, changed)

	sw.Set(State{On: false, Message: "kept"})
	assert.Equal(t, State{Message: "kept"}, sw.State(), "Set stores exactly what it is given")
	require.NoError(t, sw.SetState(t.Context(), State{On: true}))
	assert.True(t, sw.State().On)
}

func assertClosed(t *testing.T, c <-chan struct{}) {
	t.Helper()
	select {
	case <-c:
	default:
		t.Error("the change channel is not closed after a change")
	}
}

// TestSwitch_OnAgreesWithTheState checks the quick answer of On
// against the state, on and off, and for a Switch never set.
func TestSwitch_OnAgreesWithTheState(t *testing.T) {
	var sw Switch
	assert.False(t, sw.On(), "a zero Switch is off")
	for _, on := range []bool{true, false, true} {
		sw.Set(State{On: on, Message: "m"})
		assert.Equal(t, on, sw.On())
		assert.Equal(t, sw.State().On, sw.On())
	}
	sw.Disable()
	assert.False(t, sw.On())
}
