package errorpage

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/http/httptrace"
	"net/textproto"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/iotest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// passThroughHandlers are responses the middleware must not touch. Each is
// served with and without the middleware, and the bytes on the wire must be
// identical.
var passThroughHandlers = []struct {
	name    string
	request string
	handler http.HandlerFunc
}{
	{"implicit 200 with sniffed content type", get("/"), func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "<!DOCTYPE html><p>hello</p>")
	}},
	{"explicit 200 with headers", get("/"), func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "public, max-age=60")
		w.Header().Set("ETag", `"v1"`)
		w.WriteHeader(http.StatusOK)
		w.Write([]byte(`{"ok":true}`))
	}},
	{"404 keeps its body", get("/missing"), func(w http.ResponseWriter, r *http.Request) {
		http.NotFound(w, r)
	}},
	{"redirect", get("/old"), func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/new", http.StatusMovedPermanently)
	}},
	{"429 with Retry-After", get("/"), func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "5")
		http.Error(w, "slow down", http.StatusTooManyRequests)
	}},
	{"204 refuses a body the same way", get("/"), func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNoContent)
		if _, err := w.Write([]byte("x")); !errors.Is(err, http.ErrBodyNotAllowed) {
			panic(fmt.Sprintf("got %v, want ErrBodyNotAllowed", err))
		}
	}},
	{"304", get("/"), func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"v1"`)
		w.WriteHeader(http.StatusNotModified)
	}},
	{"nothing written at all", get("/"), func(w http.ResponseWriter, r *http.Request) {}},
	{"second WriteHeader is ignored", get("/"), func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusAccepted)
		w.WriteHeader(http.StatusInternalServerError)
		io.WriteString(w, "accepted")
	}},
	{"a 5xx after the body started stays what was sent", get("/"), func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "partial")
		w.WriteHeader(http.StatusBadGateway)
		io.WriteString(w, " and more")
	}},
	{"HEAD", "HEAD / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		io.WriteString(w, "the body HEAD does not get")
	}},
	{"103 Early Hints then 200", get("/"), func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Link", "</style.css>; rel=preload; as=style")
		w.WriteHeader(http.StatusEarlyHints)
		w.Header().Set("Content-Type", "text/plain")
		io.WriteString(w, "final")
	}},
	{"streaming with flushes and chunked encoding", get("/"), func(w http.ResponseWriter, r *http.Request) {
		for i := range 3 {
			fmt.Fprintf(w, "chunk %d\n", i)
			w.(http.Flusher).Flush()
		}
	}},
	{"trailers", get("/"), func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Trailer", "X-Checksum")
		io.WriteString(w, "body")
		w.Header().Set("X-Checksum", "abc")
		w.Header().Set(http.TrailerPrefix+"X-Late", "late")
	}},
	{"io.Copy through ReadFrom", get("/"), func(w http.ResponseWriter, r *http.Request) {
		io.Copy(w, io.LimitReader(strings.NewReader(strings.Repeat("x", 100000)), 70000))
	}},
	{"WriteString", get("/"), func(w http.ResponseWriter, r *http.Request) {
		w.(io.StringWriter).WriteString("via WriteString")
	}},
	{"large body beyond the server buffer", get("/"), func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(strings.Repeat("abcdefgh", 4096)))
	}},
}

func TestPassThroughIsByteForByte(t *testing.T) {
	m, logs := newTestMiddleware(t, Options{})
	for _, tt := range passThroughHandlers {
		t.Run(tt.name, func(t *testing.T) {
			bare := serve(t, tt.handler)
			wrapped := serve(t, m.Handler(tt.handler))
			want := withoutDate(rawExchange(t, bare.Listener.Addr().String(), tt.request))
			got := withoutDate(rawExchange(t, wrapped.Listener.Addr().String(), tt.request))
			require.NotEmpty(t, want, "the bare server answered nothing")
			assert.Equal(t, want, got, "the wire with the middleware differs from the wire without it")
		})
	}
	assert.Empty(t, logs.String(), "passing through logs nothing")
}

// fakeWriter is a ResponseWriter with no optional interface; the generated
// fake types in writer_combos_test.go add them, recording each call.
type fakeWriter struct {
	h      http.Header
	status int
	body   strings.Builder
	calls  []string
}

func (f *fakeWriter) Header() http.Header {
	if f.h == nil {
		f.h = http.Header{}
	}
	return f.h
}

func (f *fakeWriter) Write(b []byte) (int, error) {
	if f.status == 0 {
		f.status = 200
	}
	return f.body.Write(b)
}

func (f *fakeWriter) WriteHeader(code int) {
	if f.status == 0 {
		f.status = code
	}
}

// capabilities lists which optional interfaces w has, in the order of the
// generated types' mask bits: F H R S P C.
func capabilities(w any) [6]bool {
	_, f := w.(http.Flusher)
	_, h := w.(http.Hijacker)
	_, r := w.(io.ReaderFrom)
	_, s := w.(io.StringWriter)
	_, p := w.(http.Pusher)
	_, c := w.(http.CloseNotifier)
	return [6]bool{f, h, r, s, p, c}
}

func TestWrapperHasExactlyTheInterfacesOfTheWriter(t *testing.T) {
	m, _ := newTestMiddleware(t, Options{})
	for mask := 0; mask < 64; mask++ {
		inner, fake := fakeWriterWith(mask)
		var want [6]bool
		for bit := range want {
			want[bit] = mask&(1<<bit) != 0
		}
		require.Equal(t, want, capabilities(inner), "test setup for mask %06b", mask)
		t.Run(fmt.Sprintf("mask %06b", mask), func(t *testing.T) {
			var got [6]bool
			var unwrapped http.ResponseWriter
			m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				got = capabilities(w)
				unwrapped = w.(interface{ Unwrap() http.ResponseWriter }).Unwrap()
				// Every method the wrapper has must reach the writer.
				if f, ok := w.(http.Flusher); ok {
					f.Flush()
				}
				if p, ok := w.(http.Pusher); ok {
					p.Push("/x", nil)
				}
				if c, ok := w.(http.CloseNotifier); ok {
					c.CloseNotify()
				}
				if s, ok := w.(io.StringWriter); ok {
					s.WriteString("s")
				}
				if rf, ok := w.(io.ReaderFrom); ok {
					rf.ReadFrom(strings.NewReader("r"))
				}
				if h, ok := w.(http.Hijacker); ok {
					h.Hijack()
				}
			})).ServeHTTP(inner, httptest.NewRequest("GET", "/", nil))
			assert.Equal(t, want, got, "got interfaces [F H R S P C] %v, want %v", got, want)
			assert.Equal(t, inner, unwrapped, "Unwrap returns the writer it wraps")
			var wantCalls []string
			for i, name := range []string{"Flush", "Push", "CloseNotify", "WriteString", "ReadFrom", "Hijack"} {
				if bit := []int{0, 4, 5, 3, 2, 1}[i]; mask&(1<<bit) != 0 {
					wantCalls = append(wantCalls, name)
				}
			}
			assert.Equal(t, wantCalls, fake.calls, "got calls on the writer %v, want %v", fake.calls, wantCalls)
		})
	}
}

// controllerMethods lists which of the methods http.ResponseController looks
// for w has itself.
func controllerMethods(w any) [4]bool {
	_, fe := w.(interface{ FlushError() error })
	_, rd := w.(interface{ SetReadDeadline(time.Time) error })
	_, wd := w.(interface{ SetWriteDeadline(time.Time) error })
	_, fd := w.(interface{ EnableFullDuplex() error })
	return [4]bool{fe, rd, wd, fd}
}

// TestRealWritersKeepEveryInterface guards what gin's c.Stream asserts
// (http.CloseNotifier, deprecated but still on net/http's writers): behind
// the middleware, a handler on a real HTTP/1 and HTTP/2 server sees the
// same optional interfaces as without it.
func TestRealWritersKeepEveryInterface(t *testing.T) {
	m, _ := newTestMiddleware(t, Options{})
	for _, proto := range []string{"HTTP/1.1", "HTTP/2.0"} {
		t.Run(proto, func(t *testing.T) {
			var bare, wrapped [6]bool
			var bareRC, wrappedRC [4]bool
			probe := func(caps *[6]bool, rc *[4]bool) http.HandlerFunc {
				return func(w http.ResponseWriter, r *http.Request) {
					*caps, *rc = capabilities(w), controllerMethods(w)
					if c, ok := w.(http.CloseNotifier); ok {
						_ = c.CloseNotify() // must reach the real writer without panicking
					}
					io.WriteString(w, "ok")
				}
			}
			for _, h := range []http.Handler{probe(&bare, &bareRC), m.Handler(probe(&wrapped, &wrappedRC))} {
				srv := httptest.NewUnstartedServer(h)
				srv.EnableHTTP2 = proto == "HTTP/2.0"
				srv.StartTLS()
				res, err := srv.Client().Get(srv.URL)
				require.NoError(t, err)
				io.Copy(io.Discard, res.Body)
				res.Body.Close()
				require.Equal(t, proto, res.Proto)
				srv.Close()
			}
			assert.True(t, bare[5], "the test's premise: net/http's writer has CloseNotify")
			assert.Equal(t, bare, wrapped, "got interfaces [F H R S P C] %v behind errorpage, want %v as without it", wrapped, bare)
			assert.Equal(t, bareRC, wrappedRC, "got controller methods %v, want %v", wrappedRC, bareRC)
		})
	}
}

// TestFirstWriteReachesTheWriterBelowAsAWrite guards Content-Type sniffing:
// a first Write with no WriteHeader must reach the writer below as a Write,
// which then implies 200 and sniffs the body itself. Sent as WriteHeader(200)
// and Write, a ResponseRecorder (or a compressor) has no Content-Type.
func TestFirstWriteReachesTheWriterBelowAsAWrite(t *testing.T) {
	m, _ := newTestMiddleware(t, Options{})
	writes := map[string]http.HandlerFunc{
		"Write": func(w http.ResponseWriter, r *http.Request) {
			w.Write([]byte("<!DOCTYPE html><p>hello</p>"))
		},
		"WriteString": func(w http.ResponseWriter, r *http.Request) {
			io.WriteString(w, "<!DOCTYPE html><p>hello</p>")
		},
		"ReadFrom": func(w http.ResponseWriter, r *http.Request) {
			io.Copy(w, strings.NewReader("<!DOCTYPE html><p>hello</p>"))
		},
	}
	for name, h := range writes {
		t.Run(name, func(t *testing.T) {
			bare := httptest.NewRecorder()
			h.ServeHTTP(bare, httptest.NewRequest("GET", "/", nil))
			wrapped := httptest.NewRecorder()
			m.Handler(h).ServeHTTP(wrapped, httptest.NewRequest("GET", "/", nil))
			require.Equal(t, "text/html; charset=utf-8", bare.Header().Get("Content-Type"), "the test's premise")
			assert.Equal(t, bare.Header(), wrapped.Header(), "got headers %v, want %v", wrapped.Header(), bare.Header())
			assert.Equal(t, bare.Code, wrapped.Code)
			assert.Equal(t, bare.Body.String(), wrapped.Body.String())
		})
	}
}

// TestReadFromCommitsNothingBeforeAByte guards io.Copy: net/http's own
// ReadFrom sets no status while the source has yielded nothing, so a
// handler whose copy found nothing or failed can still choose its status.
func TestReadFromCommitsNothingBeforeAByte(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name     string
		handler  http.HandlerFunc
		wantCode int
		replaced bool
	}{
		{"empty source, then 404", func(w http.ResponseWriter, r *http.Request) {
			io.Copy(w, struct{ io.Reader }{strings.NewReader("")}) // no WriterTo: through ReadFrom
			http.Error(w, "not here", http.StatusNotFound)
		}, 404, false},
		{"failing upstream, then 502", func(w http.ResponseWriter, r *http.Request) {
			if _, err := io.Copy(w, failingReader{}); err != nil {
				w.WriteHeader(http.StatusBadGateway)
			}
		}, 502, true},
		{"a directory, then 500 with the error", func(w http.ResponseWriter, r *http.Request) {
			f, err := os.Open(dir)
			if err != nil {
				panic(err)
			}
			defer f.Close()
			if _, err := io.Copy(w, f); err != nil {
				http.Error(w, err.Error(), http.StatusInternalServerError)
			}
		}, 500, true},
	}
	m, _ := newTestMiddleware(t, Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bare, _ := do(t, tt.handler, "GET", "/")
			require.Equal(t, tt.wantCode, bare.StatusCode, "the test's premise: net/http lets the handler choose")
			res, body := do(t, m.Handler(tt.handler), "GET", "/", "Accept", "text/plain")
			assert.Equal(t, tt.wantCode, res.StatusCode, "got %d behind errorpage, want %d as without it", res.StatusCode, tt.wantCode)
			if tt.replaced {
				assert.Equal(t, "no-store", res.Header.Get("Cache-Control"), "the error got the page")
				assert.NotContains(t, body, dir, "no internal error text reaches the client")
			} else {
				assert.Equal(t, "not here\n", body)
			}
		})
	}
}

// TestInvalidStatusPanicGetsAPage guards "committed": WriteHeader(0) or
// WriteHeader(1000) (an upstream's status copied through) makes net/http
// panic before anything is sent, so the panic still gets a page, and
// OnError hears Committed=false.
func TestInvalidStatusPanicGetsAPage(t *testing.T) {
	for _, code := range []int{0, 1000} {
		t.Run(strconv.Itoa(code), func(t *testing.T) {
			var rec eventLog
			m, logs := newTestMiddleware(t, Options{OnError: rec.onError("")})
			res, body := do(t, m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.WriteHeader(code)
			})), "GET", "/", "Accept", "text/plain")
			assert.Equal(t, 500, res.StatusCode)
			assert.Contains(t, body, "500")
			events := rec.all()
			require.Len(t, events, 1)
			assert.False(t, events[0].Committed, "nothing reached the client")
			assert.Equal(t, 1, strings.Count(logs.String(), "errorpage: panic serving request"), "logged once: %s", logs.String())
		})
	}
}

func TestResponseControllerReachesTheConnection(t *testing.T) {
	m, _ := newTestMiddleware(t, Options{})
	results := make(chan []error, 1)
	srv := serve(t, m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rc := http.NewResponseController(w)
		errs := []error{
			rc.SetWriteDeadline(time.Now().Add(time.Minute)),
			rc.SetReadDeadline(time.Now().Add(time.Minute)),
			rc.EnableFullDuplex(),
		}
		io.WriteString(w, "first")
		errs = append(errs, rc.Flush())
		results <- errs
	})))
	res, err := http.Get(srv.URL)
	require.NoError(t, err)
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	assert.Equal(t, "first", string(body))
	for i, err := range <-results {
		assert.NoError(t, err, "ResponseController call %d", i)
	}
}

func TestResponseControllerFlushNotSupported(t *testing.T) {
	m, _ := newTestMiddleware(t, Options{})
	inner := &fakeWriter{}
	var err error
	m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		err = http.NewResponseController(w).Flush()
	})).ServeHTTP(inner, httptest.NewRequest("GET", "/", nil))
	assert.ErrorIs(t, err, http.ErrNotSupported, "a writer that cannot flush says so")
	assert.Zero(t, inner.status, "a failed flush commits no status")
}

func TestFlushBeforeStatusCommits200(t *testing.T) {
	m, _ := newTestMiddleware(t, Options{})
	srv := serve(t, m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.(http.Flusher).Flush()
		w.WriteHeader(http.StatusInternalServerError) // too late: 200 is out
		io.WriteString(w, "body after flush")
	})))
	res, err := http.Get(srv.URL)
	require.NoError(t, err)
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	assert.Equal(t, http.StatusOK, res.StatusCode, "a flush commits 200")
	assert.Equal(t, "body after flush", string(body))
}

func TestFlushAfter5xxCommitsNothing(t *testing.T) {
	m, _ := newTestMiddleware(t, Options{})
	srv := serve(t, m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusBadGateway)
		io.WriteString(w, "secret upstream details")
		w.(http.Flusher).Flush()
		require.NoError(t, http.NewResponseController(w).Flush())
		io.WriteString(w, "more")
	})))
	res, err := http.Get(srv.URL)
	require.NoError(t, err)
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	assert.Equal(t, http.StatusBadGateway, res.StatusCode)
	assert.NotContains(t, string(body), "secret upstream details")
	assert.Contains(t, string(body), "Bad gateway", "the page replaced the body")
}

func TestEarlyHintsReachTheClientBeforeAReplacedError(t *testing.T) {
	m, _ := newTestMiddleware(t, Options{})
	srv := serve(t, m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Link", "</app.css>; rel=preload; as=style")
		w.WriteHeader(http.StatusEarlyHints)
		w.WriteHeader(http.StatusInternalServerError)
	})))
	var mu sync.Mutex
	var interim []int
	var links []string
	trace := &httptrace.ClientTrace{Got1xxResponse: func(code int, h textproto.MIMEHeader) error {
		mu.Lock()
		defer mu.Unlock()
		interim = append(interim, code)
		links = append(links, h.Get("Link"))
		return nil
	}}
	req, _ := http.NewRequestWithContext(httptrace.WithClientTrace(context.Background(), trace), "GET", srv.URL, nil)
	res, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	res.Body.Close()
	assert.Equal(t, []int{103}, interim, "the 103 went out")
	assert.Equal(t, []string{"</app.css>; rel=preload; as=style"}, links)
	assert.Equal(t, http.StatusInternalServerError, res.StatusCode, "the 103 was not taken for the final status")
	assert.Equal(t, "no-store", res.Header.Get("Cache-Control"), "the final response was replaced")
	assert.Empty(t, res.Header.Get("Link"), "the preload belonged to the failed response")
}

// TestHijackedConnectionIsNeverWritten guards hijacks: errorpage writes
// nothing on a connection the handler took. A 5xx written before the
// hijack goes out as net/http sends it (the status line and headers,
// before the connection is handed over); no page follows.
func TestHijackedConnectionIsNeverWritten(t *testing.T) {
	tests := []struct {
		name   string
		before func(w http.ResponseWriter)
		after  func()
	}{
		{"plain hijack", func(http.ResponseWriter) {}, func() {}},
		{"hijack after a 5xx status", func(w http.ResponseWriter) { w.WriteHeader(http.StatusInternalServerError) }, func() {}},
		{"panic after hijack", func(http.ResponseWriter) {}, func() { panic("after hijack") }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, _ := newTestMiddleware(t, Options{})
			h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				tt.before(w)
				c, bufrw, err := w.(http.Hijacker).Hijack()
				if err != nil {
					panic(err)
				}
				bufrw.WriteString("HTTP/1.1 200 OK\r\nContent-Length: 3\r\nConnection: close\r\n\r\nraw")
				bufrw.Flush()
				c.Close()
				tt.after()
			})
			want := withoutDate(rawExchange(t, serve(t, h).Listener.Addr().String(), get("/")))
			got := withoutDate(rawExchange(t, serve(t, m.Handler(h)).Listener.Addr().String(), get("/")))
			require.True(t, strings.HasSuffix(want, "HTTP/1.1 200 OK\r\nContent-Length: 3\r\nConnection: close\r\n\r\nraw"), "the test's premise")
			assert.Equal(t, want, got, "exactly what the handler and net/http wrote")
		})
	}
}

func TestHTTP2KeepsPusherAndLacksHijacker(t *testing.T) {
	m, _ := newTestMiddleware(t, Options{})
	type caps struct{ bare, wrapped [6]bool }
	got := make(chan [6]bool, 2)
	h := func(w http.ResponseWriter, r *http.Request) { got <- capabilities(w) }
	for _, handler := range []http.Handler{http.HandlerFunc(h), m.Handler(http.HandlerFunc(h))} {
		srv := httptest.NewUnstartedServer(handler)
		srv.EnableHTTP2 = true
		srv.Config.ErrorLog = newDiscardLogger()
		srv.StartTLS()
		client := srv.Client()
		res, err := client.Get(srv.URL)
		require.NoError(t, err)
		res.Body.Close()
		require.Equal(t, 2, res.ProtoMajor, "the test needs HTTP/2")
		srv.Close()
	}
	c := caps{<-got, <-got}
	assert.Equal(t, c.bare, c.wrapped, "same interfaces as without the middleware over HTTP/2")
	assert.True(t, c.wrapped[4], "Pusher present")
	assert.False(t, c.wrapped[1], "Hijacker absent")
}

// headerCounter records every WriteHeader call, superfluous ones included,
// which net/http only logs.
type headerCounter struct {
	fakeWriter
	codes []int
}

func (c *headerCounter) WriteHeader(code int) {
	c.codes = append(c.codes, code)
	c.fakeWriter.WriteHeader(code)
}

// A superfluous WriteHeader goes on to net/http, which logs it as it would
// without the middleware; after a status we replace it stops with us.
func TestSuperfluousWriteHeaderReachesTheWriter(t *testing.T) {
	m, _ := newTestMiddleware(t, Options{})
	passing := &headerCounter{}
	m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusAccepted)
		w.WriteHeader(http.StatusInternalServerError)
	})).ServeHTTP(passing, httptest.NewRequest("GET", "/", nil))
	assert.Equal(t, []int{202, 500}, passing.codes, "both calls, as without the middleware")

	replaced := &headerCounter{}
	m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusBadGateway)
		w.WriteHeader(http.StatusOK)
	})).ServeHTTP(replaced, httptest.NewRequest("GET", "/", nil))
	assert.Equal(t, []int{502}, replaced.codes, "the page's status, once")
}

func TestEveryWritePathIsDiscardedUnderA5xx(t *testing.T) {
	tests := []struct {
		name  string
		write func(w http.ResponseWriter) error
	}{
		{"Write", func(w http.ResponseWriter) error { _, err := w.Write([]byte("secret")); return err }},
		{"WriteString", func(w http.ResponseWriter) error { _, err := io.WriteString(w, "secret"); return err }},
		{"ReadFrom", func(w http.ResponseWriter) error {
			_, err := io.Copy(w, iotest.OneByteReader(strings.NewReader("secret")))
			return err
		}},
		{"ReadFrom with a WriterTo source", func(w http.ResponseWriter) error {
			_, err := io.Copy(w, bytes.NewBufferString("secret"))
			return err
		}},
		{"Flush in between", func(w http.ResponseWriter) error {
			w.Write([]byte("sec"))
			w.(http.Flusher).Flush()
			_, err := w.Write([]byte("ret"))
			return err
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, _ := newTestMiddleware(t, Options{})
			var werr error
			res, body := do(t, m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.WriteHeader(http.StatusInternalServerError)
				werr = tt.write(w)
			})), "GET", "/")
			assert.NoError(t, werr, "a discarded write still succeeds for the handler")
			assert.Equal(t, 500, res.StatusCode)
			assert.NotContains(t, body, "secret")
			assert.Contains(t, body, "Something went wrong")
		})
	}
}

// unwrapOnly is a typical modern outer wrapper (metrics, logging): it
// exposes optional interfaces only through Unwrap, for
// http.ResponseController.
type unwrapOnly struct{ http.ResponseWriter }

func (u unwrapOnly) Unwrap() http.ResponseWriter { return u.ResponseWriter }

// TestHijackThroughResponseControllerIsTracked guards a hijack made through
// http.ResponseController. The bug it pins:
// gorilla/websocket ≥1.5.1 and coder/websocket hijack with
// http.NewResponseController(w).Hijack(). When the writer below the
// interceptor has no Hijack method of its own, wrap() gives the inner
// handler a writer without Hijack, ResponseController follows Unwrap
// around the interceptor, and state never becomes hijacked. A panic after
// the hijack is then treated as "nothing sent yet": OnError gets
// Committed=false, the "page" is written to a hijacked connection (net/http
// logs it and throws it away), and the panic is swallowed.
func TestHijackThroughResponseControllerIsTracked(t *testing.T) {
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
	// The handler may still be finishing after the client saw the close.
	require.Eventually(t, func() bool { return len(events.all()) > 0 }, 5*time.Second, 5*time.Millisecond, "OnError was called")

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

// TestWriterUsedAfterReturnStaysWithItsRequest guards a writer kept past
// the middleware's return. The bug it pins, found by the integration tests:
// echo's WrapMiddleware keeps the writer the middleware passed down and its
// HTTPErrorHandler writes through it after the middleware returned. A
// pooled interceptor was by then reset (nil pointer panic) or handed to
// another request (the error went to the wrong client).
func TestWriterUsedAfterReturnStaysWithItsRequest(t *testing.T) {
	tests := []struct {
		name       string
		status     int
		wantStatus int
		wantBody   string // substring
		wantCType  string
	}{
		{name: "404 written late passes through", status: http.StatusNotFound, wantStatus: http.StatusNotFound, wantBody: "not found here", wantCType: "application/json"},
		{name: "502 written late gets the page", status: http.StatusBadGateway, wantStatus: http.StatusBadGateway, wantBody: `"status":502`, wantCType: "application/problem+json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := New(Options{Logger: slog.New(slog.DiscardHandler)})
			require.NoError(t, err)
			var kept http.ResponseWriter
			h := m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { kept = w }))

			// Another request through the same middleware in between, as
			// on a busy server.
			other := httptest.NewRecorder()
			m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				io.WriteString(w, "the other response")
			})).ServeHTTP(other, httptest.NewRequest(http.MethodGet, "/other", nil))

			rec := httptest.NewRecorder()
			req := httptest.NewRequest(http.MethodGet, "/late", nil)
			req.Header.Set("Accept", "application/json")
			h.ServeHTTP(rec, req)
			// Like echo: write through the kept writer after the middleware
			// returned, while the server still serves the request.
			require.NotPanics(t, func() {
				kept.Header().Set("Content-Type", "application/json")
				kept.WriteHeader(tt.status)
				io.WriteString(kept, `{"message":"not found here"}`)
			})
			assert.Equal(t, tt.wantStatus, rec.Code, "status: got %d, want %d", rec.Code, tt.wantStatus)
			assert.Contains(t, rec.Body.String(), tt.wantBody)
			ct := rec.Header().Get("Content-Type")
			assert.True(t, strings.HasPrefix(ct, tt.wantCType), "Content-Type: got %q, want %s", ct, tt.wantCType)
			assert.Equal(t, "the other response", other.Body.String(), "the other request's body: got %q, want it untouched", other.Body.String())
		})
	}
}

// TestLatePageKeepsTheOuterHeaders: the headers an outer middleware set
// are taken on the middleware's stack while the handler runs; a page
// written after the middleware returned (echo's error handler) must still
// keep them, and drop the handler's, whatever the stack holds by then.
func TestLatePageKeepsTheOuterHeaders(t *testing.T) {
	m, err := New(Options{Logger: slog.New(slog.DiscardHandler)})
	require.NoError(t, err)
	var kept http.ResponseWriter
	inner := m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { kept = w }))
	outer := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Access-Control-Allow-Origin", "https://app.example")
		w.Header().Set("X-Outer", "outer value")
		inner.ServeHTTP(w, r)
	})
	rec := httptest.NewRecorder()
	outer.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/late", nil))
	// Overwrite the stack the headers were taken on.
	var deep func(n int) int
	deep = func(n int) int {
		var pad [64]uintptr
		pad[n%64] = uintptr(n)
		if n == 0 {
			return int(pad[0])
		}
		return deep(n-1) + int(pad[n%64])
	}
	deep(200)
	kept.Header().Set("X-Outer", "changed by the handler")
	kept.Header().Set("X-Inner", "the handler's own")
	kept.WriteHeader(http.StatusBadGateway)

	assert.Equal(t, http.StatusBadGateway, rec.Code)
	assert.Equal(t, "https://app.example", rec.Header().Get("Access-Control-Allow-Origin"))
	assert.Equal(t, "outer value", rec.Header().Get("X-Outer"), "the outer value is restored")
	assert.Empty(t, rec.Header().Get("X-Inner"), "the handler's header described the thrown-away response")
	assert.Contains(t, rec.Body.String(), "502")
}

// TestReadFromPastContentLengthIsCommitted guards io.Copy past a declared
// Content-Length: net/http refuses the bytes but has implied 200 by then,
// so a panic after it must abort as it does without errorpage, not try a
// page on a writer whose status is set (found by FuzzDifferential).
func TestReadFromPastContentLengthIsCommitted(t *testing.T) {
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "5")
		io.Copy(w, struct{ io.Reader }{strings.NewReader(strings.Repeat("x", 1000))})
		panic("after the copy")
	})
	m, _ := newTestMiddleware(t, Options{})
	want := withoutDate(rawExchange(t, serve(t, h).Listener.Addr().String(), get("/")))
	got := withoutDate(rawExchange(t, serve(t, m.Handler(h)).Listener.Addr().String(), get("/")))
	assert.Equal(t, want, got, "got %q behind errorpage, want %q as without it", got, want)
}

// TestInterfacesOfRemembersEachWriterType asks for the interfaces of
// writers of many types, over and over and interleaved, so that answers
// come both from the table of types seen last and from asking anew: each
// must be the interfaces of that writer's own type.
func TestInterfacesOfRemembersEachWriterType(t *testing.T) {
	for round := range 3 {
		for mask := range 64 {
			for _, m := range []int{mask, 63 - mask, mask, 0} {
				w, _ := fakeWriterWith(m)
				require.Equal(t, m, interfaceMask(w), "test setup for mask %06b", m)
				assert.Equal(t, m, interfacesOf(w), "round %d, mask %06b", round, m)
			}
		}
	}
}
