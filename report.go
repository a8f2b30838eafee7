package errorpage

import (
	"fmt"
	"log/slog"
	"net/http"
	"strings"
)

// ErrorEvent describes a replaced response or a panic, for Options.OnError.
type ErrorEvent struct {
	// Status is the status of the page: the handler's, or 500 after a
	// panic, or what Options.Rewrites made of either.
	Status int
	// OriginalStatus is the status Options.Rewrites changed into Status,
	// or 0 when it changed nothing.
	OriginalStatus int
	// Panic is the recovered value, or nil. After runtime.Goexit (or a
	// panic(nil) that recover sees as nil) it is an error saying so.
	Panic any
	// Stack is the stack of the panicking goroutine in runtime.Stack's
	// format, from the frame that panicked, or nil.
	Stack []byte
	// RequestID is the request's ID: the one that came with it, or a new
	// one.
	RequestID string
	// Committed is true when the response had already been sent in part, so
	// no page could be shown and the connection was aborted.
	Committed bool

	site string // where the panic happened, for the log
	key  uint64 // which stack it happened on, for the storm limiter
}

// reporter tells about errors: it finds the request's ID, calls OnError,
// logs panics and tells the observer.
type reporter struct {
	log       *slog.Logger
	onError   func(*http.Request, ErrorEvent) string // nil: none
	observe   func(*http.Request, Event)             // nil: none
	requestID func(*http.Request) string
	details   bool          // log the panic value and stack (LogPanicDetails, Debug)
	storm     *stormLimiter // nil: every panic reaches OnError and the log
}

// reported is what report found out: the request's ID, the reference to
// show, and whether a panic storm kept the panic from OnError.
type reported struct {
	id, reference string
	storm         bool
}

// report tells about an error, in this order: it finds the request's ID
// (making one up if none came in), hands the event to OnError, and logs a
// panic, so that the log record carries both the ID and the reference the
// visitor sees. Identical panics in a storm reach OnError and the log
// only as often as the storm limiter allows; the others get the first
// one's reference. It sets ev.RequestID.
func (rp *reporter) report(r *http.Request, ev *ErrorEvent) reported {
	ev.RequestID = rp.id(r)
	out := reported{id: ev.RequestID}
	t := stormTicket{report: true, log: true}
	if ev.Panic != nil && rp.storm != nil {
		t = rp.storm.enter(ev.key)
		out.storm = !t.report && rp.onError != nil
	}
	if rp.onError != nil {
		if t.report {
			out.reference = rp.callOnError(r, *ev)
			if ev.Panic != nil && rp.storm != nil {
				rp.storm.remember(ev.key, out.reference)
			}
		} else {
			out.reference = t.reference
		}
	}
	switch {
	case ev.Panic != nil:
		if t.log {
			rp.logPanic(r, *ev, out.reference, t.unlogged)
		}
	case ev.OriginalStatus != 0:
		rp.logRewrite(r, *ev, out.reference)
	}
	return out
}

// logRewrite logs a status that Options.Rewrites changed, so that the
// status the handler wrote is still found in the logs: the client sees only
// the rewritten one.
func (rp *reporter) logRewrite(r *http.Request, ev ErrorEvent, reference string) {
	if !rp.log.Enabled(r.Context(), slog.LevelInfo) {
		return
	}
	attrs := make([]slog.Attr, 0, 6)
	attrs = append(attrs,
		slog.Int("status", ev.Status),
		slog.Int("original_status", ev.OriginalStatus),
		slog.String("method", r.Method),
		slog.String("path", r.URL.Path),
		slog.String("request_id", ev.RequestID),
	)
	if reference != "" {
		attrs = append(attrs, slog.String("reference", reference))
	}
	rp.log.LogAttrs(r.Context(), slog.LevelInfo, "errorpage: status rewritten", attrs...)
}

// id is the ID of r shown on the page and logged: the one that came with
// the request if it is short visible ASCII, else a new one, so that a
// visitor always has something to quote that leads to the log record.
func (rp *reporter) id(r *http.Request) string {
	if id := cleanRequestID(rp.requestID(r)); id != "" {
		return id
	}
	return newRequestID()
}

