package main

import (
	"bytes"
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/errorpage/errorpage/maintenance"
)

var cliNow = time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)

// cli runs the command with args and the given environment, at cliNow.
func cli(t *testing.T, env map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	return cliAt(t, func() time.Time { return cliNow }, env, args...)
}

// stdinKey is the key of env whose value is the command's stdin.
const stdinKey = "<stdin>"

// cliAt runs the command with the clock now.
func cliAt(t *testing.T, now func() time.Time, env map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), args, func(k string) string { return env[k] }, strings.NewReader(env[stdinKey]), &out, &errb, now)
	return code, out.String(), errb.String()
}

func TestCLIFileEndToEnd(t *testing.T) {
	path := filepath.Join(t.TempDir(), "down")

	code, out, _ := cli(t, nil, "status", "--file", path)
	assert.Equal(t, 0, code)
	assert.Equal(t, "maintenance off (trigger file "+path+")\n", out)

	code, out, errOut := cli(t, map[string]string{secretEnv: "s3cretS3cretS3cret"}, "down", "--file", path, "--message", "Upgrading the database.", "--until", "20m")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "maintenance on (trigger file "+path+")")
	assert.Contains(t, out, "until:   2026-11-23T10:20:00Z (in 20m0s)")
	assert.Contains(t, out, "bypass:  a secret is set")
	assert.NotContains(t, out, "s3cretS3cretS3cret", "no output may show the secret")

	st, err := maintenance.ReadTriggerFile(path)
	require.NoError(t, err)
	assert.Equal(t, maintenance.State{On: true, Message: "Upgrading the database.", Until: cliNow.Add(20 * time.Minute), Secret: "s3cretS3cretS3cret"}, st)

	code, out, _ = cli(t, nil, "status", "--file", path)
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "maintenance on")
	assert.Contains(t, out, "message: Upgrading the database.")

	code, out, _ = cli(t, nil, "down", "--file", path, "--until", "2026-11-23T12:00:00+01:00", "--retry", "5m", "--no-secret")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "maintenance on")
	st, _ = maintenance.ReadTriggerFile(path)
	assert.True(t, st.Until.Equal(time.Date(2026, 11, 23, 11, 0, 0, 0, time.UTC)), "RFC 3339 until, got %v", st.Until)
	assert.Equal(t, 5*time.Minute, st.Retry)
	assert.Empty(t, st.Secret, "down replaces the whole window")

	code, out, _ = cli(t, nil, "up", "--file", path)
	assert.Equal(t, 0, code)
	assert.Equal(t, "maintenance off (trigger file "+path+")\n", out)
	assert.NoFileExists(t, path)

	code, out, _ = cli(t, nil, "up", "--file", path)
	assert.Equal(t, 0, code, "up on a site that is up is fine")
	assert.Contains(t, out, "already off")

	code, out, _ = cli(t, nil, "down", "--file", path)
	assert.Equal(t, 0, code)
	assert.Equal(t, "maintenance on (trigger file "+path+")\n", out)
}

func TestCLIStatusOfABrokenFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "down")
	require.NoError(t, os.WriteFile(path, []byte("{oops"), 0o644))
	code, out, errOut := cli(t, nil, "status", "--file", path)
	assert.Equal(t, 1, code)
	assert.Contains(t, out, "maintenance on", "a broken file still means on")
	assert.Contains(t, errOut, "errorpage: maintenance document")
}

