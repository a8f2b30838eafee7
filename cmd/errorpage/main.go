// Command errorpage switches errorpage's maintenance mode on and off, the
// `artisan down` of Go services. It works on a trigger file (a shared
// volume, a ConfigMap) or through an instance's admin endpoint:
//
//	errorpage down   --file PATH [--message TEXT] [--message de=TEXT]...
//	                 [--at +2h|RFC3339] [--until 30m|+30m|RFC3339] [--retry 5m]
//	                 [--read-only] [--only /billing/|HOST]... [--status 503]
//	                 [--secret-env NAME | --secret-stdin | --no-secret | --with-secret]
//	errorpage up     --file PATH
//	errorpage status --file PATH
//
//	errorpage down|up|status --admin URL   (bearer token in ERRORPAGE_ADMIN_TOKEN)
//
// export writes every page, in every language and format, and nginx and
// Caddy snippets serving them, for when the Go process itself is down;
// serve answers with the same pages from memory (export.go, serve.go).
// They need the renderer, and so templ; the maintenance commands below
// import only the maintenance package.
//
// With --file, down writes the maintenance document atomically (a temporary
// file in the same directory, renamed over PATH), up removes the file and
// status reads it. With --admin, the same requests go to the URL of an
// maintenance.NewAdmin handler; the token is read from the
// environment, never from a flag, so it stays out of shell history and
// process listings. The same holds for the bypass secret: down takes it
// from the environment variable ERRORPAGE_SECRET (or the one --secret-env
// names) or from the first line of standard input (--secret-stdin), never
// from a flag. Without one, down keeps the secret of the current window;
// --no-secret drops it. --with-secret generates a fresh secret and prints
// it, the one time output shows a secret; otherwise output never shows a
// secret or a token, and text from the file or the server has its control
// characters quoted.
//
// --at schedules the window to start later (before it, the site runs and
// can announce it); --until is relative to now, not to --at. --read-only
// blocks only writes (every method but GET, HEAD and OPTIONS). --only
// limits the window to a path prefix ("/billing/") or a host
// ("shop.example.com"); repeat it for more. --message de=TEXT gives the
// message in another language. --status exists only to say that planned
// maintenance answers 503: any other value is refused.
//
// --admin with http:// is refused unless the host is a loopback address or
// --insecure-http is given: the bearer token would cross the network in
// clear text.
//
// Exit status: 0 when the command did what it says (up on a site that is
// already up included), 1 when it failed (a file or network error, a
// refused token, an invalid trigger file), 2 for a usage error (an unknown
// command or flag, an invalid value).
package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/netip"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/errorpage/errorpage/maintenance"
)

// tokenEnv names the environment variable holding the admin bearer token.
const tokenEnv = "ERRORPAGE_ADMIN_TOKEN"

// secretEnv names the environment variable down reads the secret from
// unless --secret-env names another.
const secretEnv = "ERRORPAGE_SECRET"

const usage = `usage:
  errorpage down   (--file PATH | --admin URL) [--message TEXT] [--message de=TEXT]...
                   [--at +2h|RFC3339] [--until 30m|RFC3339] [--retry 5m] [--read-only]
                   [--only /billing/|HOST]... [--status 503]
                   [--secret-env NAME | --secret-stdin | --no-secret | --with-secret]
  errorpage up     (--file PATH | --admin URL)
  errorpage status (--file PATH | --admin URL)
  errorpage export --out DIR [--force] [--theme NAME] [--config FILE]
  errorpage serve  [--addr HOST:PORT] [--status 503] [--maintenance-file PATH] [--theme NAME] [--config FILE]

--file works on a trigger file; --admin calls an instance's admin endpoint
with the bearer token in $ERRORPAGE_ADMIN_TOKEN (http:// only to loopback,
unless --insecure-http). down takes the bypass secret from $ERRORPAGE_SECRET,
the variable --secret-env names, or stdin (--secret-stdin); without one it
keeps the current window's secret, --no-secret drops it, --with-secret makes
and prints a new one. --at starts the window later; --until counts from now.
Exit status: 0 done, 1 failed, 2 usage error.
`

