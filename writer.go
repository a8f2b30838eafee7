package errorpage

import (
	"bufio"
	"errors"
	"io"
	"net"
	"net/http"
	"sync/atomic"
	"time"
	"unsafe"
)

//go:generate go run writer_gen.go

// writerState is where a response stands. It only moves forward:
// pending → passing or replacing → (hijacked from any of them).
type writerState uint8

const (
	// pending: no final status yet; 1xx responses may have gone out.
	pending writerState = iota
	// passing: the final status went to the real writer; everything
	// else follows it unchanged.
	passing
	// replacing: the final status is one we replace; the inner body is
	// discarded and the page is written when the handler returns.
	replacing
	// hijacked: the connection belongs to the handler; we never write.
	hijacked
)

// interceptor is the ResponseWriter the inner handler sees. It decides at
// the final WriteHeader (explicit or implied) whether the response passes
// through or is replaced, and it never buffers a body either way.
//
// Optional interfaces (Flusher, Hijacker, io.ReaderFrom, io.StringWriter,
// Pusher, CloseNotifier) come from the types in writer_combos.go, which add
// exactly the ones the real writer has. The methods http.ResponseController
// looks for (FlushError, SetReadDeadline, SetWriteDeadline,
// EnableFullDuplex) are always present, so that the controller goes
// through us, not around us; they report http.ErrNotSupported where
// nothing below has them.
type interceptor struct {
	rw    http.ResponseWriter
	req   *http.Request
	rules *interceptRules

	// entry holds the headers that were on the response when the middleware
	// was entered, for a late page only: while the middleware runs they are
	// on its stack and handed to finish, and markDone copies them here if
	// the response is still pending when it returns. Nil otherwise.
	entry *entryHeaders

	// status is the final status, once there is one. It is an int32 so
	// that the whole interceptor fits 48 bytes: it is the one allocation
	// of a request that passes through.
	status int32
	state  writerState

	// done is set when the middleware has returned. Some routers write
	// through the interceptor after that (echo's WrapMiddleware: echo's
	// HTTPErrorHandler runs outside the middleware chain); a status we
	// replace then gets its page at once, as nobody else will write it.
	done bool

	// answered is set when an errorpage further in (an admin area with its
	// own brand, an API subrouter with its own Replace, a second
	// maintenance gate) has answered for this response: its answer passes
	// through unchanged, and the innermost errorpage wins.
	answered bool
}

// interceptRules are what the interceptors of one Middleware share,
// read-only: the decision at the final status, and the late answer, which
// writes the page for a status we replace that arrives after the
// middleware returned (see done).
type interceptRules struct {
	policy policy
	late   func(w *interceptor)
}

func newInterceptor(rw http.ResponseWriter, r *http.Request, rules *interceptRules) *interceptor {
	return &interceptor{rw: rw, req: r, rules: rules}
}

// markDone records that the middleware has returned; entry holds the
// headers taken on entry, which lived on the middleware's stack. A
// response still pending may yet get a late page (see done), which needs
// them: only then are they copied to the heap. The interceptor is never
// pooled: a writer still referenced after this would write into another
// request's response.
func (w *interceptor) markDone(entry *entryHeaders) {
	w.done = true
	if w.state == pending && entry != nil && !entry.empty() {
		kept := *entry
		w.entry = &kept
	}
}

func (w *interceptor) Header() http.Header { return w.rw.Header() }

// Unwrap returns the real writer, for http.ResponseController. When the
// real writer can hijack only through its own Unwrap chain (a metrics
// wrapper with Unwrap but no Hijack, say), http.ResponseController would
// hijack around the interceptor, which then could not know that nothing
// may be written any more; so in that case Unwrap returns the real writer
// behind a hijackTracker that notes the hijack.
func (w *interceptor) Unwrap() http.ResponseWriter {
	if _, direct := w.rw.(http.Hijacker); !direct && canHijack(w.rw) {
		return hijackTracker{w}
	}
	return w.rw
}

// hijackTracker is the real writer as Unwrap returns it when a hijack is
// reachable only below it: everything goes straight to the real writer, as
// it would without the tracker, and a successful Hijack marks the
// interceptor hijacked.
type hijackTracker struct{ w *interceptor }

