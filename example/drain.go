package main

import (
	"context"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/errorpage/errorpage"
)

// drainOnSignal shuts srv down gracefully on SIGINT or SIGTERM, as a pod
// does on Kubernetes: Drain turns new requests (and /readyz) into 503 with
// Connection: close, the load balancer notices within its probe period,
// and Shutdown waits for the requests in flight.
func drainOnSignal(srv *http.Server, ep *errorpage.Middleware) {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	<-sig
	log.Print("draining: new requests get 503, requests in flight finish")
	ep.Drain()
	time.Sleep(2 * time.Second) // a readiness probe's period, shortened for the demo
	ctx, cancel := context.WithTimeout(context.Background(), 25*time.Second)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		log.Printf("shutdown: %v", err)
	}
}
