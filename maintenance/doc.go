// Package maintenance is the state of maintenance mode and where it comes
// from, for the errorpage middleware (github.com/errorpage/errorpage), its
// command (cmd/errorpage) and shared stores such as redisstore. It knows
// nothing of pages: it has no templates and renders nothing.
//
// # Windows
//
// A maintenance window is a [State] that is on: a message for the page,
// when the window ends ([State].Until, after which it ends by itself
// unless [Options].NoExpiry), a retry delay for Retry-After when the end
// is unknown, and optionally a secret that lets its holders in. While a
// window is on, the middleware answers every request that no bypass lets
// through with 503 Service Unavailable and its maintenance page, and the
// handler is not called.
//
// # Sources
//
// The middleware asks a [Source] for the state on every request, so a
// source answers from memory. There are three kinds:
//
//   - [Switch]: in memory, flipped by the program itself (the zero Switch
//     is off and ready to use);
//   - [TriggerFile]: on while a file exists, polled, for fleets that share
//     a volume and for operators with a shell;
//   - a shared store (the redisstore module), one write switching every
//     instance.
//
// A source that can be changed is a [Writer]; one that announces changes
// is a [Watcher]. All three kinds are both. The state travels between
// them as the maintenance document, the JSON form of [State]:
//
//	{"message": "Upgrading the database.", "until": "2026-11-23T15:00:00Z"}
//
// # Bypasses
//
// [Options] says who gets through during a window: paths and path
// prefixes (a health check, robots.txt, static files), networks (the
// office, checked behind trusted proxies too), and the secret: visiting
// /<secret> sets a signed cookie that lets a browser in, and a request
// carrying the secret in a header (a smoke test) gets through as well.
//
// # The admin endpoint
//
// [NewAdmin] is an HTTP handler to read and change the state of any
// [Writer] as JSON, behind an authorization function such as
// [BearerToken]; `errorpage down --admin` talks to it.
//
// Errors of this package start with "errorpage: ", the prefix of every
// error of the errorpage module, so that a program's logs show where an
// error comes from whichever package of the module returned it.
package maintenance
