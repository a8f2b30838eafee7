package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPatch(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "mux.go"), []byte("a\nserve()\nb\nserve()\n"), 0o644))

	tests := []struct {
		name    string
		edits   []edit
		want    string
		wantErr string
	}{
		{name: "every occurrence", edits: []edit{{"mux.go", "serve()", "wrap(serve)()", 2}}, want: "a\nwrap(serve)()\nb\nwrap(serve)()\n"},
		{name: "edits on one file add up", edits: []edit{{"mux.go", "a\n", "x\n", 1}, {"mux.go", "x\nserve", "y\nserve", 1}}, want: "y\nserve()\nb\nserve()\n"},
		{name: "anchor missing", edits: []edit{{"mux.go", "ServeHTTP", "x", 1}}, wantErr: `mux.go: anchor "ServeHTTP" found 0 times, want 1`},
		{name: "anchor found more often than expected", edits: []edit{{"mux.go", "serve()", "x", 1}}, wantErr: `found 2 times, want 1`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := patch(dir, tt.edits)
			if tt.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got["mux.go"])
		})
	}
}

// TestSuitesAnchorsAreUnique guards the edits themselves: two edits of one
// mode must not share an anchor, or the second would see patched text.
func TestSuitesAnchorsAreUnique(t *testing.T) {
	for _, s := range suites {
		for _, m := range s.modes {
			seen := map[string]bool{}
			for _, e := range m.edits {
				key := e.file + "\x00" + e.old
				assert.False(t, seen[key], "%s %s: anchor %q twice", s.name, m.name, e.old)
				seen[key] = true
				assert.Positive(t, e.n, "%s %s: anchor %q", s.name, m.name, e.old)
			}
		}
	}
}

func TestAllowed(t *testing.T) {
	entries := []*allowEntry{
		{pkg: "echo", mode: "*", test: "TestDefaultHTTPErrorHandler", reason: "asserts a 500 body"},
		{pkg: "chi/middleware", mode: "route", test: "TestRecoverer", reason: "asserts recovery output"},
	}
	tests := []struct {
		name, mode, key string
		want            bool
	}{
		{"the test in any mode", "outer", "echo TestDefaultHTTPErrorHandler", true},
		{"a subtest of it", "router", "echo TestDefaultHTTPErrorHandler/with_Debug=true", true},
		{"a test that only shares the prefix", "outer", "echo TestDefaultHTTPErrorHandlerX", false},
		{"the same test in another package", "outer", "echo/middleware TestDefaultHTTPErrorHandler", false},
		{"the listed mode", "route", "chi/middleware TestRecoverer", true},
		{"another mode", "outer", "chi/middleware TestRecoverer", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, allowed(entries, tt.mode, tt.key) != nil)
		})
	}
}

func TestAllowListFileParses(t *testing.T) {
	entries, err := readAllow("allow.txt")
	require.NoError(t, err)
	require.NotEmpty(t, entries)
	names := map[string]bool{}
	for _, s := range suites {
		for _, p := range s.pkgs {
			names[s.name] = true
			if p != "." {
				names[s.name+"/"+filepath.Base(p)] = true
			}
		}
	}
	for _, e := range entries {
		assert.True(t, names[e.pkg], "allow.txt: unknown package %q", e.pkg)
		assert.NotEmpty(t, e.reason)
	}
}

func TestFailedLeaves(t *testing.T) {
	r := &result{tests: map[string]outcome{
		"chi TestA":      "fail",
		"chi TestA/one":  "fail",
		"chi TestA/two":  "pass",
		"chi TestB":      "fail",
		"chi TestC":      "pass",
		"chi TestC/deep": "skip",
	}}
	assert.ElementsMatch(t, []string{"chi TestA/one", "chi TestB"}, r.failedLeaves())
}

func TestRunPattern(t *testing.T) {
	assert.Equal(t, `^(TestA|Test\.B)$`, runPattern([]string{"chi TestA/one", "chi TestA/two", "chi Test.B"}))
}
