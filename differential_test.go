package errorpage

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"net/http/httptest"
	"net/http/httptrace"
	"net/textproto"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// The differential harness runs random handler programs twice, once on the
// bare net/http writer and once behind errorpage, and compares what the
// client sees. A response whose final status errorpage does not replace
// must look exactly as it does without errorpage; a replaced one must be a
// proper page (see checkPage).

// Inner bodies all contain innerMark, so that a page leaking any of them
// is easy to see.
const innerMark = "inner-"

var (
	headerEdits = []struct{ op, key, value string }{
		{"set", "Content-Type", "text/plain; charset=utf-8"},
		{"set", "Content-Type", "application/json"},
		{"del", "Content-Type", ""},
		{"set", "Content-Length", "5"},
		{"set", "Connection", "close"},
		{"del", "Connection", ""},
		{"set", "Trailer", "X-Trailer"},
		{"set", "X-Trailer", "declared"},
		{"set", http.TrailerPrefix + "X-Late", "undeclared"},
		{"add", "X-Multi", "a"},
		{"add", "X-Multi", "b"},
		{"set", "Cache-Control", "max-age=60"},
		{"set", "Link", "</style.css>; rel=preload; as=style"},
		{"set", "Content-Type", "application/problem+json"},
		{"set", "Content-Type", "text/html; charset=utf-8"},
	}
	statusCodes = []int{103, 102, 200, 201, 204, 304, 404, 500, 503, 0, 1000, 429, 400}
	errorCodes  = []int{404, 500, 503, 405}
	bodies      = []string{
		"<html><body>inner-html</body></html>",
		"inner-text",
		"\x00\x01inner-binary",
		"",
	}
	copySources = []string{"empty", "failing", "short", "long"}
	rcCalls     = []string{"Flush", "SetReadDeadline", "SetWriteDeadline", "EnableFullDuplex"}
	panicValues = []any{"inner-panic", nil, http.ErrAbortHandler}
)

// opKind is one thing a handler program can do. weight is how often the
// generator picks it; args is the number of values its argument takes (0:
// none); do runs it and returns false when the program must stop (hijack);
// show prints the argument.
type opKind struct {
	name   string
	weight int
	args   int
	do     func(c *call, arg int) (more bool)
	show   func(arg int) string
}

var opKinds = []opKind{
	{"header", 4, len(headerEdits), doHeader, func(a int) string {
		e := headerEdits[a]
		return fmt.Sprintf("%s %s: %q", e.op, e.key, e.value)
	}},
	{"writeHeader", 4, len(statusCodes), func(c *call, a int) bool {
		c.w.WriteHeader(statusCodes[a])
		return true
	}, func(a int) string { return fmt.Sprint(statusCodes[a]) }},
	{"http.Error", 2, len(errorCodes), func(c *call, a int) bool {
		http.Error(c.w, "inner-error-text", errorCodes[a])
		return true
	}, func(a int) string { return fmt.Sprint(errorCodes[a]) }},
	{"write", 3, len(bodies), func(c *call, a int) bool {
		n, err := c.w.Write([]byte(bodies[a]))
		c.see("write %d %v", n, err)
		return true
	}, func(a int) string { return fmt.Sprintf("%q", bodies[a]) }},
	{"io.WriteString", 1, len(bodies), func(c *call, a int) bool {
		n, err := io.WriteString(c.w, bodies[a])
		c.see("io.WriteString %d %v", n, err)
		return true
	}, func(a int) string { return fmt.Sprintf("%q", bodies[a]) }},
	{"io.Copy", 2, len(copySources), doCopy, func(a int) string { return copySources[a] }},
	{"Flush", 1, 0, func(c *call, _ int) bool {
		if f, ok := c.w.(http.Flusher); ok {
			f.Flush()
		}
		return true
	}, nil},
	{"rc", 2, len(rcCalls), doController, func(a int) string { return rcCalls[a] }},
	{"interfaces", 1, 0, func(c *call, _ int) bool {
		c.see("interfaces %s", interfaceNames(c.w))
		return true
	}, nil},
	{"Push", 1, 0, func(c *call, _ int) bool {
		if p, ok := c.w.(http.Pusher); ok {
			c.see("Push %v", p.Push("/pushed", nil))
		}
		return true
	}, nil},
	{"Hijack", 1, 0, doHijack, nil},
	{"panic", 1, len(panicValues), func(_ *call, a int) bool {
		panic(panicValues[a])
	}, func(a int) string { return fmt.Sprintf("%#v", panicValues[a]) }},
	{"runtime.Goexit", 1, 0, func(*call, int) bool {
		runtime.Goexit()
		return false
	}, nil},
}

