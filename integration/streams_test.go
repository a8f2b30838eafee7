package integration

import (
	"bufio"
	"crypto/tls"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Websockets through the middleware: gorilla's Upgrader, and a hand-made
// upgrade through http.ResponseController.Hijack.
func TestWebsocket(t *testing.T) {
	upgrader := websocket.Upgrader{}
	echoWS := func(w http.ResponseWriter, r *http.Request) {
		c, err := upgrader.Upgrade(w, r, nil)
		if err != nil {
			return // Upgrade has answered with an error status
		}
		defer c.Close()
		for {
			typ, msg, err := c.ReadMessage()
			if err != nil {
				return
			}
			if string(msg) == "panic" {
				panic("the websocket handler broke")
			}
			if err := c.WriteMessage(typ, append([]byte("echo: "), msg...)); err != nil {
				return
			}
		}
	}
	m, logs := newMiddleware(t, optionsNone())
	s := serve(t, m.Handler(http.HandlerFunc(echoWS)))
	wsURL := "ws" + strings.TrimPrefix(s.URL, "http")

	t.Run("messages go both ways", func(t *testing.T) {
		c, resp, err := websocket.DefaultDialer.Dial(wsURL, nil)
		require.NoError(t, err)
		defer c.Close()
		assert.Equal(t, http.StatusSwitchingProtocols, resp.StatusCode, "status: got %d, want 101", resp.StatusCode)
		for i := 0; i < 3; i++ {
			msg := fmt.Sprintf("hello %d", i)
			require.NoError(t, c.WriteMessage(websocket.TextMessage, []byte(msg)))
			_, got, err := c.ReadMessage()
			require.NoError(t, err)
			assert.Equal(t, "echo: "+msg, string(got))
		}
	})
	t.Run("a panic after the upgrade writes nothing to the connection", func(t *testing.T) {
		c, _, err := websocket.DefaultDialer.Dial(wsURL, nil)
		require.NoError(t, err)
		defer c.Close()
		require.NoError(t, c.WriteMessage(websocket.TextMessage, []byte("panic")))
		require.NoError(t, c.SetReadDeadline(time.Now().Add(5*time.Second)))
		_, got, err := c.ReadMessage()
		assert.Error(t, err, "read after the panic: got message %q, want the connection closed", got)
		assert.False(t, websocket.IsUnexpectedCloseError(err) && strings.Contains(err.Error(), "HTTP"),
			"got %v, want a plain close", err)
		assert.Eventually(t, func() bool { return strings.Contains(logs.String(), "panic after the response was committed") },
			5*time.Second, 10*time.Millisecond, "log: got %q, want the panic logged", logs.String())
		assert.NotContains(t, logs.String(), "the websocket handler broke", "the panic value stays out of the log by default")
	})
	t.Run("a failed upgrade is an ordinary 400", func(t *testing.T) {
		got := get(t, s.URL, acceptText)
		assert.Equal(t, http.StatusBadRequest, got.status, "status: got %d, want gorilla's 400", got.status)
	})

	t.Run("a hand-made upgrade with http.ResponseController", func(t *testing.T) {
		raw := serve(t, m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			conn, brw, err := http.NewResponseController(w).Hijack()
			if !assert.NoError(t, err, "Hijack through the middleware") {
				return
			}
			defer conn.Close()
			brw.WriteString("HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo\r\nConnection: Upgrade\r\n\r\n")
			brw.Flush()
			line, _ := brw.ReadString('\n')
			brw.WriteString("echo: " + line)
			brw.Flush()
		})))
		conn, err := dialRaw(raw.URL)
		require.NoError(t, err)
		defer conn.Close()
		io.WriteString(conn, "GET / HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: echo\r\n\r\n")
		br := bufio.NewReader(conn)
		resp, err := http.ReadResponse(br, nil)
		require.NoError(t, err)
		assert.Equal(t, http.StatusSwitchingProtocols, resp.StatusCode, "status: got %d, want 101", resp.StatusCode)
		io.WriteString(conn, "ping\n")
		line, err := br.ReadString('\n')
		require.NoError(t, err)
		assert.Equal(t, "echo: ping\n", line)
	})
}

