package pages

// dutch addresses the visitor as "u".
//
// Checked by: a native-level review of the first version rated it 4/5 and
// listed fixes, which are applied. The texts rewritten since (the 503 and
// 510 texts from the new English, the clock and date layouts) were
// written by an AI assistant and are not yet reviewed by a native speaker.
var dutch = Text{
	Tag:        "nl",
	Dir:        "ltr",
	DateLayout: "02-01-2006 15:04 MST",
	Labels: Labels{
		ErrorCode:      "Fout {status}",
		Maintenance:    "Gepland onderhoud",
		RequestID:      "Aanvraag-ID",
		Reference:      "Referentie",
		SelectHint:     "Klik om de code te selecteren en kopieer deze daarna in uw bericht aan ons.",
		TryAgain:       "Opnieuw proberen",
		GoHome:         "Naar de startpagina",
		ContactSupport: "Contact opnemen met de klantenservice",
		StatusPage:     "Servicestatus",
		SignIn:         "Aanmelden bij het netwerk",
		RetryIn:        "Probeer het over {time} opnieuw.",
		BackBy:         "We verwachten uiterlijk om {time} weer beschikbaar te zijn (over {in}).",
		BackByOn:       "We verwachten op {date} uiterlijk om {time} weer beschikbaar te zijn (over {in}).",
		Clock:          "{HH}:{mm} uur UTC",
		Date:           "{d} {month}",
		Colon:          ": ",
		BackSoon:       "We verwachten binnenkort weer beschikbaar te zijn.",
		Details:        "Details voor ontwikkelaars",
		Scheduled:      "Gepland onderhoud: {from} – {to}.",
		ScheduledFrom:  "Gepland onderhoud vanaf {from}.",
		ReadOnly:       "Alleen-lezen tijdens onderhoud: u kunt rondkijken, maar wijzigingen kunnen nu niet worden opgeslagen.",
	},
	Statuses: map[int]StatusText{
		500: {
			Title:   "Er is iets misgegaan",
			Message: "We zijn op een onverwacht probleem gestuit en konden uw aanvraag niet afhandelen. Het probleem is vastgelegd en is hoogstwaarschijnlijk tijdelijk.",
			Advice:  "Probeer het zo nog eens. Blijft het probleem zich voordoen, neem dan contact op met de klantenservice en vermeld het aanvraag-ID hieronder.",
		},
		501: {
			Title:   "Niet beschikbaar",
			Message: "Deze functie wordt niet ondersteund door de server, dus uw aanvraag kon niet worden afgehandeld. Opnieuw proberen verandert daar niets aan.",
			Advice:  "Ga terug naar de startpagina, of neem contact op met de klantenservice als u verwachtte dat dit zou werken.",
		},
		502: {
			Title:   "Gatewayfout",
			Message: "Een dienst waarvan we afhankelijk zijn, was onbereikbaar of stuurde ons een ongeldig antwoord, dus we konden uw aanvraag niet afhandelen. Dit is meestal tijdelijk.",
			Advice:  "Probeer het zo nog eens.",
		},
		503: {
			Title:   "Dienst niet beschikbaar",
			Message: "De dienst is overbelast of even niet bereikbaar, dus uw aanvraag kan op dit moment niet worden verwerkt. Dit is tijdelijk.",
			Advice:  "Blijft het probleem zich voordoen, neem dan contact op met de klantenservice.",
		},
		504: {
			Title:   "Time-out van de gateway",
			Message: "Een dienst waarvan we afhankelijk zijn, deed er te lang over om te antwoorden, dus we konden uw aanvraag niet op tijd afhandelen. Dit is meestal tijdelijk.",
			Advice:  "Probeer het zo nog eens. Als uw aanvraag erg groot was, lukt het misschien met een kleinere.",
		},
		505: {
			Title:   "HTTP-versie niet ondersteund",
			Message: "Uw browser of app gebruikte een versie van het HTTP-protocol die deze server niet ondersteunt.",
			Advice:  "Werk uw browser of app bij, of probeer een andere.",
		},
		506: {
			Title:   "Configuratiefout",
			Message: "De server is verkeerd geconfigureerd: bij het kiezen van een versie van deze pagina voor u bleef hij in een kringetje ronddraaien. Dit lost zich niet vanzelf op.",
			Advice:  "Neem contact op met de klantenservice, zodat we het kunnen oplossen.",
		},
		507: {
			Title:   "Opslagruimte vol",
			Message: "De server heeft geen opslagruimte meer en kon niet opslaan wat er voor uw aanvraag nodig was.",
			Advice:  "Probeer het later opnieuw, of neem contact op met de klantenservice als het probleem zich blijft voordoen.",
		},
		508: {
			Title:   "Lus gedetecteerd",
			Message: "De server stuitte bij het verwerken van uw aanvraag op een oneindige lus en heeft die gestopt. Dit lost zich niet vanzelf op.",
			Advice:  "Neem contact op met de klantenservice, zodat we het kunnen oplossen.",
		},
		510: {
			Title:   "Aanvraag onvolledig",
			Message: "Deze site verwacht de aanvraag van uw browser of app in een andere vorm, dus de aanvraag kon niet worden afgehandeld.",
			Advice:  "Werk uw browser of app bij, of probeer een andere. Helpt dat niet, neem dan contact op met de klantenservice.",
		},
		511: {
			Title:   "Aanmelden bij netwerk vereist",
			Message: "Het netwerk dat u gebruikt, vereist dat u zich aanmeldt voordat u verbinding kunt maken met internet.",
			Advice:  "Meld u aan bij het netwerk en probeer het daarna opnieuw.",
		},
	},
	Generic: StatusText{
		Title:   "Serverfout",
		Message: "De server kon uw aanvraag niet afhandelen door een probleem aan onze kant.",
		Advice:  "Probeer het zo nog eens. Blijft het probleem zich voordoen, neem dan contact op met de klantenservice en vermeld het aanvraag-ID hieronder.",
	},
	Maintenance: StatusText{
		Title:   "Tijdelijk offline voor onderhoud",
		Message: "We voeren gepland onderhoud uit. Bedankt voor uw geduld.",
		Advice:  "Kom later nog eens kijken.",
	},
	Seconds: Plural{One: "ongeveer een seconde", Other: "ongeveer {n} seconden"},
	Minutes: Plural{One: "ongeveer een minuut", Other: "ongeveer {n} minuten"},
	Hours:   Plural{One: "ongeveer een uur", Other: "ongeveer {n} uur"},
	Days:    Plural{One: "ongeveer een dag", Other: "ongeveer {n} dagen"},
	Months:  [12]string{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"},
}