// Indexes into opKinds used by the model.
const (
	kHeader = iota
	kWriteHeader
	kError
	kWrite
	kWriteString
	kCopy
	kFlush
	kController
	kInterfaces
	kPush
	kHijack
	kPanic
	kGoexit
)

func doHeader(c *call, a int) bool {
	editHeader(c.w.Header(), a)
	return true
}

func editHeader(h http.Header, a int) {
	e := headerEdits[a]
	switch e.op {
	case "set":
		h.Set(e.key, e.value)
	case "add":
		h.Add(e.key, e.value)
	case "del":
		h.Del(e.key)
	}
}

// failingReader fails at once, before any byte.
type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("inner read failed") }

func doCopy(c *call, a int) bool {
	var src io.Reader
	switch copySources[a] {
	case "empty":
		src = strings.NewReader("")
	case "failing":
		src = failingReader{}
	case "short":
		src = strings.NewReader("inner-copied")
	case "long":
		src = strings.NewReader(strings.Repeat("inner-long ", 400))
	}
	// Hide the source's WriterTo, or io.Copy would never reach ReadFrom.
	n, err := io.Copy(c.w, struct{ io.Reader }{src})
	c.see("io.Copy %d %v", n, err)
	return true
}

func doController(c *call, a int) bool {
	rc := http.NewResponseController(c.w)
	var err error
	switch rcCalls[a] {
	case "Flush":
		err = rc.Flush()
	case "SetReadDeadline":
		err = rc.SetReadDeadline(time.Now().Add(time.Minute))
	case "SetWriteDeadline":
		err = rc.SetWriteDeadline(time.Now().Add(time.Minute))
	case "EnableFullDuplex":
		err = rc.EnableFullDuplex()
	}
	c.see("rc.%s %v", rcCalls[a], err)
	return true
}

// hijackedResponse is what a program writes on a hijacked connection.
const hijackedResponse = "HTTP/1.1 200 OK\r\nX-Hijacked: yes\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"

func doHijack(c *call, _ int) bool {
	conn, brw, err := http.NewResponseController(c.w).Hijack()
	c.see("Hijack %v", err)
	if err != nil {
		return true
	}
	_, _ = brw.WriteString(hijackedResponse)
	_ = brw.Flush()
	_ = conn.Close()
	return false
}

// interfaceNames lists the optional interfaces of net/http's HTTP/1 and
// HTTP/2 writers that w has.
func interfaceNames(w http.ResponseWriter) string {
	var have []string
	add := func(ok bool, name string) {
		if ok {
			have = append(have, name)
		}
	}
	_, ok := w.(http.Flusher)
	add(ok, "Flusher")
	_, ok = w.(http.Hijacker)
	add(ok, "Hijacker")
	_, ok = w.(io.ReaderFrom)
	add(ok, "ReaderFrom")
	_, ok = w.(io.StringWriter)
	add(ok, "StringWriter")
	_, ok = w.(http.Pusher)
	add(ok, "Pusher")
	//nolint:staticcheck // gin and others still assert the deprecated interface.
	_, ok = w.(http.CloseNotifier)
	add(ok, "CloseNotifier")
	return "[" + strings.Join(have, " ") + "]"
}

type op struct{ kind, arg int }

// program is a handler program: the request method and the ops the
// handler runs.
type program struct {
	head bool
	ops  []op
}

func (p program) method() string {
	if p.head {
		return http.MethodHead
	}
	return http.MethodGet
}

func (p program) String() string {
	parts := make([]string, len(p.ops))
	for i, o := range p.ops {
		k := opKinds[o.kind]
		parts[i] = k.name
		if k.show != nil {
			parts[i] += " " + k.show(o.arg)
		}
	}
	return p.method() + " [" + strings.Join(parts, "; ") + "]"
}

// genProgram draws a program of up to 8 ops.
func genProgram(rng *rand.Rand) program {
	p := program{head: rng.IntN(5) == 0}
	total := 0
	for _, k := range opKinds {
		total += k.weight
	}
	for range rng.IntN(9) {
		k, w := 0, rng.IntN(total)
		for w >= opKinds[k].weight {
			w -= opKinds[k].weight
			k++
		}
		o := op{kind: k}
		if n := opKinds[k].args; n > 0 {
			o.arg = rng.IntN(n)
		}
		p.ops = append(p.ops, o)
	}
	return p
}

// decodeProgram reads a program from fuzz bytes: the first byte picks the
// method, then each pair of bytes is an op kind and its argument.
func decodeProgram(data []byte) program {
	var p program
	if len(data) == 0 {
		return p
	}
	p.head = data[0]&1 == 1
	for i := 1; i+1 < len(data) && len(p.ops) < 12; i += 2 {
		k := int(data[i]) % len(opKinds)
		o := op{kind: k}
		if n := opKinds[k].args; n > 0 {
			o.arg = int(data[i+1]) % n
		}
		p.ops = append(p.ops, o)
	}
	return p
}

