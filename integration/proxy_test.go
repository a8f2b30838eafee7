package integration

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"io"
	"net"
	"net/http"
	"net/http/httptrace"
	"net/http/httputil"
	"net/textproto"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// proxyTo is a ReverseProxy to target whose error log is silenced.
func proxyTo(t testing.TB, target string, configure ...func(*httputil.ReverseProxy)) *httputil.ReverseProxy {
	t.Helper()
	u, err := url.Parse(target)
	require.NoError(t, err)
	p := httputil.NewSingleHostReverseProxy(u)
	p.ErrorLog = discardLog()
	for _, c := range configure {
		c(p)
	}
	return p
}

// closedAddr is an address on loopback where nothing listens.
func closedAddr(t testing.TB) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	require.NoError(t, ln.Close())
	return addr
}

func TestReverseProxyUnreachableUpstream(t *testing.T) {
	p := proxyTo(t, "http://"+closedAddr(t))
	without := serve(t, p)
	with := serve(t, quiet(t).Handler(p))

	bare := get(t, without.URL+"/", acceptHTML)
	require.Equal(t, http.StatusBadGateway, bare.status, "without the middleware: got %d, want the proxy's 502", bare.status)
	require.Empty(t, bare.body, "without the middleware: got %q, want the proxy's empty body", bare.body)

	for _, accept := range []string{acceptHTML, acceptJSON, acceptText} {
		t.Run(accept, func(t *testing.T) {
			got := get(t, with.URL+"/", accept)
			assert.NoError(t, checkPage(got.status, got.header, got.body, http.StatusBadGateway, accept))
		})
	}
}

func TestReverseProxyUpstream503GzipNoLength(t *testing.T) {
	upstream := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Set("ETag", `"v1"`)
		w.WriteHeader(http.StatusServiceUnavailable)
		zw := gzip.NewWriter(w)
		for i := 0; i < 50; i++ {
			io.WriteString(zw, innerSecret+" ")
			zw.Flush()
			w.(http.Flusher).Flush() // chunked: no Content-Length
		}
		zw.Close()
	}))
	with := serve(t, quiet(t).Handler(proxyTo(t, upstream.URL)))
	// The client must see the headers as sent, so it does not ask for or
	// undo compression itself.
	c := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	t.Cleanup(c.CloseIdleConnections)
	req, err := http.NewRequest(http.MethodGet, with.URL+"/", nil)
	require.NoError(t, err)
	req.Header.Set("Accept", acceptHTML)
	req.Header.Set("Accept-Encoding", "gzip")
	resp, err := c.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)

	assert.Empty(t, resp.Header.Get("Content-Encoding"), "Content-Encoding: got %q, want none (the page is not gzip)", resp.Header.Get("Content-Encoding"))
	assert.Empty(t, resp.Header.Get("ETag"), "ETag: got %q, want the upstream's dropped", resp.Header.Get("ETag"))
	assert.NoError(t, checkPage(resp.StatusCode, resp.Header, body, http.StatusServiceUnavailable, acceptHTML))
}

// An upstream that dies in the middle of a 200 body: the client must see a
// broken body, never one that looks complete.
func TestReverseProxyUpstreamDiesMidBody(t *testing.T) {
	tests := []struct {
		name          string
		contentLength bool
	}{
		{name: "with Content-Length", contentLength: true},
		{name: "chunked", contentLength: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			upstream := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if tt.contentLength {
					w.Header().Set("Content-Length", "100000")
				}
				w.Header().Set("Content-Type", "text/plain")
				w.WriteHeader(http.StatusOK)
				io.WriteString(w, strings.Repeat("a", 5000))
				w.(http.Flusher).Flush()
				time.Sleep(20 * time.Millisecond)
				panic(http.ErrAbortHandler) // drop the connection mid-body
			}))
			p := proxyTo(t, upstream.URL)
			m, logs := newMiddleware(t, optionsNone())
			for _, srv := range []struct {
				name string
				h    http.Handler
			}{{"without the middleware", p}, {"with the middleware", m.Handler(p)}} {
				s := serve(t, srv.h)
				resp, err := http.Get(s.URL + "/")
				require.NoError(t, err, srv.name)
				body, err := io.ReadAll(resp.Body)
				resp.Body.Close()
				assert.Equal(t, http.StatusOK, resp.StatusCode, "%s: status: got %d, want 200", srv.name, resp.StatusCode)
				assert.Error(t, err, "%s: reading the body: got no error after %d bytes, want a truncated body", srv.name, len(body))
				assert.Less(t, len(body), 100000, "%s: body: got %d bytes, want it truncated", srv.name, len(body))
				assert.NotContains(t, string(body), "<html", "%s: got a page appended to the broken body", srv.name)
			}
			// The proxy aborts with http.ErrAbortHandler, which passes
			// silently.
			assert.NotContains(t, logs.String(), "panic", "log: got %q, want nothing for ErrAbortHandler", logs.String())
		})
	}
}

