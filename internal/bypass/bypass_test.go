package bypass

import (
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
