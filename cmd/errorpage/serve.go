package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/errorpage/errorpage"
	"github.com/errorpage/errorpage/internal/static"
	"github.com/errorpage/errorpage/maintenance"
)

// shutdownGrace is how long serve lets requests in flight finish once it
// is told to stop.
const shutdownGrace = 10 * time.Second

// serve runs a small server answering with the pages from memory, for a
// proxy whose app is down: Traefik's errors service (/{status}) or nginx's
// fallback upstream (any path). It stops gracefully on SIGINT or SIGTERM,
// or when ctx is done.
func serve(ctx context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("errorpage serve", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var addr, file string
	var status int
	var pf pageFlags
	fs.StringVar(&addr, "addr", "127.0.0.1:8080", "the address to listen on")
	fs.IntVar(&status, "status", http.StatusServiceUnavailable, "the status of a path that names none (/ and any other)")
	fs.StringVar(&file, "maintenance-file", "", "a trigger file (errorpage down --file): while it says on, every answer is the maintenance page")
	pf.register(fs)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageErr("serve: %v", err)
	}
	if fs.NArg() > 0 {
		return usageErr("serve: unexpected argument %q", fs.Arg(0))
	}
	statuses := servedStatuses()
	if !slices.Contains(statuses, status) {
		return usageErr("serve: --status %d is not a status with a page", status)
	}
	opts, err := pf.options()
	if err != nil {
		return err
	}
	opts.Statuses = statuses
	if file != "" {
		tf, err := maintenance.NewTriggerFile(file, maintenance.TriggerFileOptions{})
		if err != nil {
			return usageErr("serve: --maintenance-file: %v", err)
		}
		defer tf.Close()
		opts.Maintenance.Source = tf
	}
	m, err := errorpage.New(opts)
	if err != nil {
		return errUsage{err.Error()}
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("errorpage: serve: %w", err)
	}
	srv := &http.Server{
		Handler:           pagesHandler(m, statuses, status),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      10 * time.Second,
		IdleTimeout:       time.Minute,
		MaxHeaderBytes:    16 << 10,
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	fmt.Fprintf(stdout, "serving the pages on http://%s\n", ln.Addr())
	select {
	case err := <-served:
		return fmt.Errorf("errorpage: serve: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), shutdownGrace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("errorpage: serve: shutting down: %w", err)
	}
	fmt.Fprintln(stdout, "stopped")
	return nil
}

// servedStatuses are the statuses serve has a page for: every 5xx (those
// without their own get the generic page) and any other status with a
// page of its own.
func servedStatuses() []int {
	var codes []int
	for code := 500; code <= 599; code++ {
		codes = append(codes, code)
	}
	for _, code := range pageStatuses() {
		if !slices.Contains(codes, code) {
			codes = append(codes, code)
		}
	}
	slices.Sort(codes)
	return codes
}

// pagesHandler answers /{status} with the page of that status and every
// other path with the page of def, negotiated by the middleware m like an
// app's, and made ahead of time (internal/static): no request ID.
func pagesHandler(m *errorpage.Middleware, statuses []int, def int) http.Handler {
	h := m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		code, err := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/"))
		if err != nil || !slices.Contains(statuses, code) {
			code = def
		}
		w.WriteHeader(code)
	}))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.ServeHTTP(w, static.Mark(r))
	})
}
