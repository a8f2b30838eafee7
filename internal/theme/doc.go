// Package theme holds the built-in looks of errorpage's pages: the
// stylesheet every built-in page uses and the themes that fill in its CSS
// custom properties (--ep-bg, --ep-accent, ...) for light and dark mode.
//
// A user picks a theme by name (the middleware's Theme option) and cannot
// plug in one of their own, so none of this is part of the public API: the
// middleware brands a [Theme] with the user's colours, renders it with
// [Theme.CSS] and hands the result to the pages as their stylesheet; the
// gallery shows every theme in a forced colour scheme with
// [Theme.SchemeCSS].
package theme
