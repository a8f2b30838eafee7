package errorpage_test

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"time"

	"github.com/errorpage/errorpage"
)

// A Switch turns maintenance mode on and off at runtime; here a request
// is served before, during and after a window.
func ExampleSwitch() {
	var sw errorpage.Switch
	m, err := errorpage.New(errorpage.Options{
		Maintenance: errorpage.MaintenanceOptions{
			Source:     &sw,
			AllowPaths: []string{"/healthz"},
		},
	})
	if err != nil {
		panic(err)
	}
	h := m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "ok")
	}))
	get := func(path string) {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		fmt.Println(path, rec.Code, rec.Header().Get("Retry-After") != "")
	}

	get("/")
	sw.Enable(errorpage.MaintenanceState{Message: "Upgrading the database.", Retry: 5 * time.Minute})
	get("/")
	get("/healthz")
	sw.Disable()
	get("/")
	// Output:
	// / 200 false
	// / 503 true
	// /healthz 200 false
	// / 200 false
}
