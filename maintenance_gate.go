package errorpage

import (
	"fmt"
	"net/http"
	"net/netip"
	"net/url"
	"path"
	"strings"
	"sync/atomic"
	"time"

	"github.com/a-h/templ"

	"github.com/errorpage/errorpage/pages"
)

// MaintenanceOptions configures maintenance mode. The zero value has no
// source, and maintenance mode is off. Everything else is optional; every
// bypass is off until configured.
//
// While the source says maintenance is on, every request that no bypass
// lets through is answered with 503 Service Unavailable and the maintenance
// page, whatever its method, and the handler is not called. The response
// has Cache-Control: no-store and, when the window says when it ends,
// Retry-After: the end time as an HTTP-date, or else the window's retry
// delay in seconds. A window with neither sends no Retry-After (the
// middleware's Options.RetryAfter is for overload, not for maintenance)
// and the page says "We expect to be back shortly."
type MaintenanceOptions struct {
	// Source holds the state: a *Switch, a *TriggerFile, or a shared store.
	// Nil means maintenance mode is off.
	Source MaintenanceSource

	// NoExpiry keeps maintenance on after the window's end time (Until)
	// has passed, until it is switched off. False means a window ends by
	// itself at Until, so a forgotten switch does not keep a site down.
	NoExpiry bool

	// Refresh is the interval of the Refresh header sent with HTML pages
	// (or the time left in the window, if shorter), so that an open tab
	// reloads by itself and shows the site once the window is over. Zero
	// means one minute; negative sends no Refresh header.
	Refresh time.Duration

	// Page renders the maintenance page. Nil means pages.Maintenance.
	Page func(pages.Model) templ.Component

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
	// "-._~", so that it is one path segment and out of reach of guessing. Empty means no secret unless the window
	// has one.
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
}

const (
	defaultSecretHeader   = "X-Maintenance-Bypass"
	defaultCookieName     = "errorpage_bypass"
	defaultCookieLifetime = 12 * time.Hour
	defaultRefresh        = time.Minute
	maxCookieLifetime     = 7 * 24 * time.Hour
)

// maintenanceGate stands before the handler: while maintenance is on, it
// answers requests that are not bypassed with the maintenance page.
type maintenanceGate struct {
	m         *Middleware
	src       MaintenanceSource
	noExpiry  bool
	refresh   time.Duration
	paths     map[string]bool
	prefixes  []string
	allow     []netip.Prefix
	trusted   []netip.Prefix
	forwarded bool // read Forwarded rather than X-Forwarded-For

	secret       string
	secretHeader string
	cookieName   string
	cookieLife   time.Duration
	key          atomic.Pointer[bypassKey] // derived from the last secret seen
}

func newMaintenanceGate(m *Middleware, o MaintenanceOptions) (*maintenanceGate, error) {
	if o.Source == nil {
		return nil, nil
	}
	g := &maintenanceGate{
		m:            m,
		src:          o.Source,
		noExpiry:     o.NoExpiry,
		refresh:      o.Refresh,
		secret:       o.Secret,
		secretHeader: http.CanonicalHeaderKey(o.SecretHeader),
		cookieName:   o.CookieName,
		cookieLife:   o.CookieLifetime,
	}
	if g.refresh == 0 {
		g.refresh = defaultRefresh
	}
	for _, p := range o.AllowPaths {
		if !strings.HasPrefix(p, "/") {
			return nil, fmt.Errorf("errorpage: Maintenance.AllowPaths: %q does not start with \"/\"", p)
		}
		if g.paths == nil {
			g.paths = make(map[string]bool)
		}
		g.paths[p] = true
	}
	for _, p := range o.AllowPathPrefixes {
		if !strings.HasPrefix(p, "/") {
			return nil, fmt.Errorf("errorpage: Maintenance.AllowPathPrefixes: %q does not start with \"/\"", p)
		}
		g.prefixes = append(g.prefixes, p)
	}
	var err error
	if g.allow, err = parseNetworks("AllowNetworks", o.AllowNetworks); err != nil {
		return nil, err
	}
	if g.trusted, err = parseNetworks("TrustedProxies", o.TrustedProxies); err != nil {
		return nil, err
	}
	switch http.CanonicalHeaderKey(o.ProxyHeader) {
	case "", "X-Forwarded-For":
	case "Forwarded":
		g.forwarded = true
	default:
		return nil, fmt.Errorf("errorpage: Maintenance.ProxyHeader %q is neither \"X-Forwarded-For\" nor \"Forwarded\"", o.ProxyHeader)
	}
	if o.Secret != "" {
		if err := checkSecret(o.Secret); err != nil {
			return nil, fmt.Errorf("errorpage: Maintenance.Secret: %w", err)
		}
	}
	if g.secretHeader == "" {
		g.secretHeader = defaultSecretHeader
	} else if !isToken(g.secretHeader) {
		return nil, fmt.Errorf("errorpage: Maintenance.SecretHeader %q is not a valid header name", o.SecretHeader)
	}
	if g.cookieName == "" {
		g.cookieName = defaultCookieName
	} else if err := (&http.Cookie{Name: g.cookieName, Value: "x"}).Valid(); err != nil {
		return nil, fmt.Errorf("errorpage: Maintenance.CookieName %q is not a valid cookie name", o.CookieName)
	}
	switch {
	case g.cookieLife == 0:
		g.cookieLife = defaultCookieLifetime
	case g.cookieLife < time.Minute || g.cookieLife > maxCookieLifetime:
		return nil, fmt.Errorf("errorpage: Maintenance.CookieLifetime %v is not between 1m and %v", o.CookieLifetime, maxCookieLifetime)
	}
	return g, nil
}

