// Package color parses the CSS colours errorpage accepts in its options and
// computes WCAG 2 contrast ratios, so brand colours and built-in themes can
// be checked before a page is ever shown.
package color