func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr, time.Now))
}

// errUsage marks errors that exit with status 2.
type errUsage struct{ msg string }

func (e errUsage) Error() string { return e.msg }

func usageErr(format string, args ...any) error {
	return errUsage{fmt.Sprintf("errorpage: "+format, args...)}
}

// run is the whole command, with its surroundings passed in so that tests
// can run it end to end.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer, now func() time.Time) int {
	err := dispatch(ctx, args, getenv, stdin, stdout, now)
	var ue errUsage
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(stdout, usage)
		return 0
	case errors.As(err, &ue):
		fmt.Fprintln(stderr, err)
		fmt.Fprint(stderr, usage)
		return 2
	default:
		fmt.Fprintln(stderr, err)
		return 1
	}
}

type target struct {
	file  string
	admin string
	token string
}

func dispatch(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout io.Writer, now func() time.Time) error {
	if len(args) == 0 {
		return usageErr("no command given")
	}
	cmd := args[0]
	switch cmd {
	case "help", "-h", "-help", "--help":
		return flag.ErrHelp
	case "export":
		return export(args[1:], stdout)
	case "serve":
		return serve(ctx, args[1:], stdout)
	case "down", "up", "status":
	default:
		return usageErr("unknown command %q", cmd)
	}
	fs := flag.NewFlagSet("errorpage "+cmd, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // run prints the error and the usage itself
	var t target
	var insecure bool
	fs.StringVar(&t.file, "file", "", "the trigger file")
	fs.StringVar(&t.admin, "admin", "", "the URL of an instance's admin endpoint")
	fs.BoolVar(&insecure, "insecure-http", false, "allow --admin http:// to a host that is not loopback")
	var w windowFlags
	var secretFlag, secretVar string
	var secretStdin, noSecret, withSecret bool
	if cmd == "down" {
		fs.Var(&w.messages, "message", "the message on the maintenance page; lang=TEXT for another language (repeatable)")
		fs.StringVar(&w.at, "at", "", "when the window starts: a duration from now (+2h) or an RFC 3339 time")
		fs.StringVar(&w.until, "until", "", "when the window ends: a duration from now (30m) or an RFC 3339 time")
		fs.BoolVar(&w.readOnly, "read-only", false, "block only writes; GET, HEAD and OPTIONS still reach the site")
		fs.Var(&w.only, "only", "limit the window to a path prefix (/billing/) or a host (repeatable)")
		fs.StringVar(&w.status, "status", "", "the status of the answer: only 503 is accepted")
		fs.BoolVar(&withSecret, "with-secret", false, "generate a bypass secret and print it")
		fs.StringVar(&w.retry, "retry", "", "the retry delay to advertise when the end is unknown (5m)")
		// Only to say how to do it instead: a secret in argv lands in ps
		// and the shell history.
		fs.StringVar(&secretFlag, "secret", "", "refused: use --secret-env or --secret-stdin")
		fs.StringVar(&secretVar, "secret-env", "", "the environment variable holding the bypass secret")
		fs.BoolVar(&secretStdin, "secret-stdin", false, "read the bypass secret from the first line of stdin")
		fs.BoolVar(&noSecret, "no-secret", false, "drop the current window's secret")
	}
	if err := fs.Parse(args[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageErr("%s: %v", cmd, err)
	}
	if fs.NArg() > 0 {
		return usageErr("%s: unexpected argument %q", cmd, fs.Arg(0))
	}
	secretSet := false
	fs.Visit(func(f *flag.Flag) { secretSet = secretSet || f.Name == "secret" })
	if secretSet {
		return usageErr("down: --secret would show the secret in ps and the shell history; put it in $%s (or the variable --secret-env NAME names) or pipe it with --secret-stdin", secretEnv)
	}
	switch {
	case t.file == "" && t.admin == "":
		return usageErr("%s: --file PATH or --admin URL is required", cmd)
	case t.file != "" && t.admin != "":
		return usageErr("%s: --file and --admin exclude each other", cmd)
	case t.admin != "":
		u, err := url.Parse(t.admin)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return usageErr("--admin %s is not an http:// or https:// URL", quote(t.admin))
		}
		if u.Scheme == "http" && !insecure && !isLoopback(u.Hostname()) {
			return usageErr("--admin %s: http:// would send the bearer token in clear text to %s; use https://, or --insecure-http if the network is yours", quote(t.admin), quote(u.Hostname()))
		}
		if t.token = strings.TrimSpace(getenv(tokenEnv)); t.token == "" {
			return usageErr("%s is not set; --admin needs the endpoint's bearer token there", tokenEnv)
		}
	}

	switch cmd {
	case "down":
		secret, err := readSecret(getenv, stdin, secretVar, secretStdin, noSecret, withSecret)
		if err != nil {
			return err
		}
		w.secret = secret
		st, err := w.window(now())
		if err != nil {
			return err
		}
		before, berr := t.get(ctx)
		keep := secret == "" && !noSecret && berr == nil && before.On && before.Secret != ""
		if keep {
			st.Secret = before.Secret
		}
		if err := t.set(ctx, st); err != nil {
			return err
		}
		if st.Scheduled(now()) {
			fmt.Fprintf(stdout, "maintenance scheduled (%s)\n", t)
		} else {
			fmt.Fprintf(stdout, "maintenance on (%s)\n", t)
		}
		describe(stdout, st, now())
		switch {
		case withSecret:
			// Asked for: the operator needs it to get in.
			fmt.Fprintf(stdout, "  secret:  %s (visit /%s to get a bypass cookie)\n", secret, secret)
		case keep:
			fmt.Fprintln(stdout, "  secret:  kept the current window's secret (--no-secret drops it)")
		case noSecret && berr == nil && before.Secret != "":
			fmt.Fprintln(stdout, "  secret:  dropped the current window's secret")
		case secret != "" && berr == nil && before.Secret != "" && before.Secret != secret:
			fmt.Fprintln(stdout, "  secret:  replaced; bypass cookies made with the old one no longer work")
		}
		return nil
	case "up":
		var before maintenance.State
		if t.file != "" {
			before, _ = t.get(ctx) // only to say whether anything changed
		}
		if err := t.set(ctx, maintenance.State{}); err != nil {
			return err
		}
		if t.file != "" && !before.On {
			fmt.Fprintf(stdout, "maintenance was already off (%s does not exist)\n", quote(t.file))
			return nil
		}
		fmt.Fprintf(stdout, "maintenance off (%s)\n", t)
		return nil
	default: // status
		if t.file != "" {
			// A missing file means "off", but a missing directory means a
			// wrong path, which must not read as "off".
			if _, err := os.Stat(filepath.Dir(t.file)); err != nil {
				return fmt.Errorf("errorpage: status: the directory of %s: %w", quote(t.file), err)
			}
		}
		st, err := t.get(ctx)
		n := now()
		switch {
		case st.Scheduled(n):
			fmt.Fprintf(stdout, "maintenance scheduled (%s)\n", t)
			describe(stdout, st, n)
		case st.On && !st.Until.IsZero() && !n.Before(st.Until):
			// What a request sees now, unless the middleware sets NoExpiry.
			fmt.Fprintf(stdout, "maintenance off: the window ended at %s (%s; on only where the middleware sets NoExpiry)\n", st.Until.UTC().Format(time.RFC3339), t)
			describe(stdout, st, n)
		case st.On:
			fmt.Fprintf(stdout, "maintenance on (%s)\n", t)
			describe(stdout, st, n)
		case err == nil:
			fmt.Fprintf(stdout, "maintenance off (%s)\n", t)
		}
		return err
	}
}

// readSecret returns the secret down was given: from stdin with
// --secret-stdin, else from the variable --secret-env names, else from
// $ERRORPAGE_SECRET; empty if none.
func readSecret(getenv func(string) string, stdin io.Reader, name string, fromStdin, none, generate bool) (string, error) {
	given := 0
	for _, b := range []bool{name != "", fromStdin, none, generate} {
		if b {
			given++
		}
	}
	if given > 1 {
		return "", usageErr("down: --secret-env, --secret-stdin, --no-secret and --with-secret exclude each other")
	}
	switch {
	case generate:
		return newSecret()
	case none:
		return "", nil
	case fromStdin:
		line, err := bufio.NewReader(io.LimitReader(stdin, 1024)).ReadString('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return "", fmt.Errorf("errorpage: down: reading the secret from stdin: %v", err)
		}
		s := strings.TrimSpace(line)
		if s == "" {
			return "", usageErr("down: --secret-stdin: stdin holds no secret")
		}
		return s, nil
	case name != "":
		s := strings.TrimSpace(getenv(name))
		if s == "" {
			return "", usageErr("down: --secret-env %s: the variable is not set", quote(name))
		}
		return s, nil
	default:
		return strings.TrimSpace(getenv(secretEnv)), nil
	}
}

// isLoopback reports whether host is "localhost" or a loopback address.
func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip, err := netip.ParseAddr(host)
	return err == nil && ip.Unmap().IsLoopback()
}

