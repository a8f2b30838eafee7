package bypass

import (
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/errorpage/errorpage/maintenance"
)

func TestNetworkBypass(t *testing.T) {
	o := maintenance.Options{
		AllowNetworks:  []string{"10.0.0.1", "192.168.0.0/16", "2001:db8:cafe::/48", "::ffff:172.16.0.0/108"},
		TrustedProxies: []string{"203.0.113.0/24", "2001:db8:ffff::1"},
	}
	h, _, _, _ := maintSetup(t, o, maintenance.State{On: true})
	xff := "X-Forwarded-For"
	tests := []struct {
		name   string
		remote string
		header []string // name, value pairs
		want   int
	}{
		{"allowed single address", "10.0.0.1:5555", nil, 200},
		{"10.0.0.1 never matches 10.0.0.10", "10.0.0.10:5555", nil, 503},
		{"10.0.0.1 never matches 10.0.0.100", "10.0.0.100:5555", nil, 503},
		{"inside an IPv4 range", "192.168.44.3:1", nil, 200},
		{"just outside an IPv4 range", "192.169.0.1:1", nil, 503},
		{"IPv6 inside", "[2001:db8:cafe:12::7]:443", nil, 200},
		{"IPv6 outside", "[2001:db8:caff::7]:443", nil, 503},
		{"IPv6 with a zone", "[2001:db8:cafe::7%eth0]:443", nil, 200},
		{"IPv4-mapped peer matches an IPv4 range", "[::ffff:10.0.0.1]:80", nil, 200},
		{"IPv4 peer matches a mapped range", "172.16.3.4:80", nil, 200},
		{"IPv4-mapped peer outside", "[::ffff:10.0.0.2]:80", nil, 503},
		{"remote address without a port", "10.0.0.1", nil, 200},
		{"garbage remote address", "nonsense", nil, 503},

		{"spoofed X-Forwarded-For from an untrusted peer", "198.51.100.7:1", []string{xff, "10.0.0.1"}, 503},
		{"spoofed Forwarded from an untrusted peer", "198.51.100.7:1", []string{"Forwarded", "for=10.0.0.1"}, 503},
		{"allowed peer stays allowed whatever it claims", "10.0.0.1:1", []string{xff, "198.51.100.7"}, 200},
		{"trusted proxy reports an allowed client", "203.0.113.5:1", []string{xff, "10.0.0.1"}, 200},
		{"trusted proxy reports another client", "203.0.113.5:1", []string{xff, "198.51.100.7"}, 503},
		{"client spoofs the left of the chain", "203.0.113.5:1", []string{xff, "10.0.0.1, 198.51.100.7"}, 503},
		{"chain of trusted proxies", "203.0.113.5:1", []string{xff, "10.0.0.1, 203.0.113.9, 203.0.113.8"}, 200},
		{"chain across header lines", "203.0.113.5:1", []string{xff, "10.0.0.1", xff, "203.0.113.9"}, 200},
		{"untrusted hop in the middle stops the walk", "203.0.113.5:1", []string{xff, "10.0.0.1, 198.51.100.7, 203.0.113.9"}, 503},
		{"IPv6 trusted proxy, IPv6 client", "[2001:db8:ffff::1]:1", []string{xff, "2001:db8:cafe::9"}, 200},
		{"client with a port in the header", "203.0.113.5:1", []string{xff, "10.0.0.1:4711"}, 200},
		{"unknown hop: no client address", "203.0.113.5:1", []string{xff, "10.0.0.1, unknown"}, 503},
		{"only trusted hops: the left-most is the client", "203.0.113.5:1", []string{xff, "203.0.113.9"}, 503},
		{"trusted proxy without a header: its own address", "203.0.113.5:1", nil, 503},
		{"X-Forwarded-For read, Forwarded ignored by default", "203.0.113.5:1", []string{"Forwarded", "for=10.0.0.1", xff, "198.51.100.7"}, 503},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest("GET", "/", nil)
			req.RemoteAddr = tt.remote
			for i := 0; i+1 < len(tt.header); i += 2 {
				req.Header.Add(tt.header[i], tt.header[i+1])
			}
			assert.Equal(t, tt.want, record(h, req).Code, "peer %s, headers %q", tt.remote, tt.header)
		})
	}
}

