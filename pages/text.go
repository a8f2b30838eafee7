package pages

// Text holds every string a page shows, in one language. [Languages]
// returns the built-in languages; a user can add one or override any
// string through the middleware's Languages option.
//
// Strings are plain text: they are escaped when rendered, so they must not
// contain HTML. Placeholders are written in braces ({time}, {n}, {status})
// and replaced literally, never interpreted as format verbs.
type Text struct {
	// Tag is the BCP 47 tag of the language, for example "pt-BR".
	Tag string
	// Dir is the writing direction: "ltr" or "rtl".
	Dir string

	// Labels are the short strings around the explanation.
	Labels Labels

	// Statuses explains each error status with a text of its own: the
	// server errors the HTTP spec defines and the common client errors.
	Statuses map[int]StatusText
	// Generic explains any other 5xx. Its Title may contain {status}.
	Generic StatusText
	// GenericClient explains any other 4xx. Its Title may contain
	// {status}.
	GenericClient StatusText
	// Maintenance is the planned-downtime page.
	Maintenance StatusText

	// Seconds, Minutes and Hours spell a rounded duration; {n} is the number.
	Seconds, Minutes, Hours Plural
}

// StatusText explains one error to a visitor (not a developer): what
// happened, whether it is temporary, and what they can do.
type StatusText struct {
	// Title is the page's heading, a few words: "Something went wrong".
	Title string
	// Message says what happened, in one or two sentences.
	Message string
	// Advice says what the visitor can do.
	Advice string
}

// Labels are the short strings shared by every page.
type Labels struct {
	ErrorCode      string // "Error {status}", over the heading of an error page
	Maintenance    string // "Planned maintenance", over the maintenance page's heading instead of ErrorCode ({status} allowed)
	Temporary      string // "This is temporary." shown for temporary errors
	RequestID      string // "Request ID"
	Reference      string // "Reference", for the error-tracker reference
	SelectHint     string // "Click to select, then copy it into your message."
	TryAgain       string // "Try again" (a link reloading the page)
	GoHome         string // "Go to the home page"
	ContactSupport string // "Contact support"
	StatusPage     string // "Service status"
	SignIn         string // "Sign in to the network", for 511
	RetryIn        string // "Please try again in {time}." ({time} is a spelled duration)
	BackBy         string // "We expect to be back by {time} ({in})." ({time} is HH:MM UTC, {in} a spelled duration)
	BackSoon       string // "We expect to be back shortly."
	Details        string // "Details for developers", heading of the debug section
}

// Plural holds the forms of a counted phrase for the CLDR plural categories
// of a language. Other is required; the others are used where the
// language's plural rules select them, falling back to Other.
type Plural struct {
	Zero, One, Two, Few, Many, Other string
}
