package static

import (
	"context"
	"net/http"
)

type key struct{}

// Mark returns a copy of r whose error page is made ahead of time.
func Mark(r *http.Request) *http.Request {
	return r.WithContext(context.WithValue(r.Context(), key{}, true))
}

// Marked reports whether ctx is the context of a request made by Mark.
func Marked(ctx context.Context) bool {
	v, _ := ctx.Value(key{}).(bool)
	return v
}
