package errorpage

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
func (g *maintenanceGate) peerTrusted(r *http.Request) (netip.Addr, bool) {
	peer := parseHost(r.RemoteAddr)
	return peer, len(g.trusted) > 0 && peer.IsValid() && contains(g.trusted, peer)
}

// clientAddr is the address of the client: the peer's, unless the peer is
// a trusted proxy; then the right-most address in the proxy header that is
// not a trusted proxy. Everything left of it was written by the client or
// by proxies we know nothing about, and proves nothing.
func (g *maintenanceGate) clientAddr(r *http.Request) netip.Addr {
	peer, trusted := g.peerTrusted(r)
	if !trusted {
		return peer
	}
	var hops []netip.Addr
	if g.forwarded {
		hops = forwardedFor(r.Header.Values("Forwarded"))
	} else {
		for _, v := range r.Header.Values("X-Forwarded-For") {
			for _, h := range strings.Split(v, ",") {
				hops = append(hops, parseHost(h))
			}
		}
	}
	for i := len(hops) - 1; i >= 0; i-- {
		if !hops[i].IsValid() {
			// "unknown" or garbage: the client is not identifiable.
			return netip.Addr{}
		}
		if !contains(g.trusted, hops[i]) {
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
func (g *maintenanceGate) forwardedProto(r *http.Request) string {
	if _, trusted := g.peerTrusted(r); !trusted {
		return ""
	}
	if g.forwarded {
		els := forwardedElements(r.Header.Values("Forwarded"))
		if len(els) == 0 {
			return ""
		}
		return strings.ToLower(els[len(els)-1]["proto"])
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

// forwardedFor returns the for= node of each element of the Forwarded
// header values (RFC 7239 §4), left to right; an element without one, or
// with an unknown or obfuscated node, gives the invalid Addr.
func forwardedFor(values []string) []netip.Addr {
	els := forwardedElements(values)
	out := make([]netip.Addr, len(els))
	for i, el := range els {
		out[i] = parseHost(el["for"])
	}
	return out
}

// forwardedElements parses Forwarded header values into elements, each a
// map of lower-case parameter names to unquoted values. It is lenient:
// a malformed pair is skipped, and commas and semicolons inside quoted
// strings do not split.
func forwardedElements(values []string) []map[string]string {
	var els []map[string]string
	for _, v := range values {
		el := map[string]string{}
		i := 0
		for i <= len(v) {
			// One name=value pair, up to ';', ',' or the end.
			j := i
			for j < len(v) && v[j] != '=' && v[j] != ';' && v[j] != ',' {
				j++
			}
			name := strings.ToLower(strings.TrimSpace(v[i:j]))
			var val string
			if j < len(v) && v[j] == '=' {
				j++
				for j < len(v) && v[j] == ' ' {
					j++
				}
				if j < len(v) && v[j] == '"' {
					var b strings.Builder
					j++
					for j < len(v) && v[j] != '"' {
						if v[j] == '\\' && j+1 < len(v) {
							j++
						}
						b.WriteByte(v[j])
						j++
					}
					j++ // the closing quote
					val = b.String()
					for j < len(v) && v[j] != ';' && v[j] != ',' {
						j++
					}
				} else {
					k := j
					for j < len(v) && v[j] != ';' && v[j] != ',' {
						j++
					}
					val = strings.TrimSpace(v[k:j])
				}
				if name != "" {
					if _, dup := el[name]; !dup {
						el[name] = val
					}
				}
			}
			if j >= len(v) || v[j] == ',' {
				if len(el) > 0 || j < len(v) {
					els = append(els, el)
				}
				el = map[string]string{}
			}
			i = j + 1
		}
	}
	return els
}
