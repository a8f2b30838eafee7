package main

import (
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/errorpage/errorpage"
)

var update = flag.Bool("update", false, "rewrite the golden files of the export")

// readTree returns every file under dir by its slash path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		b, err := os.ReadFile(p)
		files[filepath.ToSlash(rel)] = b
		return err
	})
	require.NoError(t, err)
	return files
}

// golden compares got with the file testdata/name, or rewrites it with
// -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	p := filepath.Join("testdata", "export", name)
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, got, 0o644))
	}
	want, err := os.ReadFile(p)
	require.NoError(t, err, "run go test -run TestExportGolden -update to create it")
	assert.Equal(t, string(want), string(got), "%s differs from the golden file (go test -update rewrites it after a change you meant)", name)
}

// TestExportGolden pins the bytes of the export with a brand: a few pages
// in full, and every file by its hash, so that any change to any page is
// seen and meant.
func TestExportGolden(t *testing.T) {
	cfg := filepath.Join(t.TempDir(), "brand.json")
	require.NoError(t, os.WriteFile(cfg, []byte(`{"Name": "Acme", "Accent": "#0a7", "Support": "help@acme.example", "Footer": "© 2026 Acme Inc.", "DefaultLanguage": "de"}`), 0o644))
	dir := exportForTest(t, "--theme", "mono", "--config", cfg)
	files := readTree(t, dir)
	placeholder := func(b []byte) []byte { return []byte(strings.ReplaceAll(string(b), dir, "@DIR@")) }

	for _, name := range []string{"en/502.html", "de/503.txt", "ja/504.json", "fr/maintenance.html", "en/generic.txt", "nginx.conf", "Caddyfile"} {
		golden(t, name, placeholder(files[name]))
	}
	var names []string
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)
	var sums strings.Builder
	for _, name := range names {
		sum := sha256.Sum256(placeholder(files[name]))
		sums.WriteString(hex.EncodeToString(sum[:]) + "  " + name + "\n")
	}
	golden(t, "SHA256SUMS", []byte(sums.String()))

	// What the manifest must hold whatever the texts say.
	for _, lang := range []string{"en", "de", "fr", "es", "it", "pt-BR", "nl", "pl", "uk", "ja", "zh-Hans", "ko"} {
		for _, page := range []string{"500", "501", "502", "503", "504", "505", "506", "507", "508", "510", "511", "generic", "maintenance"} {
			for _, ext := range []string{"html", "json", "txt"} {
				assert.Contains(t, files, lang+"/"+page+"."+ext)
			}
		}
	}
	assert.Equal(t, files["de/502.html"], files["502.html"], "the default language's pages are also at the top, one per status")
	for name, b := range files {
		assert.NotContains(t, string(b), "request_id", "%s: no request ID at the proxy", name)
		assert.NotContains(t, string(b), "epslot", "%s: no slot marker", name)
	}
	assert.Contains(t, string(files["en/502.html"]), "Acme")
	assert.Contains(t, string(files["en/503.html"]), "We expect to be back shortly.", "the retry sentence is generic")
}

func TestExportIsDeterministic(t *testing.T) {
	a := readTree(t, exportForTest(t))
	b := readTree(t, exportForTest(t))
	require.Equal(t, len(a), len(b))
	for name, body := range a {
		if name == "nginx.conf" || name == "Caddyfile" {
			continue // they name their directory
		}
		assert.Equal(t, string(body), string(b[name]), "%s: same options, same bytes", name)
	}
}

// TestExportBadInput checks that each mistake is a clear error, with exit
// status 2 for usage, and that nothing is written.
func TestExportBadInput(t *testing.T) {
	tmp := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(tmp, name)
		require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
		return p
	}
	_, newErr := errorpage.New(errorpage.Options{Brand: errorpage.Brand{Accent: "url(x)"}})
	require.Error(t, newErr)
	notEmpty := filepath.Join(tmp, "full")
	require.NoError(t, os.MkdirAll(notEmpty, 0o755))
	write("full/keep.txt", "mine")
	file := write("a-file", "")

	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"no --out", []string{}, 2, "errorpage: export: --out DIR is required"},
		{"unknown flag", []string{"--out", filepath.Join(tmp, "x"), "--colour", "red"}, 2, "flag provided but not defined: -colour"},
		{"unknown theme", []string{"--out", filepath.Join(tmp, "x"), "--theme", "neon"}, 2, `errorpage: unknown Theme "neon" (built-in themes: default, mono, terminal, friendly, contrast, glass, docs, retro)`},
		{"missing config", []string{"--out", filepath.Join(tmp, "x"), "--config", filepath.Join(tmp, "nope.json")}, 2, "errorpage: --config: open"},
		{"config not JSON", []string{"--out", filepath.Join(tmp, "x"), "--config", write("bad.json", "{Name: Acme")}, 2, "not a valid config file"},
		{"config with a typo", []string{"--out", filepath.Join(tmp, "x"), "--config", write("typo.json", `{"Acent": "#f60"}`)}, 2, `unknown field "Acent"`},
		{"brand New refuses", []string{"--out", filepath.Join(tmp, "x"), "--config", write("css.json", `{"Accent": "url(x)"}`)}, 2, newErr.Error()},
		{"bad default language", []string{"--out", filepath.Join(tmp, "x"), "--config", write("lang.json", `{"DefaultLanguage": "tlh"}`)}, 2, `errorpage: DefaultLanguage "tlh" is not one of the languages`},
		{"out not empty", []string{"--out", notEmpty}, 2, "is not empty; --force replaces it"},
		{"out is a file", []string{"--out", file}, 2, "exists and is not a directory"},
		{"out with a space", []string{"--out", filepath.Join(tmp, "my pages")}, 2, "the nginx and Caddy snippets cannot name a path with spaces"},
		{"out under a file", []string{"--out", filepath.Join(file, "pages")}, 1, "errorpage: export:"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := cli(t, nil, append([]string{"export"}, tc.args...)...)
			assert.Equal(t, tc.code, code, "exit status: got %d, want %d (%s)", code, tc.code, stderr)
			assert.Contains(t, stderr, tc.stderr)
			assert.Empty(t, stdout)
			assert.NoDirExists(t, filepath.Join(tmp, "x"), "nothing written")
			entries, err := os.ReadDir(tmp)
			require.NoError(t, err)
			for _, e := range entries {
				assert.NotContains(t, e.Name(), ".tmp-", "no temporary directory left behind")
			}
			assert.Equal(t, map[string][]byte{"keep.txt": []byte("mine")}, readTree(t, notEmpty), "a refused --out is untouched")
		})
	}
}

func TestExportForceReplaces(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "pages")
	require.NoError(t, os.MkdirAll(dir, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "stale.html"), []byte("old"), 0o644))
	code, stdout, stderr := cli(t, nil, "export", "--out", dir, "--force")
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stdout, "include "+filepath.Join(dir, "nginx.conf"))
	files := readTree(t, dir)
	assert.NotContains(t, files, "stale.html", "--force replaces the directory, it does not merge into it")
	assert.Contains(t, files, "en/502.html")
	entries, err := os.ReadDir(filepath.Dir(dir))
	require.NoError(t, err)
	assert.Len(t, entries, 1, "only the export is left: no temporary or old directory")

	// An empty directory is fine without --force.
	empty := filepath.Join(t.TempDir(), "empty")
	require.NoError(t, os.MkdirAll(empty, 0o755))
	code, _, stderr = cli(t, nil, "export", "--out", empty)
	require.Equal(t, 0, code, stderr)
	assert.FileExists(t, filepath.Join(empty, "nginx.conf"))
}
