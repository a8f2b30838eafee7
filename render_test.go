package errorpage

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/a-h/templ"
	"github.com/errorpage/errorpage/internal/theme"
	"github.com/errorpage/errorpage/pages"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEachDefinedStatusHasItsOwnExplanation(t *testing.T) {
	m, _ := newTestMiddleware(t, Options{})
	seen := map[string]int{}
	for _, status := range []int{500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511} {
		_, body := do(t, m.Handler(failing(status)), "GET", "/", "Accept", "text/html")
		h1 := regexp.MustCompile(`<h1>(.*?)</h1>`).FindStringSubmatch(body)
		require.Len(t, h1, 2, "page %d has an h1", status)
		if prev, ok := seen[h1[1]]; ok {
			t.Errorf("%d and %d share the heading %q", prev, status, h1[1])
		}
		seen[h1[1]] = status
	}
	_, generic := do(t, m.Handler(failing(599)), "GET", "/", "Accept", "text/html")
	assert.Contains(t, generic, "<h1>Server error</h1>", "an unknown 5xx gets the generic page")
}

func TestDebugShowsThePanic(t *testing.T) {
	m, _ := newTestMiddleware(t, Options{Debug: true})
	h := m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		panic(errors.New("nil map <write>"))
	}))
	_, html := do(t, h, "GET", "/", "Accept", "text/html")
	assert.Contains(t, html, "nil map &lt;write&gt;", "shown, escaped")
	assert.Contains(t, html, "goroutine ")
	_, js := do(t, h, "GET", "/", "Accept", "application/json")
	var p map[string]any
	require.NoError(t, json.Unmarshal([]byte(js), &p))
	assert.Equal(t, "nil map <write>", p["panic"])
	assert.Contains(t, p["stack"], "goroutine ")
}

func TestUserControlledStringsAreEscaped(t *testing.T) {
	m, _ := newTestMiddleware(t, Options{OnError: func(*http.Request, ErrorEvent) string { return `<img src=x onerror=alert(2)>` }})
	_, body := do(t, m.Handler(failing(500)), "GET", "/", "Accept", "text/html", "X-Request-Id", `"><script>alert(1)</script>`)
	assert.NotContains(t, body, "<script>")
	assert.NotContains(t, body, "<img src=x")
	assert.Contains(t, body, "&lt;img src=x onerror=alert(2)&gt;")
	assert.Contains(t, body, "&#34;&gt;&lt;script&gt;", "the request ID is shown escaped")
}

func TestCustomPages(t *testing.T) {
	custom := func(m pages.Model) templ.Component {
		return templ.ComponentFunc(func(ctx context.Context, w io.Writer) error {
			_, err := fmt.Fprintf(w, `<!DOCTYPE html><style nonce="%s">p{}</style><p>custom %d %s</p>`, templ.GetNonce(ctx), m.Status, templ.EscapeString(m.RequestID))
			return err
		})
	}
	m, _ := newTestMiddleware(t, Options{Pages: map[int]func(pages.Model) templ.Component{503: custom}})
	res, body := do(t, m.Handler(failing(503)), "GET", "/", "Accept", "text/html", "X-Request-Id", "r<1>")
	assert.Contains(t, body, "<p>custom 503 r&lt;1&gt;</p>")
	nonce := regexp.MustCompile(`nonce="([^"]+)"`).FindStringSubmatch(body)
	require.Len(t, nonce, 2, "the page got a nonce")
	assert.Contains(t, res.Header.Get("Content-Security-Policy"), "'nonce-"+nonce[1]+"'", "and the CSP allows it")
	_, other := do(t, m.Handler(failing(500)), "GET", "/", "Accept", "text/html")
	assert.Contains(t, other, "Something went wrong", "other statuses keep the built-in page")

	fb, _ := newTestMiddleware(t, Options{Fallback: custom})
	_, body = do(t, fb.Handler(failing(500)), "GET", "/", "Accept", "text/html")
	assert.Regexp(t, `<p>custom 500 [A-Za-z0-9_-]{12}</p>`, body, "Fallback serves every status, with a generated request ID")
}

