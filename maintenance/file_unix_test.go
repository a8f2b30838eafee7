//go:build unix

package maintenance

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestTriggerFileFIFOSwappedInNeverBlocks: a FIFO swapped in for the file
// between a check and the open would block the poller forever, and with
// it SetState. The path flips between a regular file and a FIFO
// while the file is polled; every poll must return.
func TestTriggerFileFIFOSwappedInNeverBlocks(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "down")
	regular, fifo := filepath.Join(dir, "regular"), filepath.Join(dir, "fifo")
	require.NoError(t, os.WriteFile(regular, []byte(`{"message":"m"}`), 0o644))
	require.NoError(t, syscall.Mkfifo(fifo, 0o644))
	require.NoError(t, os.Symlink(regular, path))
	f, _ := newTestTriggerFile(t, path)

	stop := make(chan struct{})
	swapped := make(chan struct{})
	go func() {
		defer close(swapped)
		tmp := filepath.Join(dir, "link")
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			target := regular
			if i%2 == 1 {
				target = fifo
			}
			_ = os.Remove(tmp)
			if os.Symlink(target, tmp) == nil {
				_ = os.Rename(tmp, path) // atomic: the path is always one or the other
			}
		}
	}()
	polled := make(chan struct{})
	go func() {
		defer close(polled)
		for deadline := time.Now().Add(time.Second); time.Now().Before(deadline); {
			f.poll()
		}
	}()
	select {
	case <-polled:
	case <-time.After(5 * time.Second):
		t.Error("poll blocked on a FIFO")
		// Unblock the open: a writer end lets it return.
		if w, err := os.OpenFile(fifo, os.O_WRONLY, 0); err == nil {
			w.Close()
		}
		<-polled
	}
	close(stop)
	<-swapped
	assert.True(t, f.State().On, "a FIFO at the path still means maintenance is on")
}
