package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// A suite is a peer module whose own tests run with errorpage inserted.
type suite struct {
	name   string   // short name used in reports and the allow-list
	module string   // module path; its version is the integration module's pin
	pkgs   []string // packages whose tests run, relative to the module root
	pkg    string   // Go package name of the module root, which gets the insertion
	modes  []mode
	// check, if set, looks at the module copy for things an anchor
	// cannot see (an exported constructor added in a new version).
	check func(dir string) error
}

// A mode is one place where errorpage is inserted into a suite.
type mode struct {
	name  string // outer, router or route
	where string // one line for the report: where errorpage sits
	edits []edit
	code  string // a Go file's body after its package clause, added to the root package
}

// An edit replaces old with new in file, which must contain old exactly n
// times: an anchor that moved fails the run instead of running unpatched.
type edit struct {
	file     string
	old, new string
	n        int
}

// helpers is added to the root package of every suite in every mode but
// bare. errorpagePeers is the insertion itself: errorpage with the zero
// Options, the one-line setup. With ERRORPAGE_PEERS_BROKEN=1 a pass-through
// that shifts every final status below 500 by one sits under errorpage, so
// the run proves the insertion is on the tests' path.
const helpers = `// Code generated for a peer-suite run of errorpage; it is never committed. DO NOT EDIT.

package %s

import (
	"net/http"
	"os"

	"github.com/errorpage/errorpage"
)

var errorpagePeersMiddleware = errorpagePeersNew()

func errorpagePeersNew() *errorpage.Middleware {
	m, err := errorpage.New(errorpage.Options{})
	if err != nil {
		panic(err)
	}
	return m
}

var errorpagePeersBreak = os.Getenv("ERRORPAGE_PEERS_BROKEN") == "1"

func errorpagePeers(next http.Handler) http.Handler {
	if next == nil {
		return nil
	}
	if errorpagePeersBreak {
		inner := next
		next = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			inner.ServeHTTP(&errorpagePeersBroken{ResponseWriter: w}, r)
		})
	}
	return errorpagePeersMiddleware.Handler(next)
}

type errorpagePeersBroken struct {
	http.ResponseWriter
	wrote bool
}

func (w *errorpagePeersBroken) WriteHeader(code int) {
	if !w.wrote && code >= 200 {
		w.wrote = true
		if code < 500 {
			code++
		}
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *errorpagePeersBroken) Write(p []byte) (int, error) {
	if !w.wrote {
		w.WriteHeader(http.StatusOK)
	}
	return w.ResponseWriter.Write(p)
}

func (w *errorpagePeersBroken) Unwrap() http.ResponseWriter { return w.ResponseWriter }
`

// helperFile is the name of the file added to the root package.
const helperFile = "zz_errorpage_peers.go"

// outerServeHTTP renames recv's ServeHTTP in file and adds a ServeHTTP
// that runs the original behind errorpage: every request the router
// serves, including through httptest recorders, passes errorpage first.
func outerServeHTTP(file, recv, typ, req string) mode {
	sig := func(name string) string {
		return fmt.Sprintf("func (%s *%s) %s(w http.ResponseWriter, %s *http.Request) {", recv, typ, name, req)
	}
	return mode{
		name:  "outer",
		where: fmt.Sprintf("(*%s).ServeHTTP goes through errorpage", typ),
		edits: []edit{{file, sig("ServeHTTP"), sig("errorpagePeersServeHTTP"), 1}},
		code: fmt.Sprintf("import \"net/http\"\n\n%s\n\terrorpagePeers(http.HandlerFunc(%s.errorpagePeersServeHTTP)).ServeHTTP(w, %s)\n}\n",
			sig("ServeHTTP"), recv, req),
	}
}

