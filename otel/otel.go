package otel

import (
	"fmt"
	"net/http"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/metric"
	"go.opentelemetry.io/otel/metric/noop"
	"go.opentelemetry.io/otel/propagation"
	semconv "go.opentelemetry.io/otel/semconv/v1.39.0"
	"go.opentelemetry.io/otel/trace"

	"github.com/errorpage/errorpage"
)

// The attribute keys errorpage puts on spans and metrics. Their values
// are bounded: a status, a format, an outcome, never a path or an ID
// (except on spans, which are per request anyway).
const (
	// AttrReplaced is true on the span of a response errorpage replaced.
	AttrReplaced = attribute.Key("errorpage.replaced")
	// AttrOriginalStatus is the status the handler wrote, before
	// errorpage replaced its response.
	AttrOriginalStatus = attribute.Key("errorpage.original_status")
	// AttrFormat is the page's format: html, json or text.
	AttrFormat = attribute.Key("errorpage.format")
	// AttrLanguage is the page's language tag (spans only).
	AttrLanguage = attribute.Key("errorpage.language")
	// AttrRequestID is the ID shown on the page (spans only).
	AttrRequestID = attribute.Key("errorpage.request_id")
	// AttrReference is what OnError returned (spans only).
	AttrReference = attribute.Key("errorpage.reference")
	// AttrCommitted is true on the exception event of a panic that came
	// after the response was committed; the connection was aborted.
	AttrCommitted = attribute.Key("errorpage.committed")
	// AttrMaintenance is true on spans, and on otelhttp's HTTP server
	// metrics, of requests answered during planned downtime: exclude it
	// from error-rate alerts.
	AttrMaintenance = attribute.Key("errorpage.maintenance")
	// AttrOutcome is what maintenance mode did with a request: "blocked",
	// or the bypass that let it through ("path", "network", "header",
	// "cookie", "secret-url").
	AttrOutcome = attribute.Key("errorpage.outcome")
)

// Options configures an Observer. The zero value is valid.
type Options struct {
	// MeterProvider makes the counters. Nil means no metrics (a no-op
	// provider); pass otel.GetMeterProvider() for the global one.
	MeterProvider metric.MeterProvider

	// MaintenanceSpanOK sets the status of the span of a blocked
	// maintenance request to Ok, which the OpenTelemetry specification
	// makes final: otelhttp's Error for the 503 is then ignored, and
	// planned downtime never shows as a failed trace. False leaves the
	// span's status to otelhttp (Error for any 5xx); the span still
	// carries errorpage.maintenance=true.
	MaintenanceSpanOK bool
}

// Observer records what errorpage does on the request's span and in
// OpenTelemetry metrics. Build one with New and pass its Observe and
// RequestID methods to errorpage.Options. It is safe for concurrent use.
type Observer struct {
	replaced, panics, maintenance metric.Int64Counter
	spanOK                        bool
}

// New builds an Observer. It fails only if the meter provider refuses an
// instrument, with an error starting "errorpage: otel: ".
func New(o Options) (*Observer, error) {
	mp := o.MeterProvider
	if mp == nil {
		mp = noop.NewMeterProvider()
	}
	m := mp.Meter("github.com/errorpage/errorpage/otel")
	ob := &Observer{spanOK: o.MaintenanceSpanOK}
	var err error
	if ob.replaced, err = m.Int64Counter("errorpage.replaced",
		metric.WithDescription("Responses errorpage replaced with an error page, by status and format; maintenance answers are not among them."),
		metric.WithUnit("{response}")); err != nil {
		return nil, fmt.Errorf("errorpage: otel: %w", err)
	}
	if ob.panics, err = m.Int64Counter("errorpage.panics",
		metric.WithDescription("Handler panics errorpage recovered, including those after the response was committed."),
		metric.WithUnit("{panic}")); err != nil {
		return nil, fmt.Errorf("errorpage: otel: %w", err)
	}
	if ob.maintenance, err = m.Int64Counter("errorpage.maintenance",
		metric.WithDescription("Requests that met maintenance mode, by outcome: blocked, or the bypass that let them through."),
		metric.WithUnit("{request}")); err != nil {
		return nil, fmt.Errorf("errorpage: otel: %w", err)
	}
	return ob, nil
}

