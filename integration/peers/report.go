package main

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"time"
)

// finding is what one package's tests did in one mode, against bare.
type finding struct {
	pkg, mode   string
	tests, skip int      // tests that ran (subtests included), skipped ones
	failBare    int      // failed here and without errorpage too
	allowed     []string // failed only with errorpage, allow-listed
	failed      []string // failed only with errorpage, not allow-listed
	missing     []string // passed without errorpage, did not run here
	flaky       []string // failed only with errorpage, then passed on a retry
	pkgFail     bool     // the package failed without a failing test, only with errorpage
	broken      int      // tests the broken pass-through made fail
}

// compare finds the tests of package name that fail in mode but not bare.
func compare(name, mode string, bare, got *result, allow []*allowEntry) *finding {
	f := &finding{pkg: name, mode: mode}
	f.tests = got.count(name, "pass") + got.count(name, "fail")
	f.skip = got.count(name, "skip")
	failedHere := 0
	for _, key := range got.failedLeaves() {
		if !strings.HasPrefix(key, name+" ") {
			continue
		}
		failedHere++
		switch {
		case bare.tests[key] == "fail":
			f.failBare++
		case allowed(allow, mode, key) != nil:
			e := allowed(allow, mode, key)
			e.used = true
			f.allowed = append(f.allowed, key)
		default:
			f.failed = append(f.failed, key)
		}
	}
	for key, o := range bare.tests {
		if o != "pass" || !strings.HasPrefix(key, name+" ") {
			continue
		}
		if _, ran := got.tests[key]; !ran && allowed(allow, mode, key) == nil {
			f.missing = append(f.missing, key)
		}
	}
	f.pkgFail = got.pkgFail[name] && failedHere == 0 && len(f.missing) == 0 && !bare.pkgFail[name]
	slices.Sort(f.allowed)
	slices.Sort(f.failed)
	slices.Sort(f.missing)
	return f
}

// brokenCount counts the tests of package name that passed bare and failed
// or did not run with the broken pass-through.
func brokenCount(name string, bare, got *result) int {
	n := 0
	for key, o := range bare.tests {
		if o == "pass" && strings.HasPrefix(key, name+" ") && got.tests[key] != "pass" && got.tests[key] != "skip" {
			n++
		}
	}
	return n
}

// maxRetry bounds the tests retried per package and mode; more failures
// than this are not timing.
const maxRetry = 30

