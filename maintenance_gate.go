package errorpage

import (
	"net/http"
)

// MaintenanceOptions configures maintenance mode.
type MaintenanceOptions struct {
	// Source holds the state. Nil means maintenance mode is off.
	Source MaintenanceSource
}

// maintenanceGate stands before the handler: while maintenance is on, it
// answers requests that are not bypassed with the maintenance page.
type maintenanceGate struct {
	m   *Middleware
	src MaintenanceSource
}

func newMaintenanceGate(m *Middleware, o MaintenanceOptions) (*maintenanceGate, error) {
	if o.Source == nil {
		return nil, nil
	}
	return &maintenanceGate{m: m, src: o.Source}, nil
}

// intercept answers r with the maintenance page and reports true when
// maintenance is on and r is not bypassed.
func (g *maintenanceGate) intercept(rw http.ResponseWriter, r *http.Request) bool {
	st := g.src.Maintenance()
	if !st.On {
		return false
	}
	now := g.m.now()
	d := pageData{status: http.StatusServiceUnavailable, maintenance: true, message: st.Message, path: r.URL.Path, requestID: g.m.requestID(r)}
	retry := ""
	switch {
	case !st.Until.IsZero() && st.Until.After(now):
		d.until = st.Until
		retry = formatRetryDate(st.Until)
	case st.Retry > 0:
		retry = formatRetryDelay(st.Retry)
	}
	g.m.respond(rw, r, rw.Header(), &d, retry)
	return true
}
