package redisstore_test

import (
	"log"
	"net/http"
	"os"

	"github.com/errorpage/errorpage"
	"github.com/errorpage/errorpage/maintenance"
	"github.com/errorpage/errorpage/redisstore"
)

// One instance of a fleet: the maintenance state comes from Redis, and the
// admin endpoint writes through it, so switching one instance switches
// them all. (Not run: it needs a Redis.)
func Example() {
	store, err := redisstore.Open("redis://127.0.0.1:6379/0", redisstore.Options{})
	if err != nil {
		log.Fatal(err)
	}
	defer store.Close()

	admin, err := maintenance.NewAdmin(store, maintenance.BearerToken(os.Getenv("ERRORPAGE_ADMIN_TOKEN")))
	if err != nil {
		log.Fatal(err)
	}
	ep, err := errorpage.New(errorpage.Options{
		Maintenance: maintenance.Options{Source: store, AllowPaths: []string{"/healthz"}},
	})
	if err != nil {
		log.Fatal(err)
	}
	app := http.NewServeMux()
	app.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("hello\n")) })

	mux := http.NewServeMux()
	mux.Handle("/admin/maintenance", admin) // outside the middleware: it must answer in maintenance
	mux.Handle("/", ep.Handler(app))
	log.Fatal(http.ListenAndServe("127.0.0.1:8080", mux))
}
