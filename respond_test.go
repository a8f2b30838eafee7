package errorpage

import (
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestHeadGetsGetsHeadersWithoutBody(t *testing.T) {
	m, _ := newTestMiddleware(t, Options{})
	srv := serve(t, m.Handler(failing(503)))
	addr := srv.Listener.Addr().String()
	getWire := rawExchange(t, addr, get("/", "Accept: text/html"))
	headWire := rawExchange(t, addr, "HEAD / HTTP/1.1\r\nHost: example.test\r\nConnection: close\r\nAccept: text/html\r\n\r\n")
	getHead, getBody, _ := strings.Cut(withoutDate(getWire), "\r\n\r\n")
	headHead, headBody, _ := strings.Cut(withoutDate(headWire), "\r\n\r\n")
	assert.Equal(t, getHead, headHead, "HEAD gets the headers GET gets, Content-Length included")
	assert.Empty(t, headBody, "and no body")
	assert.Contains(t, getHead, "Content-Length: "+strconv.Itoa(len(getBody)))
}

// net/http drops a HEAD body on the wire, which hides a middleware that
// writes one; a recorder shows it.
func TestHeadWritesNoBody(t *testing.T) {
	m, _ := newTestMiddleware(t, Options{})
	h := m.Handler(failing(500))
	get := httptest.NewRecorder()
	h.ServeHTTP(get, httptest.NewRequest("GET", "/", nil))
	head := httptest.NewRecorder()
	h.ServeHTTP(head, httptest.NewRequest("HEAD", "/", nil))
	assert.Equal(t, 500, head.Code)
	assert.Zero(t, head.Body.Len(), "HEAD gets no body")
	assert.Equal(t, strconv.Itoa(get.Body.Len()), head.Header().Get("Content-Length"), "but GET's Content-Length")
}

func TestObserverOutsideSeesWhatWasSent(t *testing.T) {
	m, _ := newTestMiddleware(t, Options{})
	seen := make(chan *observingWriter, 1)
	observer := func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			o := &observingWriter{ResponseWriter: w}
			next.ServeHTTP(o, r)
			seen <- o
		})
	}
	_, body := do(t, observer(m.Handler(failing(502))), "GET", "/", "Accept", "text/html")
	o := <-seen
	status, bytesOut := o.status, o.n
	assert.Equal(t, 502, status)
	assert.Equal(t, len(body), bytesOut)
}

type observingWriter struct {
	http.ResponseWriter
	status, n int
}

func (o *observingWriter) WriteHeader(code int) { o.status = code; o.ResponseWriter.WriteHeader(code) }

func (o *observingWriter) Write(b []byte) (int, error) {
	n, err := o.ResponseWriter.Write(b)
	o.n += n
	return n, err
}
