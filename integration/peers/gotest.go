package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"
)

// outcome is what go test reported for one test: pass, fail or skip.
type outcome string

// result is one go test run of a suite's packages.
type result struct {
	tests   map[string]outcome  // by key: package short name, space, test name
	output  map[string][]string // output lines by key; the package's own under its short name
	pkgFail map[string]bool     // packages that failed, by short name
	elapsed time.Duration
}

// event is a line of go test -json (cmd/test2json).
type event struct {
	Action     string
	Package    string
	ImportPath string // build-output and build-fail events
	Test       string
	Output     string
}

// maxOutput bounds the lines kept per test, for the report.
const maxOutput = 60

// goTest runs go test -json in dir on the suite's packages with the given
// extra arguments and environment, and collects the outcome of every test.
// short maps import paths to the names used in keys. Vet is off: the
// errorpage requirement raises the suite's go line, which turns on vet
// checks the suite was never held to, and vet is not what is compared.
func goTest(dir string, pkgs []string, short map[string]string, args, env []string) (*result, error) {
	start := time.Now()
	argv := append([]string{"test", "-json", "-count=1", "-mod=readonly", "-timeout=4m", "-vet=off"}, args...)
	argv = append(argv, pkgs...)
	cmd := exec.Command("go", argv...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), append([]string{"GOWORK=off"}, env...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	r := &result{tests: map[string]outcome{}, output: map[string][]string{}, pkgFail: map[string]bool{}}
	sc := bufio.NewScanner(stdout)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	seen := map[string]bool{}
	for sc.Scan() {
		var ev event
		if json.Unmarshal(sc.Bytes(), &ev) != nil {
			continue
		}
		pkg := ev.Package
		if pkg == "" {
			// Build events name the package being built, with the test
			// binary it is built for in brackets.
			pkg, _, _ = strings.Cut(ev.ImportPath, " ")
		}
		name, ok := short[pkg]
		if !ok {
			// Test binaries of external test packages report as the
			// package under test; anything else is not ours.
			name, ok = short[strings.TrimSuffix(pkg, "_test")]
			if !ok {
				continue
			}
		}
		seen[name] = true
		key := name
		if ev.Test != "" {
			key = name + " " + ev.Test
		}
		switch ev.Action {
		case "output", "build-output":
			if len(r.output[key]) < maxOutput {
				r.output[key] = append(r.output[key], strings.TrimRight(ev.Output, "\n"))
			}
		case "pass", "fail", "skip":
			if ev.Test != "" {
				r.tests[key] = outcome(ev.Action)
			} else if ev.Action == "fail" {
				r.pkgFail[name] = true
			}
		case "build-fail":
			r.pkgFail[name] = true
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	waitErr := cmd.Wait()
	r.elapsed = time.Since(start)
	// A go command that fails before any package runs (a module error, a
	// bad flag) reports on stderr only; every package counts as failed.
	for _, name := range short {
		if !seen[name] {
			r.pkgFail[name] = true
			if waitErr != nil {
				r.output[name] = append(r.output[name], strings.Split(strings.TrimSpace(stderr.String()), "\n")...)
			}
		}
	}
	if waitErr != nil {
		if _, ok := waitErr.(*exec.ExitError); !ok {
			return nil, fmt.Errorf("go test in %s: %w", dir, waitErr)
		}
	}
	return r, nil
}

// failedLeaves returns the keys of failed tests that have no failed
// subtest: a parent fails with any of its subtests, and what the report
// and the allow-list care about is the subtest.
func (r *result) failedLeaves() []string {
	var out []string
	for key, o := range r.tests {
		if o != "fail" {
			continue
		}
		leaf := true
		for other, oo := range r.tests {
			if oo == "fail" && strings.HasPrefix(other, key+"/") {
				leaf = false
				break
			}
		}
		if leaf {
			out = append(out, key)
		}
	}
	return out
}

// count returns how many tests of package name ended with o.
func (r *result) count(name string, o outcome) int {
	n := 0
	for key, got := range r.tests {
		if got == o && strings.HasPrefix(key, name+" ") {
			n++
		}
	}
	return n
}
