package errorpage

import (
	"bufio"
	"bytes"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// unwrapOnly is a typical modern outer wrapper (metrics, logging): it
// exposes optional interfaces only through Unwrap, for
// http.ResponseController.
type unwrapOnly struct{ http.ResponseWriter }

func (u unwrapOnly) Unwrap() http.ResponseWriter { return u.ResponseWriter }

// gorilla/websocket ≥1.5.1 and coder/websocket hijack with
// http.NewResponseController(w).Hijack(). When the writer below the
// interceptor has no Hijack method of its own, wrap() gives the inner
// handler a writer without Hijack, ResponseController follows Unwrap
// around the interceptor, and state never becomes hijacked. A panic after
// the hijack is then treated as "nothing sent yet": OnError gets
// Committed=false, the "page" is written to a hijacked connection (net/http
// logs it and throws it away), and the panic is swallowed.
func TestRegression_HijackThroughResponseControllerIsNotTracked(t *testing.T) {
	var events eventLog
	m, logs := newTestMiddleware(t, Options{OnError: events.onError("")})
	inner := m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, brw, err := http.NewResponseController(w).Hijack()
		if err != nil {
			t.Errorf("hijack: %v", err)
			return
		}
		defer c.Close()
		brw.WriteString("HTTP/1.1 101 Switching Protocols\r\nConnection: close\r\n\r\nhello")
		brw.Flush()
		panic("websocket loop failed")
	}))
	var srvLog bytes.Buffer
	var mu sync.Mutex
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		inner.ServeHTTP(unwrapOnly{w}, r)
	}))
	srv.Config.ErrorLog = log.New(&lockedWriter{&mu, &srvLog}, "", 0)
	srv.Start()
	defer srv.Close()

	c, err := net.Dial("tcp", srv.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(5 * time.Second))
	io.WriteString(c, "GET / HTTP/1.1\r\nHost: x\r\n\r\n")
	io.ReadAll(bufio.NewReader(c))
	time.Sleep(50 * time.Millisecond)

	ev := events.all()
	if len(ev) != 1 || !ev[0].Committed {
		t.Errorf("OnError: %d events, first Committed=%v: want one with Committed=true (the connection was hijacked)", len(ev), len(ev) > 0 && ev[0].Committed)
	}
	mu.Lock()
	sl := srvLog.String()
	mu.Unlock()
	if strings.Contains(sl, "hijacked connection") {
		t.Errorf("middleware wrote its page to the hijacked connection; server log:\n%s", sl)
	}
	if strings.Contains(logs.String(), `msg="errorpage: panic serving request"`) {
		t.Errorf("logged as a panic before anything was sent; want the committed/aborting record")
	}
}

type lockedWriter struct {
	mu *sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// A direct Hijack (not through ResponseController) must mark the response
// committed too, so a later panic aborts instead of answering.
func TestDirectHijackIsTracked(t *testing.T) {
	var rec eventLog
	m, _ := newTestMiddleware(t, Options{OnError: rec.onError("")})
	srv := serve(t, m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, _, err := w.(http.Hijacker).Hijack()
		if err != nil {
			panic(err)
		}
		c.Write([]byte("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n"))
		c.Close()
		panic("after hijack")
	})))
	got := rawExchange(t, srv.Listener.Addr().String(), get("/"))
	assert.Equal(t, "HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n", got)
	// The client saw the connection close before the handler panicked.
	require.Eventually(t, func() bool { return len(rec.all()) == 1 }, 5*time.Second, 5*time.Millisecond, "OnError was called")
	assert.True(t, rec.all()[0].Committed, "a hijacked response is committed")
}