// ReverseProxy with FlushInterval flushes from a timer goroutine while the
// handler goroutine writes; run with -race.
func TestReverseProxyFlushIntervalFromAnotherGoroutine(t *testing.T) {
	release := make(chan struct{})
	upstream := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		for i := 0; i < 20; i++ {
			// The upstream flushes; the proxy, with FlushInterval, flushes
			// its side from a timer goroutine, or the client sees nothing.
			io.WriteString(w, "tick\n")
			w.(http.Flusher).Flush()
			time.Sleep(time.Millisecond)
		}
		<-release
		io.WriteString(w, "done\n")
	}))
	p := proxyTo(t, upstream.URL, func(p *httputil.ReverseProxy) { p.FlushInterval = 5 * time.Millisecond })
	with := serve(t, quiet(t).Handler(p))

	resp, err := http.Get(with.URL + "/")
	require.NoError(t, err)
	defer resp.Body.Close()
	br := bufio.NewReader(resp.Body)
	// The first line arrives while the upstream still holds the response
	// open: the proxy's flushes went through the middleware.
	line, err := br.ReadString('\n')
	require.NoError(t, err)
	assert.Equal(t, "tick\n", line)
	close(release)
	rest, err := io.ReadAll(br)
	require.NoError(t, err)
	assert.True(t, strings.HasSuffix(string(rest), "done\n"), "body end: got %q, want done", rest)
}

// 1xx responses and Expect: 100-continue are forwarded through the proxy
// and the middleware, with the final status coming after them.
func TestReverseProxyInterimResponses(t *testing.T) {
	upstream := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body) // reading sends 100 Continue if asked
		w.Header().Add("Link", "</style.css>; rel=preload; as=style")
		w.WriteHeader(http.StatusEarlyHints)
		if r.URL.Path == "/fail" {
			failHandler(http.StatusServiceUnavailable)(w, r)
			return
		}
		w.Header().Del("Link")
		w.Header().Set("Content-Type", "text/plain")
		w.Write(body)
	}))
	with := serve(t, quiet(t).Handler(proxyTo(t, upstream.URL)))

	tests := []struct {
		name, path string
		wantStatus int
	}{
		{name: "passing", path: "/ok", wantStatus: http.StatusOK},
		{name: "replaced", path: "/fail", wantStatus: http.StatusServiceUnavailable},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var mu sync.Mutex
			var interim []int
			var link string
			var got100 bool
			trace := &httptrace.ClientTrace{
				Got1xxResponse: func(code int, h textproto.MIMEHeader) error {
					mu.Lock()
					defer mu.Unlock()
					interim = append(interim, code)
					if code == http.StatusEarlyHints {
						link = h.Get("Link")
					}
					return nil
				},
				Got100Continue: func() { mu.Lock(); got100 = true; mu.Unlock() },
			}
			c := &http.Client{Transport: &http.Transport{ExpectContinueTimeout: 5 * time.Second}}
			t.Cleanup(c.CloseIdleConnections)
			req, err := http.NewRequest(http.MethodPost, with.URL+tt.path, bytes.NewReader([]byte("request body")))
			require.NoError(t, err)
			req.Header.Set("Expect", "100-continue")
			req.Header.Set("Accept", acceptJSON)
			req = req.WithContext(httptrace.WithClientTrace(req.Context(), trace))
			resp, err := c.Do(req)
			require.NoError(t, err)
			defer resp.Body.Close()
			body, err := io.ReadAll(resp.Body)
			require.NoError(t, err)

			mu.Lock()
			defer mu.Unlock()
			assert.True(t, got100, "100 Continue: got none, want it before sending the body")
			assert.Contains(t, interim, http.StatusEarlyHints, "interim responses: got %v, want a 103", interim)
			assert.Equal(t, "</style.css>; rel=preload; as=style", link, "Link of the 103: got %q", link)
			if tt.wantStatus == http.StatusOK {
				assert.Equal(t, http.StatusOK, resp.StatusCode, "status: got %d, want 200", resp.StatusCode)
				assert.Equal(t, "request body", string(body))
			} else {
				assert.NoError(t, checkPage(resp.StatusCode, resp.Header, body, tt.wantStatus, acceptJSON))
			}
		})
	}
}

