// Command loadserver serves the same routes twice on loopback, bare and
// behind errorpage, for load.sh to compare with wrk. It prints the two
// base URLs and serves until killed.
package main

import (
	"fmt"
	"io"
	"log"
	"log/slog"
	"net"
	"net/http"

	"github.com/errorpage/errorpage"
)

func routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/ok", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		io.WriteString(w, "hello, world\n")
	})
	mux.HandleFunc("/fail", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "Service Unavailable", http.StatusServiceUnavailable)
	})
	return mux
}

func listen(h http.Handler) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		log.Fatal(err)
	}
	go func() { log.Fatal(http.Serve(ln, h)) }()
	return "http://" + ln.Addr().String()
}

func main() {
	m, err := errorpage.New(errorpage.Options{Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("bare", listen(routes()))
	fmt.Println("errorpage", listen(m.Handler(routes())))
	select {}
}