// callOnError calls the OnError hook. A hook that panics loses its
// reference, not the page, nor the panic's log record.
func (rp *reporter) callOnError(r *http.Request, ev ErrorEvent) (reference string) {
	defer func() {
		if v := recover(); v != nil {
			reference = ""
			rp.log.LogAttrs(r.Context(), slog.LevelError, "errorpage: OnError panicked",
				slog.String("panic", fmt.Sprint(v)), slog.String("request_id", ev.RequestID))
		}
	}()
	return cleanReference(rp.onError(r, ev))
}

// cleanReference bounds what OnError returned; it is escaped everywhere it
// is shown, but a page is no place for a kilobyte of it.
func cleanReference(s string) string {
	if len(s) > 256 {
		// Cut at a character boundary: half a rune is not text.
		return strings.ToValidUTF8(s[:256], "")
	}
	return s
}

// logPanic logs a panic once: its type and where it happened, and with
// details on, its value and stack.
// unlogged is the number of identical panics the storm limiter kept out of
// the log since the last record of this one.
func (rp *reporter) logPanic(r *http.Request, ev ErrorEvent, reference string, unlogged int) {
	if !rp.log.Enabled(r.Context(), slog.LevelError) {
		return // spare formatting the panic and copying the stack
	}
	msg := "errorpage: panic serving request"
	if ev.Committed {
		msg = "errorpage: panic after the response was committed; aborting it"
	}
	attrs := make([]slog.Attr, 0, 10)
	attrs = append(attrs,
		slog.String("panic_type", fmt.Sprintf("%T", ev.Panic)),
		slog.String("at", ev.site),
		slog.String("method", r.Method),
		slog.String("path", r.URL.Path),
		slog.String("request_id", ev.RequestID),
	)
	if reference != "" {
		attrs = append(attrs, slog.String("reference", reference))
	}
	if ev.OriginalStatus != 0 {
		attrs = append(attrs, slog.Int("status", ev.Status))
	}
	if unlogged > 0 {
		attrs = append(attrs, slog.Int("repeated_unlogged", unlogged))
	}
	if rp.details {
		// fmt.Sprint survives a panicking Error or String method (a typed
		// nil error, say); calling err.Error() would not.
		attrs = append(attrs, slog.String("error", fmt.Sprint(ev.Panic)), slog.String("stack", string(ev.Stack)))
	}
	rp.log.LogAttrs(r.Context(), slog.LevelError, msg, attrs...)
}

// lastResort runs f and reports whether it returned normally. A panic in f
// is logged (if even that does not panic) and swallowed: it happened while
// answering for an error, and must not turn into a second, silent one.
func lastResort(log *slog.Logger, r *http.Request, f func()) (ok bool) {
	defer func() {
		if v := recover(); v != nil {
			func() {
				defer func() { _ = recover() }()
				log.LogAttrs(r.Context(), slog.LevelError, "errorpage: answering an error panicked",
					slog.String("panic", fmt.Sprint(v)), slog.String("path", r.URL.Path))
			}()
			ok = false
		}
	}()
	f()
	return true
}

// maintenanceAnswered records a maintenance answer the gate wrote (ok:
// the page, else the minimal answer): a Debug record marked
// maintenance=true, and an EventMaintenance for the observer. It is not an
// error, so OnError never hears of it.
func (rp *reporter) maintenanceAnswered(r *http.Request, d *pageData, ok bool) {
	if rp.log.Enabled(r.Context(), slog.LevelDebug) {
		rp.log.LogAttrs(r.Context(), slog.LevelDebug, "errorpage: maintenance answer",
			slog.Bool("maintenance", true), slog.Int("status", d.status),
			slog.String("method", r.Method), slog.String("path", r.URL.Path),
			slog.String("request_id", d.requestID))
	}
	if rp.observe != nil {
		e := Event{Kind: EventMaintenance, Status: d.status, OriginalStatus: d.status, RequestID: d.requestID, Maintenance: true}
		if ok {
			e.Format, e.Language = formatNames[d.format], d.langTag
		}
		rp.notify(r, e)
	}
}

func errAttr(err error) slog.Attr { return slog.String("error", err.Error()) }
