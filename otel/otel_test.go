package otel_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"

	"github.com/errorpage/errorpage"
	"github.com/errorpage/errorpage/maintenance"
	epotel "github.com/errorpage/errorpage/otel"
)

// rig is errorpage with the OpenTelemetry SDK behind it: spans go to a
// recorder, metrics to a manual reader.
type rig struct {
	spans  *tracetest.SpanRecorder
	reader *sdkmetric.ManualReader
	tp     *sdktrace.TracerProvider
	mp     *sdkmetric.MeterProvider
	ep     *errorpage.Middleware
	sw     *maintenance.Switch
}

func newRig(t *testing.T, o epotel.Options) *rig {
	t.Helper()
	rg := &rig{spans: tracetest.NewSpanRecorder(), reader: sdkmetric.NewManualReader(), sw: &maintenance.Switch{}}
	rg.tp = sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(rg.spans))
	rg.mp = sdkmetric.NewMeterProvider(sdkmetric.WithReader(rg.reader))
	o.MeterProvider = rg.mp
	obs, err := epotel.New(o)
	require.NoError(t, err)
	rg.ep, err = errorpage.New(errorpage.Options{
		Logger:      slog.New(slog.DiscardHandler),
		Observe:     obs.Observe,
		RequestID:   epotel.RequestID,
		Maintenance: maintenance.Options{Source: rg.sw, AllowPaths: []string{"/healthz"}},
	})
	require.NoError(t, err)
	return rg
}

// mux is the application: a 200, a 404, a 503, a panic.
func mux() *http.ServeMux {
	m := http.NewServeMux()
	m.HandleFunc("/ok", func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ok") })
	m.HandleFunc("/missing", http.NotFound)
	m.HandleFunc("/down", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusServiceUnavailable) })
	m.HandleFunc("/panic", kaput)
	m.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "healthy") })
	return m
}

// kaput is the handler that panics.
func kaput(w http.ResponseWriter, r *http.Request) { panic("kaput") }

// outside is otelhttp outside errorpage, the recommended order.
func (rg *rig) outside() http.Handler {
	return otelhttp.NewHandler(rg.ep.Handler(mux()), "server", otelhttp.WithTracerProvider(rg.tp), otelhttp.WithMeterProvider(rg.mp))
}

// inside is errorpage outside otelhttp.
func (rg *rig) inside() http.Handler {
	return rg.ep.Handler(otelhttp.NewHandler(mux(), "server", otelhttp.WithTracerProvider(rg.tp), otelhttp.WithMeterProvider(rg.mp)))
}

func get(t *testing.T, h http.Handler, path string, header ...string) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest("GET", path, nil)
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, r)
	return rec
}

// attrs turns a list of attributes into a map for assertions.
func attrs(kvs []attribute.KeyValue) map[string]any {
	m := make(map[string]any, len(kvs))
	for _, kv := range kvs {
		m[string(kv.Key)] = kv.Value.AsInterface()
	}
	return m
}

// TestOtelhttpOutside_PanicIsAnException: a panic is one exception event
// on the request's span, with type, message and the stack, the span's
// status is Error, and the page shows the span's trace ID.
func TestOtelhttpOutside_PanicIsAnException(t *testing.T) {
	rg := newRig(t, epotel.Options{})
	rec := get(t, rg.outside(), "/panic", "Accept", "application/json")
	require.Equal(t, 500, rec.Code)

	spans := rg.spans.Ended()
	require.Len(t, spans, 1)
	s := spans[0]
	assert.Equal(t, codes.Error, s.Status().Code)
	var exceptions []sdktrace.Event
	for _, e := range s.Events() {
		if e.Name == "exception" {
			exceptions = append(exceptions, e)
		}
	}
	require.Len(t, exceptions, 1, "got %d exception events, want one", len(exceptions))
	ex := attrs(exceptions[0].Attributes)
	assert.Equal(t, "string", ex["exception.type"])
	assert.Equal(t, "kaput", ex["exception.message"])
	assert.Contains(t, ex["exception.stacktrace"], "otel_test.kaput(", "got stack %v", ex["exception.stacktrace"])
	assert.Equal(t, false, ex["errorpage.committed"])

	traceID := s.SpanContext().TraceID().String()
	assert.Contains(t, rec.Body.String(), traceID, "the page shows the trace ID")
	sa := attrs(s.Attributes())
	assert.Equal(t, traceID, sa["errorpage.request_id"])
	assert.Equal(t, int64(500), sa["http.response.status_code"])
}

