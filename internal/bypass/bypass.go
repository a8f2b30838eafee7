package bypass

import (
	"fmt"
	"net/http"
	"net/netip"
	"strings"
	"sync/atomic"
	"time"

	"github.com/errorpage/errorpage/internal/secret"
	"github.com/errorpage/errorpage/maintenance"
)

const (
	defaultSecretHeader   = "X-Maintenance-Bypass"
	defaultCookieName     = "errorpage_bypass"
	defaultCookieLifetime = 12 * time.Hour
	maxCookieLifetime     = 7 * 24 * time.Hour
)

// Verdict is what a [Policy] decides about a request.
type Verdict int

const (
	// Pass: the request goes on to the handler.
	Pass Verdict = iota
	// Admit: the request was the secret URL; the redirect that sets the
	// bypass cookie has been written, and the request is done.
	Admit
	// Block: maintenance is on and nothing lets the request through; the
	// caller answers with the maintenance page. Nothing has been written.
	Block

	// The verdicts below are Pass while maintenance is on, naming the
	// bypass that let the request through, for observers.

	// PassPath: the path is in AllowPaths or under AllowPathPrefixes.
	PassPath
	// PassNetwork: the client address is in AllowNetworks.
	PassNetwork
	// PassHeader: the request carries the secret in the secret header.
	PassHeader
	// PassCookie: the request carries a valid bypass cookie.
	PassCookie
)

// Passes reports whether v lets the request on to the handler: Pass, or a
// bypass while maintenance is on.
func (v Verdict) Passes() bool { return v == Pass || v >= PassPath }

// Policy holds the bypasses of maintenance mode, checked once by [New].
// It is safe for concurrent use.
type Policy struct {
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

// New checks the bypass fields of o and builds their Policy. Its errors
// start with "errorpage: Maintenance.", naming the field of the
// middleware's options at fault. It ignores the fields that are not about
// bypasses (Source, NoExpiry, Refresh).
func New(o maintenance.Options) (*Policy, error) {
	pol := &Policy{
		secret:       o.Secret,
		secretHeader: http.CanonicalHeaderKey(o.SecretHeader),
		cookieName:   o.CookieName,
		cookieLife:   o.CookieLifetime,
	}
	for _, p := range o.AllowPaths {
		if !strings.HasPrefix(p, "/") {
			return nil, fmt.Errorf("errorpage: Maintenance.AllowPaths: %q does not start with \"/\"", p)
		}
		if pol.paths == nil {
			pol.paths = make(map[string]bool)
		}
		pol.paths[p] = true
	}
	for _, p := range o.AllowPathPrefixes {
		if !strings.HasPrefix(p, "/") {
			return nil, fmt.Errorf("errorpage: Maintenance.AllowPathPrefixes: %q does not start with \"/\"", p)
		}
		pol.prefixes = append(pol.prefixes, p)
	}
	var err error
	if pol.allow, err = parseNetworks("AllowNetworks", o.AllowNetworks); err != nil {
		return nil, err
	}
	if pol.trusted, err = parseNetworks("TrustedProxies", o.TrustedProxies); err != nil {
		return nil, err
	}
	switch http.CanonicalHeaderKey(o.ProxyHeader) {
	case "", "X-Forwarded-For":
	case "Forwarded":
		pol.forwarded = true
	default:
		return nil, fmt.Errorf("errorpage: Maintenance.ProxyHeader %q is neither \"X-Forwarded-For\" nor \"Forwarded\"", o.ProxyHeader)
	}
	if o.Secret != "" {
		if err := secret.Check(o.Secret); err != nil {
			return nil, fmt.Errorf("errorpage: Maintenance.Secret: %w", err)
		}
	}
	if pol.secretHeader == "" {
		pol.secretHeader = defaultSecretHeader
	} else if !isToken(pol.secretHeader) {
		return nil, fmt.Errorf("errorpage: Maintenance.SecretHeader %q is not a valid header name", o.SecretHeader)
	}
	if pol.cookieName == "" {
		pol.cookieName = defaultCookieName
	} else if err := (&http.Cookie{Name: pol.cookieName, Value: "x"}).Valid(); err != nil {
		return nil, fmt.Errorf("errorpage: Maintenance.CookieName %q is not a valid cookie name", o.CookieName)
	}
	switch {
	case pol.cookieLife == 0:
		pol.cookieLife = defaultCookieLifetime
	case pol.cookieLife < time.Minute || pol.cookieLife > maxCookieLifetime:
		return nil, fmt.Errorf("errorpage: Maintenance.CookieLifetime %v is not between 1m and %v", o.CookieLifetime, maxCookieLifetime)
	}
	return pol, nil
}

// Decide judges r against the window st at now. The caller has applied
// the window's end already: st.On means maintenance is in force.
//
// It returns [Pass] when maintenance is off, the Pass verdict naming the
// bypass that lets r through ([PassPath], [PassNetwork], [PassHeader],
// [PassCookie]) when one does, [Admit] when r was the secret URL (the redirect and cookie are written
// to rw), and [Block] otherwise, having written nothing. With Pass it also
// returns the request the handler gets: r itself, or, if r carries the
// secret header, a shallow copy without it, whether maintenance is on or
// not: the secret must not travel on to the handler, its logs and whatever
// it proxies to. The caller's request and header map are left as they are.
func (pol *Policy) Decide(rw http.ResponseWriter, r *http.Request, st maintenance.State, now time.Time) (Verdict, *http.Request) {
	hdr := r.Header[pol.secretHeader]
	v := pol.decide(rw, r, st, now, hdr)
	if !v.Passes() {
		return v, r
	}
	if hdr != nil {
		r = pol.withoutSecretHeader(r)
	}
	return v, r
}

// Off returns the request the handler gets while maintenance is off: r,
// or a copy of r without the secret header (see [Policy.Decide]). It is
// Decide for a window that is off, at the cost of one header lookup.
func (pol *Policy) Off(r *http.Request) *http.Request {
	if r.Header[pol.secretHeader] != nil {
		return pol.withoutSecretHeader(r)
	}
	return r
}

// decide is Decide without the header's removal; hdr is the secret
// header r came with.
func (pol *Policy) decide(rw http.ResponseWriter, r *http.Request, st maintenance.State, now time.Time, hdr []string) Verdict {
	if !st.On {
		return Pass
	}
	if pol.pathAllowed(r.URL) {
		return PassPath
	}
	if len(pol.allow) > 0 {
		if a := pol.clientAddr(r); a.IsValid() && contains(pol.allow, a) {
			return PassNetwork
		}
	}
	sec := st.Secret
	if sec == "" {
		sec = pol.secret
	}
	if sec != "" {
		k := pol.keyFor(sec)
		if v := pol.secretBypass(k, hdr, r, now); v != Block {
			return v
		}
		if k.isSecretPath(r.URL.Path) {
			pol.admit(rw, r, k, now)
			return Admit
		}
	}
	return Block
}

// isToken reports whether s is an HTTP token (RFC 9110 §5.6.2), as header
// names must be.
func isToken(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isTokenChar(s[i]) {
			return false
		}
	}
	return s != ""
}

// isTokenChar reports whether c is a tchar of RFC 9110 §5.6.2: the one
// definition of the token set in this package.
func isTokenChar(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0
}
