// Package errorpage is net/http middleware that turns every 5xx response
// and every panic into a friendly error page, and passes everything else
// through untouched.
//
// Browsers get an HTML page rendered with templ, API clients an RFC 9457
// problem document, everyone else plain text. The response is never
// cached, a 503 says when to come back, and nothing the application wrote
// into the replaced body, no panic value and no stack reaches the client
// unless debug output was switched on.
//
// One line covers the common case:
//
//	http.ListenAndServe(":8080", errorpage.Handler(mux))
package errorpage

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/a-h/templ"

	"github.com/errorpage/errorpage/maintenance"
	"github.com/errorpage/errorpage/pages"
)

// Options configures a Middleware. The zero value is valid: it replaces
// every 5xx with the built-in pages and logs panics to slog.Default().
type Options struct {
	// Statuses lists the statuses that are replaced. Each must be a server
	// error (500–599). Nil means all of them.
	Statuses []int

	// Replace, if non-nil, is asked about each response whose status is in
	// Statuses and says whether to replace it (true) or let it through
	// (false), so a JSON API can keep its own error bodies. It sees the
	// request and the headers the handler set. Nil means replace.
	// A response that already is an RFC 9457 problem document
	// (application/problem+json) always passes through. A server error that
	// passes through still gets Cache-Control: no-store.
	Replace func(r *http.Request, status int, header http.Header) bool

	// Logger receives one record for each panic, with its stack, the method,
	// the path and the request ID. Nil means slog.Default().
	Logger *slog.Logger

	// OnError, if non-nil, is called once for each replaced response and
	// each panic, before the page is written. What it returns (an
	// error-tracker event ID, say) is shown on the page as a reference;
	// an empty string shows nothing.
	OnError func(r *http.Request, e ErrorEvent) (reference string)

	// Debug shows the panic value and its stack on the page and in the
	// problem document. Never switch it on where strangers can reach the
	// server. False means neither ever leaves the logs.
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

	// RetryAfter is the delay a 503 advertises in Retry-After when the
	// handler did not set a valid one itself. Zero means 30 seconds; a
	// negative value sends no Retry-After.
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

	// LoginURL is where the 511 page sends the visitor to sign in to the
	// network (RFC 6585 §6). Empty means the page has no link.
	LoginURL string

	// Maintenance configures maintenance mode: where its state comes from
	// and who gets through while it is on. The zero value has no source,
	// and maintenance mode is off. The page is MaintenancePage.
	Maintenance maintenance.Options
	// Brand shows the product's name, logo, links and colours on every
	// page. The zero value shows none and keeps the theme's colours; see
	// Brand for what each field accepts.
	Brand Brand

	// Theme names the built-in look of the pages: "default" (a clean card
	// with a blue accent), "mono" (minimal monochrome) or "terminal" (a
	// console window). Each has light and dark variants. Empty means
	// "default"; an unknown name is an error from New. For a look of your
	// own, write the page in templ (Pages, Fallback).
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
	// "サービスを利用できません"). False keeps the status phrase ("Service
	// Unavailable"), as RFC 9457 suggests for type about:blank; detail is
	// localized either way.
	LocalizedProblemTitle bool
}

// ErrorEvent describes a replaced response or a panic, for Options.OnError.
type ErrorEvent struct {
	// Status is the status of the page: the handler's, or 500 after a
	// panic.
	Status int
	// Panic is the recovered value, or nil.
	Panic any
	// Stack is the stack of the panicking goroutine, or nil.
	Stack []byte
	// RequestID is the request's ID, if one was found.
	RequestID string
	// Committed is true when the response had already been sent in part, so
	// no page could be shown and the connection was aborted.
	Committed bool
}

// defaultRetryAfter is what a 503 advertises when nothing else says.
const defaultRetryAfter = 30 * time.Second

// Middleware replaces server errors with pages. Build one with New; it is
// safe for concurrent use.
type Middleware struct {
	statuses statusSet
	replace  func(*http.Request, int, http.Header) bool
	log      *slog.Logger
	onError  func(*http.Request, ErrorEvent) string
	debug    bool
	pages    map[int]func(pages.Model) templ.Component
	fallback func(pages.Model) templ.Component
	retry    time.Duration // 0: no Retry-After
	retryStr string        // retry as delay-seconds
	reqID    func(*http.Request) string
	cookies  bool
	loginURL string
	now      func() time.Time

	look       look
	texts      []pages.Text // the default language first
	localTitle bool

	render    *renderer
	maint     *maintenanceGate // nil without a maintenance source
	maintPage func(pages.Model) templ.Component
}

// statusSet is a set of 5xx statuses, one bit each.
type statusSet [2]uint64

