package pages

// Model is the view model of every page. All strings are plain text and are
// escaped when rendered, except CSS, which the middleware builds itself.
type Model struct {
	// Status is the HTTP status sent, for example 503.
	Status int
	// Phrase is the status's reason phrase, "Service Unavailable".
	Phrase string
	// Text explains the error in the visitor's language. For the
	// maintenance page, Text.Message is the operator's message if one was
	// given.
	Text StatusText
	// Labels are the short strings of the page, in the same language.
	Labels Labels
	// Lang is the BCP 47 tag of the page's language and Dir its direction
	// ("ltr" or "rtl"), for the lang and dir attributes.
	Lang, Dir string
	// Temporary is true when trying again later may succeed; pages then
	// offer "Try again".
	Temporary bool
	// Maintenance is true on the planned-downtime page.
	Maintenance bool

	// RequestID identifies the request in the logs, if one was found.
	RequestID string
	// Reference is what the OnError hook returned (an error-tracker event
	// ID, say), if anything.
	Reference string
	// Retry says when to come back, as a sentence ("Please try again in
	// about 30 seconds."), or is empty.
	Retry string

	// Brand is the product's name, links and logo.
	Brand Brand
	// Theme is the name of the theme the page is styled with, "default"
	// unless the middleware's Theme option chose another.
	Theme string
	// CSS is the page's stylesheet: the theme with the brand's colours.
	// It is trusted and written as is; the middleware allows exactly it
	// in the Content-Security-Policy.
	CSS string

	// Debug holds the panic and its stack; nil unless the middleware's
	// Debug option is on.
	Debug *Debug
}

// Brand is what makes the page look like the product. Empty fields are
// left out of the page.
type Brand struct {
	// Name of the product, shown in the header and the title.
	Name string
	// LogoURL is an image shown next to the name.
	LogoURL string
	// LogoSVG is inline SVG markup shown instead of LogoURL. Unlike every
	// other string of the model it is trusted and written as is: it comes
	// from the developer's own options, never from a request.
	LogoSVG string
	// HomeURL is where "Go to the home page" leads; "/" when empty.
	HomeURL string
	// SupportURL is where "Contact support" leads (a mailto: URL works).
	SupportURL string
	// StatusURL is the product's status page.
	StatusURL string
	// LoginURL is where the 511 page sends the visitor to sign in to the
	// network.
	LoginURL string
	// Footer is a line of text at the bottom of the page.
	Footer string
}

// Debug is what a developer needs and a visitor must never see.
type Debug struct {
	// Panic is the recovered value, formatted.
	Panic string
	// Stack is the goroutine's stack at the panic.
	Stack string
}
