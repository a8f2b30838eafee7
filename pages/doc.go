// Package pages holds errorpage's templ components and the view model they
// render. The middleware fills a [Model] and hands it to the component
// chosen for the status; a custom page is any func(Model) templ.Component.
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
package pages
