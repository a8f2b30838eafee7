// Package gallery is the page behind the middleware's Gallery method: an
// index of every built-in theme × language × status, each page in an
// iframe, for designers and translators to review the pages without
// breaking anything.
//
// It knows the gallery's query parameters, its links and its markup, and
// nothing about how a page is rendered: the middleware hands a [Handler]
// the themes and languages it has, and a function rendering one [Page]
// with sample data through its own render path, so the gallery shows
// exactly what a visitor would see.
package gallery
