package errorpage

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/a-h/templ"

	"github.com/errorpage/errorpage/maintenance"
	"github.com/errorpage/errorpage/pages"
)

// A Fallback whose constructor panics (here: the common m.Debug.Panic on a
// nil *pages.Debug) must still leave the client with the status: issue 2
// §13 "if a custom page errors or panics while rendering, the built-in page
// is served ... The client always gets the status."
func TestRegression_CustomPageConstructorPanicLosesStatus(t *testing.T) {
	m, _ := newTestMiddleware(t, Options{
		Fallback: func(pm pages.Model) templ.Component {
			_ = pm.Debug.Panic // nil unless Debug: panics while building the component
			return pages.Generic(pm)
		},
	})
	h := m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusBadGateway)
	}))
	srv := serve(t, h)
	req, _ := http.NewRequest("GET", srv.URL, nil)
	req.Header.Set("Accept", "text/html")
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatalf("client got no response at all: %v (want 502 with the built-in page)", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusBadGateway {
		t.Fatalf("got status %d, want 502", resp.StatusCode)
	}
	_ = httptest.NewRecorder
}

// The same with the maintenance page.
func TestRegression_MaintenancePageConstructorPanicLosesStatus(t *testing.T) {
	var sw maintenance.Switch
	sw.Enable(maintenance.State{})
	m, _ := newTestMiddleware(t, Options{
		Maintenance: maintenance.Options{Source: &sw},
		MaintenancePage: func(pm pages.Model) templ.Component {
			var byStatus map[int]templ.Component
			byStatus[pm.Status] = nil // a nil-map write while building the component
			return pages.Maintenance(pm)
		},
	})
	srv := serve(t, m.Handler(http.NotFoundHandler()))
	req, _ := http.NewRequest("GET", srv.URL, nil)
	req.Header.Set("Accept", "text/html")
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatalf("client got no response at all: %v (want 503 with the built-in maintenance page)", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable {
		t.Fatalf("got status %d, want 503", resp.StatusCode)
	}
}
