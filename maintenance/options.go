package maintenance

import (
	"net/http"
	"time"
)

// Options configures maintenance mode: the Maintenance field of the
// middleware's options. The zero value has no source, and maintenance mode
// is off. Everything else is optional; every bypass is off until
// configured. The middleware checks the options when it is built, and
// only if Source is set.
//
// While the source says maintenance is on (and the window has started:
// [State].Start), every request in the window's scope ([State].Paths,
// [State].Hosts) that no bypass lets through is answered with 503 Service
// Unavailable and the maintenance page, whatever its method (only the
// unsafe ones in a [State].ReadOnly window), and the handler is not
// called. The response
// has Cache-Control: no-store and, when the window says when it ends,
// Retry-After: the end time as an HTTP-date, or else the window's retry
// delay in seconds. A window with neither sends no Retry-After (the
// middleware's Options.RetryAfter is for overload, not for maintenance)
// and the page says "We expect to be back shortly." The page itself is
// the middleware's MaintenancePage option.
type Options struct {
	// Source holds the state: a [*Switch], a [*TriggerFile], or a shared
	// store. Nil means maintenance mode is off.
	Source Source

	// NoExpiry keeps maintenance on after the window's end time (Until)
	// has passed, until it is switched off. False means a window ends by
	// itself at Until, so a forgotten switch does not keep a site down.
	NoExpiry bool

	// Refresh is the interval of the Refresh header sent with HTML pages
	// (or the time left in the window, if shorter), so that an open tab
	// reloads by itself and shows the site once the window is over. Zero
	// means one minute; negative sends no Refresh header.
	Refresh time.Duration

	// AllowPaths are request paths that always reach the handler, matched
	// exactly ("/healthz", "/robots.txt"). Each must start with "/". The
	// decoded path must equal it, and the escaped path its escaped form,
	// so "/health%7A" is not "/healthz" (a router matching the raw path
	// would route it elsewhere).
	AllowPaths []string

	// AllowPathPrefixes are path prefixes that always reach the handler
	// ("/static/"). Each must start with "/". Both the decoded and the
	// escaped path must start with it, verbatim, since routers route on
	// one or the other: "/static%2Fsite.css" and "/%73tatic/site.css" do
	// not match "/static/". A path that is not clean ("/static/../admin")
	// or holds a double encoding ("%252F") never matches a prefix.
	AllowPathPrefixes []string

	// AllowNetworks lets clients in whose address is in one of these
	// networks: CIDR ranges ("10.0.0.0/8", "2001:db8::/32") or single
	// addresses ("192.0.2.7", "::1"), IPv4 or IPv6. IPv4-mapped IPv6
	// addresses are treated as IPv4. The client address is the peer's, or
	// the one a trusted proxy reports (see TrustedProxies).
	AllowNetworks []string

	// TrustedProxies are the networks of the reverse proxies in front of
	// the server, in the same forms as AllowNetworks. Only when the peer is
	// one of them is the ProxyHeader read; the client is then the
	// right-most address in it that is not itself a trusted proxy. A
	// request from anyone else is judged by its peer address alone, so a
	// spoofed header changes nothing. Nil trusts no proxy.
	TrustedProxies []string

	// ProxyHeader is the header the trusted proxies write: "X-Forwarded-For"
	// or "Forwarded" (RFC 7239). Only one is read, because a client can
	// send the other one and the proxy would pass it on unchanged. Empty
	// means "X-Forwarded-For". With it, X-Forwarded-Proto (or the proto
	// parameter of Forwarded) from a trusted proxy marks the bypass cookie
	// Secure.
	ProxyHeader string

	// Secret lets people in who know it, when the window's own Secret is
	// empty. Visiting /<secret> during maintenance sets a bypass cookie
	// and redirects to "/"; a request carrying the secret in SecretHeader
	// is let in too. A secret consists of 16 to 256 letters, digits and
	// "-._~", so that it is one path segment and out of reach of
	// guessing. Empty means no secret unless the window has one
	// ([State].Secret).
	Secret string

	// SecretHeader is the request header that carries the secret, for
	// automated smoke tests. Empty means "X-Maintenance-Bypass".
	SecretHeader string

	// CookieName is the name of the bypass cookie. Empty means
	// "errorpage_bypass".
	CookieName string

	// CookieLifetime is how long a bypass cookie lets its holder in.
	// Zero means 12 hours; more than 7 days is an error. Cookies expire
	// sooner when the secret changes: they are signed with a key derived
	// from it.
	CookieLifetime time.Duration

	// Bypass, if non-nil, is asked about each request that maintenance
	// would block, after the built-in bypasses (paths, networks, secret),
	// and lets it through when it returns true: signed-in staff, say,
	// recognised by their session, a JWT or an mTLS identity. It runs
	// before the handler, so it must find what it needs in the request
	// alone. A Bypass that panics counts as "no bypass"; the first such
	// panic is logged (its type only), later ones are not. Nil lets no
	// one through but the built-in bypasses.
	Bypass func(*http.Request) bool
}