// Observe records e, for errorpage.Options.Observe:
//
//   - a panic becomes an "exception" event on the active span, with
//     exception.type, exception.message and exception.stacktrace as the
//     semantic conventions name them, and the span's status becomes Error;
//     the panic value and its stack thus go to the tracing backend, as they
//     go to OnError. The errorpage.panics counter counts it.
//   - a replaced response sets errorpage.replaced, the original status,
//     the format, the language, the request ID and the reference on the
//     span, and counts in errorpage.replaced by http.response.status_code
//     and errorpage.format.
//   - a maintenance answer or bypass sets errorpage.maintenance=true and
//     errorpage.outcome on the span, adds errorpage.maintenance=true to
//     otelhttp's HTTP server metrics when otelhttp runs outside errorpage,
//     and counts in errorpage.maintenance by errorpage.outcome.
//
// Without a recording span in the request's context only the counters
// are kept.
func (ob *Observer) Observe(r *http.Request, e errorpage.Event) {
	ctx := r.Context()
	span := trace.SpanFromContext(ctx)
	switch e.Kind {
	case errorpage.EventPanic:
		ob.panics.Add(ctx, 1)
		if span.IsRecording() {
			span.AddEvent(semconv.ExceptionEventName, trace.WithAttributes(
				semconv.ExceptionType(fmt.Sprintf("%T", e.Panic)),
				semconv.ExceptionMessage(fmt.Sprint(e.Panic)),
				semconv.ExceptionStacktrace(string(e.Stack)),
				AttrCommitted.Bool(e.Committed),
			))
			span.SetStatus(codes.Error, "panic")
		}
	case errorpage.EventReplaced:
		ob.replaced.Add(ctx, 1, metric.WithAttributes(
			semconv.HTTPResponseStatusCode(e.Status), AttrFormat.String(e.Format)))
		if span.IsRecording() {
			attrs := []attribute.KeyValue{
				AttrReplaced.Bool(true),
				AttrOriginalStatus.Int(e.OriginalStatus),
				AttrFormat.String(e.Format),
				AttrLanguage.String(e.Language),
				AttrRequestID.String(e.RequestID),
			}
			if e.Reference != "" {
				attrs = append(attrs, AttrReference.String(e.Reference))
			}
			span.SetAttributes(attrs...)
		}
	case errorpage.EventMaintenance:
		outcome := e.Bypass
		if outcome == "" {
			outcome = "blocked"
		}
		ob.maintenance.Add(ctx, 1, metric.WithAttributes(AttrOutcome.String(outcome)))
		if l, ok := otelhttp.LabelerFromContext(ctx); ok {
			l.Add(AttrMaintenance.Bool(true))
		}
		if span.IsRecording() {
			span.SetAttributes(AttrMaintenance.Bool(true), AttrOutcome.String(outcome))
			if outcome == "blocked" && ob.spanOK {
				span.SetStatus(codes.Ok, "")
			}
		}
	}
}

// RequestID is an errorpage.Options.RequestID that takes the ID from the
// trace: the trace ID of the span in r's context (32 hex digits, the W3C
// trace ID a tracing backend searches by), else the trace ID of a W3C
// traceparent header, else the X-Request-Id header. With none of them,
// errorpage makes an ID up.
//
// The span is there only when otelhttp (or another instrumentation) runs
// outside errorpage; see the package documentation.
func RequestID(r *http.Request) string {
	if sc := trace.SpanContextFromContext(r.Context()); sc.HasTraceID() {
		return sc.TraceID().String()
	}
	if sc := trace.SpanContextFromContext(traceContext.Extract(r.Context(), propagation.HeaderCarrier(r.Header))); sc.HasTraceID() {
		return sc.TraceID().String()
	}
	return r.Header.Get("X-Request-Id")
}

var traceContext propagation.TraceContext
