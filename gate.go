package errorpage

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/errorpage/errorpage/internal/bypass"
	"github.com/errorpage/errorpage/internal/notice"
	"github.com/errorpage/errorpage/maintenance"
)

const defaultRefresh = time.Minute

// maintenanceGate stands before the handler: while maintenance is on, it
// answers requests that no bypass lets through with the maintenance page.
// The bypasses themselves are internal/bypass's business; the page is the
// responder's.
type maintenanceGate struct {
	src maintenance.Source
	// on is src's quick answer to "is maintenance on?" (one atomic load),
	// asked first, for the sources of the maintenance package; nil for
	// others. Only for these exact types: a type of the user's that embeds
	// a Switch and overrides State would promote an On that contradicts
	// its own State.
	on       func() bool
	noExpiry bool
	refresh  time.Duration
	bypass   *bypass.Policy
	hook     func(*http.Request) bool // Options.Bypass, or nil
	panicked atomic.Bool              // the hook panicked once: logged
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
	g := &maintenanceGate{src: o.Source, noExpiry: o.NoExpiry, refresh: o.Refresh, bypass: pol, hook: o.Bypass, now: now, report: report, respond: respond}
	if g.refresh == 0 {
		g.refresh = defaultRefresh
	}
	switch s := o.Source.(type) {
	case *maintenance.Switch:
		g.on = s.On
	case *maintenance.TriggerFile:
		g.on = s.On
	}
	return g, nil
}

// intercept answers r with the maintenance page, or the secret URL's
// redirect, and reports true when maintenance is in force for r and r is
// not bypassed. Otherwise it returns the request the handler gets: r, or a
// copy of r without the secret header, carrying a notice of a window that
// has not started or lets only safe methods through. It reads the state
// once, so a switch in the middle of a request does not affect it.
//
// In order: a window that is off, over, or does not scope r passes it; a
// window that has not started passes it with a notice; a read-only window
// passes GET, HEAD and OPTIONS with a notice; then the built-in bypasses,
// then Options.Bypass.
func (g *maintenanceGate) intercept(rw http.ResponseWriter, r *http.Request) (*http.Request, bool) {
	if g.on != nil && !g.on() {
		// Off, told by one atomic load: nothing to decide but the secret
		// header, which never reaches the handler.
		return g.bypass.Off(r), false
	}
	st := g.src.State()
	var now time.Time
	expired := false
	var n maintenance.Notice
	if st.On {
		now = g.now()
		expired = !st.Until.IsZero() && !now.Before(st.Until)
		switch {
		case expired && !g.noExpiry:
			st.On = false // the window is over
		case !bypass.InScope(r, st):
			st.On = false // another part of the site
		case st.Scheduled(now):
			n.Upcoming = true
		case st.ReadOnly && bypass.Safe(r.Method):
			n.ReadOnly = true
		}
	}
	if n.Upcoming || n.ReadOnly {
		n.Window = st
		n.Window.Secret = ""
		st.On = false
	}
	verdict, r := g.bypass.Decide(rw, r, st, now)
	if verdict == bypass.Block && g.hook != nil && g.askHook(r) {
		if g.report.observe != nil {
			g.report.notify(r, Event{Kind: EventMaintenance, Maintenance: true, Bypass: "hook"})
		}
		return r, false
	}
	switch {
	case verdict == bypass.Pass:
		if n.Upcoming || n.ReadOnly {
			langs := g.respond.render.langs
			n.Language = langs.texts[langs.choose(r.Header["Accept-Language"])].Tag
			r = r.WithContext(notice.With(r.Context(), n))
		}
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

// askHook asks Options.Bypass about r. A panic counts as "no bypass"; the
// first is logged, with the type of its value only (a value can carry a
// secret), so that a broken hook does not flood the log.
func (g *maintenanceGate) askHook(r *http.Request) (ok bool) {
	defer func() {
		if v := recover(); v != nil {
			ok = false
			if v == http.ErrAbortHandler {
				panic(v)
			}
			if g.panicked.CompareAndSwap(false, true) {
				g.report.log.LogAttrs(context.Background(), slog.LevelError,
					"errorpage: Maintenance.Bypass panicked; treating it as no bypass (logged once)",
					slog.String("panic_type", fmt.Sprintf("%T", v)))
			}
		}
	}()
	return g.hook(r)
}

// answer writes the maintenance page for the window st: it decides when to
// come back and how often an open page reloads, and hands that to the
// responder, which says it.
//
// Whatever fails on the way (a RequestID func or a page of the user's),
// the visitor still gets the 503.
func (g *maintenanceGate) answer(rw http.ResponseWriter, r *http.Request, st maintenance.State, expired bool, now time.Time) {
	d := pageData{status: http.StatusServiceUnavailable, maintenance: true, message: st.Message, messages: st.Messages, url: r.URL}
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
		d.makeStatic(r)
		g.respond.respond(rw, r, everyHeaderIsOuter, &d, moment{clock: g.now, t: now})
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