func TestCLIUsageErrors(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "down")
	tests := []struct {
		name    string
		args    []string
		env     map[string]string
		wantErr string
	}{
		{"no command", nil, nil, "no command given"},
		{"unknown command", []string{"sideways"}, nil, `unknown command "sideways"`},
		{"no target", []string{"down"}, nil, "--file PATH or --admin URL is required"},
		{"both targets", []string{"up", "--file", f, "--admin", "http://x/"}, nil, "exclude each other"},
		{"unknown flag", []string{"up", "--file", f, "--message", "x"}, nil, "flag provided but not defined: -message"},
		{"stray argument", []string{"up", "--file", f, "now"}, nil, `unexpected argument "now"`},
		{"until garbage", []string{"down", "--file", f, "--until", "tomorrow"}, nil, "want a duration from now (30m, 2h) or an RFC 3339 time"},
		{"until negative", []string{"down", "--file", f, "--until", "-5m"}, nil, "must end in the future"},
		{"until past", []string{"down", "--file", f, "--until", "2020-01-01T00:00:00Z"}, nil, "is in the past"},
		{"status 500", []string{"down", "--file", f, "--status", "500"}, nil, "planned maintenance is answered with 503"},
		{"at after until", []string{"down", "--file", f, "--at", "+2h", "--until", "+1h"}, nil, "is not before --until"},
		{"at garbage", []string{"down", "--file", f, "--at", "soon"}, nil, "--at soon: want a duration"},
		{"at past", []string{"down", "--file", f, "--at", "2020-01-01T00:00:00Z"}, nil, "is in the past"},
		{"scope not clean", []string{"down", "--file", f, "--only", "/billing/../admin/"}, nil, "not clean"},
		{"scope encoded", []string{"down", "--file", f, "--only", "/%62illing/"}, nil, "percent-encoding"},
		{"bad host", []string{"down", "--file", f, "--only", "shop.example.com:443"}, nil, "without a port"},
		{"two default messages", []string{"down", "--file", f, "--message", "a", "--message", "b"}, nil, "--message given twice"},
		{"with-secret and no-secret", []string{"down", "--file", f, "--with-secret", "--no-secret"}, nil, "exclude each other"},
		{"retry garbage", []string{"down", "--file", f, "--retry", "5"}, nil, "want a positive duration"},
		{"secret with a slash", []string{"down", "--file", f}, map[string]string{secretEnv: "a/bcdefghijklmnopq"}, "letters, digits"},
		{"admin not a URL", []string{"status", "--admin", "localhost:8080"}, map[string]string{tokenEnv: "t"}, "is not an http:// or https:// URL"},
		{"admin without a token", []string{"status", "--admin", "http://127.0.0.1:1/"}, nil, "ERRORPAGE_ADMIN_TOKEN is not set"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := cli(t, tt.env, tt.args...)
			assert.Equal(t, 2, code, "usage errors exit 2")
			assert.Contains(t, errOut, tt.wantErr)
			assert.Contains(t, errOut, "usage:")
			assert.True(t, strings.HasPrefix(errOut, "errorpage: "), "got %q", errOut)
			assert.NoFileExists(t, f, "nothing written on a usage error")
		})
	}
	code, out, _ := cli(t, nil, "help")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "usage:")
}

func TestCLIAdminEndToEnd(t *testing.T) {
	sw := &maintenance.Switch{}
	admin, err := maintenance.NewAdmin(sw, maintenance.BearerToken("t0ken"))
	require.NoError(t, err)
	srv := httptest.NewServer(admin)
	t.Cleanup(srv.Close)
	env := map[string]string{tokenEnv: "t0ken"}
	url := srv.URL + "/admin/maintenance"

	// The handler judges "until" by the real clock, so the CLI uses it too.
	until := time.Now().Add(time.Hour).UTC().Truncate(time.Second)
	code, out, errOut := cliAt(t, time.Now, map[string]string{tokenEnv: env[tokenEnv], stdinKey: "s3cretS3cretS3cret\n"}, "down", "--admin", url, "--message", "fleet", "--until", until.Format(time.RFC3339), "--secret-stdin")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "maintenance on (admin endpoint "+url+")")
	st := sw.State()
	assert.True(t, st.On)
	assert.Equal(t, "fleet", st.Message)
	assert.True(t, st.Until.Equal(until))
	assert.Equal(t, "s3cretS3cretS3cret", st.Secret)

	code, out, _ = cliAt(t, time.Now, env, "status", "--admin", url)
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "message: fleet")
	assert.Contains(t, out, "bypass:  a secret is set")
	assert.NotContains(t, out, "s3cretS3cretS3cret", "no output may show the secret")

	code, out, _ = cli(t, env, "up", "--admin", url)
	assert.Equal(t, 0, code)
	assert.Equal(t, "maintenance off (admin endpoint "+url+")\n", out)
	assert.False(t, sw.State().On)

	code, _, errOut = cli(t, map[string]string{tokenEnv: "wrong"}, "down", "--admin", url)
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "refused the token (401 Unauthorized); check ERRORPAGE_ADMIN_TOKEN")
	assert.False(t, sw.State().On, "a refused token changes nothing")
}