func TestFailingCustomPageFallsBackToTheBuiltIn(t *testing.T) {
	tests := []struct {
		name string
		page func(pages.Model) templ.Component
	}{
		{"error", func(pages.Model) templ.Component {
			return templ.ComponentFunc(func(ctx context.Context, w io.Writer) error {
				io.WriteString(w, "<p>half a page")
				return errors.New("template broke")
			})
		}},
		{"panic", func(pages.Model) templ.Component {
			return templ.ComponentFunc(func(ctx context.Context, w io.Writer) error {
				io.WriteString(w, "<p>half a page")
				panic("template panicked")
			})
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, logs := newTestMiddleware(t, Options{Fallback: tt.page})
			res, body := do(t, m.Handler(failing(502)), "GET", "/", "Accept", "text/html")
			assert.Equal(t, 502, res.StatusCode, "the client always gets the status")
			assert.NotContains(t, body, "half a page", "nothing of the failed page")
			assert.Contains(t, body, "Bad gateway")
			assert.Contains(t, logs.String(), "custom page failed")
		})
	}
}

func TestLoginURLOn511(t *testing.T) {
	m, _ := newTestMiddleware(t, Options{Brand: Brand{LoginURL: "https://portal.example/login?next=/"}})
	_, body := do(t, m.Handler(failing(511)), "GET", "/", "Accept", "text/html")
	assert.Contains(t, body, `href="https://portal.example/login?next=/"`)
	assert.NotContains(t, body, "<form", "RFC 6585: the page links to the login, it does not contain it")
}

// TestPageIsSelfContainedAndSmall checks every built-in theme, bare and
// with a whole brand (logo, every link, footer, colours), on the pages
// that show the most: each must stay under 10 KB and load nothing.
func TestPageIsSelfContainedAndSmall(t *testing.T) {
	brand := Brand{
		Name: "Acme Cloud", HomeURL: "/", Support: "/help", StatusURL: "/status", LoginURL: "/login",
		Footer: "© 2026 Acme Cloud, Inc.", Accent: "#e4572e", Background: "#fdf6e3", DarkBackground: "#002b36",
		LogoSVG: `<svg viewBox="0 0 32 32" width="32" height="32" role="img" aria-label="Acme Cloud"><rect width="32" height="32" rx="8" fill="#e4572e"/><path d="M9 22l7-13 7 13M12 17.5h8" fill="none" stroke="#fff" stroke-width="2.6" stroke-linecap="round" stroke-linejoin="round"/></svg>`,
	}
	for _, th := range theme.Builtin() {
		for _, b := range []struct {
			name  string
			brand Brand
		}{{"bare", Brand{}}, {"brand", brand}} {
			t.Run(th.Name+"/"+b.name, func(t *testing.T) {
				m, _ := newTestMiddleware(t, Options{Theme: th.Name, Brand: b.brand})
				for _, status := range []int{500, 503, 511, 599} {
					_, body := do(t, m.Handler(failing(status)), "GET", "/", "Accept", "text/html", "X-Request-Id", strings.Repeat("r", 64))
					assert.Less(t, len(body), 10*1024, "%d: got %d bytes, want under 10 KB", status, len(body))
					assert.Regexp(t, `<html lang="en" dir="ltr">`, body)
					assert.Contains(t, body, "<main")
					assert.Contains(t, body, "<h1>")
					assert.Contains(t, body, "prefers-color-scheme:dark")
					assert.Contains(t, body, `name="viewport"`)
					for _, external := range []string{"<script", "@import", "url(", "http://", "https://", "<img"} {
						assert.NotContains(t, body, external, "%d: nothing external (%s)", status, external)
					}
					links := regexp.MustCompile(`<link[^>]*>`).FindAllString(body, -1)
					assert.Equal(t, []string{`<link rel="icon" href="data:,">`}, links, "%d: the only link is the empty icon that stops a favicon request", status)
				}
			})
		}
	}
}

