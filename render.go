package errorpage

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/a-h/templ"

	"github.com/errorpage/errorpage/internal/static"
	"github.com/errorpage/errorpage/pages"
)

// pageData is everything one error response says, whichever format it
// takes.
type pageData struct {
	status      int
	maintenance bool
	message     string            // maintenance: the operator's message, or ""
	messages    map[string]string // maintenance: the message by language tag
	url         *url.URL          // the request's, for the problem's instance; nil: none
	lang        int               // index into the languages
	langTag     string            // its tag, set by respond, for observers
	format      format            // set by respond, for observers

	requestID string
	reference string
	debug     *pages.Debug

	// back is when to come back as the caller knows it (a maintenance
	// window's end or retry delay); refresh is the interval of the
	// Refresh header of an HTML maintenance page. Both are decided by the
	// caller; respond formats them.
	back    retry
	refresh time.Duration

	retry        string // the sentence saying when to come back
	retrySeconds int64  // the same as a number, for problem documents

	// static marks a page made ahead of time (internal/static): no
	// request ID, reference or instance, and a generic retry sentence.
	static bool
}

// instance is the problem document's instance: the request path as it was
// sent, made only for the documents that say it.
func (d *pageData) instance() string {
	if d.url == nil {
		return ""
	}
	return d.url.EscapedPath()
}

// makeStatic turns d into a page made ahead of time, if r asks for one
// (internal/static).
func (d *pageData) makeStatic(r *http.Request) {
	if static.Marked(r.Context()) {
		d.static = true
		d.requestID, d.reference, d.url = "", "", nil
	}
}

// renderConfig is what a renderer is built from: the parts of Options
// that decide how pages look and read, checked by New.
type renderConfig struct {
	look       look
	texts      []pages.Text // the default language first
	pages      map[int]func(pages.Model) templ.Component
	fallback   func(pages.Model) templ.Component
	maintPage  func(pages.Model) templ.Component
	localTitle bool
	log        *slog.Logger
}

// renderer turns pageData into bytes: the one render path for every
// status, the maintenance page and all three formats.
type renderer struct {
	cfg        renderConfig
	langs      *languages
	css        string
	cssHash    string   // the stylesheet's CSP source, 'sha256-...'
	cspHTML    string   // allows exactly the stylesheet
	imgSrc     string   // img-src sources: the site, data: and the logo's origin
	vary       string   // the Vary value when there is none yet
	varyTokens []string // its tokens, to add to an existing Vary

	compiled *compiledPages // the built-in pages, compiled as they are asked for
}

const cspOther = "default-src 'none'; frame-ancestors 'none'"

// csp is the Content-Security-Policy of an HTML page: nothing but the
// built-in stylesheet (by hash) and, for a custom page, the inline styles
// carrying nonce (templ.GetNonce). Images may come from the site itself.
func (rd *renderer) csp(nonce string) string {
	return rd.pageCSP(rd.cssHash, nonce, "'none'")
}

// pageCSP is the policy of a page whose only inline stylesheet has the
// hash styleHash, plus styles carrying nonce if it is set; frameAncestors
// says who may frame it ('none' for error pages, 'self' in the gallery).
func (rd *renderer) pageCSP(styleHash, nonce, frameAncestors string) string {
	style := styleHash
	if nonce != "" {
		style += " 'nonce-" + nonce + "'"
	}
	return "default-src 'none'; style-src " + style + "; img-src " + rd.imgSrc +
		"; base-uri 'none'; form-action 'none'; frame-ancestors " + frameAncestors
}

// cspHash is the CSP source allowing an inline stylesheet with content s.
func cspHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

func newRenderer(cfg renderConfig) (*renderer, error) {
	r := &renderer{cfg: cfg, langs: newLanguages(cfg.texts)}
	r.css = cfg.look.theme.CSS()
	r.imgSrc = "'self' data:"
	if cfg.look.imgOrigin != "" {
		r.imgSrc += " " + cfg.look.imgOrigin
	}
	r.cssHash = cspHash(r.css)
	r.cspHTML = r.csp("")
	r.varyTokens = []string{"Accept"}
	if len(r.langs.texts) > 1 {
		r.varyTokens = append(r.varyTokens, "Accept-Language")
	}
	r.vary = strings.Join(r.varyTokens, ", ")
	var err error
	if r.compiled, err = newCompiledPages(); err != nil {
		return nil, err
	}
	return r, nil
}

var bufferPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func getBuffer() *bytes.Buffer { return bufferPool.Get().(*bytes.Buffer) }

func putBuffer(b *bytes.Buffer) {
	if b.Cap() > 64<<10 {
		return // a debug page with a deep stack; let it go
	}
	b.Reset()
	bufferPool.Put(b)
}

