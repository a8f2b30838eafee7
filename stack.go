package errorpage

import (
	"bytes"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
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

// panicSite returns where the panic being recovered happened, as
// "package.Function file.go:line": the first frame below the innermost
// runtime.gopanic that is not the runtime's own (a nil dereference or an
// index out of range passes through runtime.panicmem or
// runtime.panicIndex). It reads program counters, not the formatted stack,
// which is a tenth of the cost. Called outside a panic (runtime.Goexit),
// it names the caller's caller's frame the same way. "" if nothing is
// found. key identifies the stack below the panic (a hash of its program
// counters): identical panics have the same key, for the storm limiter.
func panicSite() (site string, key uint64) {
	var pcs [64]uintptr
	n := runtime.Callers(2, pcs[:])
	frames := runtime.CallersFrames(pcs[:n])
	var fr runtime.Frame
	afterPanic := false
	for {
		f, more := frames.Next()
		switch {
		case f.Function == "runtime.gopanic", f.Function == "runtime.Goexit":
			afterPanic, fr, key = true, runtime.Frame{}, fnvOffset
		case afterPanic && fr.Function == "" && !strings.HasPrefix(f.Function, "runtime."):
			fr = f
		}
		if afterPanic {
			key = (key ^ uint64(f.PC)) * fnvPrime
		}
		if !more {
			break
		}
	}
	if fr.Function == "" {
		return "", key
	}
	return fr.Function + " " + filepath.Base(fr.File) + ":" + strconv.Itoa(fr.Line), key
}

// FNV-1a's constants, over program counters rather than bytes.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)
