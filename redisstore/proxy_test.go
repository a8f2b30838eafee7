package redisstore

import (
	"io"
	"net"
	"sync"
	"testing"
)

// cutter is a TCP forwarder in front of a real Redis that a test can cut,
// so that one Store loses Redis while the others keep it. It is a network
// fault, not a fake Redis: every byte goes to the real server.
type cutter struct {
	t      testing.TB
	target string
	addr   string
	mu     sync.Mutex
	ln     net.Listener
	conns  map[net.Conn]struct{}
	wg     sync.WaitGroup
}

func newCutter(t testing.TB, target string) *cutter {
	c := &cutter{t: t, target: target, conns: map[net.Conn]struct{}{}}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	c.addr = ln.Addr().String()
	c.serve(ln)
	t.Cleanup(func() { c.Cut(); c.wg.Wait() })
	return c
}

// URL is a redis:// URL through the cutter.
func (c *cutter) URL() string { return "redis://" + c.addr + "/0" }

func (c *cutter) serve(ln net.Listener) {
	c.mu.Lock()
	c.ln = ln
	c.mu.Unlock()
	c.wg.Add(1)
	go func() {
		defer c.wg.Done()
		for {
			in, err := ln.Accept()
			if err != nil {
				return
			}
			out, err := net.Dial("tcp", c.target)
			if err != nil {
				in.Close()
				continue
			}
			c.mu.Lock()
			c.conns[in], c.conns[out] = struct{}{}, struct{}{}
			c.mu.Unlock()
			c.wg.Add(2)
			go c.pipe(in, out)
			go c.pipe(out, in)
		}
	}()
}

func (c *cutter) pipe(dst, src net.Conn) {
	defer c.wg.Done()
	io.Copy(dst, src)
	dst.Close()
	src.Close()
	c.mu.Lock()
	delete(c.conns, dst)
	delete(c.conns, src)
	c.mu.Unlock()
}

// Cut closes every connection and refuses new ones until Restore.
func (c *cutter) Cut() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.ln != nil {
		c.ln.Close()
		c.ln = nil
	}
	for conn := range c.conns {
		conn.Close()
	}
}

// Restore accepts connections again, on the same address.
func (c *cutter) Restore() {
	ln, err := net.Listen("tcp", c.addr)
	if err != nil {
		c.t.Fatalf("restore the cutter on %s: %v", c.addr, err)
	}
	c.serve(ln)
}
