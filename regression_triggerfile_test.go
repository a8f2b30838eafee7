package errorpage

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// After a read error (here: a file over 64 KiB) poll sets f.content to
// []byte{} "so that a readable version is parsed again". An empty file
// reads as []byte{} too, bytes.Equal says "unchanged", and the empty file
// (which means "on with the built-in defaults") is never parsed: the old
// window's message and secret stay in force.
func TestRegression_TriggerFileEmptyAfterReadErrorKeepsStaleWindow(t *testing.T) {
	path := filepath.Join(t.TempDir(), "down")
	write := func(s string) {
		t.Helper()
		if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(`{"message":"old window","secret":"oldsecret-oldsecret"}`)
	f, _ := newTestTriggerFile(t, path)
	write(`{"message":"` + strings.Repeat("x", maxTriggerFile) + `"}`) // unreadable: too large
	f.poll()
	write("") // on, with the built-in defaults
	f.poll()
	got := f.Maintenance()
	if !got.On || got.Message != "" || got.Secret != "" {
		t.Fatalf("empty trigger file: got %+v, want {On:true} with no message and no secret", got)
	}
}
