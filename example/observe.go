package main

import (
	"context"
	"fmt"
	"io"
	"net/http"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel/exporters/stdout/stdouttrace"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"

	"github.com/errorpage/errorpage"
	epotel "github.com/errorpage/errorpage/otel"
	epprom "github.com/errorpage/errorpage/prometheus"
)

// demoObservability is what -otel and -metrics switch on: spans printed
// to stdout, with a panic as an exception event on its request's span,
// and errorpage's Prometheus counters at /metrics (loopback only).
type demoObservability struct {
	observers []func(*http.Request, errorpage.Event)
	tp        *sdktrace.TracerProvider // nil without -otel
	registry  *prometheus.Registry     // nil without -metrics
}

func newDemoObservability(withOtel, withMetrics bool, spans io.Writer) (*demoObservability, error) {
	d := &demoObservability{}
	if withOtel {
		exp, err := stdouttrace.New(stdouttrace.WithWriter(spans), stdouttrace.WithPrettyPrint())
		if err != nil {
			return nil, err
		}
		// A syncer prints each span as it ends: a demo, not production.
		d.tp = sdktrace.NewTracerProvider(sdktrace.WithSyncer(exp))
		obs, err := epotel.New(epotel.Options{})
		if err != nil {
			return nil, err
		}
		d.observers = append(d.observers, obs.Observe)
	}
	if withMetrics {
		d.registry = prometheus.NewRegistry()
		obs, err := epprom.New(d.registry)
		if err != nil {
			return nil, err
		}
		d.observers = append(d.observers, obs.Observe)
	}
	return d, nil
}

// apply hands the observers to errorpage, and with -otel takes the
// request ID from the trace, so the page shows the span's trace ID.
func (d *demoObservability) apply(opts *errorpage.Options) {
	if d.tp != nil {
		opts.RequestID = epotel.RequestID
	}
	switch obs := d.observers; len(obs) {
	case 0:
	case 1:
		opts.Observe = obs[0]
	default:
		opts.Observe = func(r *http.Request, e errorpage.Event) {
			for _, o := range obs {
				o(r, e)
			}
		}
	}
}

// trace wraps the errorpage handler in otelhttp, outside it, so the span
// is open while errorpage records a panic on it (see the otel package).
func (d *demoObservability) trace(h http.Handler) http.Handler {
	if d.tp == nil {
		return h
	}
	return otelhttp.NewHandler(h, "demo", otelhttp.WithTracerProvider(d.tp))
}

// handler serves /metrics beside site, to loopback clients only.
func (d *demoObservability) handler(site http.Handler) http.Handler {
	if d.registry == nil {
		return site
	}
	mux := http.NewServeMux()
	mux.Handle("/metrics", loopbackOnly(promhttp.HandlerFor(d.registry, promhttp.HandlerOpts{})))
	mux.Handle("/", site)
	return mux
}

// printHelp says where the output goes.
func (d *demoObservability) printHelp(w io.Writer, addr string) {
	if d.tp != nil {
		fmt.Fprintln(w, "OpenTelemetry: each request's span is printed here as it ends; visit /panic to see an exception event")
	}
	if d.registry != nil {
		fmt.Fprintf(w, "Prometheus metrics (loopback only): http://%s/metrics\n", addr)
	}
}

// Close flushes the spans.
func (d *demoObservability) Close() error {
	if d.tp == nil {
		return nil
	}
	return d.tp.Shutdown(context.Background())
}
