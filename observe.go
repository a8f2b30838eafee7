package errorpage

import (
	"fmt"
	"log/slog"
	"net/http"
)

// EventKind says what an Event is about.
type EventKind uint8

// The kinds of Event.
const (
	// EventReplaced: errorpage answered with an error page in place of
	// the handler's response (after a panic, too: the page is the 500).
	EventReplaced EventKind = iota + 1
	// EventPanic: the handler panicked. Before the response was committed
	// an EventReplaced follows, for the page; after, the connection was
	// aborted and nothing follows.
	EventPanic
	// EventMaintenance: maintenance mode is on and the request met the
	// gate: it was blocked and answered with the maintenance page (Bypass
	// is empty), or a bypass let it through (Bypass names it).
	EventMaintenance
)

// String returns the kind's name: "replaced", "panic" or "maintenance".
func (k EventKind) String() string {
	switch k {
	case EventReplaced:
		return "replaced"
	case EventPanic:
		return "panic"
	case EventMaintenance:
		return "maintenance"
	}
	return fmt.Sprintf("EventKind(%d)", uint8(k))
}

// Event tells an observer (Options.Observe) one thing errorpage did with
// a request. Fields that do not apply to its Kind are zero.
type Event struct {
	Kind EventKind

	// Status is the status errorpage sent: the page's (EventReplaced, or a
	// blocked EventMaintenance: 503), 303 for the secret URL's redirect,
	// or 0 when the handler answers (a bypass, a panic).
	Status int
	// OriginalStatus is the status the handler wrote, before errorpage
	// replaced its response; for a panic it is 500. For EventReplaced it
	// equals Status unless Options.Rewrites changed the status.
	OriginalStatus int
	// Format is the representation of the page: "html", "json" (an
	// RFC 9457 problem document) or "text". Empty when no page was sent.
	Format string
	// Language is the BCP 47 tag of the page's language ("en", "pt-BR").
	// Empty when no page was sent.
	Language string
	// RequestID is the ID shown on the page and logged. Empty for a
	// bypass, which shows no page.
	RequestID string
	// Reference is what OnError returned for this response, or, during a
	// panic storm, for the first of its identical panics; often empty.
	Reference string

	// Panic is the recovered value (EventPanic, and the EventReplaced
	// that follows it).
	Panic any
	// Stack is the panicking goroutine's stack in runtime.Stack's format,
	// from the frame that panicked (EventPanic). An observer counts as a
	// reader: with Observe set, the stack of every panic is formatted.
	Stack []byte
	// Committed is true when the panic happened after the response was
	// sent in part; the connection was aborted (EventPanic).
	Committed bool
	// Storm is true when OnError was not called for this panic because
	// identical ones reached it PanicLimit times in the window; the panic
	// is still observed, and the page shows the first one's reference.
	Storm bool

	// Maintenance is true for every EventMaintenance: the response (a 503,
	// or what a bypass let through) is planned downtime, not an incident.
	// Alert rules and error budgets should leave these out.
	Maintenance bool
	// Bypass names what let the request through maintenance mode: "path"
	// (AllowPaths, AllowPathPrefixes), "network" (AllowNetworks),
	// "header" (the secret header), "cookie" (the bypass cookie) or
	// "secret-url" (the visit to the secret URL, answered with a redirect
	// that sets the cookie). Empty when the request was blocked.
	Bypass string
}

// notify hands e to the observer. An observer that panics loses its
// event, not the response: the panic is logged and swallowed.
func (rp *reporter) notify(r *http.Request, e Event) {
	defer func() {
		if v := recover(); v != nil {
			rp.log.LogAttrs(r.Context(), slog.LevelError, "errorpage: Observe panicked",
				slog.String("event", e.Kind.String()), slog.String("panic_type", fmt.Sprintf("%T", v)),
				slog.String("request_id", e.RequestID))
		}
	}()
	rp.observe(r, e)
}

// formatNames are Event.Format's values, by format.
var formatNames = [numFormats]string{formatText: "text", formatHTML: "html", formatJSON: "json"}