// quote returns s as it is when it holds no control characters, and
// Go-quoted otherwise, so that text from a file or a server cannot move
// the cursor or rewrite what the terminal shows.
func quote(s string) string {
	for _, r := range s {
		if unicode.IsControl(r) || r == utf8.RuneError || unicode.Is(unicode.Bidi_Control, r) {
			return strconv.Quote(s)
		}
	}
	return s
}

// windowFlags are the flags of down that describe the window.
type windowFlags struct {
	messages, only                   listFlag
	at, until, retry, status, secret string
	readOnly                         bool
}

// listFlag is a flag that may be repeated.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

// window builds the state "down" asks for, validating every flag.
func (w windowFlags) window(now time.Time) (maintenance.State, error) {
	st := maintenance.State{On: true, Secret: w.secret, ReadOnly: w.readOnly}
	if w.status != "" && strings.TrimSpace(w.status) != "503" {
		return st, usageErr("--status %s: planned maintenance is answered with 503 Service Unavailable, which tells clients and search engines the downtime is temporary (RFC 9110 §15.6.4, and Google's advice for planned downtime); another status is refused", quote(w.status))
	}
	for _, m := range w.messages {
		tag, text, ok := strings.Cut(m, "=")
		if ok && isTag(tag) {
			if st.Messages == nil {
				st.Messages = map[string]string{}
			}
			st.Messages[tag] = strings.TrimSpace(text)
			continue
		}
		if st.Message != "" {
			return st, usageErr("--message given twice without a language; use --message de=TEXT for another language")
		}
		st.Message = strings.TrimSpace(m)
	}
	for _, o := range w.only {
		if strings.HasPrefix(o, "/") {
			if err := maintenance.CheckPathPrefix(o); err != nil {
				return st, usageErr("--only: %v", err)
			}
			st.Paths = append(st.Paths, o)
		} else {
			st.Hosts = append(st.Hosts, o)
		}
	}
	var err error
	if w.at != "" {
		if st.Start, err = when("--at", w.at, now); err != nil {
			return st, err
		}
	}
	if w.until != "" {
		if st.Until, err = when("--until", w.until, now); err != nil {
			return st, err
		}
	}
	if !st.Start.IsZero() && !st.Until.IsZero() && !st.Start.Before(st.Until) {
		return st, usageErr("--at %s is not before --until %s (--until counts from now, not from --at)",
			st.Start.UTC().Format(time.RFC3339), st.Until.UTC().Format(time.RFC3339))
	}
	if w.retry != "" {
		d, err := time.ParseDuration(w.retry)
		if err != nil || d <= 0 {
			return st, usageErr("--retry %q: want a positive duration such as 90s or 5m", w.retry)
		}
		st.Retry = d
	}
	if err := st.Check(now); err != nil {
		return st, errUsage{err.Error()}
	}
	return st, nil
}

