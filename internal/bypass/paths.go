package bypass

import (
	"net/url"
	"path"
	"strings"
)

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
func (pol *Policy) pathAllowed(u *url.URL) bool {
	if len(pol.paths) == 0 && len(pol.prefixes) == 0 {
		return false
	}
	p := u.Path
	views := [2]string{u.EscapedPath(), u.RawPath}
	if pol.paths[p] {
		want := escapedPath(p)
		if views[0] == want && (views[1] == "" || views[1] == want) {
			return true
		}
	}
	if len(pol.prefixes) == 0 || !cleanPath(p) {
		return false
	}
	// Something behind the router may decode once more: a double-encoded
	// path ("%252F") is never let through.
	if strings.IndexByte(p, '%') >= 0 {
		return false
	}
	for _, pre := range pol.prefixes {
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

// cleanPathKeepSlash is path.Clean(p), with p's trailing slash kept.
func cleanPathKeepSlash(p string) string {
	clean := path.Clean(p)
	if strings.HasSuffix(p, "/") && clean != "/" {
		clean += "/"
	}
	return clean
}

// escapedPath is the escaped form of the decoded path p, as a client
// that encodes only what it must sends it.
func escapedPath(p string) string {
	return (&url.URL{Path: p}).EscapedPath()
}
