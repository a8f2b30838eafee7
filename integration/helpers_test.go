package integration

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"log/slog"
	"mime"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/errorpage/errorpage"
)

// The Accept headers of the three kinds of client.
const (
	acceptHTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
	acceptJSON = "application/json"
	acceptText = "*/*"
)

// innerSecret is what failing handlers write into the body that the page
// replaces; it must never reach a client.
const innerSecret = "inner body the page replaces"

// logBuffer collects what the middleware logs, safely across goroutines.
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

// newMiddleware builds the middleware with its log silenced into a buffer
// the test can read.
func newMiddleware(t testing.TB, opts errorpage.Options) (*errorpage.Middleware, *logBuffer) {
	t.Helper()
	logs := &logBuffer{}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.NewTextHandler(logs, nil))
	}
	m, err := errorpage.New(opts)
	require.NoError(t, err)
	return m, logs
}

// quiet is the middleware with default options and a silenced log.
func quiet(t testing.TB) *errorpage.Middleware {
	m, _ := newMiddleware(t, errorpage.Options{})
	return m
}

// Handlers every router test mounts.
func okHandler(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=60")
	w.Header().Set("X-Route", "ok")
	io.WriteString(w, "hello from "+r.URL.Path)
}

func failHandler(code int) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("Cache-Control", "public, max-age=3600")
		w.WriteHeader(code)
		io.WriteString(w, innerSecret)
	}
}

func panicHandler(w http.ResponseWriter, r *http.Request) {
	panic("the handler broke")
}

// response is what a client got, read in full.
type response struct {
	status int
	header http.Header
	body   []byte
	err    error // from reading the body
}

func do(t testing.TB, c *http.Client, method, url, accept string) response {
	t.Helper()
	req, err := http.NewRequest(method, url, nil)
	require.NoError(t, err)
	if accept != "" {
		req.Header.Set("Accept", accept)
	}
	resp, err := c.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	body, rerr := io.ReadAll(resp.Body)
	return response{status: resp.StatusCode, header: resp.Header, body: body, err: rerr}
}

func get(t testing.TB, url, accept string) response {
	t.Helper()
	return do(t, http.DefaultClient, http.MethodGet, url, accept)
}

// serve starts a test server for h and stops it when the test ends.
func serve(t testing.TB, h http.Handler) *httptest.Server {
	t.Helper()
	s := httptest.NewServer(h)
	t.Cleanup(s.Close)
	return s
}

// checkPage reports whether a replaced response is a well-formed error page
// of status in the format its Content-Type names: HTML carries the page
// markers, a problem document decodes with a status equal to the HTTP
// status, plain text is not empty. The inner body must not leak.
func checkPage(status int, h http.Header, body []byte, wantStatus int, accept string) error {
	if status != wantStatus {
		return fmt.Errorf("status: got %d, want %d", status, wantStatus)
	}
	if got := h.Get("Cache-Control"); got != "no-store" {
		return fmt.Errorf("Cache-Control: got %q, want no-store", got)
	}
	if cl := h.Get("Content-Length"); cl != "" && cl != strconv.Itoa(len(body)) {
		return fmt.Errorf("Content-Length: got %s, want %d (the body's length)", cl, len(body))
	}
	if bytes.Contains(body, []byte(innerSecret)) {
		return fmt.Errorf("body: got the inner body, want it replaced")
	}
	ct, _, err := mime.ParseMediaType(h.Get("Content-Type"))
	if err != nil {
		return fmt.Errorf("Content-Type %q: %v", h.Get("Content-Type"), err)
	}
	want := map[string]string{acceptHTML: "text/html", acceptJSON: "application/problem+json", acceptText: "text/plain", "": "text/plain"}[accept]
	if want != "" && ct != want {
		return fmt.Errorf("Content-Type: got %s, want %s for Accept %q", ct, want, accept)
	}
	switch ct {
	case "text/html":
		s := string(body)
		marker := fmt.Sprintf(`data-testid="errorpage" data-status="%d"`, wantStatus)
		if !strings.HasPrefix(strings.ToLower(s), "<!doctype html>") || !strings.Contains(s, marker) ||
			!strings.Contains(s, "<h1>") || !strings.HasSuffix(strings.TrimSpace(s), "</html>") {
			return fmt.Errorf("HTML page: got %.200q..., want a complete page with %s", s, marker)
		}
	case "application/problem+json":
		var p struct {
			Type   string `json:"type"`
			Title  string `json:"title"`
			Status int    `json:"status"`
		}
		if err := json.Unmarshal(body, &p); err != nil {
			return fmt.Errorf("problem document %q: %v", body, err)
		}
		if p.Status != wantStatus || p.Type != "about:blank" || p.Title == "" {
			return fmt.Errorf("problem document: got %+v, want status %d, type about:blank and a title", p, wantStatus)
		}
	case "text/plain":
		// The maintenance answer is a 503 that says what it is
		// ("Planned maintenance") rather than calling itself an error.
		explained := bytes.Contains(body, []byte(strconv.Itoa(wantStatus))) ||
			wantStatus == http.StatusServiceUnavailable && bytes.HasPrefix(body, []byte("Planned maintenance"))
		if len(bytes.TrimSpace(body)) == 0 || !explained {
			return fmt.Errorf("text page: got %q, want the status explained", body)
		}
	default:
		return fmt.Errorf("Content-Type: got %s, want a page", ct)
	}
	return nil
}

// headersWithout returns h without the fields that differ between any two
// responses (Date), for comparing a response with the middleware against
// the same one without it.
func headersWithout(h http.Header, keys ...string) http.Header {
	c := h.Clone()
	c.Del("Date")
	for _, k := range keys {
		c.Del(k)
	}
	return c
}

// discardLog is a standard logger that writes nowhere, for servers and
// proxies whose expected complaints would clutter the test output.
func discardLog() *log.Logger { return log.New(io.Discard, "", 0) }

// optionsNone is the zero Options: what errorpage.Handler uses.
func optionsNone() errorpage.Options { return errorpage.Options{} }

// dialRaw opens a TCP connection to the server at url, for tests that must
// see the bytes on the wire.
func dialRaw(url string) (net.Conn, error) {
	return net.Dial("tcp", strings.TrimPrefix(url, "http://"))
}