// when reads a point in time given as a duration from now ("30m", "+2h")
// or an RFC 3339 time; it must lie in the future.
func when(name, v string, now time.Time) (time.Time, error) {
	if d, err := time.ParseDuration(v); err == nil {
		if d <= 0 {
			return time.Time{}, usageErr("%s %s: the window must %s in the future", name, quote(v), map[string]string{"--at": "start", "--until": "end"}[name])
		}
		return now.Add(d).Truncate(time.Second), nil
	}
	t, err := time.Parse(time.RFC3339, v)
	if err != nil {
		return time.Time{}, usageErr("%s %s: want a duration from now (30m, 2h) or an RFC 3339 time (2026-12-24T02:00:00Z)", name, quote(v))
	}
	if !t.After(now) {
		return time.Time{}, usageErr("%s %s is in the past", name, v)
	}
	return t, nil
}

// isTag reports whether s looks like a language tag ("de", "pt-BR"), so
// that "--message de=TEXT" is told from a message holding "=".
func isTag(s string) bool {
	if s == "" || len(s) > 35 {
		return false
	}
	for i, r := range s {
		letter := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
		if !(letter || i > 0 && (r == '-' || r >= '0' && r <= '9')) {
			return false
		}
	}
	return true
}

// newSecret returns a fresh bypass secret: 32 letters and digits from
// crypto/rand, about 190 bits.
func newSecret() (string, error) {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("errorpage: down: reading randomness: %v", err)
	}
	for i := range b {
		// 256 % 62 != 0: reject the bytes that would bias the choice.
		for b[i] >= 248 {
			var one [1]byte
			if _, err := rand.Read(one[:]); err != nil {
				return "", fmt.Errorf("errorpage: down: reading randomness: %v", err)
			}
			b[i] = one[0]
		}
		b[i] = alphabet[int(b[i])%len(alphabet)]
	}
	return string(b), nil
}

