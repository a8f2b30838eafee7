package errorpage

import (
	"bufio"
	"bytes"
	"io"
	"log"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// newTestMiddleware builds a Middleware whose log goes to a buffer the test
// can read while servers write to it.
func newTestMiddleware(t *testing.T, opts Options) (*Middleware, *logBuffer) {
	t.Helper()
	logs := &logBuffer{}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.NewTextHandler(logs, nil))
	}
	m, err := New(opts)
	require.NoError(t, err)
	return m, logs
}

// logBuffer is a log destination safe for concurrent writers and readers:
// servers log from their own goroutines.
type logBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// eventLog records what OnError receives, from whichever goroutine.
type eventLog struct {
	mu     sync.Mutex
	events []ErrorEvent
}

func (l *eventLog) onError(ref string) func(*http.Request, ErrorEvent) string {
	return func(_ *http.Request, e ErrorEvent) string {
		l.mu.Lock()
		defer l.mu.Unlock()
		l.events = append(l.events, e)
		return ref
	}
}

func (l *eventLog) all() []ErrorEvent {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]ErrorEvent(nil), l.events...)
}

// serve starts a real server running h, closed when the test ends. Its
// own error log is silenced into a buffer.
func serve(t *testing.T, h http.Handler) *httptest.Server {
	t.Helper()
	srv := httptest.NewUnstartedServer(h)
	srv.Config.ErrorLog = newDiscardLogger()
	srv.Start()
	t.Cleanup(srv.Close)
	return srv
}

// rawExchange sends a raw HTTP/1.1 request to addr and returns everything
// the server sent until it closed the connection: the wire, framing and all.
func rawExchange(t *testing.T, addr, request string) string {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	require.NoError(t, err)
	defer c.Close()
	require.NoError(t, c.SetDeadline(time.Now().Add(10*time.Second)))
	_, err = io.WriteString(c, request)
	require.NoError(t, err)
	b, _ := io.ReadAll(bufio.NewReader(c))
	return string(b)
}

var dateLine = regexp.MustCompile(`(?m)^Date: .*\r\n`)

// withoutDate removes the Date header, the one thing that differs between
// two otherwise identical responses.
func withoutDate(s string) string { return dateLine.ReplaceAllString(s, "") }

func get(path string, headers ...string) string {
	var b strings.Builder
	b.WriteString("GET " + path + " HTTP/1.1\r\nHost: example.test\r\nConnection: close\r\n")
	for _, h := range headers {
		b.WriteString(h + "\r\n")
	}
	b.WriteString("\r\n")
	return b.String()
}

// setClock makes every part of m that reads the time read now.
func setClock(m *Middleware, now func() time.Time) {
	m.now = now
	if m.report.storm != nil {
		m.report.storm.clock = now
	}
	if m.maint != nil {
		m.maint.now = now
	}
}

// failing answers with the status in its path and leaves behind everything
// a failing handler typically leaves: a body, and headers that would get
// the error cached or describe the body.
func failing(status int) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Type", "text/plain")
		h.Set("Cache-Control", "public, max-age=3600")
		h.Set("Expires", "Thu, 01 Dec 2099 16:00:00 GMT")
		h.Set("ETag", `"abc"`)
		h.Set("Last-Modified", "Wed, 21 Oct 2015 07:28:00 GMT")
		h.Set("Content-Encoding", "br")
		h.Set("Content-Disposition", "attachment")
		h.Set("CDN-Cache-Control", "max-age=600")
		h.Set("Surrogate-Control", "max-age=600")
		h.Set("X-Internal", "db=primary")
		w.WriteHeader(status)
		io.WriteString(w, "inner body: stack trace and secrets")
	}
}

// do sends one request to h through a real server and returns the
// response with its body read.
func do(t *testing.T, h http.Handler, method, target string, header ...string) (*http.Response, string) {
	t.Helper()
	srv := serve(t, h)
	req, err := http.NewRequest(method, srv.URL+target, nil)
	require.NoError(t, err)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	res, err := srv.Client().Do(req)
	require.NoError(t, err)
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	return res, string(body)
}

// newDiscardLogger is a log.Logger that drops everything: the error log
// of a server whose complaints a test does not read.
func newDiscardLogger() *log.Logger { return log.New(io.Discard, "", 0) }
