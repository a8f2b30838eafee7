package integration

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/felixge/httpsnoop"
	"github.com/gorilla/handlers"
	"github.com/klauspost/compress/gzhttp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// An outer compressor owns Content-Encoding: the page it compresses must
// decode to a complete page.
func TestOuterCompressor(t *testing.T) {
	tests := []struct {
		name string
		wrap func(http.Handler) http.Handler
	}{
		{name: "gorilla handlers.CompressHandler", wrap: handlers.CompressHandler},
		{name: "klauspost gzhttp.GzipHandler", wrap: func(h http.Handler) http.Handler { return gzhttp.GzipHandler(h) }},
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/ok", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		io.WriteString(w, strings.Repeat("compress me ", 500))
	})
	mux.HandleFunc("/fail", failHandler(http.StatusServiceUnavailable))
	mux.HandleFunc("/panic", panicHandler)
	c := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	t.Cleanup(c.CloseIdleConnections)
	fetch := func(t *testing.T, url, accept string) (*http.Response, []byte) {
		req, err := http.NewRequest(http.MethodGet, url, nil)
		require.NoError(t, err)
		req.Header.Set("Accept", accept)
		req.Header.Set("Accept-Encoding", "gzip")
		resp, err := c.Do(req)
		require.NoError(t, err)
		defer resp.Body.Close()
		raw, err := io.ReadAll(resp.Body)
		require.NoError(t, err)
		if resp.Header.Get("Content-Encoding") != "gzip" {
			return resp, raw
		}
		zr, err := gzip.NewReader(bytes.NewReader(raw))
		require.NoError(t, err, "gzip header")
		body, err := io.ReadAll(zr)
		require.NoError(t, err, "gzip body: got a broken stream")
		return resp, body
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := serve(t, tt.wrap(quiet(t).Handler(mux)))
			for _, path := range []string{"/fail", "/panic"} {
				for _, accept := range []string{acceptHTML, acceptJSON, acceptText} {
					resp, body := fetch(t, s.URL+path, accept)
					want := http.StatusServiceUnavailable
					if path == "/panic" {
						want = http.StatusInternalServerError
					}
					// Compressors leave small bodies alone (gzhttp below
					// 1400 bytes); the HTML page is larger than that.
					if ce := resp.Header.Get("Content-Encoding"); accept == acceptHTML || ce != "" {
						assert.Equal(t, "gzip", ce, "%s %s: Content-Encoding: got %q, want the compressor's gzip", path, accept, ce)
					}
					// The page's own Content-Length is of the uncompressed
					// body; whatever length is on the wire must be right.
					resp.Header.Del("Content-Length")
					assert.NoError(t, checkPage(resp.StatusCode, resp.Header, body, want, accept), "%s %s", path, accept)
				}
			}
			resp, body := fetch(t, s.URL+"/ok", acceptHTML)
			assert.Equal(t, http.StatusOK, resp.StatusCode)
			assert.Equal(t, strings.Repeat("compress me ", 500), string(body))
		})
	}
}

// An outer metrics wrapper sees the status actually sent and the bytes
// actually written.
func TestOuterMetricsWrapper(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/ok", okHandler)
	mux.HandleFunc("/fail", failHandler(http.StatusServiceUnavailable))
	mux.HandleFunc("/panic", panicHandler)
	mux.Handle("/upstream-down", proxyTo(t, "http://"+closedAddr(t)))

	var mu sync.Mutex
	var last httpsnoop.Metrics
	inner := quiet(t).Handler(mux)
	s := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		m := httpsnoop.CaptureMetrics(inner, w, r)
		mu.Lock()
		last = m
		mu.Unlock()
	}))
	tests := []struct {
		name, path string
		wantStatus int
	}{
		{name: "passing", path: "/ok", wantStatus: http.StatusOK},
		{name: "replaced 503", path: "/fail", wantStatus: http.StatusServiceUnavailable},
		{name: "panic", path: "/panic", wantStatus: http.StatusInternalServerError},
		{name: "proxy's 502", path: "/upstream-down", wantStatus: http.StatusBadGateway},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := get(t, s.URL+tt.path, acceptHTML)
			require.NoError(t, got.err)
			mu.Lock()
			m := last
			mu.Unlock()
			assert.Equal(t, tt.wantStatus, got.status, "status on the wire: got %d, want %d", got.status, tt.wantStatus)
			assert.Equal(t, got.status, m.Code, "status recorded: got %d, want %d (the one sent)", m.Code, got.status)
			assert.Equal(t, int64(len(got.body)), m.Written, "bytes recorded: got %d, want %d (the body sent)", m.Written, len(got.body))
		})
	}
}

// wireResponse is a response read off a raw connection: status line,
// headers, and every byte the server sent after them.
type wireResponse struct {
	status int
	header http.Header
	rest   []byte
}