// describe prints what a window says, one fact a line.
func describe(w io.Writer, st maintenance.State, now time.Time) {
	if st.Message != "" {
		fmt.Fprintf(w, "  message: %s\n", quote(st.Message))
	}
	for _, tag := range slices.Sorted(maps.Keys(st.Messages)) {
		fmt.Fprintf(w, "  message: %s: %s\n", quote(tag), quote(st.Messages[tag]))
	}
	if !st.Start.IsZero() {
		if st.Start.After(now) {
			left := (st.Start.Sub(now) + time.Second - 1).Truncate(time.Second)
			fmt.Fprintf(w, "  start:   %s (in %s; until then the site runs and can announce the window)\n", st.Start.UTC().Format(time.RFC3339), left)
		} else {
			fmt.Fprintf(w, "  start:   %s (started)\n", st.Start.UTC().Format(time.RFC3339))
		}
	}
	if st.ReadOnly {
		fmt.Fprintln(w, "  mode:    read-only: GET, HEAD and OPTIONS pass, every other method gets 503")
	}
	for _, p := range st.Paths {
		fmt.Fprintf(w, "  scope:   paths under %s\n", quote(p))
	}
	for _, h := range st.Hosts {
		fmt.Fprintf(w, "  scope:   host %s\n", quote(h))
	}
	if !st.Until.IsZero() {
		if st.Until.After(now) {
			// Rounded up: "--until 20m" says 20m0s, not 19m59s.
			left := (st.Until.Sub(now) + time.Second - 1).Truncate(time.Second)
			fmt.Fprintf(w, "  until:   %s (in %s)\n", st.Until.UTC().Format(time.RFC3339), left)
		} else {
			fmt.Fprintf(w, "  until:   %s (passed: the window has ended unless the middleware sets NoExpiry)\n", st.Until.UTC().Format(time.RFC3339))
		}
	}
	if st.Retry > 0 {
		fmt.Fprintf(w, "  retry:   %s\n", st.Retry)
	}
	if st.Secret != "" {
		// Never the secret itself: output ends up in logs and screenshots.
		fmt.Fprintln(w, "  bypass:  a secret is set; visiting /<secret> gives a bypass cookie")
	}
}

