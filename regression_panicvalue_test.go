package errorpage

import (
	"net/http"
	"testing"
)

type reviewErr struct{ msg string }

func (e *reviewErr) Error() string { return e.msg }

// A handler panicking with a typed-nil error (var e *T; panic(e)) is a
// panic like any other: the client must get the 500 page. logPanic calls
// err.Error() itself, which panics inside the deferred finish, so the
// client gets nothing. fmt.Sprint (used for Debug) recovers from this.
func TestRegression_TypedNilErrorPanicLosesStatus(t *testing.T) {
	m, _ := newTestMiddleware(t, Options{})
	srv := serve(t, m.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var e *reviewErr
		panic(e)
	})))
	resp, err := srv.Client().Get(srv.URL)
	if err != nil {
		t.Fatalf("client got no response at all: %v (want 500 page)", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusInternalServerError {
		t.Fatalf("got status %d, want 500", resp.StatusCode)
	}
}