// report compares every run with its bare run, retries the failures once
// (the suites have timing tests and share two cores), prints what it
// found and returns whether the suites pass.
func report(ps []*prepared, all []*job, allow []*allowEntry, elapsed time.Duration) bool {
	byKey := map[string]*result{}
	for _, j := range all {
		byKey[fmt.Sprint(j.p.name, j.mode, j.broken)] = j.res
	}
	var fs []*finding
	ok := true
	var problems []string
	for _, p := range ps {
		bare := byKey[fmt.Sprint(p.name, "bare", false)]
		for _, name := range p.names {
			if bare.pkgFail[name] && len(bare.tests) == 0 {
				problems = append(problems, fmt.Sprintf("%s does not build or run without errorpage:\n%s", name, indent(bare.output[name])))
			}
		}
		for _, m := range p.modes {
			got := byKey[fmt.Sprint(p.name, m.name, false)]
			broken := byKey[fmt.Sprint(p.name, m.name, true)]
			for _, name := range p.names {
				f := compare(name, m.name, bare, got, allow)
				f.broken = brokenCount(name, bare, broken)
				if n := len(f.failed) + len(f.missing); n > 0 && n <= maxRetry {
					retry(p, f, got)
				}
				fs = append(fs, f)
			}
		}
	}

	fmt.Println()
	fmt.Println("peer suites with errorpage inserted (compared with a bare run of the same version)")
	for _, p := range ps {
		bare := byKey[fmt.Sprint(p.name, "bare", false)]
		for _, name := range p.names {
			fmt.Printf("  %-16s %-8s bare:   %4d tests, %d fail without errorpage, %d skipped\n",
				name, p.version, bare.count(name, "pass")+bare.count(name, "fail"), bare.count(name, "fail"), bare.count(name, "skip"))
		}
		for _, m := range p.modes {
			fmt.Printf("  %-16s %-8s %s\n", p.name, m.name+":", m.where)
		}
	}
	fmt.Println()
	var total, failed, allowedN, brokenMin = 0, 0, 0, -1
	for _, f := range fs {
		status := "ok"
		if len(f.failed) > 0 || len(f.missing) > 0 || f.pkgFail {
			status = "FAIL"
			ok = false
		}
		if f.broken == 0 {
			status = "NOT WIRED"
			ok = false
			problems = append(problems, fmt.Sprintf("%s %s: the broken pass-through made no test fail, so nothing shows errorpage is on the tests' path", f.pkg, f.mode))
		}
		fmt.Printf("  %-9s %-16s %-6s %4d tests: %d fail only with errorpage (%d allow-listed), %d did not run, %d flaky, %d fail bare too; broken run fails %d\n",
			status, f.pkg, f.mode, f.tests, len(f.failed)+len(f.allowed), len(f.allowed), len(f.missing), len(f.flaky), f.failBare, f.broken)
		total += f.tests
		failed += len(f.failed) + len(f.missing)
		allowedN += len(f.allowed)
		if brokenMin < 0 || f.broken < brokenMin {
			brokenMin = f.broken
		}
	}

	for _, f := range fs {
		for _, key := range f.failed {
			fmt.Printf("\nFAIL only with errorpage, %s: %s\n%s\n", f.mode, key, indent(first(byKeyRes(all, f, key), 25)))
		}
		if len(f.missing) > 0 {
			fmt.Printf("\nDID NOT RUN with errorpage, %s %s: %d tests that pass bare, from %s\n", f.pkg, f.mode, len(f.missing), strings.Join(first(f.missing, 5), ", "))
		}
		if f.pkgFail {
			fmt.Printf("\nFAIL only with errorpage, %s %s: the package failed outside any test\n%s\n", f.pkg, f.mode, indent(first(byKeyRes(all, f, f.pkg), 25)))
		}
		for _, key := range f.flaky {
			fmt.Printf("\nflaky: %s %s failed once only with errorpage and passed on a retry\n", f.mode, key)
		}
		for _, key := range f.allowed {
			fmt.Printf("allow-listed: %-6s %s: %s\n", f.mode, key, allowed(allow, f.mode, key).reason)
		}
	}
	for _, e := range allow {
		if !e.used {
			fmt.Printf("note: allow-list entry %s %s %s matched no failure; remove it if it is stale\n", e.pkg, e.mode, e.test)
		}
	}
	for _, pr := range problems {
		ok = false
		fmt.Println("\nFAIL:", pr)
	}
	verdict := "ok"
	if !ok {
		verdict = "FAIL"
	}
	var counts []string
	for _, p := range ps {
		var modes []string
		for _, m := range p.modes {
			n := 0
			for _, f := range fs {
				if f.mode == m.name && slices.Contains(p.names, f.pkg) {
					n += f.tests
				}
			}
			modes = append(modes, fmt.Sprintf("%s %d", m.name, n))
		}
		counts = append(counts, p.name+" "+strings.Join(modes, ", "))
	}
	fmt.Printf("\ntests run with errorpage, by suite and mode: %s\n", strings.Join(counts, "; "))
	fmt.Printf("peers %s: %d suites, %d package×mode runs, %d tests run with errorpage, %d fail only with errorpage (not allow-listed), %d allow-listed; every broken run failed (at least %d tests each): %v; %s\n",
		verdict, len(ps), len(fs), total, failed, allowedN, max(brokenMin, 0), brokenMin > 0, elapsed.Round(time.Second))
	return ok
}

// retry runs the tests that failed only with errorpage once more in the
// same mode; those that pass become flaky instead of failed.
func retry(p *prepared, f *finding, got *result) {
	keys := append(slices.Clone(f.failed), f.missing...)
	pkgs := p.pkgs
	for i, name := range p.names {
		if name == f.pkg {
			pkgs = []string{p.pkgs[i]}
		}
	}
	again, err := goTest(p.dir, pkgs, p.short, []string{"-overlay", p.overlays[f.mode], "-run", runPattern(keys)}, nil)
	if err != nil {
		fmt.Fprintln(os.Stderr, "peers: retry:", err)
		return
	}
	keepIf := func(keys []string) []string {
		var out []string
		for _, k := range keys {
			if again.tests[k] == "pass" {
				f.flaky = append(f.flaky, k)
			} else {
				out = append(out, k)
				if lines, ok := again.output[k]; ok && len(got.output[k]) == 0 {
					got.output[k] = lines
				}
			}
		}
		return out
	}
	f.failed = keepIf(f.failed)
	f.missing = keepIf(f.missing)
}

func byKeyRes(all []*job, f *finding, key string) []string {
	for _, j := range all {
		if !j.broken && j.mode == f.mode && slices.Contains(j.p.names, f.pkg) {
			return j.res.output[key]
		}
	}
	return nil
}

func first(s []string, n int) []string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

func indent(lines []string) string {
	var b strings.Builder
	for _, l := range lines {
		b.WriteString("    " + l + "\n")
	}
	return strings.TrimRight(b.String(), "\n")
}
