package main

// This file and export.go, proxy.go and serve.go are the commands that
// need the pages themselves (export, serve), and so the renderer and
// templ. The maintenance commands in main.go import only the maintenance
// package.

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strconv"

	"github.com/errorpage/errorpage"
	"github.com/errorpage/errorpage/internal/static"
	"github.com/errorpage/errorpage/maintenance"
	"github.com/errorpage/errorpage/pages"
)

// siteConfig is the --config file: the fields of errorpage.Brand at the
// top level, and the options that decide how pages look and read. Field
// names are Go's ("Name", "LogoURL", "DefaultLanguage"); an unknown field is
// an error, so a typo does not silently drop a colour.
type siteConfig struct {
	errorpage.Brand
	Theme                 string
	Languages             []pages.Text
	DefaultLanguage       string
	LocalizedProblemTitle bool
}

// pageFlags are the flags of every command that renders pages.
type pageFlags struct {
	theme  string
	config string
}

func (pf *pageFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&pf.theme, "theme", "", "the built-in theme: default, mono or terminal (overrides the config file's Theme)")
	fs.StringVar(&pf.config, "config", "", "a JSON file with the fields of Brand, Theme, Languages, DefaultLanguage, LocalizedProblemTitle")
}

// options reads the config file, if any, and returns the middleware
// options it stands for. A file that cannot be read or parsed is a usage
// error; the options themselves are checked by errorpage.New.
func (pf *pageFlags) options() (errorpage.Options, error) {
	var cfg siteConfig
	if pf.config != "" {
		data, err := os.ReadFile(pf.config)
		if err != nil {
			return errorpage.Options{}, usageErr("--config: %v", err)
		}
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&cfg); err != nil {
			return errorpage.Options{}, usageErr("--config %s: not a valid config file: %v", quote(pf.config), err)
		}
		if dec.More() {
			return errorpage.Options{}, usageErr("--config %s: more than one JSON value", quote(pf.config))
		}
	}
	if pf.theme != "" {
		cfg.Theme = pf.theme
	}
	return errorpage.Options{
		Brand:                 cfg.Brand,
		Theme:                 cfg.Theme,
		Languages:             cfg.Languages,
		DefaultLanguage:       cfg.DefaultLanguage,
		LocalizedProblemTitle: cfg.LocalizedProblemTitle,
		Logger:                slog.New(slog.NewTextHandler(io.Discard, nil)),
	}, nil
}

// genericStatus is the status the generic page is rendered for: a 5xx
// with no page of its own, as the middleware shows for 509 or 599.
const genericStatus = 599

// pageStatuses are the statuses with a page of their own, in order. They
// come from one place, the built-in texts, which have an entry for each
// status with its own page, so a status that gains a page there gains a
// file here.
func pageStatuses() []int {
	var codes []int
	for code := range pages.Languages()[0].Statuses {
		codes = append(codes, code)
	}
	slices.Sort(codes)
	return codes
}

// page names one exported page: a status, "generic" or "maintenance".
type page struct {
	name   string
	status int
	maint  bool
}

func sitePages() []page {
	var ps []page
	for _, code := range pageStatuses() {
		ps = append(ps, page{name: strconv.Itoa(code), status: code})
	}
	ps = append(ps, page{name: "generic", status: genericStatus})
	ps = append(ps, page{name: "maintenance", status: http.StatusServiceUnavailable, maint: true})
	return ps
}

// formats are the representations of each page, with the file extension
// and the Accept header that asks for them.
var formats = []struct{ ext, accept string }{
	{"html", "text/html"},
	{"json", "application/problem+json"},
	{"txt", "text/plain"},
}

// site is every page rendered ahead of time, in every language and format,
// with the headers the middleware sends with them.
type site struct {
	langs   []string              // the language tags, the default first
	files   map[string][]byte     // "de/502.html" → the page
	types   map[string]string     // extension → Content-Type
	csp     map[string]string     // extension → Content-Security-Policy
	vary    string                // the Vary value
	retry   string                // the Retry-After of a 503
	pages   []page                // what was rendered
	handler map[bool]http.Handler // maintenance → the middleware answering
}

// buildSite renders every page through the middleware built from opts,
// exactly as New checks and renders them: each through m.Handler, with
// the request marked as made ahead of time (internal/static).
func buildSite(opts errorpage.Options) (*site, error) {
	opts.Statuses = append(pageStatuses(), genericStatus)
	m, err := errorpage.New(opts)
	if err != nil {
		return nil, err
	}
	sw := &maintenance.Switch{}
	sw.Enable(maintenance.State{On: true})
	mopts := opts
	mopts.Maintenance = maintenance.Options{Source: sw}
	mm, err := errorpage.New(mopts)
	if err != nil {
		return nil, err
	}
	s := &site{
		files:   map[string][]byte{},
		types:   map[string]string{},
		csp:     map[string]string{},
		handler: map[bool]http.Handler{false: m.Handler(statusHandler()), true: mm.Handler(statusHandler())},
		pages:   sitePages(),
	}
	// The languages, as the middleware names them: ask it for each tag
	// it could know, the default (no Accept-Language) first.
	candidates := []string{""}
	for _, t := range pages.Languages() {
		candidates = append(candidates, t.Tag)
	}
	for _, t := range opts.Languages {
		candidates = append(candidates, t.Tag)
	}
	for _, c := range candidates {
		res, _ := s.get(page{status: 500}, "text/plain", c)
		if tag := res.Header.Get("Content-Language"); tag != "" && !slices.Contains(s.langs, tag) {
			s.langs = append(s.langs, tag)
		}
	}
	for _, lang := range s.langs {
		for _, p := range s.pages {
			for _, f := range formats {
				res, body := s.get(p, f.accept, lang)
				if res.StatusCode != p.status || res.Header.Get("Content-Language") != lang {
					return nil, fmt.Errorf("errorpage: rendering %s/%s.%s: got status %d in %q, want %d in %q",
						lang, p.name, f.ext, res.StatusCode, res.Header.Get("Content-Language"), p.status, lang)
				}
				name := lang + "/" + p.name + "." + f.ext
				s.files[name] = body
				s.types[f.ext] = res.Header.Get("Content-Type")
				s.csp[f.ext] = res.Header.Get("Content-Security-Policy")
				s.vary = res.Header.Get("Vary")
				if p.status == http.StatusServiceUnavailable && !p.maint {
					s.retry = res.Header.Get("Retry-After")
				}
			}
		}
	}
	if len(s.langs) == 0 {
		return nil, errors.New("errorpage: the middleware named no language")
	}
	return s, nil
}

// statusHandler answers /{status} with that status and nothing else, for
// the middleware to replace.
func statusHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		code, err := strconv.Atoi(r.URL.Path[1:])
		if err != nil {
			code = http.StatusServiceUnavailable
		}
		w.WriteHeader(code)
	})
}

// get renders page p through the middleware, as a GET with the given
// Accept and Accept-Language ("" for none).
func (s *site) get(p page, accept, lang string) (*http.Response, []byte) {
	r := static.Mark(httptest.NewRequest(http.MethodGet, "/"+strconv.Itoa(p.status), nil))
	r.Header.Set("Accept", accept)
	if lang != "" {
		r.Header.Set("Accept-Language", lang)
	}
	rec := httptest.NewRecorder()
	s.handler[p.maint].ServeHTTP(rec, r)
	return rec.Result(), rec.Body.Bytes()
}