// render makes the page in format f into out, whose buf is empty. It
// cannot fail: if a custom page fails, the built-in one is used, and if
// that fails too, plain text. It returns the format it made, and the nonce
// its styles carry if it rendered a custom page ("" for none).
func (rd *renderer) render(ctx context.Context, out *body, f format, d *pageData) (wrote format, nonce string) {
	text := &rd.langs.texts[d.lang] // a Text is large: never copied
	if d.messages != nil {
		d.message = localMessage(d.messages, text.Tag, rd.langs.texts[0].Tag, d.message)
		d.messages = nil // chosen once, also if the page is rendered again
	}
	if f == formatHTML {
		if page := rd.customPage(d); page != nil {
			nonce := newNonce()
			err := renderSafely(templ.WithNonce(ctx, nonce), out.buf, page, rd.model(d, d.slotStrings()))
			if err == nil {
				return formatHTML, nonce
			}
			rd.cfg.log.LogAttrs(ctx, slog.LevelError, "errorpage: custom page failed; serving the built-in one", errAttr(err))
			out.reset()
		}
	}
	err := rd.builtin(ctx, out, f, d)
	if err == nil {
		return f, ""
	}
	// Only a built-in HTML page can fail (a bug in it, or in a brand's
	// templ code): the text page cannot.
	rd.cfg.log.LogAttrs(ctx, slog.LevelError, "errorpage: built-in page failed; serving plain text", errAttr(err))
	out.reset()
	_ = rd.builtin(ctx, out, formatText, d)
	return formatText, ""
}

// builtin makes the built-in page of d in format f into out, from its
// compiled form unless debug details make the page one of a kind.
func (rd *renderer) builtin(ctx context.Context, out *body, f format, d *pageData) error {
	v := d.slotValues(f)
	if d.debug != nil {
		return rd.renderOnce(ctx, out.buf, f, d, v.strings())
	}
	key := pageKey{status: d.status, lang: d.lang, maint: d.maintenance, format: f, slots: v.present(f)}
	return rd.compiled.write(out, key, &v, func(b *bytes.Buffer, slots [numSlots]string) error {
		return rd.renderOnce(ctx, b, f, d, slots)
	})
}

// slotValues are the values of d's slots; the instance, made from the
// URL, only for the format that says it.
func (d *pageData) slotValues(f format) slotValues {
	v := slotValues{retrySeconds: d.retrySeconds, until: d.back.at}
	v.strs[slotRequestID], v.strs[slotReference], v.strs[slotRetry], v.strs[slotMessage] = d.requestID, d.reference, d.retry, d.message
	if f == formatJSON {
		v.strs[slotInstance] = d.instance()
	}
	return v
}

// slotStrings are the slot values of d as strings, for a page that is
// rendered rather than compiled (a custom page, the gallery).
func (d *pageData) slotStrings() [numSlots]string {
	v := d.slotValues(formatHTML)
	return v.strings()
}

// renderOnce renders the built-in page of d in format f, with the slot
// values given: markers when a page is compiled, the values themselves for
// a page of a kind that is never compiled (one with debug details).
func (rd *renderer) renderOnce(ctx context.Context, b *bytes.Buffer, f format, d *pageData, slots [numSlots]string) error {
	switch f {
	case formatHTML:
		return renderSafely(ctx, b, builtinPage(d), rd.model(d, slots))
	case formatJSON:
		st := rd.statusText(d, slots)
		title := phrase(d.status)
		if rd.cfg.localTitle {
			title = st.Title
		}
		writeProblem(b, problemDoc{
			title: title, status: d.status, detail: st.Message, instance: slots[slotInstance],
			requestID: slots[slotRequestID], reference: slots[slotReference],
			retryAfter: slots[slotRetrySeconds], until: slots[slotUntil], debug: d.debug,
		})
		return nil
	}
	writePlain(b, &rd.langs.texts[d.lang], rd.statusText(d, slots), d, slots)
	return nil
}

// localMessage picks the operator's message for the page's language tag:
// its own, its base language's, the default language's, else fallback.
func localMessage(msgs map[string]string, tag, defaultTag, fallback string) string {
	for _, t := range [...]string{tag, baseTag(tag), defaultTag, baseTag(defaultTag)} {
		if m := msgs[t]; m != "" {
			return m
		}
	}
	return fallback
}

func baseTag(tag string) string {
	if i := strings.IndexByte(tag, '-'); i > 0 {
		return tag[:i]
	}
	return tag
}

// statusText is the explanation for d in the given language.
func statusText(t *pages.Text, d *pageData) pages.StatusText {
	if d.maintenance {
		st := t.Maintenance
		if d.message != "" {
			st.Message = d.message
		}
		return st
	}
	if st, ok := t.Statuses[d.status]; ok {
		return st
	}
	st := t.Generic
	if d.status < 500 {
		st = t.GenericClient
	}
	st.Title = strings.ReplaceAll(st.Title, "{status}", strconv.Itoa(d.status))
	return st
}

