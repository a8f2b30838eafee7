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
		400: {
			Title:   "Ungültige Anfrage",
			Message: "Der Server konnte Ihre Anfrage nicht verstehen: Etwas darin ist fehlerhaft oder fehlt.",
			Advice:  "Prüfen Sie die Adresse und Ihre Eingaben und senden Sie sie erneut. Wenn Sie einem Link gefolgt sind, gehen Sie zurück und versuchen Sie es auf anderem Weg.",
		},
		401: {
			Title:   "Anmeldung erforderlich",
			Message: "Sie müssen sich anmelden, um diese Seite zu sehen, oder Ihre Sitzung ist abgelaufen.",
			Advice:  "Melden Sie sich an und öffnen Sie die Seite dann erneut.",
		},
		403: {
			Title:   "Zugriff verweigert",
			Message: "Sie haben keine Berechtigung, diese Seite zu öffnen.",
			Advice:  "Wenn Sie Zugriff haben sollten, melden Sie sich mit einem anderen Konto an oder fragen Sie die Person, die ihn verwaltet.",
		},
		404: {
			Title:   "Seite nicht gefunden",
			Message: "Unter dieser Adresse gibt es nichts. Die Seite wurde vielleicht verschoben oder gelöscht, oder die Adresse ist falsch geschrieben.",
			Advice:  "Prüfen Sie die Adresse auf Tippfehler oder beginnen Sie noch einmal auf der Startseite.",
		},
		405: {
			Title:   "Aktion nicht erlaubt",
			Message: "Diese Seite unterstützt nicht, was Ihr Browser oder Ihre App damit tun wollte.",
			Advice:  "Gehen Sie zurück und verwenden Sie die Links und Schaltflächen der Seite.",
		},
		406: {
			Title:   "Format nicht verfügbar",
			Message: "Diese Seite ist in keinem Format verfügbar, das Ihr Browser oder Ihre App akzeptiert.",
			Advice:  "Versuchen Sie es mit einem anderen Browser oder einer anderen App, oder wenden Sie sich an den Support.",
		},
		408: {
			Title:   "Zeitüberschreitung der Anfrage",
			Message: "Ihre Anfrage kam zu langsam an, deshalb hat der Server aufgehört, auf sie zu warten. Meist ist eine langsame Verbindung die Ursache.",
			Advice:  "Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.",
		},
		409: {
			Title:   "Konflikt",
			Message: "Ihre Anfrage widerspricht dem aktuellen Stand dessen, was Sie ändern; vielleicht hat es inzwischen jemand anderes geändert.",
			Advice:  "Laden Sie die Seite neu, um den neuesten Stand zu sehen, und nehmen Sie Ihre Änderung dann erneut vor.",
		},
		410: {
			Title:   "Seite entfernt",
			Message: "Diese Seite wurde endgültig entfernt und kommt nicht zurück.",
			Advice:  "Entfernen Sie Links oder Lesezeichen darauf und beginnen Sie auf der Startseite.",
		},
		413: {
			Title:   "Zu groß",
			Message: "Was Sie gesendet haben, ist größer, als der Server annimmt.",
			Advice:  "Senden Sie weniger: Kürzen Sie den Text oder laden Sie weniger oder kleinere Dateien hoch.",
		},
		414: {
			Title:   "Adresse zu lang",
			Message: "Die Adresse dieser Anfrage ist länger, als der Server annimmt.",
			Advice:  "Beginnen Sie auf der Startseite; wenn eine Suche oder ein Filter die Adresse so lang gemacht hat, kürzen Sie sie.",
		},
		415: {
			Title:   "Dateityp nicht unterstützt",
			Message: "Der Server nimmt die Art von Datei oder Daten, die Sie gesendet haben, nicht an.",
			Advice:  "Senden Sie sie in einem anderen Format, etwa als anderen Dateityp.",
		},
		421: {
			Title:   "Falscher Server",
			Message: "Ihre Anfrage hat einen Server erreicht, der für diese Adresse nicht antworten kann.",
			Advice:  "Laden Sie die Seite neu; wenn das nicht hilft, schließen Sie den Tab und öffnen Sie die Adresse erneut.",
		},
		422: {
			Title:   "Nicht verarbeitbar",
			Message: "Der Server hat Ihre Anfrage verstanden, aber einige Ihrer Eingaben sind ungültig.",
			Advice:  "Prüfen und korrigieren Sie Ihre Eingaben und senden Sie sie erneut.",
		},
		429: {
			Title:   "Zu viele Anfragen",
			Message: "Sie haben in kurzer Zeit zu viele Anfragen gesendet, deshalb halten wir weitere für einen Moment zurück.",
			Advice:  "Machen Sie langsamer und warten Sie kurz, bevor Sie es erneut versuchen.",
		},
		431: {
			Title:   "Anfrage-Header zu groß",
			Message: "Ihr Browser hat mehr Header-Daten gesendet, als der Server annimmt, oft wegen zu vieler oder zu großer Cookies.",
			Advice:  "Löschen Sie die Cookies dieser Website in Ihrem Browser und versuchen Sie es erneut.",
		},
		451: {
			Title:   "Aus rechtlichen Gründen nicht verfügbar",
			Message: "Diese Seite kann wegen einer rechtlichen Anordnung nicht angezeigt werden.",
			Advice:  "Von hier aus können Sie sie nicht erreichen; gehen Sie stattdessen zur Startseite.",
		},
	},
	Generic: StatusText{
		Title:   "Serverfehler",
		Message: "Wegen eines Problems bei uns konnte der Server Ihre Anfrage nicht ausführen.",
		Advice:  "Versuchen Sie es gleich noch einmal. Wenn das Problem weiterhin auftritt, wenden Sie sich an den Support und nennen Sie die unten stehende Anfrage-ID.",
	},
	GenericClient: StatusText{
		Title:   "Fehler in der Anfrage",
		Message: "Der Server konnte Ihre Anfrage wegen eines Problems in der Anfrage selbst nicht bearbeiten.",
		Advice:  "Prüfen Sie die Adresse und Ihre Eingaben und versuchen Sie es erneut, oder beginnen Sie auf der Startseite.",
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
