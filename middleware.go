package errorpage

import (
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/a-h/templ"

	"github.com/errorpage/errorpage/maintenance"
	"github.com/errorpage/errorpage/pages"
)

// Options configures a Middleware. The zero value is valid: it replaces
// every 5xx with the built-in pages and logs panics to slog.Default().
type Options struct {
	// Statuses lists the statuses that are replaced, exactly: each must be
	// a server error (500–599) or a client error (400–499). Nil means every
	// server error. A client error is replaced only when its response is not
	// an answer of the application's own (see ClientErrors).
	Statuses []int

	// ClientErrors adds every client error (400–499) to Statuses. False
	// adds none: only the 4xx that Statuses lists are replaced. A 4xx is
	// replaced only when, at WriteHeader, it has no Content-Type or
	// text/plain, which is what net/http writes itself (http.Error,
	// http.NotFound, ServeMux's 404 and 405); a JSON, HTML or problem+json
	// 4xx is an API's answer and passes through untouched. Replace can
	// still keep one that would be replaced.
	ClientErrors bool

	// Rewrites maps a status to the status of the page that replaces it:
	// {403: 404} does not confirm that a private resource exists,
	// {502: 503, 504: 503} shows one page with Retry-After while an
	// upstream restarts. Each key must be replaced (see Statuses) and each
	// value must be 400–599; a rewritten status is not rewritten again.
	// The handler's status is logged and given to OnError
	// (ErrorEvent.OriginalStatus). Nil rewrites nothing.
	Rewrites map[int]int

	// Replace, if non-nil, is asked about each response whose status is in
	// Statuses and says whether to replace it (true) or let it through
	// (false), so a JSON API can keep its own error bodies. It sees the
	// request and the headers the handler set. Nil means replace.
	// A response that already is an RFC 9457 problem document
	// (application/problem+json) always passes through, and so does a
	// client error with a body of the application's own (see ClientErrors):
	// Replace is asked only about what would be replaced. A server error
	// that passes through still gets Cache-Control: no-store; a client
	// error passes through untouched.
	Replace func(r *http.Request, status int, header http.Header) bool

	// Logger receives one record for each panic: the type of the panic
	// value, where it happened (function, file and line), the method, the
	// path, the request ID and the OnError reference. Nil means
	// slog.Default().
	Logger *slog.Logger

	// LogPanicDetails adds the panic value and the whole stack to the log
	// record. False leaves them out: a panic value can carry a secret (an
	// error quoting a connection string with its password), and logs
	// travel further than the server. OnError always gets both.
	LogPanicDetails bool

	// OnError, if non-nil, is called once for each replaced response and
	// each panic, before the page is written. What it returns (an
	// error-tracker event ID, say) is shown on the page as a reference;
	// an empty string shows nothing. Maintenance answers never reach it:
	// planned downtime is not an error to track (Observe sees them).
	// Identical panics reach it at most PanicLimit times per PanicWindow.
	OnError func(r *http.Request, e ErrorEvent) (reference string)

	// Observe, if non-nil, is called once for each thing errorpage does
	// with a request that an observer may count or trace: a replaced
	// response, a panic, a maintenance answer or bypass (see Event). It
	// runs on the request's goroutine, after the page was written, with
	// the request (whose context carries the active trace span); it must
	// not write to the response. A panic in it is logged and swallowed.
	// The adapters in the otel and prometheus modules are observers. Nil
	// costs nothing.
	Observe func(r *http.Request, e Event)

	// PanicLimit bounds how often identical panics (the same stack) reach
	// OnError and the log within PanicWindow, so that a bug hit by every
	// request does not flood the error tracker: the others show the
	// first one's reference on the page, are logged with a count of the
	// records left out, and still reach Observe, one event each. Zero
	// means 5; a negative value means no limit.
	PanicLimit int

	// PanicWindow is the window of PanicLimit. Zero means one minute.
	PanicWindow time.Duration

	// Debug shows the panic value and its stack on the page and in the
	// problem document, and logs them (as LogPanicDetails). Never switch it
	// on where strangers can reach the server. False shows neither.
	Debug bool

	// Pages overrides the page of single statuses with templ components
	// over pages.Model. Keys must be in Statuses. Nil means the built-in
	// pages.
	Pages map[int]func(pages.Model) templ.Component

	// Fallback is the page for every status without an entry in Pages.
	// Nil means the built-in page of each status (pages.ForStatus).
	Fallback func(pages.Model) templ.Component

	// MaintenancePage renders the page of maintenance mode (see
	// Maintenance). Nil means pages.Maintenance.
	MaintenancePage func(pages.Model) templ.Component

	// RetryAfter is the delay a 503 or a 429 advertises in Retry-After
	// when the handler did not set a valid one itself. Zero means 30
	// seconds; a negative value sends no Retry-After.
	RetryAfter time.Duration

	// RequestID finds the ID of a request, shown on the page and logged.
	// Nil means the X-Request-Id request header, then the trace ID of a
	// W3C traceparent header. IDs that are not short visible ASCII are
	// dropped.
	RequestID func(*http.Request) string

	// KeepSetCookie keeps the Set-Cookie headers the handler set before it
	// failed. False drops them: a half-done request should not leave a
	// session behind.
	KeepSetCookie bool

	// Maintenance configures maintenance mode: where its state comes from
	// and who gets through while it is on. The zero value has no source,
	// and maintenance mode is off. The page is MaintenancePage.
	Maintenance maintenance.Options
	// Brand shows the product's name, logo, links and colours on every
	// page. The zero value shows none and keeps the theme's colours; see
	// Brand for what each field accepts.
	Brand Brand

	// Theme names the built-in look of the pages: "default" (a clean card
	// with a blue accent), "mono" (minimal monochrome), "terminal" (a
	// console window), "friendly" (an illustrated smiling cloud, rounded
	// type), "contrast" (high contrast: 7:1 text, larger type, heavy
	// borders), "glass" (a frosted card on colour fields), "docs" (a
	// documentation site) or "retro" (a bevelled dialog window of the
	// nineties). Each has light and dark variants and takes the Brand's
	// colours, logo and links. Empty means "default"; an unknown name is
	// an error from New. For a look of your own, write the page in templ
	// (Pages, Fallback).
	Theme string

	// Languages adds languages or overrides built-in strings. A Text with
	// the Tag of a built-in language ("de", "pt-BR") replaces the strings
	// it sets and keeps the rest; any other Tag adds a language, whose
	// empty strings are the default language's. Set Dir to "rtl" for a
	// right-to-left language. Nil means the 12 built-in languages
	// (pages.Languages).
	Languages []pages.Text

	// DefaultLanguage is the tag of the language used when Accept-Language
	// matches none (or is absent). It must be one of the languages. Empty
	// means "en".
	DefaultLanguage string

	// LocalizedProblemTitle makes the title of problem documents the page's
	// heading in the visitor's language ("Service unavailable",
	// "ただいまサービスをご利用いただけません"). False keeps the status phrase ("Service
	// Unavailable"), as RFC 9457 suggests for type about:blank; detail is
	// localized either way.
	LocalizedProblemTitle bool
}

