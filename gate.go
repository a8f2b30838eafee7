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
// The bypasses themselves are internal/bypass's business.
type maintenanceGate struct {
	m        *Middleware
	src      maintenance.Source
	noExpiry bool
	refresh  time.Duration
	bypass   *bypass.Policy
}

// newMaintenanceGate returns the gate of o, or nil without a source; the
// options are checked only when there is a source.
func newMaintenanceGate(m *Middleware, o maintenance.Options) (*maintenanceGate, error) {
	if o.Source == nil {
		return nil, nil
	}
	pol, err := bypass.New(o)
	if err != nil {
		return nil, err
	}
	g := &maintenanceGate{m: m, src: o.Source, noExpiry: o.NoExpiry, refresh: o.Refresh, bypass: pol}
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
		now = g.m.now()
		expired = !st.Until.IsZero() && !now.Before(st.Until)
		if expired && !g.noExpiry {
			st.On = false // the window is over
		}
	}
	verdict, r := g.bypass.Decide(rw, r, st, now)
	switch verdict {
	case bypass.Pass:
		return r, false
	case bypass.Admit:
		return r, true
	}
	if !lastResort(g.m.log, r, func() { g.answer(rw, r, st, expired, now) }) {
		minimalError(rw, http.StatusServiceUnavailable)
	}
	return r, true
}

// answer writes the maintenance page for the window st.
func (g *maintenanceGate) answer(rw http.ResponseWriter, r *http.Request, st maintenance.State, expired bool, now time.Time) {
	d := pageData{status: http.StatusServiceUnavailable, maintenance: true, message: st.Message, path: r.URL.EscapedPath(), requestID: g.m.requestID(r)}
	retry := ""
	switch {
	case !st.Until.IsZero() && !expired && st.Until.Sub(now) <= maxRetryDelay:
		// (An end a century away is a typo, not a promise to repeat.)
		d.until = st.Until
		retry = formatRetryDate(st.Until)
	case st.Retry > 0:
		retry = formatRetryDelay(st.Retry)
	}
	if g.refresh > 0 {
		every := g.refresh
		if left := d.until.Sub(now); !d.until.IsZero() && left < every {
			every = left
		}
		d.refresh = formatRetryDelay(every)
	}
	g.m.respond(rw, r, rw.Header(), &d, retry)
}
