// Package errorpage is net/http middleware that turns every 5xx response
// and every panic into a friendly error page, and passes everything else
// through untouched.
//
// Browsers get an HTML page rendered with templ, API clients an RFC 9457
// problem document, everyone else plain text. The response is never
// cached, a 503 says when to come back, and nothing the application wrote
// into the replaced body, no panic value and no stack reaches the client
// unless debug output was switched on.
//
// Client errors are opt-in (Options.ClientErrors): a 4xx with no body of
// the application's own, such as ServeMux's 404 and 405, gets a page too,
// while an API's JSON or HTML 4xx passes through untouched.
//
// One line covers the common case:
//
//	http.ListenAndServe(":8080", errorpage.Handler(mux))
//
// [New] builds a [Middleware] from [Options], whose zero value is valid:
// [Brand] gives the pages the product's name, logo and colours, Theme picks
// a built-in look, Languages adds or changes texts, and Pages and Fallback
// replace pages with templ components of your own, written over
// [pages.Model] from the [github.com/errorpage/errorpage/pages] package.
// [Middleware.Handler] wraps an [http.Handler]; [Middleware.Gallery] shows
// every page for review.
package errorpage
