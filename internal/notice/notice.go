package notice

import "context"

type key struct{}

// With returns ctx carrying v.
func With(ctx context.Context, v any) context.Context {
	return context.WithValue(ctx, key{}, v)
}

// From returns what With put in ctx, or nil.
func From(ctx context.Context) any { return ctx.Value(key{}) }