func (t hijackTracker) Header() http.Header         { return t.w.rw.Header() }
func (t hijackTracker) Write(b []byte) (int, error) { return t.w.rw.Write(b) }
func (t hijackTracker) WriteHeader(code int)        { t.w.rw.WriteHeader(code) }
func (t hijackTracker) Unwrap() http.ResponseWriter { return t.w.rw }
func (t hijackTracker) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	t.w.releaseHeld()
	c, brw, err := http.NewResponseController(t.w.rw).Hijack()
	if err == nil {
		t.w.state = hijacked
	}
	return c, brw, err
}

var _ http.Hijacker = hijackTracker{}

func (w *interceptor) WriteHeader(code int) {
	if w.state != pending {
		if w.state != replacing {
			// Let net/http answer a superfluous or post-hijack call the way
			// it always does (it logs and ignores it).
			w.rw.WriteHeader(code)
		}
		return
	}
	switch {
	case code >= 100 && code <= 199 && code != http.StatusSwitchingProtocols:
		// Interim responses go out at once and never settle the final
		// status; net/http keeps the header map for the final one.
		w.rw.WriteHeader(code)
	case w.answered:
		// An errorpage further in answered: its answer passes as it is.
		w.passStatus(code)
	default:
		switch w.rules.policy.decide(w.req, code, w.rw.Header()) {
		case replace:
			w.state, w.status = replacing, int32(code)
			if w.done {
				w.rules.late(w)
			}
			return
		case keep:
			// The application's own answer to an error is still never
			// cached, and it is this errorpage's decision: one further
			// out must not replace it.
			noStore(w.rw.Header())
			claimResponse(w.rw)
		case claim:
			claimResponse(w.rw)
		}
		w.passStatus(code)
	}
}

// passStatus sends the final status to the writer below. The state moves
// only once the writer took it: an invalid code (0, 1000) makes net/http
// panic before anything is sent, and that panic still gets a page.
func (w *interceptor) passStatus(code int) {
	w.rw.WriteHeader(code)
	w.state, w.status = passing, int32(code)
}

// Write passes b on, or discards it under a status we replace. A first
// Write with no WriteHeader reaches the writer below as a Write, as it
// would without us, so that the writer below implies 200 itself and sniffs
// the Content-Type from b when none is set (net/http, ResponseRecorder and
// compressors all do).
func (w *interceptor) Write(b []byte) (int, error) {
	switch w.state {
	case pending:
		w.state, w.status = passing, http.StatusOK
	case replacing:
		return len(b), nil
	}
	return w.rw.Write(b)
}

func (w *interceptor) writeString(s string) (int, error) {
	switch w.state {
	case pending:
		w.state, w.status = passing, http.StatusOK
	case replacing:
		return len(s), nil
	}
	return w.rw.(io.StringWriter).WriteString(s)
}

// readFrom hands src to the writer below, which commits nothing before
// the source yields a byte (net/http's ReadFrom sets no status for an
// empty or failing source), so that after io.Copy from an unreachable
// upstream or a directory the handler can still choose its status. Only
// once bytes went out is the response passing, with the 200 they implied.
func (w *interceptor) readFrom(src io.Reader) (int64, error) {
	if w.state == replacing {
		// io.Discard reads through a small pooled buffer: the body is
		// drained, never held.
		return io.Copy(io.Discard, src)
	}
	n, err := w.rw.(io.ReaderFrom).ReadFrom(src)
	// A write that failed because it went past a declared Content-Length
	// reached the writer, which implied 200 before it refused the bytes.
	if w.state == pending && (n > 0 || errors.Is(err, http.ErrContentLength)) {
		w.state, w.status = passing, http.StatusOK
	}
	return n, err
}

// FlushError flushes what was written so far. Before any status it commits
// 200, as net/http does; after a status we replace it commits nothing.
func (w *interceptor) FlushError() error {
	if w.state == replacing {
		return nil
	}
	if !canFlush(w.rw) {
		return http.ErrNotSupported
	}
	if w.state == pending {
		// The writer below commits 200 itself, as net/http would.
		w.state, w.status = passing, http.StatusOK
	}
	return http.NewResponseController(w.rw).Flush()
}

// SetReadDeadline, SetWriteDeadline and EnableFullDuplex are the other
// methods http.ResponseController looks for. They are always present, like
// FlushError, and reach the writer below through the controller, which
// answers http.ErrNotSupported where nothing below has them: that is the
// contract of these methods, so having them never fakes a capability.
func (w *interceptor) SetReadDeadline(deadline time.Time) error {
	return http.NewResponseController(w.rw).SetReadDeadline(deadline)
}

