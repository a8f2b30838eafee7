package pages

import (
	"go/ast"
	"go/doc"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDoc_PackageCommentOnlyInDocGo: the package comment is doc.go's
// alone. templ writes "// templ: version: ..." above the package clause of
// every generated file; unless the .templ file starts with a comment of
// its own and a blank line, go doc shows that line as package
// documentation, once per file.
func TestDoc_PackageCommentOnlyInDocGo(t *testing.T) {
	fset := token.NewFileSet()
	names, err := filepath.Glob("*.go")
	require.NoError(t, err)
	var files []*ast.File
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
		require.NoError(t, err)
		if name != "doc.go" {
			assert.Nil(t, f.Doc, "%s has a package comment: %q", name, commentText(f.Doc))
		}
		files = append(files, f)
	}
	p, err := doc.NewFromFiles(fset, files, "github.com/errorpage/errorpage/pages")
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(p.Doc, "Package pages "), "package doc: got %q", p.Doc)
	assert.NotContains(t, p.Doc, "templ: version")
}

func commentText(g *ast.CommentGroup) string {
	if g == nil {
		return ""
	}
	return g.Text()
}