var suites = []suite{
	{
		name: "chi", module: "github.com/go-chi/chi/v5", pkgs: []string{".", "./middleware"}, pkg: "chi",
		modes: []mode{
			outerServeHTTP("mux.go", "mx", "Mux", "r"),
			{
				name:  "router",
				where: "the first r.Use of every Mux (sub-routers too)",
				edits: []edit{{"mux.go",
					"mx.handler = chain(mx.middlewares, http.HandlerFunc(mx.routeHTTP))",
					"mx.handler = chain(append(Middlewares{errorpagePeers}, mx.middlewares...), http.HandlerFunc(mx.routeHTTP))", 1}},
			},
			{
				name:  "route",
				where: "around every route's handler, inside its inline With chain (not around a mounted sub-router)",
				edits: []edit{
					{"mux.go", "h = Chain(mx.middlewares...).Handler(handler)", "h = Chain(mx.middlewares...).Handler(errorpagePeersRoute(method, handler))", 1},
					{"mux.go", "\t\th = handler\n", "\t\th = errorpagePeersRoute(method, handler)\n", 1},
				},
				// Walk reads the inline chain from the *ChainHandler in
				// the tree, so errorpage goes inside it; a stub is a
				// mounted sub-router, whose own routes get errorpage.
				code: `import "net/http"

func errorpagePeersRoute(method methodTyp, h http.Handler) http.Handler {
	if method&mSTUB != 0 {
		return h
	}
	return errorpagePeers(h)
}
`,
			},
		},
	},
	{
		name: "mux", module: "github.com/gorilla/mux", pkgs: []string{"."}, pkg: "mux",
		modes: []mode{
			outerServeHTTP("mux.go", "r", "Router", "req"),
			{
				name:  "router",
				where: "the first r.Use of every Router (sub-routers too; matched routes only, as gorilla runs middleware)",
				edits: []edit{{"mux.go",
					"match.Handler = r.middlewares[i].Middleware(match.Handler)\n\t\t\t\t}\n",
					"match.Handler = r.middlewares[i].Middleware(match.Handler)\n\t\t\t\t}\n\t\t\t\tmatch.Handler = errorpagePeers(match.Handler)\n", 1}},
			},
			{
				name:  "route",
				where: "around every handler given to Route.Handler (Handle, HandleFunc, HandlerFunc) but a sub-router",
				edits: []edit{{"route.go", "r.handler = handler\n", "r.handler = errorpagePeersRoute(handler)\n", 1}},
				// Walk descends into a route whose handler is a *Router:
				// that is a mount, not a route's handler.
				code: `import "net/http"

func errorpagePeersRoute(h http.Handler) http.Handler {
	if _, ok := h.(*Router); ok {
		return h
	}
	return errorpagePeers(h)
}
`,
			},
		},
	},
	{
		name: "handlers", module: "github.com/gorilla/handlers", pkgs: []string{"."}, pkg: "handlers",
		modes: []mode{
			handlersMode("outer", "around the handler every constructor returns (CompressHandler via CompressHandlerLevel)"),
			handlersMode("route", "around the handler every constructor is given (CompressHandler via CompressHandlerLevel)"),
		},
		check: checkHandlers,
	},
	{
		name: "echo", module: "github.com/labstack/echo/v4", pkgs: []string{".", "./middleware"}, pkg: "echo",
		modes: []mode{
			outerServeHTTP("echo.go", "e", "Echo", "r"),
			{
				name:  "router",
				where: "the first e.Use(echo.WrapMiddleware(...)) of every Echo",
				edits: []edit{{"echo.go",
					"h = applyMiddleware(h, e.middleware...)",
					"h = applyMiddleware(h, errorpagePeersUse(e.middleware)...)", 2}},
				code: `func errorpagePeersUse(m []MiddlewareFunc) []MiddlewareFunc {
	return append([]MiddlewareFunc{WrapMiddleware(errorpagePeers)}, m...)
}
`,
			},
			{
				name:  "route",
				where: "echo.WrapMiddleware(...) around every route's handler, inside the route's middleware",
				edits: []edit{{"echo.go",
					"h := applyMiddleware(handler, middlewares...)",
					"h := applyMiddleware(errorpagePeersRoute(handler), middlewares...)", 1}},
				// Router tests call a route's handler on a context
				// without a request or writer; no HTTP exchange, so no
				// errorpage.
				code: `func errorpagePeersRoute(h HandlerFunc) HandlerFunc {
	if h == nil {
		return nil
	}
	wrapped := WrapMiddleware(errorpagePeers)(h)
	return func(c Context) error {
		if c.Request() == nil || c.Response() == nil || c.Response().Writer == nil {
			return h(c)
		}
		return wrapped(c)
	}
}
`,
			},
		},
	},
	{
		// gin has no slot for net/http middleware: its chain takes a
		// gin.ResponseWriter, which errorpage does not pose as. Wrapping the
		// engine is the way the README gives, so outer is gin's only mode.
		name: "gin", module: "github.com/gin-gonic/gin", pkgs: []string{"."}, pkg: "gin",
		modes: []mode{outerServeHTTP("gin.go", "engine", "Engine", "req")},
	},
}

