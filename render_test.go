package errorpage

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

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