func encodeProgram(p program) []byte {
	b := []byte{0}
	if p.head {
		b[0] = 1
	}
	for _, o := range p.ops {
		b = append(b, byte(o.kind), byte(o.arg))
	}
	return b
}

// call is one run of a program: the writer it got and what it saw.
type call struct {
	w    http.ResponseWriter
	view []string
}

// addrPattern masks addresses in errors, which differ between runs.
var addrPattern = regexp.MustCompile(`\d+\.\d+\.\d+\.\d+:\d+`)

func (c *call) see(format string, args ...any) {
	c.view = append(c.view, addrPattern.ReplaceAllString(fmt.Sprintf(format, args...), "ADDR"))
}

// handler runs p, recording into c what the handler sees and how it ended.
func (p program) handler(c *call) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		c.w = w
		ended := false
		defer func() {
			if !ended {
				c.see("ended abnormally")
			}
		}()
		for _, o := range p.ops {
			if !opKinds[o.kind].do(c, o.arg) {
				break
			}
		}
		ended = true
	})
}

// expectation is what the model says errorpage does with a program.
type expectation struct {
	page      int    // the status of the page that replaces the response; 0: none
	cause     string // why it is replaced
	connClose bool   // the handler asked to close the connection

	// heldThenHijacked: a final 5xx, held back for its page, was followed
	// by a hijack, so errorpage sends the status and headers as net/http
	// does before handing over the connection. Two documented differences
	// remain: a body written under the held 5xx was discarded (never
	// buffered), and headers edited after the 5xx (frozen lists them) go
	// out as they are at the hijack, where net/http froze them at
	// WriteHeader. Neither is worth a copy of every replaced response.
	heldThenHijacked bool
	frozen           []string

	// abortedHeld: a final 5xx, held back for its page, was followed by
	// panic(http.ErrAbortHandler).
	abortedHeld bool

	// keptError: a 5xx the application answered with a problem document
	// passes as it is, except that it is never cached: Cache-Control is
	// no-store and what gave it freshness is gone.
	keptError bool
}

// expect models net/http and errorpage's default options: a final 5xx is
// replaced, and so is an abnormal end (panic, Goexit, or net/http's own
// panic on an invalid status) before a final status was committed, with
// 500. http.ErrAbortHandler is a silent abort, never replaced. With
// clientErrors (Options.ClientErrors) a final 4xx is replaced too when, at
// its WriteHeader, it has no Content-Type or text/plain; any other 4xx
// must pass byte for byte.
func expect(p program, tr string, clientErrors bool) expectation {
	h := http.Header{}
	final, atFinal := 0, false
	held := false // the final status is one errorpage replaces
	commit := func() {
		if final == 0 {
			final, atFinal = 200, h.Get("Connection") == "close"
		}
	}
	abnormal, cause := false, ""
	var edited []string // headers edited after a final 5xx
	kept := false       // a 5xx the application answered itself
	writeHeader := func(code int) {
		switch {
		case final != 0:
		case code < 100 || code > 999:
			abnormal, cause = true, "invalid WriteHeader"
		case code < 200:
		default:
			final, atFinal = code, h.Get("Connection") == "close"
			// A problem document is the application's own answer: a 5xx
			// one passes with no-store added, never replaced.
			kept = final >= 500 && final <= 599 && modelProblem(h)
			held = final >= 500 && final <= 599 && !kept || clientErrors && final >= 400 && final <= 499 && modelPlain(h)
		}
	}
loop:
	for _, o := range p.ops {
		switch o.kind {
		case kHeader:
			editHeader(h, o.arg)
			if held {
				edited = append(edited, http.CanonicalHeaderKey(headerEdits[o.arg].key))
			}
		case kWriteHeader:
			writeHeader(statusCodes[o.arg])
			if abnormal {
				break loop
			}
		case kError:
			if held {
				// http.Error edits these before its superfluous WriteHeader.
				edited = append(edited, "Content-Type", "X-Content-Type-Options", "Content-Length")
			}
			h.Set("Content-Type", "text/plain; charset=utf-8")
			writeHeader(errorCodes[o.arg])
		case kWrite, kWriteString:
			commit()
		case kCopy:
			// net/http commits only when a byte arrives.
			if s := copySources[o.arg]; s == "short" || s == "long" {
				commit()
			}
		case kFlush:
			commit()
		case kController:
			if rcCalls[o.arg] == "Flush" {
				commit()
			}
		case kHijack:
			if tr == "http1" {
				if held {
					// What net/http derives from a body it got: the
					// sniffed type and the framing.
					edited = append(edited, "Content-Type", "Content-Length", "Transfer-Encoding")
				}
				return expectation{heldThenHijacked: held, frozen: edited, keptError: kept}
			}
		case kPanic:
			if panicValues[o.arg] == http.ErrAbortHandler {
				// A silent abort. Under a 5xx held back for its page,
				// nothing of it went out, where net/http may have sent
				// part of it: either way the client sees a broken
				// response, and only that is compared.
				return expectation{abortedHeld: held}
			}
			abnormal, cause = true, "panic"
			break loop
		case kGoexit:
			abnormal, cause = true, "runtime.Goexit"
			break loop
		}
	}
	switch {
	case abnormal && (final == 0 || held):
		return expectation{page: 500, cause: cause, connClose: h.Get("Connection") == "close"}
	case held && final >= 500:
		return expectation{page: final, cause: "final 5xx", connClose: atFinal}
	case held:
		return expectation{page: final, cause: "final plain 4xx", connClose: atFinal}
	case kept && !abnormal:
		return expectation{keptError: true}
	}
	return expectation{}
}

