package errorpage

import (
	"bufio"
	"bytes"
	"io"
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

// syncWriter serializes writes to w.
type syncWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
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
	if m.maint != nil {
		m.maint.now = now
	}
}
