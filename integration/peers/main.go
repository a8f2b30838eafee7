// Command peers runs the test suites of chi, gorilla/mux,
// gorilla/handlers, echo and gin with errorpage inserted, and fails on any
// test that fails only with errorpage.
//
// The peer modules come from the Go module proxy at the versions the
// integration module pins. Each is copied to a temporary directory whose
// go.mod also requires errorpage from this repository; every run uses that
// same go.mod, so the bare run and the runs with errorpage differ in the
// inserted code only. The insertion is a go test -overlay: one source file
// patched with small anchored edits (an anchor that is not found exactly
// fails the run) and one added file. Each mode also runs with a broken
// pass-through under errorpage, and that run must fail: it proves the
// insertion is on the tests' path.
//
// Run it from the integration directory: go run ./peers (or
// peers/run.sh from anywhere).
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"
)

func main() {
	root := flag.String("root", "..", "the errorpage repository the suites run with")
	allowPath := flag.String("allow", "peers/allow.txt", "the allow-list")
	jobs := flag.Int("jobs", 3, "go test runs at a time")
	keep := flag.Bool("keep", false, "keep the temporary directory and print it")
	only := flag.String("suites", "", "comma-separated suites to run (default all)")
	flag.Parse()
	ok, err := run(*root, *allowPath, *jobs, *keep, *only)
	if err != nil {
		fmt.Fprintln(os.Stderr, "peers:", err)
		os.Exit(1)
	}
	if !ok {
		os.Exit(1)
	}
}

// prepared is a suite copied, pinned and patched, ready to run.
type prepared struct {
	suite
	version  string
	dir      string            // the module copy
	short    map[string]string // import path to short name
	names    []string          // short names, in pkgs order
	overlays map[string]string // overlay file by mode name
}

// job is one go test run.
type job struct {
	p      *prepared
	mode   string // "bare" or a mode name
	broken bool
	res    *result
	err    error
}

func run(root, allowPath string, jobs int, keep bool, only string) (bool, error) {
	start := time.Now()
	root, err := filepath.Abs(root)
	if err != nil {
		return false, err
	}
	if _, err := os.Stat(filepath.Join(root, "middleware.go")); err != nil {
		return false, fmt.Errorf("-root %s is not the errorpage repository: %w", root, err)
	}
	allow, err := readAllow(allowPath)
	if err != nil {
		return false, err
	}
	tmp, err := os.MkdirTemp("", "errorpage-peers-")
	if err != nil {
		return false, err
	}
	if keep {
		fmt.Println("peers: working in", tmp)
	} else {
		defer os.RemoveAll(tmp)
	}

	var ps []*prepared
	for _, s := range suites {
		if only != "" && !slices.Contains(strings.Split(only, ","), s.name) {
			continue
		}
		p, err := prepare(s, root, filepath.Join(tmp, s.name))
		if err != nil {
			return false, fmt.Errorf("%s: %w", s.name, err)
		}
		ps = append(ps, p)
	}
	if len(ps) == 0 {
		return false, fmt.Errorf("no suite matches -suites %q", only)
	}

	var all []*job
	for _, p := range ps {
		all = append(all, &job{p: p, mode: "bare"})
		for _, m := range p.modes {
			all = append(all, &job{p: p, mode: m.name}, &job{p: p, mode: m.name, broken: true})
		}
	}
	runJobs(all, jobs, func(j *job) {
		j.res, j.err = j.p.test(j.mode, j.broken, "")
		state := "done"
		if j.err != nil {
			state = "error: " + j.err.Error()
		}
		fmt.Fprintf(os.Stderr, "peers: %-8s %-6s %-6s %s in %s\n", j.p.name, j.mode, brokenWord(j.broken), state, j.res.elapsedOr())
	})
	for _, j := range all {
		if j.err != nil {
			return false, fmt.Errorf("%s %s: %w", j.p.name, j.mode, j.err)
		}
	}
	return report(ps, all, allow, time.Since(start)), nil
}

func brokenWord(b bool) string {
	if b {
		return "broken"
	}
	return ""
}

func (r *result) elapsedOr() time.Duration {
	if r == nil {
		return 0
	}
	return r.elapsed.Round(100 * time.Millisecond)
}

// runJobs runs f on every job, n at a time, longest suites first.
func runJobs(all []*job, n int, f func(*job)) {
	ch := make(chan *job)
	var wg sync.WaitGroup
	for range max(n, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range ch {
				f(j)
			}
		}()
	}
	for _, j := range all {
		ch <- j
	}
	close(ch)
	wg.Wait()
}