// modelProblem is the model's reading of "already a problem document".
func modelProblem(h http.Header) bool {
	mt, _, _ := strings.Cut(h.Get("Content-Type"), ";")
	return strings.EqualFold(strings.TrimSpace(mt), "application/problem+json")
}

// modelPlain is the model's own reading of the body rule, apart from the
// code it checks: no Content-Type, or text/plain with any parameters.
func modelPlain(h http.Header) bool {
	mt, _, _ := strings.Cut(h.Get("Content-Type"), ";")
	return mt == "" || strings.EqualFold(strings.TrimSpace(mt), "text/plain")
}

// result is what the client saw, in the same shape for every transport.
type result struct {
	view    []string // what the handler saw
	interim []string // 1xx responses, with their headers
	status  int      // 0: no final response
	header  http.Header
	body    string
	trailer http.Header
	broken  bool   // the response ended early: read error, reset, panic
	closed  bool   // the connection was closed (HTTP/1) or not reused (HTTP/2)
	wire    string // HTTP/1: the bytes of the response; recorder: Flushed
}

// harness holds the servers; one program runs at a time.
type harness struct {
	tb      testing.TB
	opts    Options
	mw      *Middleware
	h1, h2  *httptest.Server
	current atomic.Pointer[running]
}

type running struct {
	h    http.Handler
	once sync.Once
	done chan struct{}
}

// newHarness starts the servers. The middleware logs into a buffer,
// whose content nobody reads: panics are the programs' business.
func newHarness(tb testing.TB, opts Options) *harness {
	opts.Logger = slog.New(slog.NewTextHandler(&logBuffer{}, nil))
	mw, err := New(opts)
	require.NoError(tb, err)
	h := &harness{tb: tb, opts: opts, mw: mw}
	quiet := log.New(io.Discard, "", 0)
	dispatch := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/ping" {
			w.WriteHeader(http.StatusNoContent)
			return
		}
		cur := h.current.Load()
		defer cur.once.Do(func() { close(cur.done) })
		cur.h.ServeHTTP(w, r)
	})
	h.h1 = httptest.NewUnstartedServer(dispatch)
	h.h1.Config.ErrorLog = quiet
	h.h1.Start()
	tb.Cleanup(h.h1.Close)
	h.h2 = httptest.NewUnstartedServer(dispatch)
	h.h2.Config.ErrorLog = quiet
	h.h2.EnableHTTP2 = true
	h.h2.StartTLS()
	tb.Cleanup(h.h2.Close)
	return h
}

// transports are the writers a program runs on.
var transports = []string{"http1", "http2", "recorder"}

// run runs p on transport tr, behind errorpage or bare.
func (h *harness) run(tr string, p program, wrapped bool) result {
	c := &call{}
	var handler http.Handler = p.handler(c)
	if wrapped {
		handler = h.mw.Handler(handler)
	}
	var res result
	switch tr {
	case "http1":
		res = h.runHTTP1(p, handler)
	case "http2":
		res = h.runHTTP2(p, handler)
	case "recorder":
		res = runRecorder(p, handler)
	}
	res.view = c.view
	return res
}

// start makes handler the one the servers run, and returns a wait for it.
func (h *harness) start(handler http.Handler) (wait func() bool) {
	cur := &running{h: handler, done: make(chan struct{})}
	h.current.Store(cur)
	return func() bool {
		select {
		case <-cur.done:
			return true
		case <-time.After(5 * time.Second):
			return false
		}
	}
}

// datePattern normalises the Date header, which is the clock's.
var datePattern = regexp.MustCompile(`(?m)^Date: [^\r]*\r$`)

