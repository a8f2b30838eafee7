package errorpage

import (
	"net/http"
	"time"

	"github.com/errorpage/errorpage/internal/bypass"
	"github.com/errorpage/errorpage/maintenance"
)

const defaultRefresh = time.Minute

// maintenanceGate stands before the handler: while maintenance is on, it
// answers requests that no bypass lets through with the maintenance page.
// The bypasses themselves are internal/bypass's business; the page is the
// responder's.
type maintenanceGate struct {
	src      maintenance.Source
	noExpiry bool
	refresh  time.Duration
	bypass   *bypass.Policy
	now      func() time.Time

	report  *reporter  // the request ID, and the log for what fails
	respond *responder // writes the page
}

// newMaintenanceGate returns the gate of o, or nil without a source; the
// options are checked only when there is a source.
func newMaintenanceGate(o maintenance.Options, now func() time.Time, report *reporter, respond *responder) (*maintenanceGate, error) {
	if o.Source == nil {
		return nil, nil
	}
	pol, err := bypass.New(o)
	if err != nil {
		return nil, err
	}
	g := &maintenanceGate{src: o.Source, noExpiry: o.NoExpiry, refresh: o.Refresh, bypass: pol, now: now, report: report, respond: respond}
	if g.refresh == 0 {
		g.refresh = defaultRefresh
	}
	return g, nil
}

// intercept answers r with the maintenance page, or the secret URL's
// redirect, and reports true when maintenance is on and r is not bypassed.
// Otherwise it returns the request the handler gets: r, or a copy of r
// without the secret header. It reads the state once, so a switch in the
// middle of a request does not affect it.
func (g *maintenanceGate) intercept(rw http.ResponseWriter, r *http.Request) (*http.Request, bool) {
	st := g.src.State()
	var now time.Time
	expired := false
	if st.On {
		now = g.now()
		expired = !st.Until.IsZero() && !now.Before(st.Until)
		if expired && !g.noExpiry {
			st.On = false // the window is over
		}
	}
	verdict, r := g.bypass.Decide(rw, r, st, now)
	switch {
	case verdict == bypass.Pass:
		return r, false
	case verdict.Passes():
		if g.report.observe != nil {
			g.report.notify(r, Event{Kind: EventMaintenance, Maintenance: true, Bypass: bypassNames[verdict]})
		}
		return r, false
	case verdict == bypass.Admit:
		if g.report.observe != nil {
			g.report.notify(r, Event{Kind: EventMaintenance, Maintenance: true, Bypass: "secret-url", Status: http.StatusSeeOther})
		}
		return r, true
	}
	g.answer(rw, r, st, expired, now)
	return r, true
}

// answer writes the maintenance page for the window st: it decides when to
// come back and how often an open page reloads, and hands that to the
// responder, which says it.
//
// Whatever fails on the way (a RequestID func or a page of the user's),
// the visitor still gets the 503.
func (g *maintenanceGate) answer(rw http.ResponseWriter, r *http.Request, st maintenance.State, expired bool, now time.Time) {
	d := pageData{status: http.StatusServiceUnavailable, maintenance: true, message: st.Message, path: r.URL.EscapedPath()}
	switch {
	case !st.Until.IsZero() && !expired && st.Until.Sub(now) <= maxRetryDelay:
		// (An end a century away is a typo, not a promise to repeat.)
		d.back.at = st.Until
	case st.Retry > 0:
		d.back.delay = st.Retry
	}
	if g.refresh > 0 {
		d.refresh = g.refresh
		if left := d.back.at.Sub(now); !d.back.at.IsZero() && left < d.refresh {
			d.refresh = left
		}
	}
	ok := lastResort(g.report.log, r, func() {
		d.requestID = g.report.id(r)
		g.respond.respond(rw, r, everyHeaderIsOuter, &d, now)
	})
	if !ok {
		minimalError(rw, http.StatusServiceUnavailable)
	}
	g.report.maintenanceAnswered(r, &d, ok)
}

// bypassNames are Event.Bypass's values for the verdicts that let a
// request through while maintenance is on.
var bypassNames = map[bypass.Verdict]string{
	bypass.PassPath:    "path",
	bypass.PassNetwork: "network",
	bypass.PassHeader:  "header",
	bypass.PassCookie:  "cookie",
}
