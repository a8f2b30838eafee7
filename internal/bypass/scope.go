package bypass

import (
	"net"
	"net/http"
	"net/url"
	"strings"

	"github.com/errorpage/errorpage/maintenance"
)

// InScope reports whether the window st applies to r: its host is one of
// st.Hosts and its path lies under one of st.Paths, each list matching
// everything when empty.
//
// A path is in scope when any form a router may route on lies under the
// prefix: the decoded path, the escaped path or the raw path. That is the
// opposite rule of the bypass prefixes, and for the same reason: a
// bypass must hold for every router, so all forms must match; a window
// must hold for any router, so one form is enough. A path that is not
// clean ("/shop/../billing/") or that holds a double encoding is judged
// by its cleaned, once-decoded form too, since something behind the
// router may clean or decode it again.
func InScope(r *http.Request, st maintenance.State) bool {
	if len(st.Hosts) > 0 && !hostIn(r.Host, st.Hosts) {
		return false
	}
	if len(st.Paths) == 0 {
		return true
	}
	return pathIn(r.URL, st.Paths)
}

func hostIn(host string, hosts []string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.Trim(host, "[]"), ".")
	for _, h := range hosts {
		if strings.EqualFold(host, strings.TrimSuffix(strings.Trim(h, "[]"), ".")) {
			return true
		}
	}
	return false
}

func pathIn(u *url.URL, prefixes []string) bool {
	views := []string{u.Path, u.EscapedPath(), u.RawPath}
	// What a later layer could make of it: cleaned, and decoded once more.
	if again, err := url.PathUnescape(u.Path); err == nil && again != u.Path {
		views = append(views, again)
	}
	for _, v := range views {
		if v == "" {
			continue
		}
		c := cleanSlashes(v)
		for _, pre := range prefixes {
			if strings.HasPrefix(v, pre) || strings.HasPrefix(c, pre) || c+"/" == pre {
				return true
			}
		}
	}
	return false
}

// cleanSlashes is p cleaned as a router would clean it, keeping a
// trailing slash.
func cleanSlashes(p string) string {
	if cleanPath(p) {
		return p
	}
	c := cleanPathKeepSlash(p)
	return c
}

// Safe reports whether method changes nothing on the server by RFC 9110's
// definition as read-only mode uses it: GET, HEAD and OPTIONS. Methods
// are case-sensitive: "get" is an unknown method, and so unsafe.
func Safe(method string) bool {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodOptions:
		return true
	}
	return false
}