func (s *statusSet) add(code int) { s[(code-500)/64] |= 1 << ((code - 500) % 64) }
func (s *statusSet) has(code int) bool {
	return code >= 500 && code <= 599 && s[(code-500)/64]&(1<<((code-500)%64)) != 0
}
func (m *Middleware) replaces(code int) bool { return m.statuses.has(code) }

// New builds a Middleware from opts. Invalid options are reported here,
// once, with an error starting "errorpage: ".
func New(opts Options) (*Middleware, error) {
	m := &Middleware{
		replace:  opts.Replace,
		log:      opts.Logger,
		onError:  opts.OnError,
		debug:    opts.Debug,
		pages:    opts.Pages,
		fallback: opts.Fallback,
		reqID:    opts.RequestID,
		cookies:  opts.KeepSetCookie,
		loginURL: opts.LoginURL,
		now:      time.Now,
	}
	if m.log == nil {
		m.log = slog.Default()
	}
	if m.reqID == nil {
		m.reqID = defaultRequestID
	}
	if opts.Statuses == nil {
		m.statuses = statusSet{^uint64(0), 1<<36 - 1}
	}
	for _, code := range opts.Statuses {
		if code < 500 || code > 599 {
			return nil, fmt.Errorf("errorpage: status %d in Statuses is not a server error (500-599)", code)
		}
		m.statuses.add(code)
	}
	for code, page := range opts.Pages {
		if !m.statuses.has(code) {
			return nil, fmt.Errorf("errorpage: Pages has a page for %d, which is not in Statuses", code)
		}
		if page == nil {
			return nil, fmt.Errorf("errorpage: Pages has a nil page for %d", code)
		}
	}
	switch {
	case opts.RetryAfter == 0:
		m.retry = defaultRetryAfter
	case opts.RetryAfter > 0:
		m.retry = opts.RetryAfter
	}
	if m.retry > 0 {
		m.retryStr = formatRetryDelay(m.retry)
	}
	if opts.LoginURL != "" {
		if err := checkURL("LoginURL", opts.LoginURL); err != nil {
			return nil, err
		}
	}
	var err error
	if m.look, err = newLook(opts.Theme, opts.Brand); err != nil {
		return nil, err
	}
	if m.texts, err = buildTexts(opts.Languages, opts.DefaultLanguage); err != nil {
		return nil, err
	}
	m.localTitle = opts.LocalizedProblemTitle
	r, err := newRenderer(m)
	if err != nil {
		return nil, err
	}
	m.render = r
	m.maintPage = opts.MaintenancePage
	if m.maint, err = newMaintenanceGate(m, opts.Maintenance); err != nil {
		return nil, err
	}
	return m, nil
}

// checkURL accepts absolute http(s) and mailto URLs and paths: what a link
// on an error page may point to.
func checkURL(field, raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return fmt.Errorf("errorpage: %s %q is not a URL: %w", field, raw, err)
	}
	switch u.Scheme {
	case "", "http", "https", "mailto":
	default:
		return fmt.Errorf("errorpage: %s %q: scheme %q is not allowed (use http, https, mailto or a path)", field, raw, u.Scheme)
	}
	return nil
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
	if m.maint != nil {
		var answered bool
		if r, answered = m.maint.intercept(rw, r); answered {
			return false
		}
	}
	w := newInterceptor(m, rw, r)
	returned := false
	defer func() { abort = m.finish(w, returned, recover()) }()
	next.ServeHTTP(w.wrap(), r)
	returned = true
	return false
}

// shouldReplace decides, at the final status, whether the response is
// replaced.
func (m *Middleware) shouldReplace(r *http.Request, code int, h http.Header) bool {
	if !m.statuses.has(code) || isProblemJSON(h) {
		return false
	}
	return m.replace == nil || m.replace(r, code, h)
}

// errAbnormalEnd is what ErrorEvent.Panic holds when the handler ended
// without returning and without a value to recover: runtime.Goexit, or
// panic(nil) where GODEBUG=panicnil=1 makes recover return nil.
var errAbnormalEnd = errors.New("errorpage: the handler ended without returning and without a panic value (runtime.Goexit, or panic(nil) with GODEBUG=panicnil=1)")