// TestPageDoesNotDependOnTheRequestContext guards pages rendered while the
// request's context is done (a deadline middleware answering 504, a client
// that half-closed): templ stops at a done context, and the page must not.
func TestPageDoesNotDependOnTheRequestContext(t *testing.T) {
	custom := func(pages.Model) templ.Component {
		return templ.ComponentFunc(func(ctx context.Context, w io.Writer) error {
			if err := ctx.Err(); err != nil {
				return err // as templ's own components do
			}
			_, err := io.WriteString(w, "<p>custom</p>")
			return err
		})
	}
	for name, opts := range map[string]Options{
		"built-in page": {},
		"custom page":   {Pages: map[int]func(pages.Model) templ.Component{504: custom}},
	} {
		t.Run(name, func(t *testing.T) {
			m, logs := newTestMiddleware(t, opts) // new, so the built-in page is compiled under this request
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			r := httptest.NewRequest("GET", "/", nil).WithContext(ctx)
			r.Header.Set("Accept", "text/html")
			rec := httptest.NewRecorder()
			m.Handler(failing(http.StatusGatewayTimeout)).ServeHTTP(rec, r)
			assert.Equal(t, 504, rec.Code)
			assert.Equal(t, "text/html; charset=utf-8", rec.Header().Get("Content-Type"), "still the HTML page")
			assert.Empty(t, logs.String(), "nothing failed, so nothing is logged")
		})
	}
}

// TestCustomPageConstructorPanicKeepsTheStatus guards a custom page whose
// constructor panics. The bug it pins:
// A Fallback whose constructor panics (here: the common m.Debug.Panic on a
// nil *pages.Debug) must still leave the client with the status: issue 2
// §13 "if a custom page errors or panics while rendering, the built-in page
// is served ... The client always gets the status."
func TestCustomPageConstructorPanicKeepsTheStatus(t *testing.T) {
	m, _ := newTestMiddleware(t, Options{
		Fallback: func(pm pages.Model) templ.Component {
			_ = pm.Debug.Panic // nil unless Debug: panics while building the component
			return pages.Generic(pm)
		},
	})
	h := m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusBadGateway)
	}))
	srv := serve(t, h)
	req, _ := http.NewRequest("GET", srv.URL, nil)
	req.Header.Set("Accept", "text/html")
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatalf("client got no response at all: %v (want 502 with the built-in page)", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusBadGateway {
		t.Fatalf("got status %d, want 502", resp.StatusCode)
	}
	_ = httptest.NewRecorder
}

// TestRender_TryAgainOnlyWhenTemporary checks that a page offers "Try
// again" for a status a retry may cure, and not for one it cannot (501,
// 505, 506, 508, 510: the server will answer the same). 511 sends the
// visitor to sign in instead.
func TestRender_TryAgainOnlyWhenTemporary(t *testing.T) {
	m, _ := newTestMiddleware(t, Options{})
	permanent := map[int]bool{501: true, 505: true, 506: true, 508: true, 510: true}
	for status := 500; status <= 599; status++ {
		if status == 511 {
			continue
		}
		_, body := do(t, m.Handler(failing(status)), "GET", "/", "Accept", "text/html")
		got := strings.Contains(body, ">Try again</a>")
		assert.Equal(t, !permanent[status], got, "status %d: got a retry link %t, want %t", status, got, !permanent[status])
	}
}

