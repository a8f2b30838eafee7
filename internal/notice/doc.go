// Package notice carries what the maintenance gate tells the handler about
// a window (upcoming, read-only) in the request's context: the key is
// shared by the middleware, which sets it, and the maintenance package,
// which reads it.
package notice