// runHTTP1 talks HTTP/1.1 over a raw connection, so that interim
// responses, chunking and a closed connection are all visible.
func (h *harness) runHTTP1(p program, handler http.Handler) result {
	wait := h.start(handler)
	conn, err := net.Dial("tcp", h.h1.Listener.Addr().String())
	require.NoError(h.tb, err)
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(5 * time.Second))
	fmt.Fprintf(conn, "%s /p HTTP/1.1\r\nHost: example.test\r\nAccept: text/html\r\n\r\n", p.method())

	var raw strings.Builder
	br := bufio.NewReader(io.TeeReader(conn, &raw))
	req := &http.Request{Method: p.method()}
	res := result{}
	for {
		resp, err := http.ReadResponse(br, req)
		if err != nil {
			res.broken = true
			break
		}
		if resp.StatusCode < 200 && resp.StatusCode != http.StatusSwitchingProtocols {
			res.interim = append(res.interim, showInterim(resp.StatusCode, resp.Header))
			continue
		}
		res.status, res.header = resp.StatusCode, resp.Header
		body, err := io.ReadAll(resp.Body)
		res.body, res.broken, res.trailer = string(body), err != nil, resp.Trailer
		break
	}
	res.header.Del("Date")
	consumed := raw.Len() - br.Buffered()
	res.wire = datePattern.ReplaceAllString(raw.String()[:consumed], "Date: (normalised)\r")
	if !wait() {
		h.tb.Fatalf("handler of %s did not finish", p)
	}
	res.closed = true
	if !res.broken {
		// A second request on the same connection tells whether the
		// server kept it.
		fmt.Fprintf(conn, "GET /ping HTTP/1.1\r\nHost: example.test\r\n\r\n")
		if resp, err := http.ReadResponse(br, nil); err == nil && resp.StatusCode == http.StatusNoContent {
			res.closed = false
		}
	}
	return res
}

func showInterim(code int, hdr map[string][]string) string {
	keys := make([]string, 0, len(hdr))
	for k := range hdr {
		if k != "Date" {
			keys = append(keys, k+": "+strings.Join(hdr[k], ", "))
		}
	}
	sort.Strings(keys)
	return fmt.Sprintf("%d %s", code, strings.Join(keys, "; "))
}

// runHTTP2 uses a fresh client connection, so that whether the server
// keeps it (no GOAWAY) shows in the reuse of the next request.
func (h *harness) runHTTP2(p program, handler http.Handler) result {
	wait := h.start(handler)
	tr := h.h2.Client().Transport.(*http.Transport).Clone()
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr}
	res := result{}
	trace := &httptrace.ClientTrace{Got1xxResponse: func(code int, hdr textproto.MIMEHeader) error {
		res.interim = append(res.interim, showInterim(code, hdr))
		return nil
	}}
	ctx := httptrace.WithClientTrace(context.Background(), trace)
	req, err := http.NewRequestWithContext(ctx, p.method(), h.h2.URL+"/p", nil)
	require.NoError(h.tb, err)
	req.Header.Set("Accept", "text/html")
	resp, err := client.Do(req)
	if err != nil {
		res.broken = true
	} else {
		if resp.ProtoMajor != 2 {
			h.tb.Fatalf("got %s, want HTTP/2", resp.Proto)
		}
		body, err := io.ReadAll(resp.Body)
		_ = resp.Body.Close()
		res.status, res.header, res.body = resp.StatusCode, resp.Header, string(body)
		res.broken, res.trailer = err != nil, resp.Trailer
		res.header.Del("Date")
	}
	if !wait() {
		h.tb.Fatalf("handler of %s did not finish", p)
	}
	reused := false
	ping := &httptrace.ClientTrace{GotConn: func(i httptrace.GotConnInfo) { reused = i.Reused }}
	preq, err := http.NewRequestWithContext(httptrace.WithClientTrace(context.Background(), ping), http.MethodGet, h.h2.URL+"/ping", nil)
	require.NoError(h.tb, err)
	if presp, err := client.Do(preq); err == nil {
		_ = presp.Body.Close()
	}
	res.closed = !reused
	return res
}

// runRecorder runs handler on an httptest.ResponseRecorder, in a goroutine
// of its own so that a panic or Goexit ends only the run.
func runRecorder(p program, handler http.Handler) result {
	rec := httptest.NewRecorder()
	req := httptest.NewRequest(p.method(), "/p", nil)
	req.Header.Set("Accept", "text/html")
	broken := make(chan bool)
	go func() {
		// A Goexit recovers nil: it is no panic, and whatever the
		// handler wrote before it is the response.
		defer func() { broken <- recover() != nil }()
		handler.ServeHTTP(rec, req)
	}()
	res := result{broken: <-broken}
	out := rec.Result()
	body, _ := io.ReadAll(out.Body)
	res.status, res.header, res.body, res.trailer = out.StatusCode, out.Header, string(body), out.Trailer
	res.wire = fmt.Sprintf("Flushed=%v", rec.Flushed)
	return res
}

