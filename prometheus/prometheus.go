package prometheus

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/errorpage/errorpage"
)

// Observer counts errorpage's events in Prometheus collectors. Build one
// with New and pass its Observe method to errorpage.Options. It is safe
// for concurrent use.
type Observer struct {
	replaced    *prometheus.CounterVec
	panics      prometheus.Counter
	maintenance *prometheus.CounterVec
}

// New makes the collectors and registers them on reg. It fails, with an
// error starting "errorpage: prometheus: ", when reg is nil or already has
// collectors of the same names (two Observers on one registry, say).
func New(reg prometheus.Registerer) (*Observer, error) {
	if reg == nil {
		return nil, fmt.Errorf("errorpage: prometheus: the registry is nil")
	}
	o := &Observer{
		replaced: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "errorpage_replaced_total",
			Help: "Responses errorpage replaced with an error page, by status and format (html, json, text). Maintenance answers are not among them.",
		}, []string{"status", "format"}),
		panics: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "errorpage_panics_total",
			Help: "Handler panics errorpage recovered, including those after the response was committed.",
		}),
		maintenance: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "errorpage_maintenance_total",
			Help: "Requests that met maintenance mode, by outcome: blocked (the 503 page), or the bypass that let them through (path, network, header, cookie, secret-url).",
		}, []string{"outcome"}),
	}
	for _, c := range []prometheus.Collector{o.replaced, o.panics, o.maintenance} {
		if err := reg.Register(c); err != nil {
			return nil, fmt.Errorf("errorpage: prometheus: %w", err)
		}
	}
	return o, nil
}

// Observe counts e, for errorpage.Options.Observe.
func (o *Observer) Observe(_ *http.Request, e errorpage.Event) {
	switch e.Kind {
	case errorpage.EventReplaced:
		o.replaced.WithLabelValues(statusLabel(e.Status), e.Format).Inc()
	case errorpage.EventPanic:
		o.panics.Inc()
	case errorpage.EventMaintenance:
		outcome := e.Bypass
		if outcome == "" {
			outcome = "blocked"
		}
		o.maintenance.WithLabelValues(outcome).Inc()
	}
}

// statusLabels are the label values of the statuses errorpage replaces,
// made once: a status is at most one of a hundred values.
var statusLabels = func() (s [600]string) {
	for code := 100; code < len(s); code++ {
		s[code] = strconv.Itoa(code)
	}
	return s
}()

func statusLabel(code int) string {
	if code >= 100 && code < len(statusLabels) {
		return statusLabels[code]
	}
	return "other"
}
