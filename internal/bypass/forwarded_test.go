package bypass

import (
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/errorpage/errorpage/maintenance"
)

func TestParseForwarded(t *testing.T) {
	tests := []struct {
		name   string
		values []string
		want   []forwardedElement
		ok     bool
	}{
		{"none", nil, nil, true},
		{"one node", []string{"for=192.0.2.60"}, []forwardedElement{{node: "192.0.2.60"}}, true},
		{"RFC 7239 example", []string{`for=192.0.2.60;proto=http;by=203.0.113.43`}, []forwardedElement{{node: "192.0.2.60", proto: "http"}}, true},
		{"quoted IPv6 with port", []string{`For="[2001:db8:cafe::17]:4711"`}, []forwardedElement{{node: "[2001:db8:cafe::17]:4711"}}, true},
		{"a chain on one line", []string{`for=192.0.2.43, for=198.51.100.17`}, []forwardedElement{{node: "192.0.2.43"}, {node: "198.51.100.17"}}, true},
		{"a chain over lines", []string{`for=192.0.2.43`, `for=198.51.100.17;proto=https`}, []forwardedElement{{node: "192.0.2.43"}, {node: "198.51.100.17", proto: "https"}}, true},
		{"spaces and empty elements", []string{` for=a ; proto=https ,, for=b ,`}, []forwardedElement{{node: "a", proto: "https"}, {node: "b"}}, true},
		{"escapes in quotes", []string{`for="a\"b;c,d"`}, []forwardedElement{{node: `a"b;c,d`}}, true},
		{"unterminated quote swallows what follows", []string{`for=10.0.0.5;x=", for=198.51.100.7`}, nil, false},
		{"junk after a quoted value", []string{`for="a"b`}, nil, false},
		{"a pair without a value", []string{`for=`}, nil, false},
		{"a name without =", []string{`for`}, nil, false},
		{"bad characters", []string{`for=<script>`}, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := parseForwarded(tt.values)
			assert.Equal(t, tt.ok, ok, "ok")
			assert.Equal(t, tt.want, got)
		})
	}
	many := ""
	for range maxForwardedHops + 1 {
		many += "for=192.0.2.1,"
	}
	_, ok := parseForwarded([]string{many})
	assert.False(t, ok, "more than %d hops is a padded header", maxForwardedHops)
}

func FuzzParseForwarded(f *testing.F) {
	for _, s := range []string{`for=192.0.2.60;proto=http`, `For="[2001:db8:cafe::17]:4711"`, `for=a, for="b\"c"`, `for=10.0.0.5;x="`, ` , ;=`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		els, ok := parseForwarded([]string{v})
		if !ok {
			if els != nil {
				t.Fatalf("%q: invalid, but returned elements", v)
			}
			return
		}
		if len(els) > maxForwardedHops {
			t.Fatalf("%q: %d elements, over the bound", v, len(els))
		}
		// Appending a well-formed proxy element must always be read as the
		// last one: nothing a client writes may swallow it.
		both, ok := parseForwarded([]string{v + ", for=203.0.113.9;proto=https"})
		if len(els) < maxForwardedHops && (!ok || both[len(both)-1] != (forwardedElement{node: "203.0.113.9", proto: "https"})) {
			t.Fatalf("%q: the appended proxy element was misread: %v %v", v, both, ok)
		}
	})
}

// With ProxyHeader "Forwarded", a client behind a trusted proxy sends
//
//	Forwarded: for=10.0.0.5;x="
//
// and the proxy appends its element to the same field line, as RFC 9110
// §5.3 lets any intermediary combine lines:
//
//	Forwarded: for=10.0.0.5;x=", for=198.51.100.7
//
// The parser read the unterminated quoted string to the end of the
// line, swallowing the proxy's element: the right-most element becomes the
// client's own, and the spoofed 10.0.0.5 is let through the maintenance
// page. A malformed Forwarded value must make the client unidentifiable.
func TestForwarded_UnterminatedQuoteCannotSpoofTheClient(t *testing.T) {
	o := maintenance.Options{
		AllowNetworks:  []string{"10.0.0.0/8"},
		TrustedProxies: []string{"203.0.113.5"},
		ProxyHeader:    "Forwarded",
	}
	h, _, calls, _ := maintSetup(t, o, maintenance.State{On: true})
	for _, v := range []string{
		`for=10.0.0.5;x=", for=198.51.100.7`,
		`for=10.0.0.5;x="\", for=198.51.100.7`,
	} {
		req := httptest.NewRequest("GET", "/", nil)
		req.RemoteAddr = "203.0.113.5:1234"
		req.Header.Set("Forwarded", v)
		rec := record(h, req)
		if rec.Code != 503 {
			t.Errorf("Forwarded %q from the trusted proxy (real client 198.51.100.7): got %d, want 503; handler called %d times", v, rec.Code, calls.Load())
		}
	}
}