// TestOtelhttpOutside_ReplacedAttributes: a replaced 503 marks the span
// with errorpage's attributes; a 404 and a 200 pass through unmarked.
func TestOtelhttpOutside_ReplacedAttributes(t *testing.T) {
	rg := newRig(t, epotel.Options{})
	h := rg.outside()
	require.Equal(t, 503, get(t, h, "/down", "Accept", "text/html", "Accept-Language", "fr").Code)
	require.Equal(t, 404, get(t, h, "/missing").Code)
	require.Equal(t, 200, get(t, h, "/ok").Code)

	spans := rg.spans.Ended()
	require.Len(t, spans, 3)
	a := attrs(spans[0].Attributes())
	assert.Equal(t, true, a["errorpage.replaced"])
	assert.Equal(t, int64(503), a["errorpage.original_status"])
	assert.Equal(t, "html", a["errorpage.format"])
	assert.Equal(t, "fr", a["errorpage.language"])
	assert.Len(t, a["errorpage.request_id"], 32)
	for _, s := range spans[1:] {
		assert.NotContains(t, attrs(s.Attributes()), "errorpage.replaced")
	}
}

// TestOtelhttpOutside_Maintenance: a blocked request's span says
// maintenance, otelhttp's request metrics carry errorpage.maintenance, and
// with MaintenanceSpanOK the 503 does not fail the span.
func TestOtelhttpOutside_Maintenance(t *testing.T) {
	for _, spanOK := range []bool{false, true} {
		rg := newRig(t, epotel.Options{MaintenanceSpanOK: spanOK})
		rg.sw.Set(maintenance.State{On: true})
		require.Equal(t, 503, get(t, rg.outside(), "/ok").Code)
		require.Equal(t, 200, get(t, rg.outside(), "/healthz").Code)

		spans := rg.spans.Ended()
		require.Len(t, spans, 2)
		a := attrs(spans[0].Attributes())
		assert.Equal(t, true, a["errorpage.maintenance"])
		assert.Equal(t, "blocked", a["errorpage.outcome"])
		assert.Equal(t, "path", attrs(spans[1].Attributes())["errorpage.outcome"])
		if spanOK {
			assert.Equal(t, codes.Ok, spans[0].Status().Code, "MaintenanceSpanOK: planned downtime is not a failed span")
		} else {
			assert.Equal(t, codes.Error, spans[0].Status().Code, "otelhttp marks a 5xx Error")
		}

		rm := collect(t, rg)
		var marked bool
		for _, dp := range sumOrHistogramPoints(rm, "http.server.request.duration") {
			if v, ok := dp.attrs["errorpage.maintenance"]; ok && v == true && dp.attrs["http.response.status_code"] == int64(503) {
				marked = true
			}
		}
		assert.True(t, marked, "otelhttp's request duration of the maintenance 503 carries errorpage.maintenance=true")
	}
}

// TestMetrics_Counts: after a mix of requests, the counters say how many
// responses were replaced by status and format, how many panics there
// were, and what maintenance mode did.
func TestMetrics_Counts(t *testing.T) {
	rg := newRig(t, epotel.Options{})
	h := rg.outside()
	get(t, h, "/ok")
	get(t, h, "/missing")
	get(t, h, "/down", "Accept", "text/html")
	get(t, h, "/down", "Accept", "application/json")
	get(t, h, "/down", "Accept", "application/json")
	get(t, h, "/panic", "Accept", "text/html")
	get(t, h, "/panic", "Accept", "text/html")
	rg.sw.Set(maintenance.State{On: true})
	get(t, h, "/ok")
	get(t, h, "/ok")
	get(t, h, "/healthz")

	rm := collect(t, rg)
	replaced := map[string]int64{}
	for _, dp := range sumOrHistogramPoints(rm, "errorpage.replaced") {
		replaced[fmtKey(dp.attrs["http.response.status_code"], dp.attrs["errorpage.format"])] = dp.value
	}
	assert.Equal(t, map[string]int64{"503 html": 1, "503 json": 2, "500 html": 2}, replaced)
	panics := sumOrHistogramPoints(rm, "errorpage.panics")
	require.Len(t, panics, 1)
	assert.EqualValues(t, 2, panics[0].value)
	maint := map[any]int64{}
	for _, dp := range sumOrHistogramPoints(rm, "errorpage.maintenance") {
		maint[dp.attrs["errorpage.outcome"]] = dp.value
	}
	assert.Equal(t, map[any]int64{"blocked": 2, "path": 1}, maint)
}

