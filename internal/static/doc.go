// Package static marks a request whose error page is made ahead of time,
// for the proxy rather than for one visitor: the errorpage command's
// export and serve render every page through the middleware with such a
// request. A marked page has no request ID, no reference and no instance
// (none exists at the proxy), and says "back shortly" instead of a delay
// (the header carries the delay), so the same options give the same
// bytes every time.
//
// It is internal so that the middleware's exported API stays Options, New
// and Handler: only the errorpage command, in this module, reaches it.
package static
