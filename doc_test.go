package errorpage

import (
	"errors"
	"go/build"
	"go/parser"
	"go/token"
	"io/fs"
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
