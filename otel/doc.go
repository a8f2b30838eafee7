// Package otel connects errorpage to OpenTelemetry: a panic errorpage
// turns into a page becomes an exception on the request's span, replaced
// responses and maintenance answers are marked on the span and counted,
// and the ID on the page is the trace ID, so that a visitor's screenshot
// leads straight to the trace.
//
// Its package name clashes with go.opentelemetry.io/otel; import it under
// another name:
//
//	import epotel "github.com/errorpage/errorpage/otel"
//
//	obs, err := epotel.New(epotel.Options{MeterProvider: otel.GetMeterProvider()})
//	ep, err := errorpage.New(errorpage.Options{Observe: obs.Observe, RequestID: epotel.RequestID})
//	http.ListenAndServe(addr, otelhttp.NewHandler(ep.Handler(mux), "server"))
//
// # Where otelhttp goes
//
// Put otelhttp outside errorpage, as above. Then the span exists while
// errorpage works: a panic is recorded on it as an exception with its
// stack and the span's status is Error; otelhttp sees the status of the
// page errorpage wrote (a 500 after a panic, the handler's 5xx otherwise)
// and records it on the span and in its metrics; the page shows the
// span's trace ID; and a maintenance answer adds errorpage.maintenance=true
// to otelhttp's HTTP server metrics, so an alert can leave it out.
//
// With otelhttp inside errorpage (errorpage.Handler(otelhttp.NewHandler(mux,
// "server"))), a panic unwinds through otelhttp before errorpage recovers
// it. The span ends on the way: the SDK records an exception event with
// the type and message but no stack, the span's status stays Unset, it
// has no response status, and otelhttp records no metrics for the
// request. errorpage sees no span, so this package only counts the panic.
// The page shows the trace ID only when the request came with a
// traceparent header. A replaced 5xx without a panic reaches otelhttp as
// the handler's status, but its span carries none of errorpage's
// attributes.
package otel
