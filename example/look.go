package main

import (
	"github.com/errorpage/errorpage"
)

// demoBrand is what a product team sets to make the pages its own: no
// template needed. The logo is inline SVG with presentation attributes
// only (the page's CSP blocks style attributes).
var demoBrand = errorpage.Brand{
	Name:      "Acme Cloud",
	LogoSVG:   `<svg viewBox="0 0 32 32" width="32" height="32" role="img" aria-label="Acme Cloud"><rect width="32" height="32" rx="8" fill="#e4572e"/><path d="M9 22l7-13 7 13M12 17.5h8" fill="none" stroke="#fff" stroke-width="2.6" stroke-linecap="round" stroke-linejoin="round"/></svg>`,
	Accent:    "#e4572e",
	HomeURL:   "/",
	Support:   "support@acme.example",
	StatusURL: "https://status.acme.example/",
	Footer:    "© 2026 Acme Cloud, Inc.",
}

// applyLook sets the options behind the -theme, -brand and -lang flags.
// -theme=custom uses customPage (customtheme.templ) for every status.
func applyLook(opts *errorpage.Options, theme string, brand bool, lang string) {
	if theme == "custom" {
		opts.Fallback = customPage
	} else {
		opts.Theme = theme
	}
	if brand {
		opts.Brand = demoBrand
	}
	opts.DefaultLanguage = lang
}
