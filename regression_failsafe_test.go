package errorpage

import (
	"net/http"
	"testing"

	"github.com/a-h/templ"

	"github.com/errorpage/errorpage/maintenance"
	"github.com/errorpage/errorpage/pages"
)

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
