package errorpage

import (
	"net/http"
	"strconv"
)

// Drain starts a graceful shutdown: from now on, every new request is
// answered with 503 Service Unavailable, the page of the 503 status,
// Retry-After (Options.RetryAfter) and "Connection: close", so clients and
// load balancers move to another instance, while requests already in
// the handler run to their end. The readiness handler ([Middleware.Readiness])
// turns 503 at the same moment.
//
// Call it when the process is told to stop (SIGTERM on Kubernetes), wait
// for the load balancer to notice (the readiness probe's period), then
// call http.Server.Shutdown, which waits for the requests in flight.
// Drain cannot be undone; calling it again does nothing.
func (m *Middleware) Drain() { m.draining.Store(true) }

// Readiness returns a handler for a load balancer's readiness probe
// (Kubernetes readinessProbe): 200 "ready" while the instance serves,
// including during maintenance, when it is healthy and serving the
// maintenance page (a failing probe would drop every instance from the
// load balancer and turn that page into connection errors); 503
// "draining" after [Middleware.Drain]. The answer is text/plain with
// Cache-Control: no-store, for every method.
//
// Mount it next to the middleware rather than behind it, or behind it
// with its path in Maintenance.AllowPaths: behind it, a draining instance
// answers it with the drain page, which is a 503 too.
func (m *Middleware) Readiness() http.Handler {
	return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		status, body := http.StatusOK, "ready\n"
		if m.draining.Load() {
			status, body = http.StatusServiceUnavailable, "draining\n"
		}
		h := rw.Header()
		h.Set("Content-Type", "text/plain; charset=utf-8")
		h.Set("Content-Length", strconv.Itoa(len(body)))
		h.Set("Cache-Control", "no-store")
		rw.WriteHeader(status)
		if r.Method != http.MethodHead {
			_, _ = rw.Write([]byte(body))
		}
	})
}

// answerDrain answers a request that arrived after Drain.
func (m *Middleware) answerDrain(rw http.ResponseWriter, r *http.Request) {
	ok := lastResort(m.report.log, r, func() {
		d := pageData{status: http.StatusServiceUnavailable, url: r.URL}
		d.requestID = m.report.id(r)
		// net/http closes the connection after a response that says so.
		rw.Header().Set("Connection", "close")
		m.respond.respond(rw, r, everyHeaderIsOuter, &d, moment{clock: m.now})
	})
	if !ok {
		minimalError(rw, http.StatusServiceUnavailable)
	}
}