// Middleware replaces server errors, and client errors if asked to, with
// pages. Build one with New; it is safe for concurrent use.
//
// A request goes through its parts in this order, each in the file named
// after it: the maintenance gate (gate), the interceptor the handler writes
// to (writer), the decision at the final status (decision), the report of
// an error (report), and the response that is written once (respond, with
// render for the body).
type Middleware struct {
	rules   interceptRules // the policy, and answerLate bound once
	report  reporter
	respond responder
	debug   bool
	now     func() time.Time

	rewrites map[int]int // Options.Rewrites, read-only

	render   *renderer
	maint    *maintenanceGate // nil without a maintenance source
	draining atomic.Bool      // set by Drain
}

// New builds a Middleware from opts. Invalid options are reported here,
// once, with an error starting "errorpage: ".
func New(opts Options) (*Middleware, error) {
	m := &Middleware{
		rules:  interceptRules{policy: policy{replace: opts.Replace}},
		report: reporter{log: opts.Logger, onError: opts.OnError, observe: opts.Observe, requestID: opts.RequestID, details: opts.LogPanicDetails || opts.Debug},
		debug:  opts.Debug,
		now:    time.Now,
	}
	m.report.storm = newStormLimiter(opts.PanicLimit, opts.PanicWindow, time.Now)
	m.rules.late = m.answerLate
	if m.report.log == nil {
		m.report.log = slog.Default()
	}
	if m.report.requestID == nil {
		m.report.requestID = defaultRequestID
	}
	if opts.Statuses == nil {
		m.rules.policy.statuses = allServerErrors
	}
	for _, code := range opts.Statuses {
		if code < 400 || code > 599 {
			return nil, fmt.Errorf("errorpage: status %d in Statuses is not a client or server error (400-599)", code)
		}
		m.rules.policy.statuses.add(code)
	}
	if opts.ClientErrors {
		m.rules.policy.statuses.union(allClientErrors)
	}
	pageStatuses := m.rules.policy.statuses
	for from, to := range opts.Rewrites {
		switch {
		case !m.rules.policy.statuses.has(from):
			return nil, fmt.Errorf("errorpage: Rewrites has %d, which is not replaced (see Statuses and ClientErrors)", from)
		case to < 400 || to > 599:
			return nil, fmt.Errorf("errorpage: Rewrites maps %d to %d, which is not a client or server error (400-599)", from, to)
		case to == from:
			return nil, fmt.Errorf("errorpage: Rewrites maps %d to itself", from)
		}
		pageStatuses.add(to)
	}
	m.rewrites = maps.Clone(opts.Rewrites) // the caller may change its map later
	for code, page := range opts.Pages {
		if !pageStatuses.has(code) {
			return nil, fmt.Errorf("errorpage: Pages has a page for %d, which is not in Statuses", code)
		}
		if page == nil {
			return nil, fmt.Errorf("errorpage: Pages has a nil page for %d", code)
		}
	}
	lk, err := newLook(opts.Theme, opts.Brand)
	if err != nil {
		return nil, err
	}
	texts, err := buildTexts(opts.Languages, opts.DefaultLanguage)
	if err != nil {
		return nil, err
	}
	m.render, err = newRenderer(renderConfig{
		look:       lk,
		texts:      texts,
		pages:      opts.Pages,
		fallback:   opts.Fallback,
		maintPage:  opts.MaintenancePage,
		localTitle: opts.LocalizedProblemTitle,
		log:        m.report.log,
	})
	if err != nil {
		return nil, err
	}
	m.respond = newResponder(m.render, opts.KeepSetCookie, newRetryDefault(opts.RetryAfter))
	if m.maint, err = newMaintenanceGate(opts.Maintenance, m.now, &m.report, &m.respond); err != nil {
		return nil, err
	}
	return m, nil
}

