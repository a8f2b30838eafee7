// Command fleetdemo is one instance of a small fleet that shares its
// maintenance state through Redis. Start a redis-server, then a few
// instances on different ports:
//
//	export ERRORPAGE_ADMIN_TOKEN=change-me
//	go run ./cmd/fleetdemo -addr 127.0.0.1:8081 &
//	go run ./cmd/fleetdemo -addr 127.0.0.1:8082 &
//	go run ./cmd/fleetdemo -addr 127.0.0.1:8083 &
//
// and switch all of them through any one's admin endpoint:
//
//	go run ./cmd/errorpage down --admin http://127.0.0.1:8081/admin/maintenance --until 15m
//
// (from the root module). Each instance serves "/" (which says which
// instance answered), "/healthz" (always 200, even in maintenance) and
// "/admin/maintenance" (the admin endpoint, which takes the bearer token in
// $ERRORPAGE_ADMIN_TOKEN and is not there when it is unset).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"html"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/errorpage/errorpage"
	"github.com/errorpage/errorpage/maintenance"
	"github.com/errorpage/errorpage/redisstore"
)

// tokenEnv names the environment variable with the admin bearer token, the
// same one the errorpage CLI reads.
const tokenEnv = "ERRORPAGE_ADMIN_TOKEN"

func main() {
	addr := flag.String("addr", "127.0.0.1:8081", "address to listen on")
	redisURL := flag.String("redis", "redis://127.0.0.1:6379/0", "Redis URL: redis://[user:password@]host:port/db, or rediss:// for TLS")
	key := flag.String("key", "", `Redis key and channel of the maintenance state (default "errorpage:maintenance")`)
	name := flag.String("name", "", "instance name shown on the page (default: the listening address)")
	flag.Parse()

	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	// go-redis logs each failed dial itself, on its own global logger; keep
	// those at Debug so that an outage shows as redisstore's two lines.
	redis.SetLogger(redisLogger{log})
	if err := run(*addr, *redisURL, *key, *name, os.Getenv(tokenEnv), log); err != nil {
		log.Error(err.Error())
		os.Exit(1)
	}
}

func run(addr, redisURL, key, name, token string, log *slog.Logger) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	if name == "" {
		name = ln.Addr().String()
	}
	store, err := redisstore.Open(redisURL, redisstore.Options{Key: key, Logger: log})
	if err != nil {
		return err
	}
	defer store.Close()
	if token == "" {
		log.Warn("fleetdemo: " + tokenEnv + " is not set; the admin endpoint is off")
	}
	h, err := newHandler(store, name, token, log)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	fmt.Printf("fleetdemo %s listening on http://%s/ (admin: http://%s/admin/maintenance)\n", name, ln.Addr(), ln.Addr())

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// newHandler is one instance: the admin endpoint outside the middleware
// (so it still answers in maintenance), the site inside it.
// Without a token there is no admin endpoint: an endpoint nobody can use
// is no endpoint, and an empty token is refused by maintenance.NewAdmin.
func newHandler(store *redisstore.Store, name, token string, log *slog.Logger) (http.Handler, error) {
	root := http.NewServeMux()
	if token != "" {
		admin, err := maintenance.NewAdmin(store, maintenance.BearerToken(token))
		if err != nil {
			return nil, err
		}
		root.Handle("/admin/maintenance", admin)
	}
	ep, err := errorpage.New(errorpage.Options{
		Logger: log,
		Maintenance: maintenance.Options{
			Source:     store,
			AllowPaths: []string{"/healthz"},
			Refresh:    5 * time.Second,
		},
	})
	if err != nil {
		return nil, err
	}
	site := http.NewServeMux()
	site.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, "<!doctype html><title>fleetdemo</title><h1>Instance %s is live</h1>\n", html.EscapeString(name))
	})
	site.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, "ok")
	})
	root.Handle("/", ep.Handler(site))
	return root, nil
}

// redisLogger puts go-redis's own log lines into slog at Debug.
type redisLogger struct{ log *slog.Logger }

func (l redisLogger) Printf(ctx context.Context, format string, v ...any) {
	l.log.DebugContext(ctx, "go-redis: "+fmt.Sprintf(format, v...))
}