// Server-Sent Events: each event reaches the client while the handler is
// still running, flushed with http.Flusher or with http.ResponseController.
func TestServerSentEvents(t *testing.T) {
	tests := []struct {
		name  string
		flush func(w http.ResponseWriter) error
	}{
		{name: "http.Flusher", flush: func(w http.ResponseWriter) error { w.(http.Flusher).Flush(); return nil }},
		{name: "http.ResponseController", flush: func(w http.ResponseWriter) error { return http.NewResponseController(w).Flush() }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			next := make(chan struct{})
			s := serve(t, quiet(t).Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "text/event-stream")
				w.Header().Set("Cache-Control", "no-cache")
				for i := 0; i < 3; i++ {
					fmt.Fprintf(w, "id: %d\ndata: event %d\n\n", i, i)
					if err := tt.flush(w); err != nil {
						t.Errorf("flush: got %v, want nil", err)
						return
					}
					select {
					case <-next: // the client has read this event
					case <-r.Context().Done():
						return
					}
				}
			})))
			resp, err := http.Get(s.URL)
			require.NoError(t, err)
			defer resp.Body.Close()
			assert.Equal(t, "text/event-stream", resp.Header.Get("Content-Type"))
			assert.Equal(t, "no-cache", resp.Header.Get("Cache-Control"), "Cache-Control: got %q, want the handler's", resp.Header.Get("Cache-Control"))
			br := bufio.NewReader(resp.Body)
			for i := 0; i < 3; i++ {
				var event strings.Builder
				for {
					line, err := br.ReadString('\n')
					require.NoError(t, err, "event %d", i)
					if line == "\n" {
						break
					}
					event.WriteString(line)
				}
				assert.Equal(t, fmt.Sprintf("id: %d\ndata: event %d\n", i, i), event.String())
				next <- struct{}{}
			}
		})
	}
}

// writerCaps names the optional interfaces of w.
func writerCaps(w http.ResponseWriter) string {
	var caps []string
	if _, ok := w.(http.Flusher); ok {
		caps = append(caps, "Flusher")
	}
	if _, ok := w.(http.Hijacker); ok {
		caps = append(caps, "Hijacker")
	}
	if _, ok := w.(io.ReaderFrom); ok {
		caps = append(caps, "ReaderFrom")
	}
	if _, ok := w.(io.StringWriter); ok {
		caps = append(caps, "StringWriter")
	}
	if _, ok := w.(http.Pusher); ok {
		caps = append(caps, "Pusher")
	}
	return strings.Join(caps, ",")
}

// HTTP/2 over TLS: the handler sees the same interfaces as without the
// middleware (Pusher, no Hijacker), streams flush, and pages are served.
func TestHTTP2(t *testing.T) {
	var mu sync.Mutex
	caps := map[string]string{}
	routes := func(key string) http.Handler {
		mux := http.NewServeMux()
		mux.HandleFunc("/caps", func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			caps[key] = writerCaps(w)
			mu.Unlock()
			_, _, hijackErr := http.NewResponseController(w).Hijack()
			fmt.Fprintf(w, "%s %v", r.Proto, hijackErr)
		})
		mux.HandleFunc("/fail", failHandler(http.StatusBadGateway))
		mux.HandleFunc("/panic", panicHandler)
		mux.HandleFunc("/stream", func(w http.ResponseWriter, r *http.Request) {
			io.WriteString(w, "first\n")
			http.NewResponseController(w).Flush()
			<-r.Context().Done() // the client hangs up after the first line
		})
		return mux
	}
	start := func(h http.Handler) (*httptest.Server, *http.Client) {
		s := httptest.NewUnstartedServer(h)
		s.EnableHTTP2 = true
		s.Config.ErrorLog = discardLog()
		s.StartTLS()
		t.Cleanup(s.Close)
		c := s.Client()
		c.Transport.(*http.Transport).TLSClientConfig.MinVersion = tls.VersionTLS12
		return s, c
	}
	with, cWith := start(quiet(t).Handler(routes("with")))
	without, cWithout := start(routes("without"))

	got := do(t, cWith, http.MethodGet, with.URL+"/caps", "")
	want := do(t, cWithout, http.MethodGet, without.URL+"/caps", "")
	assert.Equal(t, string(want.body), string(got.body), "protocol and Hijack error: got %q, want %q", got.body, want.body)
	assert.True(t, strings.HasPrefix(string(got.body), "HTTP/2.0 "), "protocol: got %q, want HTTP/2.0", got.body)
	mu.Lock()
	assert.Equal(t, caps["without"], caps["with"], "interfaces: got %s, want %s", caps["with"], caps["without"])
	assert.Contains(t, caps["with"], "Pusher")
	assert.NotContains(t, caps["with"], "Hijacker")
	mu.Unlock()

	for _, accept := range []string{acceptHTML, acceptJSON, acceptText} {
		r := do(t, cWith, http.MethodGet, with.URL+"/fail", accept)
		assert.NoError(t, checkPage(r.status, r.header, r.body, http.StatusBadGateway, accept))
		r = do(t, cWith, http.MethodGet, with.URL+"/panic", accept)
		assert.NoError(t, checkPage(r.status, r.header, r.body, http.StatusInternalServerError, accept))
	}

	resp, err := cWith.Get(with.URL + "/stream")
	require.NoError(t, err)
	line, err := bufio.NewReader(resp.Body).ReadString('\n')
	require.NoError(t, err)
	assert.Equal(t, "first\n", line)
	resp.Body.Close()
}