// handlersFuncs are gorilla/handlers' exported constructors of handlers
// and middleware. CompressHandler is left out: it calls
// CompressHandlerLevel, which is wrapped.
var handlersFuncs = []struct {
	name, file, params, args string
	middleware               bool // returns func(http.Handler) http.Handler
}{
	{"CanonicalHost", "canonical.go", "domain string, code int", "domain, code", true},
	{"CompressHandlerLevel", "compress.go", "h http.Handler, level int", "h, level", false},
	{"CORS", "cors.go", "opts ...CORSOption", "opts...", true},
	{"ContentTypeHandler", "handlers.go", "h http.Handler, contentTypes ...string", "h, contentTypes...", false},
	{"HTTPMethodOverrideHandler", "handlers.go", "h http.Handler", "h", false},
	{"CombinedLoggingHandler", "logging.go", "out io.Writer, h http.Handler", "out, h", false},
	{"LoggingHandler", "logging.go", "out io.Writer, h http.Handler", "out, h", false},
	{"CustomLoggingHandler", "logging.go", "out io.Writer, h http.Handler, f LogFormatter", "out, h, f", false},
	{"ProxyHeaders", "proxy_headers.go", "h http.Handler", "h", false},
	{"RecoveryHandler", "recovery.go", "opts ...RecoveryOption", "opts...", true},
}

// handlersMode renames each constructor and adds one of the same name
// that puts errorpage outside (outer) or inside (route) what it builds.
func handlersMode(name, where string) mode {
	m := mode{name: name, where: where}
	var b strings.Builder
	b.WriteString("import (\n\t\"io\"\n\t\"net/http\"\n)\n\n")
	for _, f := range handlersFuncs {
		bare := "errorpagePeers" + f.name
		ret := "http.Handler"
		if f.middleware {
			ret = "func(http.Handler) http.Handler"
		}
		// The declaration's parameters may be spelled differently from
		// ours; the anchor is the name and the opening parenthesis.
		m.edits = append(m.edits, edit{f.file, "\nfunc " + f.name + "(", "\nfunc " + bare + "(", 1})
		fmt.Fprintf(&b, "func %s(%s) %s {\n", f.name, f.params, ret)
		switch {
		case f.middleware && name == "outer":
			fmt.Fprintf(&b, "\tm := %s(%s)\n\treturn func(h http.Handler) http.Handler { return errorpagePeers(m(h)) }\n", bare, f.args)
		case f.middleware:
			fmt.Fprintf(&b, "\tm := %s(%s)\n\treturn func(h http.Handler) http.Handler { return m(errorpagePeers(h)) }\n", bare, f.args)
		case name == "outer":
			fmt.Fprintf(&b, "\treturn errorpagePeers(%s(%s))\n", bare, f.args)
		default:
			args := strings.Replace(", "+f.args, ", h", ", errorpagePeers(h)", 1)[2:]
			fmt.Fprintf(&b, "\treturn %s(%s)\n", bare, args)
		}
		b.WriteString("}\n\n")
	}
	m.code = b.String()
	return m
}

var exportedHandlerFunc = regexp.MustCompile(`(?m)^func ([A-Z]\w*)\(.*\) (func\(\w* ?http\.Handler\) )?http\.Handler \{$`)

// checkHandlers fails when gorilla/handlers has an exported constructor
// the handlers modes do not wrap, so a new version cannot slip through.
func checkHandlers(dir string) error {
	known := map[string]bool{"CompressHandler": true}
	for _, f := range handlersFuncs {
		known[f.name] = true
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return err
	}
	for _, file := range files {
		if strings.HasSuffix(file, "_test.go") {
			continue
		}
		src, err := os.ReadFile(file)
		if err != nil {
			return err
		}
		for _, m := range exportedHandlerFunc.FindAllSubmatch(src, -1) {
			if !known[string(m[1])] {
				return fmt.Errorf("%s: %s builds a handler the peer run does not wrap; add it to handlersFuncs", filepath.Base(file), m[1])
			}
		}
	}
	return nil
}

// patch applies edits to the files under dir and returns the new
// contents by file name; it fails if an anchor is not found exactly n
// times.
func patch(dir string, edits []edit) (map[string]string, error) {
	out := map[string]string{}
	for _, e := range edits {
		src, ok := out[e.file]
		if !ok {
			b, err := os.ReadFile(filepath.Join(dir, e.file))
			if err != nil {
				return nil, err
			}
			src = string(b)
		}
		if got := strings.Count(src, e.old); got != e.n {
			return nil, fmt.Errorf("%s: anchor %q found %d times, want %d", e.file, e.old, got, e.n)
		}
		out[e.file] = strings.ReplaceAll(src, e.old, e.new)
	}
	return out, nil
}