func (w *interceptor) SetWriteDeadline(deadline time.Time) error {
	return http.NewResponseController(w.rw).SetWriteDeadline(deadline)
}

func (w *interceptor) EnableFullDuplex() error {
	return http.NewResponseController(w.rw).EnableFullDuplex()
}

func (w *interceptor) flush() { _ = w.FlushError() }

func (w *interceptor) hijack() (net.Conn, *bufio.ReadWriter, error) {
	w.releaseHeld()
	c, rw, err := w.rw.(http.Hijacker).Hijack()
	if err == nil {
		w.state = hijacked
	}
	return c, rw, err
}

// releaseHeld sends a status held back for its page to the writer below,
// as it is, before the handler takes the connection: net/http sends a
// written status when the connection is hijacked, and no page can follow
// on a connection that is no longer ours.
func (w *interceptor) releaseHeld() {
	if w.state == replacing {
		w.rw.WriteHeader(int(w.status))
		w.state = passing
	}
}

func (w *interceptor) push(target string, opts *http.PushOptions) error {
	return w.rw.(http.Pusher).Push(target, opts)
}

func (w *interceptor) closeNotify() <-chan bool {
	return w.rw.(http.CloseNotifier).CloseNotify() //nolint:staticcheck // frameworks still assert it
}

// self lets claimResponse find an interceptor behind its generated
// wrapper types.
func (w *interceptor) self() *interceptor { return w }

// claimResponse tells an errorpage further out, if rw leads to one, that
// the response is answered: it passes the answer through unchanged. Only
// answers for errors call it, so nothing is nested costs nothing.
func claimResponse(rw http.ResponseWriter) {
	for {
		if o, ok := rw.(interface{ self() *interceptor }); ok {
			o.self().answered = true
			return
		}
		u, ok := rw.(interface{ Unwrap() http.ResponseWriter })
		if !ok {
			return
		}
		rw = u.Unwrap()
	}
}

// interfacesOf returns interfaceMask(rw), remembered per type of writer: a
// server has one or two (HTTP/1 and HTTP/2), and asking each request's
// writer for six interfaces again costs more than the rest of wrapping it.
// The optional interfaces of a value are those of its type, so the answer
// never changes.
func interfacesOf(rw http.ResponseWriter) int {
	t := typeWord(rw)
	for i := range knownWriters {
		if k := knownWriters[i].Load(); k != nil && k.typ == t {
			return k.mask
		}
	}
	k := &knownWriter{typ: t, mask: interfaceMask(rw)}
	knownWriters[nextKnownWriter.Add(1)%uint32(len(knownWriters))].Store(k)
	return k.mask
}

// typeWord is the word of an interface value that names its dynamic type:
// for a non-empty interface, the pointer to the runtime's table of the
// type's methods for that interface, never freed. Two types never share
// one; a type has one (should a plugin bring a second, that costs a miss
// in knownWriters, never a wrong answer). Comparing it is one
// instruction; comparing reflect.Types is a call.
func typeWord(rw http.ResponseWriter) uintptr {
	return (*[2]uintptr)(unsafe.Pointer(&rw))[0]
}

// knownWriters are the writer types seen last, with their interfaces.
var (
	knownWriters    [4]atomic.Pointer[knownWriter]
	nextKnownWriter atomic.Uint32
)

type knownWriter struct {
	typ  uintptr // typeWord
	mask int
}

// canFlush reports whether flushing w can succeed, following Unwrap the way
// http.ResponseController does.
func canFlush(w http.ResponseWriter) bool {
	for {
		switch w.(type) {
		case http.Flusher, interface{ FlushError() error }:
			return true
		}
		u, ok := w.(interface{ Unwrap() http.ResponseWriter })
		if !ok {
			return false
		}
		w = u.Unwrap()
	}
}

// canHijack reports whether hijacking w can succeed, following Unwrap the
// way http.ResponseController does.
func canHijack(w http.ResponseWriter) bool {
	for {
		if _, ok := w.(http.Hijacker); ok {
			return true
		}
		u, ok := w.(interface{ Unwrap() http.ResponseWriter })
		if !ok {
			return false
		}
		w = u.Unwrap()
	}
}
