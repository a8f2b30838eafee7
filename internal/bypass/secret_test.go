package bypass

import (
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/errorpage/errorpage/maintenance"
)

func TestSecretURLSetsCookie(t *testing.T) {
	h, _, calls, _ := maintSetup(t, maintenance.Options{}, maintenance.State{On: true, Secret: "s3cretS3cretS3cret"})
	for _, method := range []string{"GET", "POST"} {
		t.Run(method, func(t *testing.T) {
			rec := record(h, httptest.NewRequest(method, "/s3cretS3cretS3cret", nil))
			require.Equal(t, http.StatusSeeOther, rec.Code)
			assert.Equal(t, "/", rec.Header().Get("Location"))
			assert.Equal(t, "no-store", rec.Header().Get("Cache-Control"))
			assert.Equal(t, "no-referrer", rec.Header().Get("Referrer-Policy"))
			cookies := rec.Result().Cookies()
			require.Len(t, cookies, 1)
			c := cookies[0]
			assert.Equal(t, "errorpage_bypass", c.Name)
			assert.Equal(t, "/", c.Path)
			assert.True(t, c.HttpOnly)
			assert.False(t, c.Secure, "plain HTTP: not Secure, or the browser would drop it")
			assert.Equal(t, http.SameSiteLaxMode, c.SameSite)
			assert.Equal(t, 12*60*60, c.MaxAge, "default lifetime 12 h")
			assert.Equal(t, "v1."+strconv.FormatInt(maintNow.Add(12*time.Hour).Unix(), 10)+".", c.Value[:len("v1.")+11])
		})
	}
	assert.Zero(t, calls.Load())
}

func TestSecretBrowserFlow(t *testing.T) {
	h, _, calls, _ := maintSetup(t, maintenance.Options{}, maintenance.State{On: true, Secret: "s3cretS3cretS3cret"})
	srv := serve(t, h)
	jar, err := cookiejar.New(nil)
	require.NoError(t, err)
	client := srv.Client()
	client.Jar = jar

	res, err := client.Get(srv.URL + "/page")
	require.NoError(t, err)
	res.Body.Close()
	assert.Equal(t, 503, res.StatusCode, "before the secret")

	res, err = client.Get(srv.URL + "/s3cretS3cretS3cret")
	require.NoError(t, err)
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	assert.Equal(t, 200, res.StatusCode, "the redirect lands on the live site")
	assert.Equal(t, "live site", string(body))
	assert.Equal(t, "/", res.Request.URL.Path)

	res, err = client.Get(srv.URL + "/page")
	require.NoError(t, err)
	res.Body.Close()
	assert.Equal(t, 200, res.StatusCode, "the cookie lets the browser in")
	assert.EqualValues(t, 2, calls.Load())
}

func TestSecretCookieSecure(t *testing.T) {
	tests := []struct {
		name    string
		tls     bool
		remote  string
		headers []string
		o       maintenance.Options
		want    bool
	}{
		{"TLS", true, "198.51.100.1:1", nil, maintenance.Options{}, true},
		{"trusted proxy says https", false, "203.0.113.5:1", []string{"X-Forwarded-Proto", "https"}, maintenance.Options{TrustedProxies: []string{"203.0.113.0/24"}}, true},
		{"trusted proxy says http", false, "203.0.113.5:1", []string{"X-Forwarded-Proto", "http"}, maintenance.Options{TrustedProxies: []string{"203.0.113.0/24"}}, false},
		{"proxy chain: the last value counts", false, "203.0.113.5:1", []string{"X-Forwarded-Proto", "http, https"}, maintenance.Options{TrustedProxies: []string{"203.0.113.0/24"}}, true},
		{"Forwarded proto", false, "203.0.113.5:1", []string{"Forwarded", "for=192.0.2.1;proto=https"}, maintenance.Options{TrustedProxies: []string{"203.0.113.0/24"}, ProxyHeader: "Forwarded"}, true},
		{"untrusted peer's header is ignored", false, "198.51.100.1:1", []string{"X-Forwarded-Proto", "https"}, maintenance.Options{TrustedProxies: []string{"203.0.113.0/24"}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, _, _, _ := maintSetup(t, tt.o, maintenance.State{On: true, Secret: "s3cretS3cretS3cret"})
			target := "http://example.test/s3cretS3cretS3cret"
			if tt.tls {
				target = "https://example.test/s3cretS3cretS3cret"
			}
			req := httptest.NewRequest("GET", target, nil)
			req.RemoteAddr = tt.remote
			for i := 0; i+1 < len(tt.headers); i += 2 {
				req.Header.Set(tt.headers[i], tt.headers[i+1])
			}
			cookies := record(h, req).Result().Cookies()
			require.Len(t, cookies, 1)
			assert.Equal(t, tt.want, cookies[0].Secure)
		})
	}
}

