package pages

// german is written for the formal "Sie". The durations are in the dative,
// as RetryIn and BackBy put them after "in".
//
// Checked by: a native-level review of the first version rated it 4/5 and
// listed fixes, which are applied. The texts rewritten since (the 503 and
// 510 texts from the new English, the clock and date layouts) were
// written by an AI assistant and are not yet reviewed by a native speaker.
var german = Text{
	Tag:        "de",
	Dir:        "ltr",
	DateLayout: "02.01.2006, 15:04 MST",
	Labels: Labels{
		ErrorCode:      "Fehler {status}",
		Maintenance:    "Geplante Wartung",
		RequestID:      "Anfrage-ID",
		Reference:      "Referenz",
		SelectHint:     "Zum Markieren anklicken und dann in Ihre Nachricht an uns kopieren.",
		TryAgain:       "Erneut versuchen",
		GoHome:         "Zur Startseite",
		ContactSupport: "Support kontaktieren",
		StatusPage:     "Systemstatus",
		SignIn:         "Im Netzwerk anmelden",
		RetryIn:        "Bitte versuchen Sie es in {time} erneut.",
		BackBy:         "Wir sind voraussichtlich bis {time} wieder da (in {in}).",
		BackByOn:       "Wir sind voraussichtlich am {date} bis {time} wieder da (in {in}).",
		Clock:          "{HH}:{mm} Uhr UTC",
		Date:           "{d}. {month}",
		Colon:          ": ",
		BackSoon:       "Wir sind voraussichtlich in Kürze wieder da.",
		Details:        "Details für Entwickler",
		Scheduled:      "Geplante Wartung: {from} – {to}.",
		ScheduledFrom:  "Geplante Wartung ab {from}.",
		ReadOnly:       "Nur Lesezugriff während der Wartung: Sie können sich umsehen, aber Änderungen lassen sich gerade nicht speichern.",
	},
	Statuses: map[int]StatusText{
		500: {
			Title:   "Etwas ist schiefgelaufen",
			Message: "Bei der Bearbeitung Ihrer Anfrage ist ein unerwartetes Problem aufgetreten. Das Problem wurde protokolliert und ist höchstwahrscheinlich nur vorübergehend.",
			Advice:  "Versuchen Sie es gleich noch einmal. Wenn das Problem weiterhin auftritt, wenden Sie sich an den Support und nennen Sie die unten stehende Anfrage-ID.",
		},
		501: {
			Title:   "Nicht verfügbar",
			Message: "Diese Funktion wird vom Server nicht unterstützt, daher konnte Ihre Anfrage nicht ausgeführt werden. Ein erneuter Versuch ändert daran nichts.",
			Advice:  "Kehren Sie zur Startseite zurück, oder wenden Sie sich an den Support, wenn das eigentlich funktionieren sollte.",
		},
		502: {
			Title:   "Gateway-Fehler",
			Message: "Ein Dienst, auf den wir angewiesen sind, war nicht erreichbar oder hat uns eine ungültige Antwort geschickt, daher konnten wir Ihre Anfrage nicht ausführen. Das ist meist nur vorübergehend.",
			Advice:  "Versuchen Sie es gleich noch einmal.",
		},
		503: {
			Title:   "Dienst nicht verfügbar",
			Message: "Unsere Server sind gerade überlastet oder kurzzeitig nicht erreichbar, daher können wir Ihre Anfrage im Moment nicht bearbeiten. Das ist nur vorübergehend.",
			Advice:  "Wenn das Problem weiterhin auftritt, wenden Sie sich an den Support.",
		},
		504: {
			Title:   "Zeitüberschreitung am Gateway",
			Message: "Ein Dienst, auf den wir angewiesen sind, hat zu lange für seine Antwort gebraucht, daher konnten wir Ihre Anfrage nicht rechtzeitig ausführen. Das ist meist nur vorübergehend.",
			Advice:  "Versuchen Sie es gleich noch einmal. Falls Ihre Anfrage sehr umfangreich war, klappt es vielleicht mit einer kleineren.",
		},
		505: {
			Title:   "HTTP-Version nicht unterstützt",
			Message: "Ihr Browser oder Ihre App hat eine Version des HTTP-Protokolls verwendet, die dieser Server nicht unterstützt.",
			Advice:  "Aktualisieren Sie Ihren Browser oder Ihre App, oder probieren Sie es mit einem anderen Browser bzw. einer anderen App.",
		},
		506: {
			Title:   "Konfigurationsfehler",
			Message: "Der Server ist falsch konfiguriert: Bei der Auswahl einer passenden Version dieser Seite für Sie hat er sich im Kreis gedreht. Das Problem behebt sich nicht von selbst.",
			Advice:  "Bitte wenden Sie sich an den Support, damit wir den Fehler beheben können.",
		},
		507: {
			Title:   "Kein Speicherplatz mehr",
			Message: "Dem Server ist der Speicherplatz ausgegangen, daher konnte er die für Ihre Anfrage nötigen Daten nicht speichern.",
			Advice:  "Versuchen Sie es später noch einmal, oder wenden Sie sich an den Support, wenn das Problem weiterhin auftritt.",
		},
		508: {
			Title:   "Endlosschleife erkannt",
			Message: "Der Server ist bei der Bearbeitung Ihrer Anfrage auf eine Endlosschleife gestoßen und hat sie abgebrochen. Das Problem behebt sich nicht von selbst.",
			Advice:  "Bitte wenden Sie sich an den Support, damit wir den Fehler beheben können.",
		},
		510: {
			Title:   "Anfrage unvollständig",
			Message: "Diese Website erwartet von Ihrem Browser oder Ihrer App eine Anfrage in einer anderen Form, daher konnte die Anfrage nicht ausgeführt werden.",
			Advice:  "Aktualisieren Sie Ihren Browser oder Ihre App, oder probieren Sie es mit einem anderen Browser bzw. einer anderen App. Hilft das nicht, wenden Sie sich an den Support.",
		},
		511: {
			Title:   "Anmeldung im Netzwerk erforderlich",
			Message: "Das Netzwerk, das Sie gerade nutzen, verlangt eine Anmeldung, bevor Sie ins Internet gelangen.",
			Advice:  "Melden Sie sich im Netzwerk an und versuchen Sie es dann erneut.",
		},
	},
	Generic: StatusText{
		Title:   "Serverfehler",
		Message: "Wegen eines Problems bei uns konnte der Server Ihre Anfrage nicht ausführen.",
		Advice:  "Versuchen Sie es gleich noch einmal. Wenn das Problem weiterhin auftritt, wenden Sie sich an den Support und nennen Sie die unten stehende Anfrage-ID.",
	},
	Maintenance: StatusText{
		Title:   "Wartungsarbeiten",
		Message: "Wir führen gerade geplante Wartungsarbeiten durch. Vielen Dank für Ihre Geduld.",
		Advice:  "Bitte schauen Sie später noch einmal vorbei.",
	},
	Seconds: Plural{One: "etwa einer Sekunde", Other: "etwa {n} Sekunden"},
	Minutes: Plural{One: "etwa einer Minute", Other: "etwa {n} Minuten"},
	Hours:   Plural{One: "etwa einer Stunde", Other: "etwa {n} Stunden"},
	Days:    Plural{One: "etwa einem Tag", Other: "etwa {n} Tagen"},
	Months:  [12]string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"},
}