// mismatch is one difference; tag groups the same kind of difference
// across programs.
type mismatch struct{ tag, detail string }

// compare checks the wrapped run against the bare one: identical when the
// response is not replaced, a proper page when it is.
func compare(tr string, p program, exp expectation, bare, wrapped result) []mismatch {
	var ms []mismatch
	diff := func(tag string, got, want any) {
		ms = append(ms, mismatch{tag, fmt.Sprintf("got %s, want %s", clip(got), clip(want))})
	}
	// What the handler sees is the same either way: the same interfaces,
	// the same results of Write, Flush and the ResponseController. Once
	// a response is being replaced, its writes go nowhere and may well
	// succeed where net/http's fail, so then only the interfaces count.
	//
	// The HTTP/2 server ends a HEAD response's stream with its headers,
	// and then races that end against later writes and flushes, whose
	// results vary from run to run; there, too, only the interfaces count.
	//
	// Likewise when the program declares a Content-Length: the HTTP/2
	// server may close the stream once that many bytes went out, and
	// whether a later write sees that is a race.
	bareView, wrappedView := bare.view, wrapped.view
	//
	// And under a status held back for its page and then hijacked, the
	// writes before the hijack went nowhere, like a replaced response's.
	if exp.page != 0 || exp.heldThenHijacked || tr == "http2" && (p.head || p.declaresLength()) {
		bareView, wrappedView = interfaceLines(bareView), interfaceLines(wrappedView)
	}
	for i := range max(len(bareView), len(wrappedView)) {
		var got, want string
		if i < len(wrappedView) {
			got = wrappedView[i]
		}
		if i < len(bareView) {
			want = bareView[i]
		}
		if got != want {
			tag, _, _ := strings.Cut(want+got, " ")
			diff("handler view: "+tag, got, want)
			break
		}
	}
	if !slices.Equal(wrapped.interim, bare.interim) {
		diff("interim responses", wrapped.interim, bare.interim)
	}
	if exp.page != 0 {
		return append(ms, checkPage(tr, p, exp, bare, wrapped)...)
	}
	if tr == "recorder" && bare.broken && wrapped.broken {
		// Both aborted: on a server the client sees no response, but the
		// recorder keeps whatever reached it, which is no answer anyone
		// gets.
		return ms
	}
	if exp.abortedHeld {
		if !wrapped.broken {
			diff("response broken", wrapped.broken, true)
		}
		return ms
	}
	if wrapped.status != bare.status {
		diff("status", wrapped.status, bare.status)
	}
	if exp.keptError && !slices.Equal(wrapped.header["Cache-Control"], []string{"no-store"}) {
		diff("header Cache-Control of a kept 5xx", wrapped.header["Cache-Control"], []string{"no-store"})
	}
	for _, k := range unionKeys(wrapped.header, bare.header) {
		if exp.keptError && (k == "Cache-Control" || givesFreshness(k)) {
			continue
		}
		if !slices.Equal(wrapped.header[k], bare.header[k]) && !slices.Contains(exp.frozen, http.CanonicalHeaderKey(k)) {
			diff("header "+k, wrapped.header[k], bare.header[k])
		}
	}
	if wrapped.body != bare.body && !exp.heldThenHijacked {
		diff("body", wrapped.body, bare.body)
	}
	for _, k := range unionKeys(wrapped.trailer, bare.trailer) {
		if !slices.Equal(wrapped.trailer[k], bare.trailer[k]) {
			diff("trailer "+k, wrapped.trailer[k], bare.trailer[k])
		}
	}
	if wrapped.broken != bare.broken && !exp.heldThenHijacked {
		diff("response broken", wrapped.broken, bare.broken)
	}
	if wrapped.closed != bare.closed {
		diff("connection closed", wrapped.closed, bare.closed)
	}
	if len(ms) == 0 && !exp.heldThenHijacked && !exp.keptError && wrapped.wire != bare.wire {
		diff("wire", wrapped.wire, bare.wire)
	}
	return ms
}

func interfaceLines(view []string) []string {
	return slices.DeleteFunc(slices.Clone(view), func(l string) bool { return !strings.HasPrefix(l, "interfaces ") })
}

// clip quotes v, shortened: a page is long.
func clip(v any) string {
	s := fmt.Sprint(v)
	if len(s) > 300 {
		s = s[:300] + "..."
	}
	return fmt.Sprintf("%q", s)
}