// TestRender_PlainTextUsesTheLanguagesColon guards the separators of the
// plain-text answer: French puts a no-break space before the colon,
// Japanese and Chinese write a full-width colon, not ASCII ": ".
func TestRender_PlainTextUsesTheLanguagesColon(t *testing.T) {
	m, _ := newTestMiddleware(t, Options{})
	for _, tc := range []struct{ lang, first, id string }{
		{"en", "Error 500: Something went wrong", "Request ID: req-1"},
		{"fr", "Erreur 500\u00a0: Une erreur s’est produite", "Identifiant de la requête\u00a0: req-1"},
		{"ja", "エラー 500：問題が発生しました", "リクエストID：req-1"},
		{"zh-Hans", "错误 500：出错了", "请求 ID：req-1"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			_, body := do(t, m.Handler(failing(500)), "GET", "/", "Accept", "text/plain", "Accept-Language", tc.lang, "X-Request-Id", "req-1")
			first, _, _ := strings.Cut(body, "\n")
			assert.Equal(t, tc.first, first)
			assert.Contains(t, body, "\n"+tc.id+"\n")
		})
	}
}

// clientErrorStatuses are the client errors with a text of their own in
// every built-in language.
var clientErrorStatuses = []int{400, 401, 403, 404, 405, 406, 408, 409, 410, 413, 414, 415, 421, 422, 429, 431, 451}

// TestClientErrorPages: every client error, in every format and every
// built-in language, says what happened in that language with the status
// it has; one without a text of its own (418) gets the generic 4xx text,
// and its problem title "Client Error" when it has no phrase.
func TestClientErrorPages(t *testing.T) {
	m, _ := newTestMiddleware(t, Options{ClientErrors: true})
	formats := []struct{ accept, contentType string }{
		{"text/html", "text/html; charset=utf-8"},
		{"application/json", "application/problem+json"},
		{"text/plain", "text/plain; charset=utf-8"},
	}
	for _, text := range pages.Languages() {
		for _, status := range append(clientErrorStatuses, 418, 499) {
			st, own := text.Statuses[status]
			if !own {
				st = text.GenericClient
				st.Title = strings.ReplaceAll(st.Title, "{status}", fmt.Sprint(status))
			}
			require.NotEmpty(t, st.Title, "%s %d has no text", text.Tag, status)
			for _, f := range formats {
				rec := httptest.NewRecorder()
				req := httptest.NewRequest("GET", "/missing", nil)
				req.Header.Set("Accept", f.accept)
				req.Header.Set("Accept-Language", text.Tag)
				m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
					http.Error(w, "net/http's text", status)
				})).ServeHTTP(rec, req)
				name := fmt.Sprintf("%s %d %s", text.Tag, status, f.accept)
				assert.Equal(t, status, rec.Code, name)
				assert.Equal(t, f.contentType, rec.Header().Get("Content-Type"), name)
				assert.Equal(t, text.Tag, rec.Header().Get("Content-Language"), name)
				body := rec.Body.String()
				switch f.accept {
				case "application/json":
					var doc map[string]any
					require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &doc), name)
					assert.Equal(t, float64(status), doc["status"], name)
					assert.Equal(t, st.Message, doc["detail"], name)
					want := http.StatusText(status)
					if want == "" {
						want = "Client Error"
					}
					assert.Equal(t, want, doc["title"], name)
				case "text/html":
					assert.Contains(t, body, "<h1>"+templ.EscapeString(st.Title)+"</h1>", name)
					assert.Contains(t, body, `data-status="`+fmt.Sprint(status)+`"`, name)
				default:
					assert.Contains(t, body, st.Title, name)
					assert.Contains(t, body, st.Advice, name)
				}
			}
		}
	}
}

// TestClientErrorPages_TryAgainOnlyWhenItHelps: of the client errors only
// a timeout and a rate limit offer "Try again"; reloading a 404 does not
// find the page.
func TestClientErrorPages_TryAgainOnlyWhenItHelps(t *testing.T) {
	m, _ := newTestMiddleware(t, Options{ClientErrors: true})
	for _, status := range clientErrorStatuses {
		_, body := do(t, m.Handler(failing(status)), "GET", "/", "Accept", "text/html")
		want := status == 408 || status == 429
		got := strings.Contains(body, ">Try again</a>")
		assert.Equal(t, want, got, "status %d: got a retry link %t, want %t", status, got, want)
	}
}
