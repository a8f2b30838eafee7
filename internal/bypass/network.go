package bypass

import (
	"fmt"
	"net/http"
	"net/netip"
	"strings"
)

// parseNetworks reads CIDR ranges and single addresses. IPv4-mapped IPv6
// ranges become IPv4 ranges, since client addresses are unmapped too.
func parseNetworks(field string, list []string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, s := range list {
		var p netip.Prefix
		if strings.Contains(s, "/") {
			var err error
			if p, err = netip.ParsePrefix(s); err != nil {
				return nil, fmt.Errorf("errorpage: Maintenance.%s: %q is not a CIDR range: %w", field, s, err)
			}
		} else {
			a, err := netip.ParseAddr(s)
			if err != nil {
				return nil, fmt.Errorf("errorpage: Maintenance.%s: %q is not an IP address or CIDR range: %w", field, s, err)
			}
			if a.Zone() != "" {
				return nil, fmt.Errorf("errorpage: Maintenance.%s: %q has a zone, which client addresses never carry", field, s)
			}
			p = netip.PrefixFrom(a, a.BitLen())
		}
		if p.Addr().Is4In6() {
			if p.Bits() < 96 {
				return nil, fmt.Errorf("errorpage: Maintenance.%s: %q is wider than the IPv4-mapped range ::ffff:0:0/96", field, s)
			}
			p = netip.PrefixFrom(p.Addr().Unmap(), p.Bits()-96)
		}
		out = append(out, p.Masked())
	}
	return out, nil
}

