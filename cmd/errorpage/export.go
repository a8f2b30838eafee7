package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// export writes every page of the site into --out, with an nginx and a
// Caddy snippet serving them: for when the Go process itself is down.
//
// Nothing is half-written: the pages go into a new directory beside
// --out, which is renamed into place once complete. An existing --out
// that is not empty is refused unless --force, which replaces it.
func export(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("errorpage export", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var out string
	var force bool
	var pf pageFlags
	fs.StringVar(&out, "out", "", "the directory to write the pages into")
	fs.BoolVar(&force, "force", false, "replace --out if it exists and is not empty")
	pf.register(fs)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageErr("export: %v", err)
	}
	if fs.NArg() > 0 {
		return usageErr("export: unexpected argument %q", fs.Arg(0))
	}
	if out == "" {
		return usageErr("export: --out DIR is required")
	}
	abs, err := filepath.Abs(out)
	if err != nil {
		return usageErr("export: --out %s: %v", quote(out), err)
	}
	if strings.ContainsAny(abs, " \t\r\n\"'`;{}#$\\") {
		// The snippets name the directory; nginx and Caddy would read
		// such a character as syntax.
		return usageErr("export: --out %s: the nginx and Caddy snippets cannot name a path with spaces, quotes or any of ;{}#$\\", quote(abs))
	}
	if err := checkOut(abs, force); err != nil {
		return err
	}
	opts, err := pf.options()
	if err != nil {
		return err
	}
	s, err := buildSite(opts)
	if err != nil {
		return errUsage{err.Error()} // an invalid theme, brand or language
	}
	files := s.exportFiles(abs)
	if err := writeDir(abs, files, force); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %d files (%d languages) to %s\n", len(files), len(s.langs), abs)
	fmt.Fprintf(stdout, "nginx: include %s inside the server {} block that proxies to the app\n", filepath.Join(abs, "nginx.conf"))
	fmt.Fprintf(stdout, "Caddy: import %s inside the site block\n", filepath.Join(abs, "Caddyfile"))
	return nil
}

// checkOut refuses an --out that is not a directory, or one that is not
// empty unless force is set, before anything is rendered.
func checkOut(dir string, force bool) error {
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("errorpage: export: --out %s: %w", quote(dir), err)
	case !fi.IsDir():
		return usageErr("export: --out %s exists and is not a directory", quote(dir))
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("errorpage: export: --out %s: %w", quote(dir), err)
	}
	if len(entries) > 0 && !force {
		return usageErr("export: --out %s is not empty; --force replaces it", quote(dir))
	}
	return nil
}

// exportFiles is every file of the export: each page in each language
// under its tag ("de/502.html"), the default language's also at the top
// ("502.html", for a CDN that takes one page per status), and the server
// snippets for dir.
func (s *site) exportFiles(dir string) map[string][]byte {
	files := make(map[string][]byte, 2*len(s.files)+2)
	for name, body := range s.files {
		files[name] = body
		if lang, rest, _ := strings.Cut(name, "/"); lang == s.langs[0] {
			files[rest] = body
		}
	}
	files["nginx.conf"] = []byte(s.nginxConf(dir))
	files["Caddyfile"] = []byte(s.caddyfile(dir))
	return files
}

// writeDir writes files into a new directory beside dir and renames it
// into place: whoever reads dir sees the old export or the new one, never
// a mix, and a failure leaves dir as it was. With replace, an existing dir
// is moved aside first and removed after.
func writeDir(dir string, files map[string][]byte, replace bool) (err error) {
	parent := filepath.Dir(dir)
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+".tmp-")
	if err != nil {
		return fmt.Errorf("errorpage: export: cannot write beside --out: %w", err)
	}
	defer func() {
		if err != nil {
			os.RemoveAll(tmp)
		}
	}()
	if err := os.Chmod(tmp, 0o755); err != nil {
		return fmt.Errorf("errorpage: export: %w", err)
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		p := filepath.Join(tmp, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return fmt.Errorf("errorpage: export: %w", err)
		}
		if err := os.WriteFile(p, files[name], 0o644); err != nil {
			return fmt.Errorf("errorpage: export: %w", err)
		}
	}
	// Go's Rename will not replace a directory, even an empty one:
	// remove an empty dir first (os.Remove refuses one that is not).
	if err := os.Remove(dir); err != nil && !errors.Is(err, os.ErrNotExist) && !replace {
		return fmt.Errorf("errorpage: export: %w", err)
	}
	if err := os.Rename(tmp, dir); err == nil {
		return nil // dir did not exist, or was empty
	} else if !replace {
		return fmt.Errorf("errorpage: export: %w", err)
	}
	old := tmp + ".old"
	if err := os.Rename(dir, old); err != nil {
		return fmt.Errorf("errorpage: export: moving the old --out aside: %w", err)
	}
	if err := os.Rename(tmp, dir); err != nil {
		_ = os.Rename(old, dir) // put it back
		return fmt.Errorf("errorpage: export: %w", err)
	}
	return os.RemoveAll(old)
}
