package errorpage

import (
	"errors"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDoc_EveryPackageHasDocGo: every library package of the module keeps
// its overview in doc.go, and only there, so go doc shows one package
// comment and a reader knows where to find it. Commands keep theirs in
// main.go; nested modules are checked by their own tests.
func TestDoc_EveryPackageHasDocGo(t *testing.T) {
	checked := 0
	err := filepath.WalkDir(".", func(dir string, e fs.DirEntry, err error) error {
		if err != nil || !e.IsDir() {
			return err
		}
		if dir != "." {
			if strings.HasPrefix(e.Name(), ".") || e.Name() == "testdata" {
				return filepath.SkipDir
			}
			if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
				return filepath.SkipDir
			}
		}
		// The files that build, so a generator behind //go:build ignore
		// does not count.
		bp, err := build.ImportDir(dir, 0)
		if err != nil {
			var none *build.NoGoError
			if errors.As(err, &none) {
				return nil
			}
			return err
		}
		if bp.Name == "main" {
			return nil
		}
		fset := token.NewFileSet()
		var withComment []string
		for _, name := range bp.GoFiles {
			f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, parser.PackageClauseOnly|parser.ParseComments)
			if err != nil {
				return err
			}
			if f.Doc != nil {
				withComment = append(withComment, name)
			}
		}
		checked++
		assert.Equal(t, []string{"doc.go"}, withComment, "%s: got the package comment in %v, want it in doc.go alone", dir, withComment)
		return nil
	})
	require.NoError(t, err)
	assert.GreaterOrEqual(t, checked, 4, "packages checked")
}

// TestDoc_READMENamesEveryExportedName keeps the README's table of the
// public API ("Every exported name, and why it exists") complete: every
// exported top-level name of the root, maintenance and pages packages is
// in it. The built-in component of each 5xx is covered by the row "one
// component per 5xx", so it is checked against pages.ForStatus instead.
func TestDoc_READMENamesEveryExportedName(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	require.NoError(t, err)
	_, table, ok := strings.Cut(string(readme), "## Every exported name, and why it exists")
	require.True(t, ok, "the README has lost its table of exported names")
	table, _, _ = strings.Cut(table, "\n## ")
	words := map[string]bool{}
	for _, w := range strings.FieldsFunc(table, func(r rune) bool {
		return !(r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
	}) {
		words[w] = true
	}
	perStatus := map[string]bool{}
	for code := 500; code <= 599; code++ {
		perStatus[strings.ReplaceAll(http.StatusText(code), " ", "")] = true
	}
	checked := 0
	for _, dir := range []string{".", "maintenance", "pages"} {
		bp, err := build.ImportDir(dir, 0)
		require.NoError(t, err)
		fset := token.NewFileSet()
		for _, name := range bp.GoFiles {
			f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, 0)
			require.NoError(t, err)
			for _, decl := range f.Decls {
				for _, n := range exportedNames(decl) {
					checked++
					if dir == "pages" && perStatus[n] {
						continue // "one component per 5xx"
					}
					assert.True(t, words[n], "%s.%s is exported but not in the README's table of exported names", dir, n)
				}
			}
		}
	}
	assert.Greater(t, checked, 50, "the parse found too few names to mean anything")
}

// exportedNames are the exported top-level names decl declares: its
// functions, types, and the first name of each constant or variable
// group (a block of related constants, such as the kinds of an
// enumeration, is explained by its type's row).
func exportedNames(decl ast.Decl) []string {
	var names []string
	switch d := decl.(type) {
	case *ast.FuncDecl:
		if d.Recv == nil && d.Name.IsExported() {
			names = append(names, d.Name.Name)
		}
	case *ast.GenDecl:
		for i, spec := range d.Specs {
			switch s := spec.(type) {
			case *ast.TypeSpec:
				if s.Name.IsExported() {
					names = append(names, s.Name.Name)
				}
			case *ast.ValueSpec:
				if d.Tok == token.CONST && d.Lparen.IsValid() && i > 0 {
					continue
				}
				for _, n := range s.Names {
					if n.IsExported() {
						names = append(names, n.Name)
					}
				}
			}
		}
	}
	return names
}
