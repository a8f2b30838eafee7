package errorpage

import (
	"bytes"
	"runtime"
	"sync"
)

// stackBuffers keeps buffers for captureStack; most stacks fit in 8 KiB.
var stackBuffers = sync.Pool{New: func() any { b := make([]byte, 8<<10); return &b }}

// captureStack returns the calling goroutine's stack, like debug.Stack,
// but starting at the frame that panicked (see fromPanic). It walks the
// stack once in the common case: debug.Stack starts with 1 KiB and walks
// the whole stack again each time it doubles the buffer.
func captureStack() []byte {
	bp := stackBuffers.Get().(*[]byte)
	defer stackBuffers.Put(bp)
	for {
		n := runtime.Stack(*bp, false)
		if n < len(*bp) || len(*bp) >= 1<<20 { // 1 MiB is deep enough
			return fromPanic((*bp)[:n])
		}
		*bp = make([]byte, 2*len(*bp))
	}
}

// fromPanic returns a copy of stack, a goroutine's stack as runtime.Stack
// writes it, without the frames above the innermost panic: errorpage's
// own deferred recovery and runtime.gopanic, which the traceback prints
// as "panic(...)". The goroutine line is kept, so the first frame is the
// one that panicked. A stack without a panic frame is copied whole.
func fromPanic(stack []byte) []byte {
	header, frames, ok := bytes.Cut(stack, []byte("\n"))
	if !ok {
		return bytes.Clone(stack)
	}
	// Function lines start at the beginning of a line; file lines are
	// indented with a tab, so "\npanic(" is the panic frame.
	i := bytes.Index(frames, []byte("\npanic("))
	if i < 0 {
		return bytes.Clone(stack)
	}
	rest := frames[i+1:]
	for range 2 { // the function line and its file line
		if _, rest, ok = bytes.Cut(rest, []byte("\n")); !ok {
			return bytes.Clone(stack)
		}
	}
	out := make([]byte, 0, len(header)+1+len(rest))
	out = append(out, header...)
	out = append(out, '\n')
	return append(out, rest...)
}