// prepare copies the suite's module from the module cache to dir, makes
// its go.mod require errorpage from root, and writes one overlay per mode.
func prepare(s suite, root, dir string) (*prepared, error) {
	version, err := output("", "go", "list", "-m", "-f", "{{.Version}}", s.module)
	if err != nil {
		return nil, fmt.Errorf("the integration module does not pin it: %w", err)
	}
	dl, err := output("", "go", "mod", "download", "-json", s.module+"@"+version)
	if err != nil {
		return nil, err
	}
	var mod struct{ Dir string }
	if err := json.Unmarshal([]byte(dl), &mod); err != nil || mod.Dir == "" {
		return nil, fmt.Errorf("go mod download %s@%s: no directory in %q", s.module, version, dl)
	}
	p := &prepared{suite: s, version: version, dir: filepath.Join(dir, "src"), short: map[string]string{}, overlays: map[string]string{}}
	if err := copyTree(mod.Dir, p.dir); err != nil {
		return nil, err
	}
	if s.check != nil {
		if err := s.check(p.dir); err != nil {
			return nil, err
		}
	}
	for _, pkg := range s.pkgs {
		name, path := s.name, s.module
		if rel := strings.TrimPrefix(pkg, "./"); rel != "." {
			name, path = s.name+"/"+rel, s.module+"/"+rel
		}
		p.short[path] = name
		p.names = append(p.names, name)
	}
	for _, m := range s.modes {
		ov, err := writeOverlay(p, m, filepath.Join(dir, "overlay", m.name))
		if err != nil {
			return nil, fmt.Errorf("mode %s: %w", m.name, err)
		}
		p.overlays[m.name] = ov
	}
	// The same go.mod for every run: errorpage required (its requirements
	// may raise the suite's by minimum version selection) and replaced by
	// root. Resolving it once with the first overlay fills go.sum.
	if _, err := output(p.dir, "go", "mod", "edit",
		"-require=github.com/errorpage/errorpage@v0.0.0-00010101000000-000000000000",
		"-replace=github.com/errorpage/errorpage="+root); err != nil {
		return nil, err
	}
	args := append([]string{"list", "-mod=mod", "-deps", "-test", "-overlay", p.overlays[s.modes[0].name]}, s.pkgs...)
	if _, err := output(p.dir, "go", args...); err != nil {
		return nil, err
	}
	return p, nil
}

// writeOverlay writes the patched files and the added files of mode m to
// dir and returns the overlay file for go test -overlay.
func writeOverlay(p *prepared, m mode, dir string) (string, error) {
	files, err := patch(p.dir, m.edits)
	if err != nil {
		return "", err
	}
	files[helperFile] = fmt.Sprintf(helpers, p.pkg)
	if m.code != "" {
		files["zz_errorpage_peers_"+m.name+".go"] = fmt.Sprintf("// Code generated for a peer-suite run of errorpage; it is never committed. DO NOT EDIT.\n\npackage %s\n\n%s", p.pkg, m.code)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	ov := struct{ Replace map[string]string }{map[string]string{}}
	for name, src := range files {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			return "", err
		}
		ov.Replace[filepath.Join(p.dir, name)] = path
	}
	b, err := json.MarshalIndent(ov, "", "\t")
	if err != nil {
		return "", err
	}
	file := filepath.Join(dir, "overlay.json")
	return file, os.WriteFile(file, b, 0o644)
}

// test runs the suite's packages in mode ("bare" for none), with the
// broken pass-through if broken, restricted to the tests matching runRE
// if it is not empty.
func (p *prepared) test(mode string, broken bool, runRE string) (*result, error) {
	var args, env []string
	if mode != "bare" {
		args = append(args, "-overlay", p.overlays[mode])
	}
	if runRE != "" {
		args = append(args, "-run", runRE)
	}
	if broken {
		env = append(env, "ERRORPAGE_PEERS_BROKEN=1")
	}
	return goTest(p.dir, p.pkgs, p.short, args, env)
}

func output(dir, name string, args ...string) (string, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off")
	out, err := cmd.Output()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			return "", fmt.Errorf("%s %s: %w: %s", name, strings.Join(args, " "), err, strings.TrimSpace(string(ee.Stderr)))
		}
		return "", err
	}
	return strings.TrimSpace(string(out)), nil
}

// copyTree copies the regular files under src to dst, writable, since the
// module cache is read-only and some tests write next to their sources.
func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
}

// allowEntry is a line of the allow-list: a test that legitimately fails
// with errorpage (it asserts a 5xx body or panic recovery output), in one
// mode or all ("*"). test names a test or, with its subtests, a parent.
type allowEntry struct {
	pkg, mode, test, reason string
	used                    bool
}

func readAllow(path string) ([]*allowEntry, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []*allowEntry
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Fields(line)
		if len(fields) < 4 {
			return nil, fmt.Errorf("%s:%d: want: package mode test reason, got %q", path, n, line)
		}
		out = append(out, &allowEntry{pkg: fields[0], mode: fields[1], test: fields[2], reason: strings.Join(fields[3:], " ")})
	}
	return out, sc.Err()
}

// allowed returns the entry that allows key to fail in mode, or nil.
func allowed(entries []*allowEntry, mode, key string) *allowEntry {
	pkg, test, _ := strings.Cut(key, " ")
	for _, e := range entries {
		if e.pkg == pkg && (e.mode == "*" || e.mode == mode) && (test == e.test || strings.HasPrefix(test, e.test+"/")) {
			return e
		}
	}
	return nil
}

// runPattern returns a -run pattern that matches exactly the top-level
// tests of keys.
func runPattern(keys []string) string {
	var tops []string
	for _, k := range keys {
		_, test, _ := strings.Cut(k, " ")
		top, _, _ := strings.Cut(test, "/")
		if !slices.Contains(tops, regexp.QuoteMeta(top)) {
			tops = append(tops, regexp.QuoteMeta(top))
		}
	}
	return "^(" + strings.Join(tops, "|") + ")$"
}