func contains(nets []netip.Prefix, a netip.Addr) bool {
	for _, p := range nets {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// parseHost reads an address as peers and proxies write it: "192.0.2.1",
// "192.0.2.1:8080", "2001:db8::1", "[2001:db8::1]:8080". It returns the
// invalid Addr for anything else ("unknown", obfuscated identifiers).
func parseHost(s string) netip.Addr {
	s = strings.TrimSpace(s)
	a, err := netip.ParseAddr(s)
	if err != nil {
		ap, err := netip.ParseAddrPort(s)
		if err != nil {
			if strings.HasPrefix(s, "[") && strings.HasSuffix(s, "]") {
				a, _ = netip.ParseAddr(s[1 : len(s)-1])
			}
		} else {
			a = ap.Addr()
		}
	}
	return a.Unmap().WithZone("")
}

// peerTrusted reports whether the direct peer of r is a trusted proxy.
func (pol *Policy) peerTrusted(r *http.Request) (netip.Addr, bool) {
	peer := parseHost(r.RemoteAddr)
	return peer, len(pol.trusted) > 0 && peer.IsValid() && contains(pol.trusted, peer)
}

// clientAddr is the address of the client: the peer's, unless the peer is
// a trusted proxy; then the right-most address in the proxy header that is
// not a trusted proxy. Everything left of it was written by the client or
// by proxies we know nothing about, and proves nothing.
func (pol *Policy) clientAddr(r *http.Request) netip.Addr {
	peer, trusted := pol.peerTrusted(r)
	if !trusted {
		return peer
	}
	var hops []netip.Addr
	if pol.forwarded {
		els, ok := parseForwarded(r.Header.Values("Forwarded"))
		if !ok {
			// A malformed header may hide what our proxy appended: trust none of it.
			return netip.Addr{}
		}
		for _, el := range els {
			hops = append(hops, parseHost(el.node))
		}
	} else {
		for _, v := range r.Header.Values("X-Forwarded-For") {
			for v != "" {
				var h string
				h, v, _ = strings.Cut(v, ",")
				if len(hops) == maxForwardedHops {
					return netip.Addr{}
				}
				hops = append(hops, parseHost(h))
			}
		}
	}
	for i := len(hops) - 1; i >= 0; i-- {
		if !hops[i].IsValid() {
			// "unknown" or garbage: the client is not identifiable.
			return netip.Addr{}
		}
		if !contains(pol.trusted, hops[i]) {
			return hops[i]
		}
	}
	if len(hops) > 0 {
		return hops[0] // every hop is a trusted proxy: the first is the origin
	}
	return peer
}

// forwardedProto is the protocol a trusted proxy says the client used,
// from X-Forwarded-Proto or Forwarded's proto parameter (the right-most,
// which our own proxy wrote); "" when the peer is not trusted.
func (pol *Policy) forwardedProto(r *http.Request) string {
	if _, trusted := pol.peerTrusted(r); !trusted {
		return ""
	}
	if pol.forwarded {
		els, ok := parseForwarded(r.Header.Values("Forwarded"))
		if !ok || len(els) == 0 {
			return ""
		}
		return strings.ToLower(els[len(els)-1].proto)
	}
	v := r.Header.Values("X-Forwarded-Proto")
	if len(v) == 0 {
		return ""
	}
	last := v[len(v)-1]
	if i := strings.LastIndexByte(last, ','); i >= 0 {
		last = last[i+1:]
	}
	return strings.ToLower(strings.TrimSpace(last))
}

// maxForwardedHops bounds the proxy chain read from a request: more hops
// than any real deployment has means a client is padding the header.
const maxForwardedHops = 64

// forwardedElement is what we read of one Forwarded element (RFC 7239 §4):
// its for= node and proto= value, unquoted.
type forwardedElement struct {
	node, proto string
}

// parseForwarded parses Forwarded header values into elements, left to
// right. It is strict, because the header is a security boundary: a proxy
// appends its element to what the client sent, so a client who can make
// the parser misread its own part (an unterminated quote swallowing the
// proxy's element, say) could choose its address. Any syntax error, or more
// than maxForwardedHops elements, makes the whole header invalid (ok false).
func parseForwarded(values []string) (els []forwardedElement, ok bool) {
	for _, v := range values {
		if els, ok = appendForwarded(els, v); !ok {
			return nil, false
		}
	}
	return els, true
}

// appendForwarded parses one Forwarded field line onto els.
func appendForwarded(els []forwardedElement, v string) ([]forwardedElement, bool) {
	el, empty := forwardedElement{}, true
	for i := 0; ; {
		i = skipOWS(v, i)
		j := i
		for j < len(v) && isForwardedValueChar(v[j]) {
			j++
		}
		switch {
		case j == i && empty && (j == len(v) || v[j] == ','):
			// An empty element ("a, , b", or a trailing comma): skip it.
		case j == i || j >= len(v) || v[j] != '=':
			return nil, false
		default:
			name := strings.ToLower(v[i:j])
			val, end, ok := forwardedValue(v, j+1)
			if !ok {
				return nil, false
			}
			switch name {
			case "for":
				el.node = val
			case "proto":
				el.proto = val
			}
			empty, j = false, end
		}
		j = skipOWS(v, j)
		if j < len(v) && v[j] == ';' {
			i = j + 1
			continue
		}
		if j < len(v) && v[j] != ',' {
			return nil, false // junk after a value
		}
		if !empty {
			if len(els) == maxForwardedHops {
				return nil, false
			}
			els = append(els, el)
		}
		if j >= len(v) {
			return els, true
		}
		el, empty, i = forwardedElement{}, true, j+1
	}
}

// forwardedValue reads a token or a quoted-string starting at v[i] and
// returns it unquoted, with the index after it.
func forwardedValue(v string, i int) (val string, end int, ok bool) {
	if i < len(v) && v[i] == '"' {
		var b strings.Builder
		for i++; i < len(v); i++ {
			switch c := v[i]; {
			case c == '\\' && i+1 < len(v):
				i++
				b.WriteByte(v[i])
			case c == '"':
				return b.String(), i + 1, true
			default:
				b.WriteByte(c)
			}
		}
		return "", 0, false // unterminated
	}
	k := i
	for i < len(v) && isForwardedValueChar(v[i]) {
		i++
	}
	return v[k:i], i, i > k
}

func skipOWS(v string, i int) int {
	for i < len(v) && (v[i] == ' ' || v[i] == '\t') {
		i++
	}
	return i
}

// isForwardedValueChar reports whether c may appear in an unquoted value
// of a Forwarded element: a token character, or ':'. Node values such as
// 192.0.2.1:8080 must be quoted, but proxies send them unquoted, and ':'
// is the one character of that form that is not a token character.
func isForwardedValueChar(c byte) bool { return isTokenChar(c) || c == ':' }
