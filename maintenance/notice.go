package maintenance

import (
	"net/http"

	"github.com/errorpage/errorpage/internal/notice"
)

// Notice is what the middleware tells the handler about a maintenance
// window that concerns a request it let through: one that has not
// started yet, or a read-only one in force. Read it with [NoticeFor],
// [Upcoming] or [ReadOnly].
type Notice struct {
	// Window is the window, without its secret.
	Window State
	// Upcoming is true before the window's start.
	Upcoming bool
	// ReadOnly is true while a read-only window is in force: the request
	// passed because its method (GET, HEAD, OPTIONS) changes nothing,
	// and a form on its page would be refused.
	ReadOnly bool
	// Language is the tag of the language the middleware chose for r
	// among its own (Options.Languages), by the rule its pages follow, so
	// that a banner speaks the language the maintenance page would.
	Language string
}

// NoticeFor returns the notice the middleware attached to r, if a window
// concerns it. Only requests that went through the middleware's
// maintenance gate carry one.
func NoticeFor(r *http.Request) (Notice, bool) {
	n, ok := notice.From(r.Context()).(Notice)
	return n, ok
}

// Upcoming reports whether a window is scheduled for r, within its scope,
// and not yet started, and returns it (without its secret), for a banner
// such as pages.MaintenanceBanner.
func Upcoming(r *http.Request) (State, bool) {
	n, ok := NoticeFor(r)
	if !ok || !n.Upcoming {
		return State{}, false
	}
	return n.Window, true
}

// ReadOnly reports whether a read-only window is in force for r, so the
// application can say "read-only" in its UI and disable its forms. The
// middleware answers the unsafe methods itself while it is.
func ReadOnly(r *http.Request) bool {
	n, ok := NoticeFor(r)
	return ok && n.ReadOnly
}