// Handler wraps next with a Middleware built from the zero Options: the
// one-line setup.
func Handler(next http.Handler) http.Handler {
	m, err := New(Options{})
	if err != nil {
		// The zero Options are valid; reaching this is a bug in errorpage.
		panic(err)
	}
	return m.Handler(next)
}

// Handler returns next wrapped by m, a standard middleware:
// r.Use(m.Handler) in chi, m.Handler(mux) with http.ServeMux.
func (m *Middleware) Handler(next http.Handler) http.Handler {
	return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		if m.serve(next, rw, r) {
			// A panic after the response was committed: its status cannot
			// change, and appending a page would make a broken response
			// look complete. Abort, so the client sees it truncated.
			panic(http.ErrAbortHandler)
		}
	})
}

// serve runs next behind the gate and the interceptor, and reports whether
// the response must be aborted. (After runtime.Goexit it never returns:
// net/http then closes the connection by itself.)
func (m *Middleware) serve(next http.Handler, rw http.ResponseWriter, r *http.Request) (abort bool) {
	if m.draining.Load() {
		m.answerDrain(rw, r)
		return false
	}
	if m.maint != nil {
		var answered bool
		if r, answered = m.maint.intercept(rw, r); answered {
			return false
		}
	}
	w := newInterceptor(rw, r, &m.rules)
	if h := rw.Header(); len(h) > 0 {
		return m.serveEntered(next, w, h)
	}
	returned := false
	defer func() { abort = m.finish(w, nil, returned, recover()) }()
	next.ServeHTTP(w.wrap(), r)
	returned = true
	return false
}

// serveEntered is serve for a response that already has headers when the
// middleware is entered: an outer middleware's (CORS, security headers, a
// request ID), which a replaced response keeps. They are taken by reference
// into a value on this goroutine's stack, where holding them costs no
// allocation and nothing for the garbage collector to scan.
func (m *Middleware) serveEntered(next http.Handler, w *interceptor, h http.Header) (abort bool) {
	var entry entryHeaders
	entry.snapshot(h)
	returned := false
	defer func() { abort = m.finish(w, &entry, returned, recover()) }()
	next.ServeHTTP(w.wrap(), w.req)
	returned = true
	return false
}

// errAbnormalEnd is what ErrorEvent.Panic holds when the handler ended
// without returning and without a value to recover: runtime.Goexit, or
// panic(nil) where GODEBUG=panicnil=1 makes recover return nil.
var errAbnormalEnd = errors.New("errorpage: the handler ended without returning and without a panic value (runtime.Goexit, or panic(nil) with GODEBUG=panicnil=1)")