func TestCLIAdminErrors(t *testing.T) {
	forbidden := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "loopback only", http.StatusForbidden)
	}))
	t.Cleanup(forbidden.Close)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	refused := "http://" + ln.Addr().String() + "/admin/maintenance"
	ln.Close()
	env := map[string]string{tokenEnv: "t"}

	tests := []struct {
		name, url, want string
	}{
		{"403", forbidden.URL, "forbids this request (403 Forbidden)"},
		{"connection refused", refused, "connection refused; is the instance running"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := cli(t, env, "status", "--admin", tt.url)
			assert.Equal(t, 1, code)
			assert.Contains(t, errOut, tt.want)
		})
	}
}

// TestCLIBinary builds the command and runs it as a user would.
func TestCLIBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a binary")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "errorpage")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Stderr = os.Stderr
	require.NoError(t, build.Run())
	path := filepath.Join(dir, "down")

	out, err := exec.Command(bin, "down", "--file", path, "--until", "30m").CombinedOutput()
	require.NoError(t, err, "%s", out)
	assert.Contains(t, string(out), "maintenance on")
	assert.FileExists(t, path)

	cmd := exec.Command(bin, "down", "--file", path, "--until", "yesterday")
	out, err = cmd.CombinedOutput()
	require.Error(t, err)
	assert.Equal(t, 2, cmd.ProcessState.ExitCode(), "%s", out)

	out, err = exec.Command(bin, "up", "--file", path).CombinedOutput()
	require.NoError(t, err, "%s", out)
	assert.NoFileExists(t, path)
}

// TestCLISecretNeverInArgv: --secret VALUE would land in ps and the shell
// history; it is a usage error that says what to do instead, and the
// secret comes from the environment or stdin.
func TestCLISecretNeverInArgv(t *testing.T) {
	path := filepath.Join(t.TempDir(), "down")
	code, out, errOut := cli(t, nil, "down", "--file", path, "--secret", "s3cretS3cretS3cret")
	assert.Equal(t, 2, code)
	assert.Empty(t, out)
	assert.Contains(t, errOut, "--secret-stdin")
	assert.NotContains(t, errOut, "s3cretS3cretS3cret")
	assert.NoFileExists(t, path)

	code, _, errOut = cli(t, map[string]string{"MY_SECRET": "from-env-from-env-1"}, "down", "--file", path, "--secret-env", "MY_SECRET")
	require.Equal(t, 0, code, errOut)
	st, _ := maintenance.ReadTriggerFile(path)
	assert.Equal(t, "from-env-from-env-1", st.Secret)

	code, _, errOut = cli(t, map[string]string{stdinKey: "from-stdin-stdin-2\n"}, "down", "--file", path, "--secret-stdin")
	require.Equal(t, 0, code, errOut)
	st, _ = maintenance.ReadTriggerFile(path)
	assert.Equal(t, "from-stdin-stdin-2", st.Secret)
}

// TestCLIDownKeepsTheSecret: down without a secret keeps the current
// window's, says so, and --no-secret drops it.
func TestCLIDownKeepsTheSecret(t *testing.T) {
	path := filepath.Join(t.TempDir(), "down")
	code, _, errOut := cli(t, map[string]string{secretEnv: "s3cretS3cretS3cret"}, "down", "--file", path)
	require.Equal(t, 0, code, errOut)
	code, out, _ := cli(t, nil, "down", "--file", path, "--message", "longer")
	require.Equal(t, 0, code)
	st, _ := maintenance.ReadTriggerFile(path)
	assert.Equal(t, "s3cretS3cretS3cret", st.Secret, "down without a secret keeps the current one")
	assert.Contains(t, out, "kept the current window's secret")
	code, out, _ = cli(t, nil, "down", "--file", path, "--no-secret")
	require.Equal(t, 0, code)
	st, _ = maintenance.ReadTriggerFile(path)
	assert.Empty(t, st.Secret)
	assert.Contains(t, out, "dropped")
}

// TestCLIStatusQuotesControlCharacters: a message with terminal escapes
// cannot fake "maintenance off" on the operator's screen.
func TestCLIStatusQuotesControlCharacters(t *testing.T) {
	path := filepath.Join(t.TempDir(), "down")
	require.NoError(t, os.WriteFile(path, []byte(`{"message":"\u001b[2K\u001b[1Amaintenance off\r"}`), 0o644))
	code, out, _ := cli(t, nil, "status", "--file", path)
	assert.Equal(t, 0, code)
	assert.NotContains(t, out, "\x1b")
	assert.NotContains(t, out, "\r")
	assert.Contains(t, out, `\x1b[2K`)
}

