package redisstore

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/errorpage/errorpage/redisstore/internal/redistest"
)

// startRedis starts a real redis-server for one test: see redistest.Start.
func startRedis(t testing.TB, extra ...string) *redistest.Server {
	t.Helper()
	return redistest.Start(t, extra...)
}

// lockedBuffer is a bytes.Buffer for log output written and read by
// different goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// Count returns how many lines contain substr.
func (b *lockedBuffer) Count(substr string) int {
	n := 0
	for _, l := range strings.Split(b.String(), "\n") {
		if strings.Contains(l, substr) {
			n++
		}
	}
	return n
}

// testLogger logs into a buffer the test can read, at Debug level.
func testLogger() (*slog.Logger, *lockedBuffer) {
	buf := &lockedBuffer{}
	return slog.New(slog.NewTextHandler(buf, &slog.HandlerOptions{Level: slog.LevelDebug})), buf
}

var discardLogger = slog.New(slog.NewTextHandler(io.Discard, nil))

// waitFor polls cond until it is true or the deadline passes; it is how
// tests wait for something asynchronous without asserting on a sleep.
func waitFor(t testing.TB, within time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(within)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %v waiting for %s", within, what)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// open opens a Store on srv for a test and closes it at the end.
func open(t testing.TB, url string, o Options) *Store {
	t.Helper()
	if o.Logger == nil {
		o.Logger = discardLogger
	}
	s, err := Open(url, o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

var bg = context.Background()