func TestSecretOverTLS(t *testing.T) {
	h, _, _, _ := maintSetup(t, maintenance.Options{}, maintenance.State{On: true, Secret: "s3cretS3cretS3cret"})
	srv := httptest.NewTLSServer(h)
	t.Cleanup(srv.Close)
	client := srv.Client()
	client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	res, err := client.Get(srv.URL + "/s3cretS3cretS3cret")
	require.NoError(t, err)
	res.Body.Close()
	require.Equal(t, http.StatusSeeOther, res.StatusCode)
	assert.Contains(t, res.Header.Get("Set-Cookie"), "; Secure")
	assert.Contains(t, res.Header.Get("Set-Cookie"), "; HttpOnly")
	assert.Contains(t, res.Header.Get("Set-Cookie"), "; SameSite=Lax")
}

func TestSecretHeader(t *testing.T) {
	tests := []struct {
		name   string
		o      maintenance.Options
		header string
		value  string
		want   int
	}{
		{"default header", maintenance.Options{}, "X-Maintenance-Bypass", "s3cretS3cretS3cret", 200},
		{"wrong value", maintenance.Options{}, "X-Maintenance-Bypass", "s3cre", 503},
		{"longer value", maintenance.Options{}, "X-Maintenance-Bypass", "s3cretS3cretS3cret2", 503},
		{"empty value", maintenance.Options{}, "X-Maintenance-Bypass", "", 503},
		{"custom header", maintenance.Options{SecretHeader: "x-smoke-test"}, "X-Smoke-Test", "s3cretS3cretS3cret", 200},
		{"default header unused with a custom one", maintenance.Options{SecretHeader: "X-Smoke-Test"}, "X-Maintenance-Bypass", "s3cretS3cretS3cret", 503},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, _, _, _ := maintSetup(t, tt.o, maintenance.State{On: true, Secret: "s3cretS3cretS3cret"})
			req := httptest.NewRequest("GET", "/", nil)
			req.Header.Set(tt.header, tt.value)
			assert.Equal(t, tt.want, record(h, req).Code)
		})
	}
}

func TestSecretSources(t *testing.T) {
	tests := []struct {
		name     string
		option   string
		window   string
		path     string
		wantCode int
	}{
		{"option secret", "opt-opt-opt-opt-opt", "", "/opt-opt-opt-opt-opt", http.StatusSeeOther},
		{"window secret", "", "win-win-win-win-win", "/win-win-win-win-win", http.StatusSeeOther},
		{"window secret wins over the option", "opt-opt-opt-opt-opt", "win-win-win-win-win", "/opt-opt-opt-opt-opt", 503},
		{"no secret at all", "", "", "/", 503},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, _, _, _ := maintSetup(t, maintenance.Options{Secret: tt.option}, maintenance.State{On: true, Secret: tt.window})
			assert.Equal(t, tt.wantCode, record(h, httptest.NewRequest("GET", tt.path, nil)).Code)
		})
	}
}

func TestBypassCookie(t *testing.T) {
	key := newBypassKey("s3cretS3cretS3cret").mac
	valid := signBypassCookie(key, maintNow.Add(time.Hour))
	exp, mac, _ := strings.Cut(strings.TrimPrefix(valid, "v1."), ".")
	flip := []byte(mac)
	flip[5] ^= 1
	tests := []struct {
		name  string
		value string
		want  bool
	}{
		{"valid", valid, true},
		{"other secret", signBypassCookie(newBypassKey("other").mac, maintNow.Add(time.Hour)), false},
		{"expired", signBypassCookie(key, maintNow.Add(-time.Second)), false},
		{"expires now", signBypassCookie(key, maintNow), false},
		{"beyond the lifetime", signBypassCookie(key, maintNow.Add(13*time.Hour)), false},
		{"within clock skew of the lifetime", signBypassCookie(key, maintNow.Add(12*time.Hour+30*time.Second)), true},
		{"expiry moved", "v1." + strconv.FormatInt(maintNow.Add(2*time.Hour).Unix(), 10) + "." + mac, false},
		{"MAC changed", "v1." + exp + "." + string(flip), false},
		{"MAC truncated", "v1." + exp + "." + mac[:42], false},
		{"MAC with padding", "v1." + exp + "." + mac + "=", false},
		{"other version", "v2." + exp + "." + mac, false},
		{"leading zero", "v1.0" + exp + "." + mac, false},
		{"sign in expiry", "v1.+" + exp + "." + mac, false},
		{"empty", "", false},
		{"garbage", "v1..", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, verifyBypassCookie(key, tt.value, maintNow, 12*time.Hour), "cookie %q", tt.value)
		})
	}
}