// intercept answers r with the maintenance page, or the secret URL's
// redirect, and reports true when maintenance is on and r is not bypassed.
// Otherwise it returns the request the handler gets: r, or a copy of r
// without the secret header. It reads the state once, so a switch in the
// middle of a request does not affect it.
func (g *maintenanceGate) intercept(rw http.ResponseWriter, r *http.Request) (*http.Request, bool) {
	hdr := r.Header[g.secretHeader]
	if g.decide(rw, r, hdr) {
		return r, true
	}
	if hdr != nil {
		// The secret must not travel on to the handler, its logs and
		// whatever it proxies to, whether it was checked or not.
		r = g.withoutSecretHeader(r)
	}
	return r, false
}

// decide answers r, and reports true, when maintenance is on and r is not
// bypassed; hdr is the secret header r came with.
func (g *maintenanceGate) decide(rw http.ResponseWriter, r *http.Request, hdr []string) bool {
	st := g.src.Maintenance()
	if !st.On {
		return false
	}
	now := g.m.now()
	expired := !st.Until.IsZero() && !now.Before(st.Until)
	if expired && !g.noExpiry {
		return false
	}
	if g.pathAllowed(r.URL) {
		return false
	}
	if len(g.allow) > 0 {
		if a := g.clientAddr(r); a.IsValid() && contains(g.allow, a) {
			return false
		}
	}
	secret := st.Secret
	if secret == "" {
		secret = g.secret
	}
	if secret != "" {
		k := g.keyFor(secret)
		if g.secretBypass(k, hdr, r, now) {
			return false
		}
		if k.isSecretPath(r.URL.Path) {
			g.admit(rw, r, k, now)
			return true
		}
	}

	if !lastResort(g.m.report.log, r, func() { g.answer(rw, r, st, expired, now) }) {
		minimalError(rw, http.StatusServiceUnavailable)
	}
	return true
}

// answer writes the maintenance page for the window st.
func (g *maintenanceGate) answer(rw http.ResponseWriter, r *http.Request, st MaintenanceState, expired bool, now time.Time) {
	d := pageData{status: http.StatusServiceUnavailable, maintenance: true, message: st.Message, path: r.URL.EscapedPath(), requestID: g.m.report.id(r)}
	switch {
	case !st.Until.IsZero() && !expired && st.Until.Sub(now) <= maxRetryDelay:
		// (An end a century away is a typo, not a promise to repeat.)
		d.back.at = st.Until
	case st.Retry > 0:
		d.back.delay = st.Retry
	}
	if g.refresh > 0 {
		d.refresh = g.refresh
		if left := d.back.at.Sub(now); !d.back.at.IsZero() && left < d.refresh {
			d.refresh = left
		}
	}
	g.m.respond.respond(rw, r, rw.Header(), &d, now)
}

// pathAllowed reports whether u is one of the allowed paths or lies under
// an allowed prefix, as every router would see it.
//
// Routers disagree about which form of the path they route on: Go 1.22+
// ServeMux uses u.EscapedPath(), where "%2F" is data inside a segment
// (RFC 3986 §2.2); chi and echo, and gin and gorilla/mux with their raw or
// encoded path options, use u.RawPath when it is set; gorilla/mux and gin
// by default use the decoded u.Path. So a path is allowed only if each of
// these forms matches on its own: the decoded path against the configured
// path or prefix, and the escaped forms, verbatim, against its escaped
// form. No percent-encoding is normalised, not even "%73" for "s" (which
// RFC 3986 §6.2.2 would permit), because a router that matches the raw
// path would not normalise it either and route "/%73tatic/" elsewhere.
func (g *maintenanceGate) pathAllowed(u *url.URL) bool {
	if len(g.paths) == 0 && len(g.prefixes) == 0 {
		return false
	}
	p := u.Path
	views := [2]string{u.EscapedPath(), u.RawPath}
	if g.paths[p] {
		want := escapedPath(p)
		if views[0] == want && (views[1] == "" || views[1] == want) {
			return true
		}
	}
	if len(g.prefixes) == 0 || !cleanPath(p) {
		return false
	}
	// Something behind the router may decode once more: a double-encoded
	// path ("%252F") is never let through.
	if strings.IndexByte(p, '%') >= 0 {
		return false
	}
	for _, pre := range g.prefixes {
		if !strings.HasPrefix(p, pre) {
			continue
		}
		want := escapedPath(pre)
		if strings.HasPrefix(views[0], want) && (views[1] == "" || strings.HasPrefix(views[1], want)) {
			return true
		}
	}
	return false
}

// cleanPath reports whether p has no dot segments and no empty segments:
// a router may clean the path after us ("/static/../admin" is "/admin").
func cleanPath(p string) bool {
	clean := path.Clean(p)
	if strings.HasSuffix(p, "/") && clean != "/" {
		clean += "/"
	}
	return clean == p
}

// escapedPath is the escaped form of the decoded path p, as a client
// that encodes only what it must sends it.
func escapedPath(p string) string {
	return (&url.URL{Path: p}).EscapedPath()
}

// isToken reports whether s is an HTTP token (RFC 9110 §5.6.2), as header
// names must be.
func isToken(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0 {
			continue
		}
		return false
	}
	return s != ""
}
