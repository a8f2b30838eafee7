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
		400: {
			Title:   "Bad request",
			Message: "The server could not understand your request: something in it is malformed or missing.",
			Advice:  "Check the address and what you entered, then send it again. If you followed a link, go back and try another way.",
		},
		401: {
			Title:   "Sign-in required",
			Message: "You need to sign in to see this page, or your session has expired.",
			Advice:  "Sign in, then open the page again.",
		},
		403: {
			Title:   "Access denied",
			Message: "You do not have permission to open this page.",
			Advice:  "If you think you should have access, sign in with another account or ask the person who manages it.",
		},
		404: {
			Title:   "Page not found",
			Message: "There is nothing at this address. The page may have moved or been deleted, or the address may be mistyped.",
			Advice:  "Check the address for typos, or start again from the home page.",
		},
		405: {
			Title:   "Action not allowed",
			Message: "This page does not support what your browser or app tried to do with it.",
			Advice:  "Go back and use the page's own links and buttons.",
		},
		406: {
			Title:   "Format not available",
			Message: "This page is not available in any format your browser or app said it accepts.",
			Advice:  "Try another browser or app, or contact support.",
		},
		408: {
			Title:   "Request timed out",
			Message: "Your request took too long to arrive, so the server stopped waiting for it. A slow connection is the usual cause.",
			Advice:  "Check your connection and try again.",
		},
		409: {
			Title:   "Conflict",
			Message: "Your request conflicts with the current state of what you are changing; someone else may have changed it in the meantime.",
			Advice:  "Reload the page to see the latest version, then make your change again.",
		},
		410: {
			Title:   "Page gone",
			Message: "This page has been removed for good and will not come back.",
			Advice:  "Remove links or bookmarks to it, and start again from the home page.",
		},
		413: {
			Title:   "Too large",
			Message: "What you sent is larger than the server accepts.",
			Advice:  "Send something smaller: shorten the text, or upload fewer or smaller files.",
		},
		414: {
			Title:   "Address too long",
			Message: "The address of this request is longer than the server accepts.",
			Advice:  "Start again from the home page; if a search or a filter made the address this long, make it shorter.",
		},
		415: {
			Title:   "File type not supported",
			Message: "The server does not accept the type of file or data you sent.",
			Advice:  "Send it in another format, such as a different file type.",
		},
		421: {
			Title:   "Wrong server",
			Message: "Your request reached a server that cannot answer for this address.",
			Advice:  "Reload the page; if that does not help, close the browser tab and open the address again.",
		},
		422: {
			Title:   "Could not process",
			Message: "The server understood your request, but some of what you entered is not valid.",
			Advice:  "Check what you entered, correct it, and send it again.",
		},
		429: {
			Title:   "Too many requests",
			Message: "You sent too many requests in a short time, so we are holding further ones back for a moment.",
			Advice:  "Slow down and wait a little before you try again.",
		},
		431: {
			Title:   "Request headers too large",
			Message: "Your browser sent more header data than the server accepts, often because of too many or too large cookies.",
			Advice:  "Clear this site's cookies in your browser, then try again.",
		},
		451: {
			Title:   "Unavailable for legal reasons",
			Message: "This page cannot be shown because of a legal demand.",
			Advice:  "There is nothing you can do to reach it from here; go to the home page instead.",
		},
	},
	Generic: StatusText{
		Title:   "Server error",
		Message: "The server could not complete your request because of a problem on our side.",
		Advice:  "Try again in a moment. If it keeps happening, contact support and mention the request ID below.",
	},
	GenericClient: StatusText{
		Title:   "Request error",
		Message: "The server could not handle your request because of something in the request itself.",
		Advice:  "Check the address and what you entered, then try again, or start from the home page.",
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