// checkPage checks the invariants of a replaced response.
func checkPage(tr string, p program, exp expectation, bare, wrapped result) []mismatch {
	var ms []mismatch
	fail := func(tag, format string, args ...any) {
		ms = append(ms, mismatch{tag + " after " + exp.cause, fmt.Sprintf(format, args...)})
	}
	if wrapped.status != exp.page {
		fail("page status", "got %d, want %d", wrapped.status, exp.page)
		return ms
	}
	if got := wrapped.header.Get("Cache-Control"); got != "no-store" {
		fail("page Cache-Control", "got %q, want %q", got, "no-store")
	}
	ct := wrapped.header.Get("Content-Type")
	if !strings.HasPrefix(ct, "text/html") && !strings.HasPrefix(ct, "application/problem+json") && !strings.HasPrefix(ct, "text/plain") {
		fail("page Content-Type", "got %q, want text/html, application/problem+json or text/plain", ct)
	}
	switch {
	case p.head && wrapped.body != "":
		fail("page body", "got %d bytes for HEAD, want none", len(wrapped.body))
	case !p.head && wrapped.body == "":
		fail("page body", "got an empty page, want one")
	case strings.Contains(wrapped.body, innerMark):
		fail("page body", "got the handler's body in the page: %s", clip(wrapped.body))
	}
	// net/http's HTTP/2 server resets the stream of a handler that did
	// not return, whatever it wrote: after a Goexit the page can come
	// whole, but not end cleanly.
	if wrapped.broken && (tr != "http2" || exp.cause != "runtime.Goexit") {
		fail("page broken", "got a broken response, want a complete page")
	}
	switch {
	case !exp.connClose:
	case tr == "recorder" && !strings.EqualFold(wrapped.header.Get("Connection"), "close"):
		// No connection here: the header is how net/http would learn of it.
		fail("page connection", "got Connection %q, want %q (the handler set it)", wrapped.header.Get("Connection"), "close")
	case tr != "recorder" && !wrapped.closed:
		fail("page connection", "got the connection kept, want it closed (the handler set Connection: close; bare closed=%v)", bare.closed)
	}
	return ms
}