// TestOtelhttpInside: with errorpage outside otelhttp, the page still
// replaces the panic and the counters count it, but the span ended while
// the panic unwound through otelhttp, before errorpage recovered it: the
// SDK's own exception event has no stack, the span's status stays Unset
// and it has no response status, as the package documentation says. The
// page shows the trace ID of an incoming traceparent.
func TestOtelhttpInside(t *testing.T) {
	rg := newRig(t, epotel.Options{})
	const tp = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
	rec := get(t, rg.inside(), "/panic", "Accept", "text/plain", "Traceparent", tp)
	require.Equal(t, 500, rec.Code)
	assert.Contains(t, rec.Body.String(), "4bf92f3577b34da6a3ce929d0e0e4736")

	spans := rg.spans.Ended()
	require.Len(t, spans, 1)
	var exceptions int
	for _, e := range spans[0].Events() {
		if e.Name == "exception" {
			exceptions++
			assert.NotContains(t, attrs(e.Attributes), "exception.stacktrace", "the SDK records no stack unless asked")
		}
	}
	assert.Equal(t, 1, exceptions, "the SDK's span.End records the panic passing through it")
	assert.Equal(t, codes.Unset, spans[0].Status().Code)
	assert.NotContains(t, attrs(spans[0].Attributes()), "http.response.status_code")
	panics := sumOrHistogramPoints(collect(t, rg), "errorpage.panics")
	require.Len(t, panics, 1)
	assert.EqualValues(t, 1, panics[0].value)

	// A replaced 503 without a panic: otelhttp sees the handler's 503.
	require.Equal(t, 503, get(t, rg.inside(), "/down").Code)
	spans = rg.spans.Ended()
	require.Len(t, spans, 2)
	assert.Equal(t, int64(503), attrs(spans[1].Attributes())["http.response.status_code"])
	assert.NotContains(t, attrs(spans[1].Attributes()), "errorpage.replaced")
}

// TestRequestID: the span's trace ID first, then a traceparent's, then
// X-Request-Id.
func TestRequestID(t *testing.T) {
	r := httptest.NewRequest("GET", "/", nil)
	assert.Equal(t, "", epotel.RequestID(r))
	r.Header.Set("X-Request-Id", "abc")
	assert.Equal(t, "abc", epotel.RequestID(r))
	r.Header.Set("Traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
	assert.Equal(t, "4bf92f3577b34da6a3ce929d0e0e4736", epotel.RequestID(r))
	tp := sdktrace.NewTracerProvider()
	ctx, span := tp.Tracer("t").Start(context.Background(), "s")
	defer span.End()
	assert.Equal(t, span.SpanContext().TraceID().String(), epotel.RequestID(r.WithContext(ctx)))
}

type point struct {
	attrs map[string]any
	value int64
}

func collect(t *testing.T, rg *rig) metricdata.ResourceMetrics {
	t.Helper()
	var rm metricdata.ResourceMetrics
	require.NoError(t, rg.reader.Collect(context.Background(), &rm))
	return rm
}

// sumOrHistogramPoints returns the data points of the metric name: the
// values of a sum, the counts of a histogram.
func sumOrHistogramPoints(rm metricdata.ResourceMetrics, name string) []point {
	var out []point
	for _, sm := range rm.ScopeMetrics {
		for _, m := range sm.Metrics {
			if m.Name != name {
				continue
			}
			switch d := m.Data.(type) {
			case metricdata.Sum[int64]:
				for _, dp := range d.DataPoints {
					out = append(out, point{attrs(dp.Attributes.ToSlice()), dp.Value})
				}
			case metricdata.Histogram[float64]:
				for _, dp := range d.DataPoints {
					out = append(out, point{attrs(dp.Attributes.ToSlice()), int64(dp.Count)})
				}
			}
		}
	}
	return out
}

func fmtKey(status, format any) string { return fmt.Sprintf("%v %v", status, format) }
