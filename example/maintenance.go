package main

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/netip"
	"os"

	"github.com/errorpage/errorpage/maintenance"
)

// The demo's maintenance mode. With -maintenance-file PATH the demo watches
// that trigger file, so
//
//	ERRORPAGE_SECRET=$(openssl rand -hex 16) go run ./cmd/errorpage down --file PATH --until 20m
//
// takes it down within a second, and `errorpage up --file PATH` brings it
// back. Without the flag, maintenance lives in memory and only the admin
// endpoint switches it.
//
// The admin endpoint /admin/maintenance answers only on loopback and only
// with the bearer token: $ERRORPAGE_ADMIN_TOKEN if set, else a random one
// printed at start. The CLI reads the same variable:
//
//	ERRORPAGE_ADMIN_TOKEN=... go run ./cmd/errorpage down --admin http://127.0.0.1:8080/admin/maintenance
//
// /healthz always reaches the handler, as a load balancer's health check
// must. /readyz is the readiness probe (200 during maintenance, 503 once
// the server drains) and /maintenance/status the public JSON status, both
// outside the middleware. A window can be planned ahead and read-only:
//
//	go run ./cmd/errorpage down --file PATH --at +1m --until +20m --read-only
//
// shows a banner on the home page for a minute, then refuses writes
// (POST /notes) while pages still load.

// demoMaintenance is the demo's maintenance source and admin endpoint.
type demoMaintenance struct {
	source maintenance.Writer
	file   *maintenance.TriggerFile // nil without -maintenance-file
	admin  http.Handler
	token  string
	// tokenFile holds a token the demo made up, readable by its user
	// only; empty when the token came from $ERRORPAGE_ADMIN_TOKEN. The
	// token itself is never printed: output ends up in logs.
	tokenFile string
}

func newDemoMaintenance(file string, logger *slog.Logger) (*demoMaintenance, error) {
	d := &demoMaintenance{token: os.Getenv("ERRORPAGE_ADMIN_TOKEN")}
	if file != "" {
		f, err := maintenance.NewTriggerFile(file, maintenance.TriggerFileOptions{Logger: logger})
		if err != nil {
			return nil, err
		}
		d.file, d.source = f, f
	} else {
		d.source = &maintenance.Switch{}
	}
	if d.token == "" {
		var b [16]byte
		if _, err := rand.Read(b[:]); err != nil {
			return nil, err
		}
		d.token = hex.EncodeToString(b[:])
		f, err := os.CreateTemp("", "errorpage-demo-token-*")
		if err != nil {
			return nil, err
		}
		defer f.Close()
		if _, err := f.WriteString(d.token); err != nil {
			return nil, err
		}
		d.tokenFile = f.Name() // CreateTemp makes it 0600
	}
	admin, err := maintenance.NewAdmin(d.source, maintenance.BearerToken(d.token))
	if err != nil {
		return nil, err
	}
	d.admin = loopbackOnly(admin)
	return d, nil
}

// options are the middleware's maintenance options: the source, and
// /healthz let through.
func (d *demoMaintenance) options() maintenance.Options {
	return maintenance.Options{Source: d.source, AllowPaths: []string{"/healthz"}}
}

// handler serves the admin endpoint, the status endpoint and the
// readiness probe next to site, outside the middleware: they must keep
// answering while the site is down for maintenance.
func (d *demoMaintenance) handler(site, ready http.Handler) (http.Handler, error) {
	status, err := maintenance.NewStatusHandler(d.options())
	if err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	mux.Handle("/admin/maintenance", d.admin)
	mux.Handle("/maintenance/status", status)
	mux.Handle("/readyz", ready)
	mux.Handle("/", site)
	return mux, nil
}

// printHelp says how to switch maintenance mode on the demo at addr.
func (d *demoMaintenance) printHelp(w io.Writer, addr string) {
	admin := "http://" + addr + "/admin/maintenance"
	if d.file != nil {
		fmt.Fprintf(w, "maintenance: watching %s; try\n  ERRORPAGE_SECRET=$(openssl rand -hex 16) go run ./cmd/errorpage down --file %s --until 20m\n  go run ./cmd/errorpage down --file %s --at +1m --until +20m --read-only\n  go run ./cmd/errorpage up --file %s\n", d.file.Path(), d.file.Path(), d.file.Path(), d.file.Path())
	}
	token := "$ERRORPAGE_ADMIN_TOKEN"
	if d.tokenFile != "" {
		token = "$(cat " + d.tokenFile + ")"
	}
	fmt.Fprintf(w, "maintenance admin endpoint (loopback only): %s\n  ERRORPAGE_ADMIN_TOKEN=%s go run ./cmd/errorpage status --admin %s\n", admin, token, admin)
}

// Close stops watching the trigger file and removes a made-up token.
func (d *demoMaintenance) Close() error {
	if d.tokenFile != "" {
		os.Remove(d.tokenFile)
	}
	if d.file != nil {
		return d.file.Close()
	}
	return nil
}

// loopbackOnly refuses requests that do not come from this machine.
func loopbackOnly(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ap, err := netip.ParseAddrPort(r.RemoteAddr)
		if err != nil || !ap.Addr().Unmap().IsLoopback() {
			http.Error(w, "the maintenance admin endpoint answers on loopback only", http.StatusForbidden)
			return
		}
		h.ServeHTTP(w, r)
	})
}

// healthz is the health check a load balancer polls; maintenance mode lets
// it through, so the instance is not taken out of rotation.
func healthz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	io.WriteString(w, "ok\n")
}