// finish runs after the handler, with whether it returned and what it
// panicked with, if anything. It reports whether the response must be
// aborted.
func (m *Middleware) finish(w *interceptor, returned bool, recovered any) (abort bool) {
	if recovered == nil && returned {
		if w.state == replacing {
			m.replaceResponse(w, w.status, nil)
		}
		w.markDone()
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
		Stack:     captureStack(),
		Committed: w.state == passing || w.state == hijacked,
	}
	if ev.Committed {
		lastResort(m.log, w.req, func() { m.report(w.req, &ev) })
		return true
	}
	m.replaceResponse(w, http.StatusInternalServerError, &ev)
	w.markDone()
	if abnormal {
		// After runtime.Goexit net/http never finishes the response: it
		// closes the connection with what was flushed. Flush the page, so
		// the client gets all of it before the close.
		_ = http.NewResponseController(w.rw).Flush()
	}
	return false
}

// replaceResponse writes the page for status in place of the response w
// held back; ev is the panic that interrupted it, if any. Whatever fails
// on the way (a hook of the user's, a slog handler), the client gets the
// status.
func (m *Middleware) replaceResponse(w *interceptor, status int, ev *ErrorEvent) {
	ok := lastResort(m.log, w.req, func() { m.writeError(w, status, ev) })
	if !ok {
		minimalError(w.rw, status)
	}
}

// report tells about an error, in this order: it finds the request's ID
// (making one up if none came in), hands the event to OnError, and logs a
// panic, so that the log record carries both the ID and the reference the
// visitor sees. It fills ev.RequestID and returns the reference.
func (m *Middleware) report(r *http.Request, ev *ErrorEvent) (reference string) {
	ev.RequestID = m.requestID(r)
	if m.onError != nil {
		reference = m.callOnError(r, *ev)
	}
	if ev.Panic != nil {
		m.logPanic(r, *ev, reference)
	}
	return reference
}

// callOnError calls the OnError hook. A hook that panics loses its
// reference, not the page, nor the panic's log record.
func (m *Middleware) callOnError(r *http.Request, ev ErrorEvent) (reference string) {
	defer func() {
		if v := recover(); v != nil {
			reference = ""
			m.log.LogAttrs(r.Context(), slog.LevelError, "errorpage: OnError panicked",
				slog.String("panic", fmt.Sprint(v)), slog.String("request_id", ev.RequestID))
		}
	}()
	return cleanReference(m.onError(r, ev))
}

// lastResort runs f and reports whether it returned normally. A panic in f
// is logged (if even that does not panic) and swallowed: it happened while
// answering for an error, and must not turn into a second, silent one.
func lastResort(log *slog.Logger, r *http.Request, f func()) (ok bool) {
	defer func() {
		if v := recover(); v != nil {
			func() {
				defer func() { _ = recover() }()
				log.LogAttrs(r.Context(), slog.LevelError, "errorpage: answering an error panicked",
					slog.String("panic", fmt.Sprint(v)), slog.String("path", r.URL.Path))
			}()
			ok = false
		}
	}()
	f()
	return true
}

// minimalError is the answer when even the page could not be made: the
// status and a line of text, never cached.
func minimalError(rw http.ResponseWriter, status int) {
	h := rw.Header()
	for k := range h {
		delete(h, k)
	}
	h["Content-Type"] = []string{"text/plain; charset=utf-8"}
	h["Cache-Control"] = []string{"no-store"}
	h["X-Content-Type-Options"] = []string{"nosniff"}
	claimResponse(rw)
	rw.WriteHeader(status)
	_, _ = io.WriteString(rw, strconv.Itoa(status)+" "+phrase(status)+"\n")
}

func (m *Middleware) logPanic(r *http.Request, ev ErrorEvent, reference string) {
	if !m.log.Enabled(r.Context(), slog.LevelError) {
		return // spare formatting the panic and copying the stack
	}
	msg := "errorpage: panic serving request"
	if ev.Committed {
		msg = "errorpage: panic after the response was committed; aborting it"
	}
	attrs := []slog.Attr{
		// fmt.Sprint survives a panicking Error or String method (a typed
		// nil error, say); calling err.Error() would not.
		slog.String("error", fmt.Sprint(ev.Panic)),
		slog.String("method", r.Method),
		slog.String("path", r.URL.Path),
		slog.String("request_id", ev.RequestID),
	}
	if reference != "" {
		attrs = append(attrs, slog.String("reference", reference))
	}
	attrs = append(attrs, slog.String("stack", string(ev.Stack)))
	m.log.LogAttrs(r.Context(), slog.LevelError, msg, attrs...)
}

// requestID is the ID of r shown on the page and logged: the one that came
// with the request if it is short visible ASCII, else a new one, so that a
// visitor always has something to quote that leads to the log record.
func (m *Middleware) requestID(r *http.Request) string {
	if id := cleanRequestID(m.reqID(r)); id != "" {
		return id
	}
	return newRequestID()
}

func errAttr(err error) slog.Attr { return slog.String("error", err.Error()) }