func (t target) String() string {
	if t.file != "" {
		return "trigger file " + quote(t.file)
	}
	return "admin endpoint " + quote(t.admin)
}

func (t target) set(ctx context.Context, st maintenance.State) error {
	if t.file != "" {
		return maintenance.WriteTriggerFile(t.file, st)
	}
	if !st.On {
		_, err := t.call(ctx, http.MethodDelete, nil)
		return err
	}
	body, err := json.Marshal(st)
	if err != nil {
		return err
	}
	_, err = t.call(ctx, http.MethodPut, body)
	return err
}

func (t target) get(ctx context.Context) (maintenance.State, error) {
	if t.file != "" {
		return maintenance.ReadTriggerFile(t.file)
	}
	return t.call(ctx, http.MethodGet, nil)
}

// client never follows redirects: Go would turn a PUT or DELETE into a GET,
// which answers 200 with the old state, and the CLI would report a switch
// that did not happen (and send the token on to the new location).
var client = &http.Client{
	Timeout:       10 * time.Second,
	CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
}

// call sends one request to the admin endpoint and reads the state it
// answers with, turning what can go wrong into sentences an operator can
// act on.
func (t target) call(ctx context.Context, method string, body []byte) (maintenance.State, error) {
	var st maintenance.State
	req, err := http.NewRequestWithContext(ctx, method, t.admin, bytes.NewReader(body))
	if err != nil {
		return st, fmt.Errorf("errorpage: %v", err)
	}
	req.Header.Set("Authorization", "Bearer "+t.token)
	req.Header.Set("Accept", "application/json")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := client.Do(req)
	if err != nil {
		if errors.Is(err, syscall.ECONNREFUSED) {
			return st, fmt.Errorf("errorpage: cannot connect to %s: connection refused; is the instance running and listening there?", t.admin)
		}
		return st, fmt.Errorf("errorpage: %s %s: %v", method, t.admin, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return st, fmt.Errorf("errorpage: %s %s: reading the answer: %v", method, t.admin, err)
	}
	switch resp.StatusCode {
	case http.StatusOK:
	case http.StatusUnauthorized:
		return st, fmt.Errorf("errorpage: %s refused the token (401 Unauthorized); check %s", t.admin, tokenEnv)
	case http.StatusForbidden:
		return st, fmt.Errorf("errorpage: %s forbids this request (403 Forbidden); the endpoint may accept only certain client addresses (loopback, say)", t.admin)
	case http.StatusNotFound:
		return st, fmt.Errorf("errorpage: %s: no admin endpoint there (404 Not Found)", t.admin)
	case http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther, http.StatusTemporaryRedirect, http.StatusPermanentRedirect:
		return st, fmt.Errorf("errorpage: %s redirects (%s) to %q; nothing was changed. Call the admin endpoint at its final URL (https:, say)", t.admin, resp.Status, resp.Header.Get("Location"))
	default:
		var p struct {
			Detail string `json:"detail"`
		}
		if json.Unmarshal(data, &p) == nil && p.Detail != "" {
			return st, fmt.Errorf("errorpage: %s: %s: %s", quote(t.admin), resp.Status, quote(p.Detail))
		}
		return st, fmt.Errorf("errorpage: %s: unexpected answer %s", t.admin, resp.Status)
	}
	if err := json.Unmarshal(data, &st); err != nil {
		return st, fmt.Errorf("errorpage: %s did not answer with a maintenance document: %v", t.admin, err)
	}
	return st, nil
}
