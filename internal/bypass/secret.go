package bypass

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"hash"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// The secret bypass. Visiting /<secret> during maintenance sets a cookie
// and redirects to "/"; the cookie lets its holder in until it expires.
//
// The cookie is "v1.<expiry>.<mac>": expiry in Unix seconds, and
// HMAC-SHA256 over "v1.<expiry>" with a key derived from the secret,
// base64url-encoded. It carries nothing secret, needs no server-side
// storage, and every instance of a fleet that shares the secret accepts it.
// Changing the secret changes the key, which invalidates every cookie made
// with the old one.

// bypassKey is what a Policy derives from one secret.
type bypassKey struct {
	secret  string
	mac     []byte   // HMAC key for cookies
	pathSum [32]byte // SHA-256 of "/"+secret
	hdrSum  [32]byte // SHA-256 of secret
	// macs holds HMACs keyed with mac. Their Reset restores the state
	// after the key's padded blocks instead of hashing them again, so the
	// key schedule is computed once per HMAC, not once per cookie.
	macs sync.Pool
}

func newBypassKey(secret string) *bypassKey {
	// A key of its own for cookies, rather than the secret itself, so the
	// MAC never mixes with the comparisons below.
	h := hmac.New(sha256.New, []byte(secret))
	h.Write([]byte("errorpage maintenance bypass cookie v1"))
	k := &bypassKey{
		secret:  secret,
		mac:     h.Sum(nil),
		pathSum: sha256.Sum256([]byte("/" + secret)),
		hdrSum:  sha256.Sum256([]byte(secret)),
	}
	k.macs.New = func() any {
		m := hmac.New(sha256.New, k.mac)
		// The first Reset saves the keyed state; later ones restore it.
		m.Reset()
		return m
	}
	return k
}

// verify reports whether mac is the MAC of payload, in constant time.
func (k *bypassKey) verify(payload string, mac []byte) bool {
	m := k.macs.Get().(hash.Hash)
	defer k.macs.Put(m)
	m.Reset()
	m.Write([]byte(payload))
	var sum [sha256.Size]byte
	return hmac.Equal(mac, m.Sum(sum[:0]))
}

// keyFor returns the derived key of secret, computed once per secret: the
// state of a window changes rarely, requests are many.
func (pol *Policy) keyFor(secret string) *bypassKey {
	if k := pol.key.Load(); k != nil && k.secret == secret {
		return k
	}
	k := newBypassKey(secret)
	pol.key.Store(k)
	return k
}

// isSecretPath compares p with "/"+secret in constant time. Comparing the
// digests, not the strings, hides the secret's length as well.
func (k *bypassKey) isSecretPath(p string) bool {
	sum := sha256.Sum256([]byte(p))
	return hmac.Equal(sum[:], k.pathSum[:])
}

// secretBypass reports whether r carries the secret in the secret header
// (whose values are hdr), [PassHeader], or a valid bypass cookie,
// [PassCookie]; [Block] if neither. Of the cookies named
// like the bypass cookie, only the first that is well formed and claims a
// possible expiry gets a MAC, so a flood of cookies costs one HMAC at most.
func (pol *Policy) secretBypass(k *bypassKey, hdr []string, r *http.Request, now time.Time) Verdict {
	if len(hdr) > 0 && hdr[0] != "" {
		sum := sha256.Sum256([]byte(hdr[0]))
		if hmac.Equal(sum[:], k.hdrSum[:]) {
			return PassHeader
		}
	}
	for _, c := range r.CookiesNamed(pol.cookieName) {
		if payload, mac, ok := parseBypassCookie(c.Value, now, pol.cookieLife); ok {
			if k.verify(payload, mac) {
				return PassCookie
			}
			return Block
		}
	}
	return Block
}

// withoutSecretHeader returns a shallow copy of r without the secret
// header, for the handler: the caller's request and header map, which an
// outer handler may still use, are left as they are.
func (pol *Policy) withoutSecretHeader(r *http.Request) *http.Request {
	h := make(http.Header, len(r.Header))
	for k, v := range r.Header {
		if k != pol.secretHeader {
			h[k] = v
		}
	}
	r2 := new(http.Request)
	*r2 = *r
	r2.Header = h
	return r2
}

// admit answers a visit to the secret URL: it sets the bypass cookie and
// redirects to "/", with 303 so that any method ends in a GET.
func (pol *Policy) admit(rw http.ResponseWriter, r *http.Request, k *bypassKey, now time.Time) {
	exp := now.Add(pol.cookieLife)
	h := rw.Header()
	http.SetCookie(rw, &http.Cookie{
		Name:     pol.cookieName,
		Value:    signBypassCookie(k.mac, exp),
		Path:     "/",
		Expires:  exp,
		MaxAge:   int(pol.cookieLife / time.Second),
		HttpOnly: true,
		Secure:   r.TLS != nil || pol.forwardedProto(r) == "https",
		SameSite: http.SameSiteLaxMode,
	})
	h.Set("Cache-Control", "no-store")
	// The secret is in this URL: keep it out of the Referer of whatever
	// the next page loads.
	h.Set("Referrer-Policy", "no-referrer")
	http.Redirect(rw, r, "/", http.StatusSeeOther)
}

// signBypassCookie returns the cookie value that is valid until exp.
func signBypassCookie(key []byte, exp time.Time) string {
	payload := "v1." + strconv.FormatInt(exp.Unix(), 10)
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(payload))
	return payload + "." + base64.RawURLEncoding.EncodeToString(mac.Sum(nil))
}

// cookieClockSkew is how far in the future beyond the lifetime a cookie's
// expiry may lie: instances of a fleet do not share one clock.
const cookieClockSkew = time.Minute

// verifyBypassCookie reports whether v is a cookie signed with key that
// has not expired at now and does not claim more than maxLife from now.
// The MAC is compared in constant time.
func verifyBypassCookie(key []byte, v string, now time.Time, maxLife time.Duration) bool {
	payload, got, ok := parseBypassCookie(v, now, maxLife)
	if !ok {
		return false
	}
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(payload))
	return hmac.Equal(got, mac.Sum(nil))
}

// parseBypassCookie splits v into the signed payload and its MAC, and
// reports whether v is well formed and its expiry lies after now and no
// more than maxLife (and the clock skew) beyond it. It does no MAC, so
// what it refuses costs no hashing.
func parseBypassCookie(v string, now time.Time, maxLife time.Duration) (payload string, mac []byte, ok bool) {
	rest, ok := strings.CutPrefix(v, "v1.")
	if !ok {
		return "", nil, false
	}
	expStr, macStr, ok := strings.Cut(rest, ".")
	if !ok || len(expStr) == 0 || len(expStr) > 12 || !isDigits(expStr) || len(macStr) != 43 {
		return "", nil, false
	}
	exp, err := strconv.ParseInt(expStr, 10, 64)
	if err != nil {
		return "", nil, false
	}
	// A lifetime shortened since the cookie was made bounds it too.
	if left := time.Unix(exp, 0).Sub(now); left <= 0 || left > maxLife+cookieClockSkew {
		return "", nil, false
	}
	mac, err = base64.RawURLEncoding.DecodeString(macStr)
	if err != nil || len(mac) != sha256.Size {
		return "", nil, false
	}
	return v[:len("v1.")+len(expStr)], mac, true
}

// isDigits reports whether s is a non-empty run of ASCII digits.
func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
