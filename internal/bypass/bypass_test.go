package bypass

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/errorpage/errorpage/maintenance"
)

// TestNew_Validation: every bypass field is checked once, by New, with an
// error naming the field of the middleware's options.
func TestNew_Validation(t *testing.T) {
	tests := []struct {
		name    string
		o       maintenance.Options
		wantErr string
	}{
		{"no config at all", maintenance.Options{}, ""},
		{"everything valid", maintenance.Options{Refresh: time.Minute, AllowPaths: []string{"/healthz"}, AllowPathPrefixes: []string{"/static/"},
			AllowNetworks: []string{"10.0.0.0/8", "2001:db8::/32", "192.0.2.7", "::1", "::ffff:10.1.0.0/112"}, TrustedProxies: []string{"127.0.0.1"},
			ProxyHeader: "forwarded", Secret: "s3cretS3cretS3cret-_.~", SecretHeader: "X-Smoke-Test", CookieName: "bypass", CookieLifetime: time.Hour}, ""},
		{"relative path", maintenance.Options{AllowPaths: []string{"healthz"}}, `errorpage: Maintenance.AllowPaths: "healthz"`},
		{"relative prefix", maintenance.Options{AllowPathPrefixes: []string{"static/"}}, "errorpage: Maintenance.AllowPathPrefixes"},
		{"bad network", maintenance.Options{AllowNetworks: []string{"10.0.0.0/33"}}, "errorpage: Maintenance.AllowNetworks"},
		{"hostname network", maintenance.Options{AllowNetworks: []string{"localhost"}}, "errorpage: Maintenance.AllowNetworks"},
		{"zoned address", maintenance.Options{AllowNetworks: []string{"fe80::1%eth0"}}, "has a zone"},
		{"mapped range too wide", maintenance.Options{AllowNetworks: []string{"::ffff:0:0/90"}}, "IPv4-mapped"},
		{"bad proxy", maintenance.Options{TrustedProxies: []string{"10.0.0.1/"}}, "errorpage: Maintenance.TrustedProxies"},
		{"bad proxy header", maintenance.Options{ProxyHeader: "X-Real-IP"}, "errorpage: Maintenance.ProxyHeader"},
		{"secret with a slash", maintenance.Options{Secret: "a/b"}, "errorpage: Maintenance.Secret"},
		{"secret dot-dot", maintenance.Options{Secret: ".."}, "errorpage: Maintenance.Secret"},
		{"bad secret header", maintenance.Options{SecretHeader: "X Bypass"}, "errorpage: Maintenance.SecretHeader"},
		{"bad cookie name", maintenance.Options{CookieName: "a;b"}, "errorpage: Maintenance.CookieName"},
		{"cookie lifetime too long", maintenance.Options{CookieLifetime: 8 * 24 * time.Hour}, "errorpage: Maintenance.CookieLifetime"},
		{"cookie lifetime too short", maintenance.Options{CookieLifetime: time.Second}, "errorpage: Maintenance.CookieLifetime"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(tt.o)
			if tt.wantErr == "" {
				assert.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.wantErr)
			assert.True(t, strings.HasPrefix(err.Error(), "errorpage: "), "got %q, want the errorpage: prefix", err)
		})
	}
}

// TestDecide_NamesTheBypass: a request let through while maintenance is on
// gets the verdict of the bypass that let it through, so the middleware
// can tell observers which one; with maintenance off it is plain Pass.
func TestDecide_NamesTheBypass(t *testing.T) {
	const sec = "s3cretS3cretS3cret"
	pol, err := New(maintenance.Options{AllowPaths: []string{"/healthz"}, AllowNetworks: []string{"198.51.100.0/24"}, Secret: sec})
	require.NoError(t, err)
	cookie := signBypassCookie(pol.keyFor(sec).mac, maintNow.Add(time.Hour))
	on := maintenance.State{On: true}
	tests := []struct {
		name string
		st   maintenance.State
		prep func(r *http.Request)
		want Verdict
	}{
		{"maintenance off", maintenance.State{}, func(*http.Request) {}, Pass},
		{"allowed path", on, func(r *http.Request) { r.URL.Path = "/healthz" }, PassPath},
		{"allowed network", on, func(r *http.Request) { r.RemoteAddr = "198.51.100.9:1234" }, PassNetwork},
		{"secret header", on, func(r *http.Request) { r.Header.Set(defaultSecretHeader, sec) }, PassHeader},
		{"bypass cookie", on, func(r *http.Request) { r.AddCookie(&http.Cookie{Name: defaultCookieName, Value: cookie}) }, PassCookie},
		{"forged cookie", on, func(r *http.Request) { r.AddCookie(&http.Cookie{Name: defaultCookieName, Value: cookie + "x"}) }, Block},
		{"nothing", on, func(*http.Request) {}, Block},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest("GET", "/orders", nil)
			tt.prep(r)
			got, _ := pol.Decide(httptest.NewRecorder(), r, tt.st, maintNow)
			assert.Equal(t, tt.want, got, "got verdict %d, want %d", got, tt.want)
			assert.Equal(t, tt.want == Pass || tt.want >= PassPath, got.Passes())
		})
	}
}
