package bypass

import (
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/errorpage/errorpage/maintenance"
)

func TestPathBypass(t *testing.T) {
	o := maintenance.Options{AllowPaths: []string{"/healthz", "/robots.txt"}, AllowPathPrefixes: []string{"/static/"}}
	h, _, _, _ := maintSetup(t, o, maintenance.State{On: true})
	tests := []struct {
		path string
		want int
	}{
		{"/healthz", 200},
		{"/robots.txt", 200},
		{"/healthz/", 503},
		{"/healthzz", 503},
		{"/HEALTHZ", 503},
		{"/static/app.css", 200},
		{"/static/", 200},
		{"/static", 503},
		{"/staticfoo", 503},
		{"/static/../admin", 503},
		{"/static/%2e%2e/admin", 503},
		{"/static//x", 503},
		{"/", 503},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			req := httptest.NewRequest("GET", "http://example.test"+tt.path, nil)
			assert.Equal(t, tt.want, record(h, req).Code, "GET %s", tt.path)
		})
	}
}

// TestPathBypassDecidesOnTheEscapedPath: a path is allowed only
// if its decoded and its escaped forms both match, verbatim, since routers
// route on one or the other ("/static%2Fsite.css" is one segment to
// ServeMux; "/%73tatic/" is not "/static/" to chi).
func TestPathBypassDecidesOnTheEscapedPath(t *testing.T) {
	o := maintenance.Options{AllowPaths: []string{"/healthz", "/my file"}, AllowPathPrefixes: []string{"/static/"}}
	h, _, _, _ := maintSetup(t, o, maintenance.State{On: true})
	tests := []struct {
		path string
		want int
	}{
		{"/static/site.css", 200},
		{"/static/my%20site.css", 200},
		{"/static/a%2Fb.css", 200},
		{"/my%20file", 200},
		{"/static%2Fsite.css", 503},
		{"/static%2fsite.css", 503},
		{"/%73tatic/site.css", 503},
		{"/st%61tic/site.css", 503},
		{"/static/..%2Fadmin", 503},
		{"/static%252Fsite.css", 503},
		{"/static/%252e%252e/admin", 503},
		{"/health%7A", 503},
		{"/my%20fil%65", 503},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			req := httptest.NewRequest("GET", "http://example.test"+tt.path, nil)
			assert.Equal(t, tt.want, record(h, req).Code, "GET %s", tt.path)
		})
	}
}
