package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/errorpage/errorpage/maintenance"
)

// An admin endpoint behind a front proxy that redirects (http→https with
// 301, as nginx "return 301", Traefik permanent redirectscheme and AWS ALB
// do). http.Client follows it and, per RFC 9110 practice,
// turns PUT and DELETE into GET; the GET answers 200 with the unchanged
// state, and the CLI prints "maintenance on" (exit 0) though nothing was
// switched.
func TestRegression_CLIDownFollowsRedirectAndLies(t *testing.T) {
	var sw maintenance.Switch
	admin, err := maintenance.NewAdmin(&sw, maintenance.BearerToken("t0ken"))
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle("/admin/maintenance", admin)
	// What a front proxy's "return 301 https://$host$request_uri" does; the
	// old path here stands in for the old scheme.
	mux.Handle("/old/admin/maintenance", http.RedirectHandler("/admin/maintenance", http.StatusMovedPermanently))
	srv := httptest.NewServer(mux)
	defer srv.Close()
	env := map[string]string{tokenEnv: "t0ken"}

	code, out, errOut := cliAt(t, time.Now, env, "down", "--admin", srv.URL+"/old/admin/maintenance", "--message", "fleet")
	if code != 1 {
		t.Errorf("down through a redirect: got exit %d (stdout %q), want 1", code, out)
	}
	if sw.State().On {
		t.Errorf("nothing may change through a redirect")
	}
	if !strings.Contains(errOut, "redirects") || !strings.Contains(errOut, "nothing was changed") {
		t.Errorf("stderr %q: want it to say the endpoint redirects and nothing was changed", errOut)
	}
}
