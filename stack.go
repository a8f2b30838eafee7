package errorpage

import (
	"runtime"
	"sync"
)

// stackBuffers keeps buffers for captureStack; most stacks fit in 8 KiB.
var stackBuffers = sync.Pool{New: func() any { b := make([]byte, 8<<10); return &b }}

// captureStack returns the calling goroutine's stack, like debug.Stack,
// but walks it once in the common case: debug.Stack starts with 1 KiB and
// walks the whole stack again each time it doubles the buffer.
func captureStack() []byte {
	bp := stackBuffers.Get().(*[]byte)
	defer stackBuffers.Put(bp)
	for {
		n := runtime.Stack(*bp, false)
		if n < len(*bp) {
			return append([]byte(nil), (*bp)[:n]...)
		}
		if len(*bp) >= 1<<20 {
			return append([]byte(nil), (*bp)[:n]...) // deep enough
		}
		*bp = make([]byte, 2*len(*bp))
	}
}
