package redisstore

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

// redisServer is a real redis-server started for one test, on a free
// loopback port, with its data in a temp dir and persistence off.
type redisServer struct {
	t    testing.TB
	port int
	dir  string
	args []string
	cmd  *exec.Cmd
	out  *lockedBuffer
}

// startRedis starts a redis-server with extra config directives (each a
// "--name value…" group) and stops it when the test ends. Without
// redis-server installed, the test fails when CI=true and is skipped
// otherwise.
func startRedis(t testing.TB, extra ...string) *redisServer {
	t.Helper()
	if _, err := exec.LookPath("redis-server"); err != nil {
		msg := "redis-server is not installed (Debian: apt-get install redis-server); the Redis store tests need a real Redis"
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	s := &redisServer{t: t, port: port, dir: t.TempDir(), args: extra}
	s.Start()
	t.Cleanup(s.Kill)
	return s
}

// Addr is host:port.
func (s *redisServer) Addr() string { return "127.0.0.1:" + strconv.Itoa(s.port) }

// URL is redis://host:port/0, with userinfo if given ("user:pass", ":pass").
func (s *redisServer) URL(userinfo string) string {
	if userinfo != "" {
		userinfo += "@"
	}
	return "redis://" + userinfo + s.Addr() + "/0"
}

// Start starts the server (again, after Kill) and waits until it answers.
func (s *redisServer) Start() {
	s.t.Helper()
	args := append([]string{"--port", strconv.Itoa(s.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", s.dir}, s.args...)
	s.out = &lockedBuffer{}
	s.cmd = exec.Command("redis-server", args...)
	s.cmd.Stdout, s.cmd.Stderr = s.out, s.out
	if err := s.cmd.Start(); err != nil {
		s.t.Fatalf("start redis-server: %v", err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", s.Addr(), time.Second)
		if err == nil {
			// The port accepts before the server is ready for commands;
			// any answer to PING (even NOAUTH) means it is.
			fmt.Fprint(c, "PING\r\n")
			c.SetReadDeadline(time.Now().Add(time.Second))
			b := make([]byte, 64)
			n, _ := c.Read(b)
			c.Close()
			if n > 0 {
				return
			}
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("redis-server on %s did not answer within 10s: %v\n%s", s.Addr(), err, s.out.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// Kill stops the server at once (SIGKILL), as a crash would, and waits
// until it is gone.
func (s *redisServer) Kill() {
	if s.cmd == nil {
		return
	}
	s.cmd.Process.Kill()
	s.cmd.Wait()
	s.cmd = nil
}

// Client is a plain client for setting up and inspecting data.
func (s *redisServer) Client(password string) *redis.Client {
	c := redis.NewClient(&redis.Options{Addr: s.Addr(), Password: password})
	s.t.Cleanup(func() { c.Close() })
	return c
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