func TestBypassCookieThroughDecide(t *testing.T) {
	h, sw, _, m := maintSetup(t, maintenance.Options{}, maintenance.State{On: true, Secret: "s3cretS3cretS3cret"})
	admit := record(h, httptest.NewRequest("GET", "/s3cretS3cretS3cret", nil))
	cookies := admit.Result().Cookies()
	require.Len(t, cookies, 1)
	withCookie := func() int {
		req := httptest.NewRequest("GET", "/", nil)
		req.AddCookie(cookies[0])
		return record(h, req).Code
	}
	assert.Equal(t, 200, withCookie(), "fresh cookie")

	m.now = func() time.Time { return maintNow.Add(12*time.Hour - time.Second) }
	assert.Equal(t, 200, withCookie(), "just before it expires")
	m.now = func() time.Time { return maintNow.Add(12 * time.Hour) }
	assert.Equal(t, 503, withCookie(), "expired")

	m.now = func() time.Time { return maintNow }
	sw.Enable(maintenance.State{Secret: "n3w-secret-n3w-secret"})
	assert.Equal(t, 503, withCookie(), "a new secret invalidates old cookies")
	sw.Enable(maintenance.State{Secret: "s3cretS3cretS3cret"})
	assert.Equal(t, 200, withCookie(), "and the old secret makes them valid again")

	req := httptest.NewRequest("GET", "/", nil)
	req.AddCookie(&http.Cookie{Name: "errorpage_bypass", Value: "junk"})
	req.AddCookie(cookies[0])
	assert.Equal(t, 200, record(h, req).Code, "a junk cookie of the same name next to a valid one")
}

// TestBypassCookieFloodCostsOneMAC: of 3 000 cookies named like
// the bypass cookie, at most one gets a MAC, and none whose expiry is out
// of range. Measured in allocations, which a MAC adds and which do not
// depend on the machine's speed: a flood of forged cookies may cost no
// more than a flood of malformed ones, which get no MAC at all.
func TestBypassCookieFloodCostsOneMAC(t *testing.T) {
	h, _, calls, _ := maintSetup(t, maintenance.Options{}, maintenance.State{On: true, Secret: "s3cretS3cretS3cret-s3cretS3cretS3cret-s3cretS3cretS3cret"})
	allocs := func(req *http.Request) float64 {
		return testing.AllocsPerRun(5, func() { h.ServeHTTP(httptest.NewRecorder(), req) })
	}
	base := allocs(floodRequest(3000, func(int) string { return "x" }))
	far := "v1." + strconv.FormatInt(maintNow.Add(1000*time.Hour).Unix(), 10) + "." + strings.Repeat("A", 43)
	for name, value := range map[string]func(int) string{
		"forged":       forgedCookie(maintNow),
		"out of range": func(int) string { return far },
	} {
		got := allocs(floodRequest(3000, value))
		assert.Less(t, got-base, 20.0, "%s: got %v allocations more than malformed cookies, want a MAC for one cookie at most", name, got-base)
	}
	assert.Zero(t, calls.Load(), "no forged cookie may let a request in")
}

// FuzzBypassCookie checks that the cookie verifier never panics and never
// accepts a value it did not sign.
func FuzzBypassCookie(f *testing.F) {
	key := newBypassKey("s3cretS3cretS3cret").mac
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	valid := signBypassCookie(key, now.Add(time.Hour))
	for _, s := range []string{valid, "", "v1.", "v1..", "v1.1.x", valid + "x", valid[:len(valid)-1]} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		if !verifyBypassCookie(key, v, now, 12*time.Hour) {
			return
		}
		if v != valid && v != signBypassCookie(key, parseCookieExpiry(t, v)) {
			t.Fatalf("accepted %q, which was never signed", v)
		}
	})
}

func parseCookieExpiry(t *testing.T, v string) time.Time {
	var secs int64
	for _, c := range v[len("v1."):] {
		if c == '.' {
			break
		}
		secs = secs*10 + int64(c-'0')
	}
	return time.Unix(secs, 0)
}

// TestNew_SecretTooShort: a secret anyone can try at /<secret> must be
// out of reach of guessing; a short one fails at construction, and the
// error never carries the secret. (The document refuses it too:
// maintenance.TestState_SecretTooShortNeverInErrors.)
func TestNew_SecretTooShort(t *testing.T) {
	for _, secret := range []string{"x", "s3cret", "fifteen-chars-x"} {
		_, err := New(maintenance.Options{Secret: secret})
		require.Error(t, err, "Secret %q", secret)
		assert.True(t, strings.HasPrefix(err.Error(), "errorpage: Maintenance.Secret: "), "got %q", err)
		assert.Contains(t, err.Error(), "16")
		assert.NotContains(t, err.Error(), secret)
	}
	_, err := New(maintenance.Options{Secret: "sixteen-chars-xy"})
	assert.NoError(t, err)
}
