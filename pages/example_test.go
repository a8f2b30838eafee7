package pages_test

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/a-h/templ"

	"github.com/errorpage/errorpage/pages"
)

// A custom page that keeps the built-in look puts only the card's content
// inside Layout, which adds the document, the brand header, the card and
// the footer. In a .templ file:
//
//	templ myPage(m pages.Model) {
//		@pages.Layout(m) {
//			@pages.Explanation(m, pages.Icon(m))
//			<p>Our own words.</p>
//			@pages.Actions(m)
//		}
//	}
//
// which is what the Go code below does by hand, the way templ's generated
// code passes children.
func ExampleLayout() {
	myPage := func(m pages.Model) templ.Component {
		content := templ.ComponentFunc(func(ctx context.Context, w io.Writer) error {
			if err := pages.Explanation(m, pages.Icon(m)).Render(ctx, w); err != nil {
				return err
			}
			if _, err := io.WriteString(w, "<p>Our own words.</p>"); err != nil {
				return err
			}
			return pages.Actions(m).Render(ctx, w)
		})
		return templ.ComponentFunc(func(ctx context.Context, w io.Writer) error {
			return pages.Layout(m).Render(templ.WithChildren(ctx, content), w)
		})
	}

	en := pages.Languages()[0]
	m := pages.Model{
		Status: 500, Text: en.Statuses[500], Labels: en.Labels, Lang: "en", Dir: "ltr",
		Brand: pages.Brand{Name: "Acme", Footer: "© Acme"},
	}
	var b strings.Builder
	if err := myPage(m).Render(context.Background(), &b); err != nil {
		panic(err)
	}
	html := b.String()
	fmt.Println("documents:", strings.Count(html, "<html"))
	fmt.Println("brand headers:", strings.Count(html, `data-testid="brand"`))
	fmt.Println("cards:", strings.Count(html, `class="ep-card"`))
	fmt.Println("footers:", strings.Count(html, `data-testid="footer"`))
	fmt.Println("own words in the card:", strings.Contains(html, "<p>Our own words.</p>"))
	// Output:
	// documents: 1
	// brand headers: 1
	// cards: 1
	// footers: 1
	// own words in the card: true
}

// A page that draws its own frame uses Document alone, which adds only the
// document and the stylesheet, and may reuse the brand header and footer:
//
//	templ postcard(m pages.Model) {
//		@pages.Document(m) {
//			<main class="postcard">
//				@pages.BrandHeader(m)
//				@pages.Explanation(m, pages.Icon(m))
//				@pages.Footer(m)
//			</main>
//		}
//	}
func ExampleDocument() {
	postcard := func(m pages.Model) templ.Component {
		content := templ.ComponentFunc(func(ctx context.Context, w io.Writer) error {
			io.WriteString(w, `<main class="postcard">`)
			for _, c := range []templ.Component{pages.BrandHeader(m), pages.Explanation(m, pages.Icon(m)), pages.Footer(m)} {
				if err := c.Render(ctx, w); err != nil {
					return err
				}
			}
			_, err := io.WriteString(w, `</main>`)
			return err
		})
		return templ.ComponentFunc(func(ctx context.Context, w io.Writer) error {
			return pages.Document(m).Render(templ.WithChildren(ctx, content), w)
		})
	}

	en := pages.Languages()[0]
	m := pages.Model{
		Status: 502, Text: en.Statuses[502], Labels: en.Labels, Lang: "en", Dir: "ltr",
		Brand: pages.Brand{Name: "Acme", Footer: "© Acme"},
	}
	var b strings.Builder
	if err := postcard(m).Render(context.Background(), &b); err != nil {
		panic(err)
	}
	html := b.String()
	fmt.Println("documents:", strings.Count(html, "<html"))
	fmt.Println("brand headers:", strings.Count(html, `data-testid="brand"`))
	fmt.Println("built-in cards:", strings.Count(html, `class="ep-card"`))
	fmt.Println("footers:", strings.Count(html, `data-testid="footer"`))
	// Output:
	// documents: 1
	// brand headers: 1
	// built-in cards: 0
	// footers: 1
}