// phrase is the reason phrase of a status, "Client Error" or "Server
// Error" for one without its own.
func phrase(status int) string {
	if p := http.StatusText(status); p != "" {
		return p
	}
	if status < 500 {
		return "Client Error"
	}
	return "Server Error"
}

// temporary reports whether trying again later may succeed for a status;
// pages offer "Try again" only then ([pages.Model].Temporary). Of the
// client errors only a timeout (408), a request too early (425) and a
// rate limit (429) are: the others need a different request.
func temporary(status int) bool {
	switch status {
	case 408, 425, 429:
		return true
	case 501, 505, 506, 508, 510:
		return false
	}
	return status >= 500
}

func (rd *renderer) customPage(d *pageData) func(pages.Model) templ.Component {
	if d.maintenance {
		return rd.cfg.maintPage
	}
	if p := rd.cfg.pages[d.status]; p != nil {
		return p
	}
	return rd.cfg.fallback
}

func builtinPage(d *pageData) func(pages.Model) templ.Component {
	if d.maintenance {
		return pages.Maintenance
	}
	return pages.ForStatus(d.status)
}

// statusText is the explanation of d in its language, with the
// operator's maintenance message from slots (a marker when compiling).
func (rd *renderer) statusText(d *pageData, slots [numSlots]string) pages.StatusText {
	st := statusText(&rd.langs.texts[d.lang], d)
	if d.maintenance && slots[slotMessage] != "" {
		st.Message = slots[slotMessage]
	}
	return st
}

// model builds the view model of d, with the slot values given (markers
// when compiling, d.slotStrings() otherwise).
func (rd *renderer) model(d *pageData, slots [numSlots]string) pages.Model {
	text := &rd.langs.texts[d.lang]
	st := rd.statusText(d, slots)
	return pages.Model{
		Status:      d.status,
		Phrase:      phrase(d.status),
		Text:        st,
		Labels:      text.Labels,
		Lang:        text.Tag,
		Dir:         text.Dir,
		Temporary:   temporary(d.status),
		Maintenance: d.maintenance,
		RequestID:   slots[slotRequestID],
		Reference:   slots[slotReference],
		Retry:       slots[slotRetry],
		Brand:       rd.cfg.look.brand,
		Theme:       rd.cfg.look.theme.Name,
		CSS:         rd.css,
		Debug:       d.debug,
	}
}

// renderSafely builds the page's component from the model and renders it
// into buf, turning a panic in either step into an error: a custom page may
// fail while it is built (a nil map, a nil Debug) as well as while it
// renders.
//
// The page is rendered under a context that is never cancelled: templ
// stops at a done context, and an error page is rendered exactly when the
// request's context may be done (a deadline middleware answering 504, a
// client that half-closed). The page goes into a buffer, not to the
// client, so finishing it costs nothing the client can notice.
func renderSafely(ctx context.Context, buf *bytes.Buffer, page func(pages.Model) templ.Component, m pages.Model) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("errorpage: page panicked: %v", v)
		}
	}()
	return page(m).Render(context.WithoutCancel(ctx), buf)
}

// writePlain writes the text/plain page, with the slot values given.
func writePlain(b *bytes.Buffer, t *pages.Text, st pages.StatusText, d *pageData, slots [numSlots]string) {
	code := t.Labels.ErrorCode
	if d.maintenance && t.Labels.Maintenance != "" {
		code = t.Labels.Maintenance // planned, not an error
	}
	if before, after, ok := strings.Cut(code, "{status}"); ok {
		b.WriteString(before)
		writeInt(b, int64(d.status))
		b.WriteString(after)
	} else {
		b.WriteString(code)
	}
	colon := orElse(t.Labels.Colon, ": ")
	b.WriteString(colon)
	b.WriteString(st.Title)
	b.WriteString("\n\n")
	b.WriteString(st.Message)
	b.WriteByte('\n')
	if slots[slotRetry] != "" {
		b.WriteString(slots[slotRetry])
		b.WriteByte('\n')
	}
	b.WriteString(st.Advice)
	b.WriteByte('\n')
	if slots[slotRequestID] != "" || slots[slotReference] != "" {
		b.WriteByte('\n')
	}
	for _, line := range [...][2]string{{t.Labels.RequestID, slots[slotRequestID]}, {t.Labels.Reference, slots[slotReference]}} {
		if line[1] != "" {
			b.WriteString(line[0])
			b.WriteString(colon)
			b.WriteString(line[1])
			b.WriteByte('\n')
		}
	}
	if d.debug != nil {
		b.WriteString("\n" + d.debug.Panic + "\n\n" + d.debug.Stack + "\n")
	}
}

func newNonce() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	return base64.RawURLEncoding.EncodeToString(b[:])
}