// finish runs after the handler, with the headers taken on entry (nil for
// none), whether it returned and what it panicked with, if anything. It
// reports whether the response must be aborted.
func (m *Middleware) finish(w *interceptor, entry *entryHeaders, returned bool, recovered any) (abort bool) {
	if recovered == nil && returned {
		if w.state == replacing {
			m.replaceResponse(w, entry, int(w.status), ErrorEvent{Status: int(w.status)})
		}
		w.markDone(entry)
		return false
	}
	if recovered == http.ErrAbortHandler {
		// The handler asked for a silent abort; so do we, with the very
		// same value, which net/http compares by identity.
		panic(recovered)
	}
	abnormal := recovered == nil
	if abnormal {
		recovered = errAbnormalEnd
	}
	ev := ErrorEvent{
		Status:    http.StatusInternalServerError,
		Panic:     recovered,
		Committed: w.state == passing || w.state == hijacked,
	}
	ev.site, ev.key = panicSite()
	if m.report.onError != nil || m.report.details || m.report.observe != nil {
		// Formatting the whole stack is most of a panic's cost: only
		// when someone will read it (an observer counts).
		ev.Stack = captureStack()
	}
	if ev.Committed {
		lastResort(m.report.log, w.req, func() {
			got := m.report.report(w.req, &ev)
			if m.report.observe != nil {
				m.report.notify(w.req, panicEvent(ev, got))
			}
		})
		return true
	}
	m.replaceResponse(w, entry, http.StatusInternalServerError, ev)
	w.markDone(entry)
	if abnormal {
		// After runtime.Goexit net/http never finishes the response: it
		// closes the connection with what was flushed. Flush the page, so
		// the client gets all of it before the close.
		_ = http.NewResponseController(w.rw).Flush()
	}
	return false
}

// answerLate answers a status we replace that the handler wrote after the
// middleware returned (echo's error handler does): nobody else will.
func (m *Middleware) answerLate(w *interceptor) {
	m.replaceResponse(w, w.entry, int(w.status), ErrorEvent{Status: int(w.status)})
}

// replaceResponse writes the page for status in place of the response w
// held back, keeping the entry headers; ev tells what happened (a panic,
// or only the status).
// Whatever fails on the way (a hook of the user's, a slog handler), the
// client gets the status.
func (m *Middleware) replaceResponse(w *interceptor, entry *entryHeaders, status int, ev ErrorEvent) {
	if to, ok := m.rewrites[status]; ok {
		ev.OriginalStatus, ev.Status, status = status, to, to
	}
	var got reported
	var d pageData
	ok := lastResort(m.report.log, w.req, func() {
		r := w.req
		d = pageData{status: status, url: r.URL}
		got = m.report.report(r, &ev)
		d.requestID, d.reference = got.id, got.reference
		d.makeStatic(r)
		if m.debug && ev.Panic != nil {
			d.debug = &pages.Debug{Panic: fmt.Sprint(ev.Panic), Stack: string(ev.Stack)}
		}
		m.respond.respond(w.rw, r, entry, &d, moment{clock: m.now})
	})
	if !ok {
		minimalError(w.rw, status)
	}
	if m.report.observe != nil {
		m.observeReplaced(w.req, ev, got, &d)
	}
}

// observeReplaced tells the observer about a replaced response: first the
// panic, if there was one, then the page.
func (m *Middleware) observeReplaced(r *http.Request, ev ErrorEvent, got reported, d *pageData) {
	if ev.Panic != nil {
		m.report.notify(r, panicEvent(ev, got))
	}
	original := ev.OriginalStatus // set when Options.Rewrites changed the status
	if original == 0 {
		original = ev.Status
	}
	m.report.notify(r, Event{
		Kind:           EventReplaced,
		Status:         ev.Status,
		OriginalStatus: original,
		Format:         formatNames[d.format],
		Language:       d.langTag,
		RequestID:      got.id,
		Reference:      got.reference,
		Panic:          ev.Panic,
	})
}

// panicEvent is the observer's event for the panic ev.
func panicEvent(ev ErrorEvent, got reported) Event {
	return Event{
		Kind: EventPanic, OriginalStatus: http.StatusInternalServerError,
		RequestID: got.id, Reference: got.reference, Storm: got.storm,
		Panic: ev.Panic, Stack: ev.Stack, Committed: ev.Committed,
	}
}
