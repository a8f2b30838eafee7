package pages

// english is the source the other languages are written from, for
// visitors rather than developers: what happened, whether it will pass,
// what to do.
//
// Checked by: rewritten by an AI assistant after a native-level review of
// the translations found phrases in it that read wrongly once translated
// ("We are overloaded", 510 "Extension required").
var english = Text{
	Tag:        "en",
	Dir:        "ltr",
	DateLayout: "Mon 2 Jan 2006, 15:04 MST",
	Labels: Labels{
		ErrorCode:      "Error {status}",
		Maintenance:    "Planned maintenance",
		RequestID:      "Request ID",
		Reference:      "Reference",
		SelectHint:     "Click to select it, then copy it into your message to us.",
		TryAgain:       "Try again",
		GoHome:         "Go to the home page",
		ContactSupport: "Contact support",
		StatusPage:     "Service status",
		SignIn:         "Sign in to the network",
		RetryIn:        "Please try again in {time}.",
		BackBy:         "We expect to be back by {time} ({in}).",
		BackByOn:       "We expect to be back on {date} by {time} ({in}).",
		Clock:          "{HH}:{mm} UTC",
		Date:           "{d} {month}",
		Colon:          ": ",
		BackSoon:       "We expect to be back shortly.",
		Details:        "Details for developers",
		Scheduled:      "Scheduled maintenance: {from} – {to}.",
		ScheduledFrom:  "Scheduled maintenance from {from}.",
		ReadOnly:       "Read-only during maintenance: you can look around, but changes cannot be saved right now.",
	},
	Statuses: map[int]StatusText{
		500: {
			Title:   "Something went wrong",
			Message: "We ran into an unexpected problem and could not complete your request. The problem has been logged, and it is most likely temporary.",
			Advice:  "Try again in a moment. If it keeps happening, contact support and mention the request ID below.",
		},
		501: {
			Title:   "Not available",
			Message: "This feature is not supported by the server, so your request could not be completed. Trying again will not change that.",
			Advice:  "Go back to the home page, or contact support if you expected this to work.",
		},
		502: {
			Title:   "Bad gateway",
			Message: "A service we depend on could not be reached or sent us an invalid answer, so we could not complete your request. This is usually temporary.",
			Advice:  "Try again in a moment.",
		},
		503: {
			Title:   "Service unavailable",
			Message: "The service is too busy or briefly offline, so your request could not be handled right now. This is temporary.",
			Advice:  "If it keeps happening, contact support.",
		},
		504: {
			Title:   "Gateway timeout",
			Message: "A service we depend on took too long to answer, so we could not complete your request in time. This is usually temporary.",
			Advice:  "Try again in a moment. If your request was a large one, a smaller one may succeed.",
		},
		505: {
			Title:   "HTTP version not supported",
			Message: "Your browser or app used a version of the HTTP protocol that this server does not support.",
			Advice:  "Update your browser or app, or try another one.",
		},
		506: {
			Title:   "Configuration error",
			Message: "The server is misconfigured: choosing a version of this page for you led it in a circle. This will not go away by itself.",
			Advice:  "Contact support so that we can fix it.",
		},
		507: {
			Title:   "Out of storage",
			Message: "The server ran out of storage space and could not save what your request needed.",
			Advice:  "Try again later, or contact support if it keeps happening.",
		},
		508: {
			Title:   "Loop detected",
			Message: "The server found an endless loop while handling your request and stopped it. This will not go away by itself.",
			Advice:  "Contact support so that we can fix it.",
		},
		510: {
			Title:   "Request incomplete",
			Message: "This site expects your browser or app to send its request in a form it did not use, so the request could not be completed.",
			Advice:  "Update your browser or app, or try another one. If that does not help, contact support.",
		},
		511: {
			Title:   "Network sign-in required",
			Message: "The network you are using requires you to sign in before you can reach the internet.",
			Advice:  "Sign in to the network, then try again.",
		},
	},
	Generic: StatusText{
		Title:   "Server error",
		Message: "The server could not complete your request because of a problem on our side.",
		Advice:  "Try again in a moment. If it keeps happening, contact support and mention the request ID below.",
	},
	Maintenance: StatusText{
		Title:   "Down for maintenance",
		Message: "We are carrying out planned maintenance. Thank you for your patience.",
		Advice:  "Please check again later.",
	},
	Seconds: Plural{One: "about a second", Other: "about {n} seconds"},
	Minutes: Plural{One: "about a minute", Other: "about {n} minutes"},
	Hours:   Plural{One: "about an hour", Other: "about {n} hours"},
	Days:    Plural{One: "about a day", Other: "about {n} days"},
	Months: [12]string{"January", "February", "March", "April", "May", "June",
		"July", "August", "September", "October", "November", "December"},
}