func TestTimeoutHandler(t *testing.T) {
	slow := func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(5 * time.Second):
			io.WriteString(w, "too late")
		case <-r.Context().Done():
		}
	}
	capabilities := func(w http.ResponseWriter) string {
		var s string
		if _, ok := w.(http.Flusher); ok {
			s += "F"
		}
		if _, ok := w.(http.Hijacker); ok {
			s += "H"
		}
		if _, ok := w.(http.Pusher); ok {
			s += "P"
		}
		return s
	}
	var seen sync.Map
	probe := func(key string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			seen.Store(key, capabilities(w))
			okHandler(w, r)
		}
	}
	const timeout = 50 * time.Millisecond
	m := quiet(t)

	t.Run("inside the middleware: its 503 becomes the page", func(t *testing.T) {
		s := serve(t, m.Handler(http.TimeoutHandler(http.HandlerFunc(slow), timeout, innerSecret)))
		got := get(t, s.URL, acceptHTML)
		assert.NoError(t, checkPage(got.status, got.header, got.body, http.StatusServiceUnavailable, acceptHTML))
	})
	t.Run("inside the middleware: a panic in the inner handler becomes the 500 page", func(t *testing.T) {
		s := serve(t, m.Handler(http.TimeoutHandler(http.HandlerFunc(panicHandler), timeout, innerSecret)))
		got := get(t, s.URL, acceptJSON)
		assert.NoError(t, checkPage(got.status, got.header, got.body, http.StatusInternalServerError, acceptJSON))
	})
	t.Run("outside the middleware: its own 503 goes out as without the middleware", func(t *testing.T) {
		with := serve(t, http.TimeoutHandler(m.Handler(http.HandlerFunc(slow)), timeout, "timed out"))
		without := serve(t, http.TimeoutHandler(http.HandlerFunc(slow), timeout, "timed out"))
		got, want := get(t, with.URL, acceptHTML), get(t, without.URL, acceptHTML)
		assert.Equal(t, want.status, got.status, "status: got %d, want %d", got.status, want.status)
		assert.Equal(t, string(want.body), string(got.body))
	})
	t.Run("outside the middleware: a fast 503 becomes the page", func(t *testing.T) {
		s := serve(t, http.TimeoutHandler(m.Handler(failHandler(http.StatusServiceUnavailable)), time.Second, "timed out"))
		got := get(t, s.URL, acceptText)
		assert.NoError(t, checkPage(got.status, got.header, got.body, http.StatusServiceUnavailable, acceptText))
	})
	t.Run("outside the middleware: the handler sees the writer's interfaces as without it", func(t *testing.T) {
		with := serve(t, http.TimeoutHandler(m.Handler(probe("with")), time.Second, "timed out"))
		without := serve(t, http.TimeoutHandler(probe("without"), time.Second, "timed out"))
		get(t, with.URL, "")
		get(t, without.URL, "")
		w, _ := seen.Load("with")
		wo, _ := seen.Load("without")
		assert.Equal(t, wo, w, "interfaces: got %v, want %v", w, wo)
	})
}
