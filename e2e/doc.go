// Package e2e checks errorpage's pages in a real browser: headless
// Chromium, driven with chromedp, against the middleware served from an
// httptest server. It is a module of its own so that errorpage itself
// depends on no browser tooling.
//
//	cd e2e && go test ./...                          # the checks
//	cd e2e && go test -run TestScreenshots -update   # regenerate docs/screenshots
package e2e
