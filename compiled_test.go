package errorpage

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCompiledPageIsTheRenderedPage checks that a page written from its
// compiled form is, byte for byte, the page rendered with the request's
// values, in every format, for values that need escaping and values that
// are absent.
func TestCompiledPageIsTheRenderedPage(t *testing.T) {
	m, _ := newTestMiddleware(t, Options{ClientErrors: true})
	rd := m.render
	ja := -1
	for i, tx := range rd.langs.texts {
		if tx.Tag == "ja" {
			ja = i
		}
	}
	require.NotEqual(t, -1, ja)
	hostile := `<script>alert("x&y")</script> 'quoted' – ünïcödé ` + "\u2028\x01"
	at := time.Date(2026, 12, 2, 10, 30, 15, 500, time.UTC)
	u, err := url.Parse("https://example.com/a%2Fb/<c>?q=1")
	require.NoError(t, err)
	cases := []pageData{
		{status: 503},
		{status: 500, requestID: "req-7f3a9c2e", url: u},
		{status: 404, requestID: hostile, reference: hostile, url: u},
		{status: 503, retry: hostile, retrySeconds: 30, requestID: "id"},
		{status: 503, maintenance: true, message: hostile, retry: "soon", retrySeconds: 90, back: retry{at: at}, url: u},
		{status: 503, maintenance: true, lang: ja, requestID: "id", reference: "ref"},
		{status: 429, lang: ja, retry: "later", retrySeconds: 1},
		{status: 599, requestID: "x"},
	}
	for i, d := range cases {
		for _, f := range []format{formatText, formatHTML, formatJSON} {
			name := fmt.Sprintf("case %d, format %d", i, f)
			var want bytes.Buffer
			v := d.slotValues(f)
			require.NoError(t, rd.renderOnce(context.Background(), &want, f, &d, v.strings()), name)
			// Twice: the first compiles, the second reads the compiled page.
			for range 2 {
				out := body{buf: new(bytes.Buffer)}
				require.NoError(t, rd.builtin(context.Background(), &out, f, &d), name)
				var got bytes.Buffer
				out.writeTo(&got)
				assert.Equal(t, want.String(), got.String(), name)
				assert.Equal(t, got.Len(), out.len(), name)
			}
		}
	}
}

// TestBodyKeepsItsPiecesInOrder writes a body of buffered bytes and
// direct literals, interleaved, and checks it comes out whole and in order.
func TestBodyKeepsItsPiecesInOrder(t *testing.T) {
	big1, big2 := []byte(strings.Repeat("1", directLiteral)), []byte(strings.Repeat("2", directLiteral))
	out := body{buf: new(bytes.Buffer)}
	out.buf.WriteString("A")
	out.literal(big1)
	out.buf.WriteString("B")
	out.literal(big2)
	out.buf.WriteString("C")
	out.takeBuffered()
	var got bytes.Buffer
	out.writeTo(&got)
	want := "A" + string(big1) + "B" + string(big2) + "C"
	assert.Equal(t, want, got.String())
	assert.Equal(t, len(want), out.len())

	out.reset()
	out.buf.WriteString("only")
	got.Reset()
	out.writeTo(&got)
	assert.Equal(t, "only", got.String())
	assert.Equal(t, 4, out.len())
}
