package errorpage

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// panickingStackHandler is a named handler, so that its frame can be
// recognised in the stack.
func panickingStackHandler(w http.ResponseWriter, r *http.Request) {
	panic("stack test")
}

// nilDerefStackHandler panics in the runtime, through a signal.
func nilDerefStackHandler(w http.ResponseWriter, r *http.Request) {
	var p *struct{ n int }
	w.Header().Set("X-N", string(rune('0'+p.n)))
}

// firstFrame is the function line of the first frame of a stack in
// runtime.Stack's format: the line after the goroutine header.
func firstFrame(t *testing.T, stack string) string {
	t.Helper()
	lines := strings.Split(stack, "\n")
	require.Greater(t, len(lines), 2, "stack too short: %q", stack)
	require.True(t, strings.HasPrefix(lines[0], "goroutine "), "stack header: got %q, want the goroutine line", lines[0])
	return lines[1]
}

func TestStack_DebugStackStartsAtThePanickingFrame(t *testing.T) {
	tests := []struct {
		name    string
		handler http.HandlerFunc
		want    string
	}{
		{"panic", panickingStackHandler, "errorpage.panickingStackHandler("},
		{"nil dereference", nilDerefStackHandler, "errorpage.nilDerefStackHandler("},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var events eventLog
			m, _ := newTestMiddleware(t, Options{Debug: true, OnError: events.onError("")})
			h := m.Handler(tc.handler)
			_, js := do(t, h, "GET", "/", "Accept", "application/json")
			var p map[string]any
			require.NoError(t, json.Unmarshal([]byte(js), &p))
			stack, _ := p["stack"].(string)
			first := firstFrame(t, stack)
			assert.Contains(t, first, tc.want, "first frame of the debug stack: got %q, want the handler's\n%s", first, stack)
			assert.NotContains(t, stack, "errorpage.captureStack", "errorpage's own frames before the panic")
			assert.NotContains(t, stack, "errorpage.(*Middleware).finish")

			evs := events.all()
			require.Len(t, evs, 1)
			first = firstFrame(t, string(evs[0].Stack))
			assert.Contains(t, first, tc.want, "first frame of ErrorEvent.Stack: got %q", first)
		})
	}
}

func TestStack_WithoutPanicIsWhole(t *testing.T) {
	s := string(captureStack())
	assert.Contains(t, firstFrame(t, s), "errorpage.captureStack(", "no panic: nothing to trim")
}

func TestStack_FromPanicCutsAtTheInnermostPanic(t *testing.T) {
	const ours = "goroutine 7 [running]:\n" +
		"github.com/errorpage/errorpage.captureStack()\n\t/src/stack.go:18 +0xb1\n" +
		"github.com/errorpage/errorpage.(*Middleware).serve.func1()\n\t/src/middleware.go:291 +0x3a\n"
	tests := []struct{ name, stack, want string }{
		{"no panic", "goroutine 1 [running]:\nmain.f()\n\t/src/f.go:3 +0x1\n", "goroutine 1 [running]:\nmain.f()\n\t/src/f.go:3 +0x1\n"},
		{"one panic",
			ours + "panic({0x1, 0x2})\n\t/go/src/runtime/panic.go:860 +0x13a\nmain.handler()\n\t/src/h.go:9 +0x25\n",
			"goroutine 7 [running]:\nmain.handler()\n\t/src/h.go:9 +0x25\n"},
		{"a deferred function panicking again",
			ours + "panic({0x1, 0x2})\n\t/go/src/runtime/panic.go:860 +0x13a\nmain.handler.func1()\n\t/src/h.go:7 +0x25\n" +
				"panic({0x3, 0x4})\n\t/go/src/runtime/panic.go:860 +0x13a\nmain.handler()\n\t/src/h.go:9 +0x25\n",
			"goroutine 7 [running]:\nmain.handler.func1()\n\t/src/h.go:7 +0x25\n" +
				"panic({0x3, 0x4})\n\t/go/src/runtime/panic.go:860 +0x13a\nmain.handler()\n\t/src/h.go:9 +0x25\n"},
		{"cut short after the panic frame", ours + "panic({0x1, 0x2})", ours + "panic({0x1, 0x2})"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, string(fromPanic([]byte(tc.stack))))
		})
	}
}