// rawRequest sends one request on a fresh TCP connection with
// Connection: close and reads everything until the server closes it, so
// bytes a client library would hide (a body on a HEAD) are seen.
func rawRequest(t *testing.T, url, method, path, accept string) wireResponse {
	t.Helper()
	conn, err := dialRaw(url)
	require.NoError(t, err)
	defer conn.Close()
	require.NoError(t, conn.SetDeadline(time.Now().Add(5*time.Second)))
	req := method + " " + path + " HTTP/1.1\r\nHost: test\r\nConnection: close\r\n"
	if accept != "" {
		req += "Accept: " + accept + "\r\n"
	}
	_, err = io.WriteString(conn, req+"\r\n")
	require.NoError(t, err)
	all, err := io.ReadAll(conn)
	require.NoError(t, err)
	head, rest, ok := bytes.Cut(all, []byte("\r\n\r\n"))
	require.True(t, ok, "response: got %q, want a header block", all)
	tp := strings.SplitN(string(head), "\r\n", 2)
	fields := strings.Fields(tp[0])
	require.GreaterOrEqual(t, len(fields), 2, "status line: got %q", tp[0])
	status, err := strconv.Atoi(fields[1])
	require.NoError(t, err)
	h := http.Header{}
	if len(tp) > 1 {
		for _, line := range strings.Split(tp[1], "\r\n") {
			k, v, _ := strings.Cut(line, ":")
			h.Add(k, strings.TrimSpace(v))
		}
	}
	return wireResponse{status: status, header: h, rest: rest}
}

// HEAD gets the headers GET gets and no body on the wire, both for a
// replaced response and a passing one.
func TestHEAD(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/ok", okHandler)
	mux.HandleFunc("/fail", failHandler(http.StatusServiceUnavailable))
	mux.HandleFunc("/panic", panicHandler)
	with := serve(t, quiet(t).Handler(mux))
	without := serve(t, mux)

	for _, path := range []string{"/fail", "/panic"} {
		for _, accept := range []string{acceptHTML, acceptJSON, acceptText} {
			t.Run("replaced "+path+" "+accept, func(t *testing.T) {
				getResp := rawRequest(t, with.URL, http.MethodGet, path, accept)
				head := rawRequest(t, with.URL, http.MethodHead, path, accept)
				assert.Equal(t, getResp.status, head.status, "status: got %d, want GET's %d", head.status, getResp.status)
				assert.Empty(t, head.rest, "HEAD body on the wire: got %q, want none", head.rest)
				assert.Equal(t, strconv.Itoa(len(getResp.rest)), head.header.Get("Content-Length"),
					"HEAD Content-Length: got %q, want GET's body length %d", head.header.Get("Content-Length"), len(getResp.rest))
				assert.Equal(t, headersWithout(getResp.header), headersWithout(head.header), "HEAD headers: want GET's")
			})
		}
	}
	t.Run("passing", func(t *testing.T) {
		got := rawRequest(t, with.URL, http.MethodHead, "/ok", acceptHTML)
		want := rawRequest(t, without.URL, http.MethodHead, "/ok", acceptHTML)
		assert.Equal(t, want.status, got.status, "status: got %d, want %d", got.status, want.status)
		assert.Equal(t, headersWithout(want.header), headersWithout(got.header))
		assert.Empty(t, got.rest, "HEAD body on the wire: got %q, want none", got.rest)
	})
}

// 204 and 304 behave exactly as without the middleware: same wire bytes
// (but the Date), and the handler's Write fails the same way.
func TestNoContentAndNotModified(t *testing.T) {
	var mu sync.Mutex
	writeErrs := map[string]error{}
	handler := func(key string) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			code, _ := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/"))
			w.Header().Set("ETag", `"v1"`)
			w.Header().Set("Cache-Control", "max-age=60")
			w.WriteHeader(code)
			_, err := io.WriteString(w, "a body where none is allowed")
			mu.Lock()
			writeErrs[key+r.URL.Path] = err
			mu.Unlock()
		})
	}
	with := serve(t, quiet(t).Handler(handler("with")))
	without := serve(t, handler("without"))
	for _, code := range []int{http.StatusNoContent, http.StatusNotModified} {
		t.Run(strconv.Itoa(code), func(t *testing.T) {
			path := "/" + strconv.Itoa(code)
			got := rawRequest(t, with.URL, http.MethodGet, path, acceptHTML)
			want := rawRequest(t, without.URL, http.MethodGet, path, acceptHTML)
			assert.Equal(t, want.status, got.status, "status: got %d, want %d", got.status, want.status)
			assert.Equal(t, headersWithout(want.header), headersWithout(got.header))
			assert.Equal(t, string(want.rest), string(got.rest), "bytes after the headers")
			mu.Lock()
			defer mu.Unlock()
			assert.True(t, errors.Is(writeErrs["with"+path], http.ErrBodyNotAllowed),
				"Write: got %v, want %v", writeErrs["with"+path], http.ErrBodyNotAllowed)
			assert.Equal(t, writeErrs["without"+path], writeErrs["with"+path])
		})
	}
}

// TestOuterCompressorKeepsTheSniffedContentType guards a handler that
// writes HTML without setting Content-Type under a compressor: net/http
// sniffs it from the first Write, but only if that Write reaches the
// compressor as a Write, not as WriteHeader(200) followed by a Write.
func TestOuterCompressorKeepsTheSniffedContentType(t *testing.T) {
	page := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "<!DOCTYPE html><title>hi</title>"+strings.Repeat("<p>compress me</p>", 200))
	})
	c := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	t.Cleanup(c.CloseIdleConnections)
	contentType := func(h http.Handler) string {
		s := serve(t, handlers.CompressHandler(h))
		req, err := http.NewRequest(http.MethodGet, s.URL, nil)
		require.NoError(t, err)
		req.Header.Set("Accept-Encoding", "gzip")
		resp, err := c.Do(req)
		require.NoError(t, err)
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		require.Equal(t, "gzip", resp.Header.Get("Content-Encoding"))
		return resp.Header.Get("Content-Type")
	}
	want := contentType(page)
	require.Equal(t, "text/html; charset=utf-8", want, "the test's premise: sniffed without errorpage")
	assert.Equal(t, want, contentType(quiet(t).Handler(page)), "got another Content-Type behind errorpage")
}
