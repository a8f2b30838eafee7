// Package prometheus counts what errorpage does as Prometheus metrics:
// replaced responses by status and format, panics, and maintenance
// answers by outcome. Labels are bounded (a status, a format, an
// outcome), never a path or a request ID.
//
// Its package name clashes with github.com/prometheus/client_golang's;
// import it under another name:
//
//	import epprom "github.com/errorpage/errorpage/prometheus"
//
//	reg := prometheus.NewRegistry()
//	obs, err := epprom.New(reg)
//	ep, err := errorpage.New(errorpage.Options{Observe: obs.Observe})
//	mux.Handle("/metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{}))
//
// The metrics:
//
//	errorpage_replaced_total{status, format}  responses replaced with an error page
//	                                          (maintenance answers are not among them)
//	errorpage_panics_total                    handler panics recovered
//	errorpage_maintenance_total{outcome}      requests that met maintenance mode:
//	                                          outcome="blocked" (answered with the 503 page),
//	                                          or the bypass that let them through
//	                                          ("path", "network", "header", "cookie", "secret-url")
package prometheus
