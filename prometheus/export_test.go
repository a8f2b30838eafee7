package prometheus

import "github.com/prometheus/client_golang/prometheus"

// PanicsForTest is the panic counter, for testutil.ToFloat64.
func (o *Observer) PanicsForTest() prometheus.Counter { return o.panics }