// TestCLIStatusMissingDirectoryIsAnError: a path whose directory does not
// exist is a wrong path, not "maintenance off".
func TestCLIStatusMissingDirectoryIsAnError(t *testing.T) {
	code, out, errOut := cli(t, nil, "status", "--file", filepath.Join(t.TempDir(), "missing", "down"))
	assert.Equal(t, 1, code)
	assert.NotContains(t, out, "maintenance off")
	assert.Contains(t, errOut, "missing")
}

// TestCLIStatusAfterTheWindowEnded: status says what a request sees now.
func TestCLIStatusAfterTheWindowEnded(t *testing.T) {
	path := filepath.Join(t.TempDir(), "down")
	require.NoError(t, maintenance.WriteTriggerFile(path, maintenance.State{On: true, Until: cliNow.Add(-time.Minute)}))
	code, out, _ := cli(t, nil, "status", "--file", path)
	assert.Equal(t, 0, code)
	assert.True(t, strings.HasPrefix(out, "maintenance off: the window ended at 2026-11-23T09:59:00Z"), "got %q", out)
}

// TestCLIAdminRefusesClearTextToAnotherHost: the bearer token crosses the
// network in clear text over http://; only loopback, or --insecure-http.
func TestCLIAdminRefusesClearTextToAnotherHost(t *testing.T) {
	env := map[string]string{tokenEnv: "t0ken"}
	code, out, errOut := cli(t, env, "status", "--admin", "http://admin.example.test/admin/maintenance")
	assert.Equal(t, 2, code)
	assert.Empty(t, out)
	assert.Contains(t, errOut, "--insecure-http")
	assert.NotContains(t, errOut, "t0ken")

	var sw maintenance.Switch
	admin, err := maintenance.NewAdmin(&sw, maintenance.BearerToken("t0ken"))
	require.NoError(t, err)
	srv := httptest.NewServer(admin)
	defer srv.Close()
	code, _, errOut = cliAt(t, time.Now, env, "status", "--admin", srv.URL)
	assert.Equal(t, 0, code, "loopback over http is fine: %s", errOut)
}

func TestCLIDownScheduledReadOnlyScoped(t *testing.T) {
	f := filepath.Join(t.TempDir(), "down")
	now := time.Date(2026, 12, 24, 1, 0, 0, 0, time.UTC)
	code, out, errOut := cliAt(t, func() time.Time { return now }, nil, "down", "--file", f,
		"--at", "+1m", "--until", "+20m", "--read-only", "--only", "/billing/", "--only", "shop.example.com",
		"--message", "Upgrading", "--message", "de=Wir rüsten auf", "--status", "503")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "maintenance scheduled (trigger file")
	assert.Contains(t, out, "start:   2026-12-24T01:01:00Z (in 1m0s")
	assert.Contains(t, out, "read-only")
	assert.Contains(t, out, "paths under /billing/")
	st, err := maintenance.ReadTriggerFile(f)
	require.NoError(t, err)
	want := maintenance.State{On: true, Start: now.Add(time.Minute), Until: now.Add(20 * time.Minute), ReadOnly: true,
		Paths: []string{"/billing/"}, Hosts: []string{"shop.example.com"}, Message: "Upgrading",
		Messages: map[string]string{"de": "Wir rüsten auf"}}
	assert.True(t, want.Equal(st), "got %+v, want %+v", st, want)

	code, out, _ = cliAt(t, func() time.Time { return now }, nil, "status", "--file", f)
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "maintenance scheduled")
}

func TestCLIDownWithSecretPrintsAFreshOne(t *testing.T) {
	f := filepath.Join(t.TempDir(), "down")
	code, out, errOut := cli(t, nil, "down", "--file", f, "--with-secret")
	require.Equal(t, 0, code, errOut)
	st, err := maintenance.ReadTriggerFile(f)
	require.NoError(t, err)
	require.Len(t, st.Secret, 32)
	assert.Contains(t, out, "secret:  "+st.Secret, "the secret is printed, since it was asked for")
	assert.Contains(t, out, "/"+st.Secret)

	code, _, _ = cli(t, nil, "down", "--file", f, "--with-secret")
	require.Equal(t, 0, code)
	again, err := maintenance.ReadTriggerFile(f)
	require.NoError(t, err)
	assert.NotEqual(t, st.Secret, again.Secret, "fresh each time")
}
