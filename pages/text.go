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
	// DateLayout is how the maintenance banner writes a date and time, as
	// a Go time layout in the language's usual order ("02.01.2006, 15:04
	// MST"); times are shown in UTC. Empty means "2006-01-02 15:04 MST".
	DateLayout string

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

	// Seconds, Minutes, Hours and Days spell a rounded duration; {n} is
	// the number.
	Seconds, Minutes, Hours, Days Plural

	// Months are the month names as Labels.Date puts them next to a day
	// number, January first: in the genitive where the language inflects
	// ("3 grudnia"). Languages whose dates are numeric leave them empty.
	Months [12]string

	// Digits, if set, are the ten digits the language writes numbers in,
	// zero first ("٠١٢٣٤٥٦٧٨٩"); empty means 0–9. They are used in
	// durations, clock times and dates, not in status codes.
	Digits string
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
	RequestID      string // "Request ID"
	Reference      string // "Reference", for the error-tracker reference
	SelectHint     string // "Click to select, then copy it into your message."
	TryAgain       string // "Try again" (a link reloading the page)
	GoHome         string // "Go to the home page"
	ContactSupport string // "Contact support"
	StatusPage     string // "Service status"
	SignIn         string // "Sign in to the network", for 511
	RetryIn        string // "Please try again in {time}." ({time} is a spelled duration)
	BackBy         string // "We expect to be back by {time} ({in})." ({time} is a Clock time, {in} a spelled duration)
	BackByOn       string // "We expect to be back on {date} by {time} ({in})." when the end is more than 20 hours away ({date} is a Date)
	Clock          string // "{HH}:{mm} UTC": a time of day in UTC; {H} and {HH} are the hour 0–23, {m} and {mm} the minute, without and with a leading zero
	Date           string // "{month} {d}": a day of the year; {d} and {dd} are the day, {M} and {MM} the month number, {month} its name from Months
	Colon          string // ": " between a label and its value in the plain-text answer (French puts a no-break space before it)
	BackSoon       string // "We expect to be back shortly."
	Details        string // "Details for developers", heading of the debug section
	Scheduled      string // "Scheduled maintenance: {from} – {to}." on the banner ({from}, {to}: DateLayout times)
	ScheduledFrom  string // "Scheduled maintenance from {from}." on the banner of a window without an end
	ReadOnly       string // "Read-only during maintenance: …" on the banner of a read-only window in force
}

// Plural holds the forms of a counted phrase for the CLDR plural categories
// of a language. Other is required; the others are used where the
// language's plural rules select them, falling back to Other.
//
// ExactlyOne, if set, is used for the number 1 alone, where a language
// says "in a minute" but its One category also covers 21, 31, … and so
// must keep {n} (Ukrainian "за хвилину", but "за 21 хвилину").
type Plural struct {
	Zero, One, Two, Few, Many, Other string
	ExactlyOne                       string
}
