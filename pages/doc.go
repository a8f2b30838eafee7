// Package pages holds errorpage's templ components and the view model they
// render: what a user composes into a page of their own, or configures
// through the middleware's options. The middleware fills a [Model] and
// hands it to the component chosen for the status; a custom page is any
// func(Model) templ.Component, set in the middleware's Pages, Fallback or
// maintenance options.
//
// A page is made of three layers, each a component taking children:
//
//   - [Document]: doctype, <head> with the stylesheet, <body>. Nothing
//     visible.
//   - [Frame]: the <main> landmark with the [BrandHeader], the card, and
//     the [Footer].
//   - the card's content: [Explanation], [Actions], [Identifiers],
//     [DebugDetails], or markup of your own.
//
// [Layout] is Document with Frame inside, so a custom page that keeps the
// built-in look puts only the card's content in it:
//
//	templ myPage(m pages.Model) {
//		@pages.Layout(m) {
//			@pages.Explanation(m, pages.Icon(m))
//			<p>Our own words.</p>
//			@pages.Actions(m)
//		}
//	}
//
// A page that draws its own frame uses Document alone and may reuse the
// BrandHeader and Footer inside it. Never put a BrandHeader, Footer or a
// second <html> inside Layout: they would be doubled.
//
// The built-in pages are here too: one per server error the HTTP spec
// defines ([InternalServerError], [ServiceUnavailable], ...), [Generic]
// for any other, [ClientError] for every 4xx, [Maintenance], and
// [Standard], the page most of them are,
// with an icon of your choice. [ForStatus] finds the built-in page of a
// status, to fall back to it from a custom one.
//
// The words are a [Text] per language: [Languages] returns the built-in
// ones, and a Text given to the middleware's Languages option adds a
// language or changes some of its strings.
//
// The look is not here: the middleware builds the stylesheet from its
// Theme and Brand options and hands it to the page as [Model].CSS, allowed
// by its hash in the Content-Security-Policy. A custom page's own <style>
// elements must carry the request's nonce (templ.GetNonce).
package pages
