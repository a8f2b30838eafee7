package main

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/text/language"
)

// proxyStatuses are the statuses a proxy answers with the exported pages:
// the ones a reverse proxy makes when the app is down (502 refused or
// broken, 504 too slow) and 503 from an app that is starting or draining.
// A 500 stays the app's own: the middleware's page, with its request ID.
var proxyStatuses = []int{502, 503, 504}

// langPattern is a regular expression finding, in an Accept-Language
// value, the first listed language we have: its base subtag, captured.
// It approximates the middleware's choice: it reads no q-values, which
// browsers list in falling order anyway.
func (s *site) langPattern() string {
	var bases []string
	for _, tag := range s.langs {
		b, _ := language.Make(tag).Base()
		if q := regexp.QuoteMeta(b.String()); !slices.Contains(bases, q) {
			bases = append(bases, q)
		}
	}
	return `(?:^|,)\s*(` + strings.Join(bases, "|") + `)(?:[-_;,\s]|$)`
}

// baseTags maps each base subtag to the tag of its page: the first of
// the languages with that base ("pt" → "pt-BR").
func (s *site) baseTags() [][2]string {
	var out [][2]string
	seen := map[string]bool{}
	for _, tag := range s.langs {
		b, _ := language.Make(tag).Base()
		if !seen[b.String()] {
			seen[b.String()] = true
			out = append(out, [2]string{b.String(), tag})
		}
	}
	return out
}

// nginxConf is the snippet to include inside the server {} block proxying
// to the app, serving the pages in dir.
func (s *site) nginxConf(dir string) string {
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	w(`# errorpage: the app's own error pages, served by nginx while the app is down.
# Written by "errorpage export"; include it inside the server {} block that
# proxies to the app:
#
#     include %s/nginx.conf;
#
# A 502 (the app refuses connections or is down), 503 (it is starting or
# draining) or 504 (it is too slow) gets the page of its status, with the
# status kept, in the format Accept asks for (HTML, problem+json, text) and
# the language of Accept-Language, never cached.
#
# nginx allows map only in http {}, so the negotiation below uses if/set at
# server level: a few regular expressions per request. It picks the first
# listed language it has and HTML when Accept names text/html (problem+json
# when a JSON type comes first); it does not read q-values.

proxy_intercept_errors on;
`, dir)
	for _, code := range proxyStatuses {
		w("error_page %d /.errorpage/%d;\n", code, code)
	}
	w(`
set $errorpage_ext txt;
if ($http_accept ~* "json") { set $errorpage_ext json; }
if ($http_accept ~* "text/html") { set $errorpage_ext html; }
if ($http_accept ~* "^\s*application/(problem\+)?json") { set $errorpage_ext json; }
set $errorpage_csp "%s";
if ($errorpage_ext = html) { set $errorpage_csp "%s"; }

set $errorpage_lang %s;
if ($http_accept_language ~* "%s") { set $errorpage_lang $1; }
`, s.csp["txt"], s.csp["html"], s.langs[0], s.langPattern())
	for _, bt := range s.baseTags() {
		w("if ($errorpage_lang ~* \"^%s$\") { set $errorpage_lang %s; }\n", regexp.QuoteMeta(bt[0]), bt[1])
	}
	for _, code := range proxyStatuses {
		w(`
location = /.errorpage/%d {
    internal;
    root %s;
    try_files /$errorpage_lang/%d.$errorpage_ext /%s/%d.$errorpage_ext =%d;
    types { text/html html; application/problem+json json; text/plain txt; }
    charset utf-8;
    charset_types text/plain;
    etag off;
    if_modified_since off;
    max_ranges 0;
    add_header Last-Modified "" always;
    add_header Cache-Control "no-store" always;
    add_header Content-Language $errorpage_lang always;
    add_header Vary "%s" always;
    add_header Content-Security-Policy $errorpage_csp always;
    add_header X-Content-Type-Options "nosniff" always;
    add_header X-Robots-Tag "noindex" always;
`, code, dir, code, s.langs[0], code, code, s.vary)
		if code == 503 && s.retry != "" {
			w("    add_header Retry-After %q always;\n", s.retry)
		}
		w("}\n")
	}
	return b.String()
}

// caddyfile is the snippet to import inside a Caddy site block, serving
// the pages in dir.
func (s *site) caddyfile(dir string) string {
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	codes := make([]string, len(proxyStatuses))
	for i, c := range proxyStatuses {
		codes[i] = fmt.Sprint(c)
	}
	w(`# errorpage: the app's own error pages, served by Caddy while the app is down.
# Written by "errorpage export"; import it inside the site block that
# proxies to the app:
#
#     import %s/Caddyfile
#
# reverse_proxy makes a 502 when the app refuses connections or is down and
# a 504 when it is too slow; an app's own 503 passes through unless the
# reverse_proxy block turns it into an error:
#
#     reverse_proxy app:8080 {
#         @unavailable status 503
#         handle_response @unavailable {
#             error 503
#         }
#     }
#
# Each gets the page of its status, with the status kept, in the format
# Accept asks for (HTML, problem+json, text) and the language of
# Accept-Language (the first listed one there is a page in), never cached.
handle_errors {
	@errorpage expression `+"`{err.status_code} in [%s]`"+`
	handle @errorpage {
		map {header.Accept} {errorpage_ext} {
			~(?i)^\s*application/(problem\+)?json json
			~(?i)text/html html
			~(?i)json json
			default txt
		}
		map {header.Accept-Language} {errorpage_base} {
			~(?i)%s ${1}
			default %s
		}
		map {errorpage_base} {errorpage_lang} {
`, dir, strings.Join(codes, ", "), s.langPattern(), s.langs[0])
	for _, bt := range s.baseTags() {
		w("\t\t\t~(?i)^%s$ %s\n", regexp.QuoteMeta(bt[0]), bt[1])
	}
	w(`			default %s
		}
		map {errorpage_ext} {errorpage_type} {errorpage_csp} {
			html "%s" "%s"
			json "%s" "%s"
			default "%s" "%s"
		}
		root * %s
		rewrite * /{errorpage_lang}/{err.status_code}.{errorpage_ext}
		header {
			Content-Type {errorpage_type}
			Content-Language {errorpage_lang}
			Cache-Control no-store
			Vary "%s"
			Content-Security-Policy {errorpage_csp}
			X-Content-Type-Options nosniff
			X-Robots-Tag noindex
			-Last-Modified
			-Etag
			-Accept-Ranges
		}
		@unavailable expression `+"`{err.status_code} == 503`"+`
		header @unavailable Retry-After "%s"
		file_server
	}
}
`, s.langs[0], s.types["html"], s.csp["html"], s.types["json"], s.csp["json"], s.types["txt"], s.csp["txt"], dir, s.vary, s.retry)
	return b.String()
}