func TestForwardedBypass(t *testing.T) {
	o := maintenance.Options{
		AllowNetworks:  []string{"10.0.0.1", "2001:db8:cafe::17"},
		TrustedProxies: []string{"203.0.113.0/24"},
		ProxyHeader:    "Forwarded",
	}
	h, _, _, _ := maintSetup(t, o, maintenance.State{On: true})
	tests := []struct {
		name      string
		forwarded []string
		want      int
	}{
		{"plain", []string{"for=10.0.0.1"}, 200},
		{"case-insensitive name, other parameters", []string{"proto=https;For=10.0.0.1;by=203.0.113.5"}, 200},
		{"quoted IPv6 with port", []string{`for="[2001:db8:cafe::17]:4711"`}, 200},
		{"quoted IPv4 with port", []string{`for="10.0.0.1:4711"`}, 200},
		{"right-most untrusted wins", []string{"for=10.0.0.1, for=198.51.100.7"}, 503},
		{"trusted hops are skipped", []string{"for=10.0.0.1, for=203.0.113.9"}, 200},
		{"elements across header lines", []string{"for=10.0.0.1", "for=203.0.113.9"}, 200},
		{"quoted comma does not split", []string{`for=10.0.0.1;ext="a,b"`}, 200},
		{"obfuscated identifier", []string{"for=_hidden"}, 503},
		{"unknown", []string{"for=unknown"}, 503},
		{"element without for", []string{"for=10.0.0.1, proto=https"}, 503},
		{"X-Forwarded-For is ignored in this mode", nil, 503},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest("GET", "/", nil)
			req.RemoteAddr = "203.0.113.5:1234"
			req.Header.Set("X-Forwarded-For", "10.0.0.1")
			for _, v := range tt.forwarded {
				req.Header.Add("Forwarded", v)
			}
			assert.Equal(t, tt.want, record(h, req).Code, "Forwarded: %q", tt.forwarded)
		})
	}
}

func TestParseNetworksUnmapsIPv4MappedRanges(t *testing.T) {
	got, err := parseNetworks("AllowNetworks", []string{"::ffff:10.0.0.0/104", "::ffff:192.0.2.1", "10.1.2.3/8"})
	require.NoError(t, err)
	want := []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8"), netip.MustParsePrefix("192.0.2.1/32"), netip.MustParsePrefix("10.0.0.0/8")}
	assert.Equal(t, want, got)
}

// TestNetworkBypassOnTheWire uses real loopback connections,
// IPv4 and IPv6, so the peer address is the one net/http reports.
func TestNetworkBypassOnTheWire(t *testing.T) {
	for _, tt := range []struct{ name, listen, allow string }{
		{"IPv4", "127.0.0.1:0", "127.0.0.1"},
		{"IPv6", "[::1]:0", "::1/128"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ln, err := net.Listen("tcp", tt.listen)
			if err != nil {
				t.Skipf("no %s loopback here: %v", tt.name, err)
			}
			for _, c := range []struct {
				allow []string
				want  int
			}{{[]string{tt.allow}, 200}, {[]string{"192.0.2.0/24", "2001:db8::/32"}, 503}} {
				h, _, _, _ := maintSetup(t, maintenance.Options{AllowNetworks: c.allow}, maintenance.State{On: true})
				srv := httptest.NewUnstartedServer(h)
				srv.Listener.Close()
				srv.Listener = ln
				srv.Start()
				req, err := http.NewRequest("GET", srv.URL+"/", nil)
				require.NoError(t, err)
				req.Header.Set("X-Forwarded-For", "192.0.2.1") // ignored: no trusted proxy
				res, err := srv.Client().Do(req)
				require.NoError(t, err)
				res.Body.Close()
				assert.Equal(t, c.want, res.StatusCode, "allow %v", c.allow)
				srv.Close()
				ln, err = net.Listen("tcp", tt.listen)
				require.NoError(t, err)
			}
			ln.Close()
		})
	}
}

// A client behind a trusted proxy can pad X-Forwarded-For; past
// maxForwardedHops the header proves nothing and lets nobody in, even with
// an allowed address right-most.
func TestXForwardedForIsBounded(t *testing.T) {
	o := maintenance.Options{AllowNetworks: []string{"10.0.0.0/8"}, TrustedProxies: []string{"203.0.113.5"}}
	h, _, _, _ := maintSetup(t, o, maintenance.State{On: true})
	for _, n := range []int{maxForwardedHops, maxForwardedHops + 1} {
		hops := strings.TrimSuffix(strings.Repeat("198.51.100.7, ", n-1), ", ")
		if n > 1 {
			hops += ", "
		}
		hops += "10.0.0.5"
		req := httptest.NewRequest("GET", "/", nil)
		req.RemoteAddr = "203.0.113.5:1234"
		req.Header.Set("X-Forwarded-For", hops)
		want := 200
		if n > maxForwardedHops {
			want = 503
		}
		assert.Equal(t, want, record(h, req).Code, "%d hops", n)
	}
}