func unionKeys(a, b http.Header) []string {
	var keys []string
	for k := range a {
		keys = append(keys, k)
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	return keys
}

// check runs p bare and wrapped on tr and compares.
func (h *harness) check(tr string, p program) []mismatch {
	if tr == "recorder" && slices.ContainsFunc(p.ops, func(o op) bool {
		return o.kind == kWriteHeader && statusCodes[o.arg] >= 100 && statusCodes[o.arg] < 200
	}) {
		// httptest.ResponseRecorder takes a 1xx for the final status,
		// unlike net/http's servers; there is nothing to compare.
		return nil
	}
	bare := h.run(tr, p, false)
	wrapped := h.run(tr, p, true)
	return compare(tr, p, expect(p, tr, h.opts.ClientErrors), bare, wrapped)
}

// shrink removes ops from p while it still shows a mismatch with tag.
func (h *harness) shrink(tr string, p program, tag string) program {
	shows := func(q program) bool {
		return slices.ContainsFunc(h.check(tr, q), func(m mismatch) bool { return m.tag == tag })
	}
	for changed := true; changed; {
		changed = false
		for i := range p.ops {
			q := program{head: p.head, ops: slices.Delete(slices.Clone(p.ops), i, i+1)}
			if shows(q) {
				p, changed = q, true
				break
			}
		}
		if !changed && p.head && shows(program{ops: p.ops}) {
			p, changed = program{ops: p.ops}, true
		}
	}
	return p
}

// TestDifferential runs generated programs bare and behind errorpage on
// every transport, and reports each kind of difference once, with the
// shortest program that shows it.
func TestDifferential(t *testing.T) {
	n := 300
	if testing.Short() {
		n = 60
	}
	runDifferential(t, Options{}, 12, n, nil)
}

// TestDifferential_ClientErrors is TestDifferential with client-error pages
// on: a plain 4xx becomes a page, and every other 4xx (JSON, HTML, a
// problem document) stays byte for byte what it is without errorpage.
func TestDifferential_ClientErrors(t *testing.T) {
	n := 200
	if testing.Short() {
		n = 40
	}
	runDifferential(t, Options{ClientErrors: true}, 13, n, clientErrorPrograms)
}

// clientErrorPrograms are the body rule's cases, which random programs
// reach only now and then: a 4xx after each Content-Type, set, deleted or
// set after the status, through WriteHeader and http.Error.
var clientErrorPrograms = []program{
	{ops: []op{{kHeader, 1}, {kWriteHeader, 6}, {kWrite, 1}}},                // JSON 404
	{ops: []op{{kHeader, 13}, {kWriteHeader, 12}, {kWrite, 1}}},              // problem+json 400
	{ops: []op{{kHeader, 14}, {kWriteHeader, 11}, {kWrite, 0}}},              // HTML 429
	{ops: []op{{kHeader, 0}, {kWriteHeader, 6}, {kWrite, 1}}},                // text/plain 404
	{ops: []op{{kHeader, 2}, {kWriteHeader, 11}, {kWrite, 1}}},               // 429, no Content-Type
	{ops: []op{{kWriteHeader, 6}, {kWrite, 1}, {kHeader, 1}}},                // 404, then JSON: too late
	{ops: []op{{kHeader, 1}, {kError, 3}}},                                   // http.Error 405 sets text/plain
	{head: true, ops: []op{{kHeader, 1}, {kWriteHeader, 6}}},                 // HEAD, JSON 404
	{head: true, ops: []op{{kWriteHeader, 12}}},                              // HEAD, empty 400
	{ops: []op{{kHeader, 14}, {kWriteHeader, 6}, {kPanic, 0}}},               // HTML 404 passed, then a panic
	{ops: []op{{kWriteHeader, 6}, {kWrite, 1}, {kPanic, 0}}},                 // empty 404 held, then a panic
	{ops: []op{{kHeader, 1}, {kWriteHeader, 1}, {kWriteHeader, 6}}},          // 102, then JSON 404
	{ops: []op{{kHeader, 4}, {kHeader, 2}, {kWriteHeader, 6}}},               // Connection: close, empty 404
	{ops: []op{{kHeader, 12}, {kHeader, 1}, {kWriteHeader, 6}, {kFlush, 0}}}, // Link, JSON 404, Flush
}

// runDifferential runs the fixed programs and n programs drawn from seed,
// bare and behind a Middleware built from opts.
func runDifferential(t *testing.T, opts Options, seed uint64, n int, fixed []program) {
	h := newHarness(t, opts)
	rng := rand.New(rand.NewPCG(seed, 0x5eed))
	type failure struct {
		tr     string
		p      program
		detail string
	}
	first := map[string]failure{}
	start := time.Now()
	for i := range len(fixed) + n {
		var p program
		if i < len(fixed) {
			p = fixed[i]
		} else {
			p = genProgram(rng)
		}
		for _, tr := range transports {
			for _, m := range h.check(tr, p) {
				key := tr + ": " + m.tag
				if f, ok := first[key]; !ok || len(p.ops) < len(f.p.ops) {
					first[key] = failure{tr, p, m.detail}
				}
			}
		}
	}
	t.Logf("seed %d: %d programs on %d transports in %v", seed, n, len(transports), time.Since(start).Round(time.Millisecond))
	keys := make([]string, 0, len(first))
	for k := range first {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, key := range keys {
		f := first[key]
		_, tag, _ := strings.Cut(key, ": ")
		short := h.shrink(f.tr, f.p, tag)
		detail := f.detail
		for _, m := range h.check(f.tr, short) {
			if m.tag == tag {
				detail = m.detail
			}
		}
		t.Errorf("%s: %s\n\tprogram: %s\n\tfuzz input: %q", key, detail, short, encodeProgram(short))
	}
}

// FuzzDifferential runs the program its bytes decode to (see
// decodeProgram) on every transport.
func FuzzDifferential(f *testing.F) {
	for _, p := range []program{
		{},
		{ops: []op{{kWrite, 0}}},
		{ops: []op{{kHeader, 4}, {kWriteHeader, 7}, {kWrite, 1}}},
		{head: true, ops: []op{{kWriteHeader, 0}, {kError, 1}}},
		{ops: []op{{kCopy, 0}, {kError, 0}}},
		{ops: []op{{kWrite, 1}, {kFlush, 0}, {kPanic, 0}}},
		{ops: []op{{kHeader, 6}, {kWrite, 1}, {kHeader, 7}, {kHeader, 8}}},
		{ops: []op{{kInterfaces, 0}}},
		{ops: []op{{kGoexit, 0}}},
		{ops: []op{{kWriteHeader, 9}}},
		{ops: []op{{kHeader, 12}, {kWriteHeader, 0}, {kWriteHeader, 8}}},
	} {
		f.Add(encodeProgram(p))
	}
	h := newHarness(f, Options{ClientErrors: true})
	f.Fuzz(func(t *testing.T, data []byte) {
		p := decodeProgram(data)
		h.tb = t
		for _, tr := range transports {
			for _, m := range h.check(tr, p) {
				t.Errorf("%s: %s: %s\n\tprogram: %s", tr, m.tag, m.detail, p)
			}
		}
	})
}

// declaresLength reports whether the program sets a Content-Length header.
func (p program) declaresLength() bool {
	for _, o := range p.ops {
		if o.kind == kHeader && http.CanonicalHeaderKey(headerEdits[o.arg].key) == "Content-Length" {
			return true
		}
	}
	return false
}
