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
		400: {
			Title:   "Ongeldig verzoek",
			Message: "De server kon je verzoek niet begrijpen: er is iets onjuist of er ontbreekt iets.",
			Advice:  "Controleer het adres en wat je hebt ingevuld en verstuur het opnieuw. Kwam je via een link, ga dan terug en probeer het op een andere manier.",
		},
		401: {
			Title:   "Inloggen vereist",
			Message: "Je moet inloggen om deze pagina te zien, of je sessie is verlopen.",
			Advice:  "Log in en open de pagina daarna opnieuw.",
		},
		403: {
			Title:   "Geen toegang",
			Message: "Je hebt geen toestemming om deze pagina te openen.",
			Advice:  "Denk je dat je wel toegang hoort te hebben, log dan in met een ander account of vraag het aan de beheerder.",
		},
		404: {
			Title:   "Pagina niet gevonden",
			Message: "Op dit adres staat niets. De pagina is misschien verplaatst of verwijderd, of er zit een typefout in het adres.",
			Advice:  "Controleer het adres op typefouten of begin opnieuw op de startpagina.",
		},
		405: {
			Title:   "Actie niet toegestaan",
			Message: "Deze pagina ondersteunt niet wat je browser of app ermee probeerde te doen.",
			Advice:  "Ga terug en gebruik de links en knoppen van de pagina zelf.",
		},
		406: {
			Title:   "Formaat niet beschikbaar",
			Message: "Deze pagina is niet beschikbaar in een formaat dat je browser of app accepteert.",
			Advice:  "Probeer een andere browser of app, of neem contact op met support.",
		},
		408: {
			Title:   "Time-out van het verzoek",
			Message: "Je verzoek deed er te lang over om aan te komen, dus de server wacht er niet meer op. Meestal komt dat door een trage verbinding.",
			Advice:  "Controleer je verbinding en probeer het opnieuw.",
		},
		409: {
			Title:   "Botsende wijziging",
			Message: "Je verzoek botst met de huidige stand van wat je wijzigt; misschien heeft iemand anders het intussen gewijzigd.",
			Advice:  "Laad de pagina opnieuw om de nieuwste versie te zien en breng je wijziging daarna opnieuw aan.",
		},
		410: {
			Title:   "Pagina verwijderd",
			Message: "Deze pagina is definitief verwijderd en komt niet terug.",
			Advice:  "Verwijder links of bladwijzers ernaar en begin op de startpagina.",
		},
		413: {
			Title:   "Te groot",
			Message: "Wat je hebt verstuurd is groter dan de server accepteert.",
			Advice:  "Verstuur minder: maak de tekst korter of upload minder of kleinere bestanden.",
		},
		414: {
			Title:   "Adres te lang",
			Message: "Het adres van dit verzoek is langer dan de server accepteert.",
			Advice:  "Begin opnieuw op de startpagina; maakte een zoekopdracht of filter het adres zo lang, maak die dan korter.",
		},
		415: {
			Title:   "Bestandstype niet ondersteund",
			Message: "De server accepteert het soort bestand of gegevens dat je hebt verstuurd niet.",
			Advice:  "Verstuur het in een ander formaat, bijvoorbeeld een ander bestandstype.",
		},
		421: {
			Title:   "Verkeerde server",
			Message: "Je verzoek kwam aan bij een server die voor dit adres niet kan antwoorden.",
			Advice:  "Laad de pagina opnieuw; helpt dat niet, sluit dan het tabblad en open het adres opnieuw.",
		},
		422: {
			Title:   "Kan niet worden verwerkt",
			Message: "De server begreep je verzoek, maar een deel van wat je hebt ingevuld is ongeldig.",
			Advice:  "Controleer wat je hebt ingevuld, verbeter het en verstuur het opnieuw.",
		},
		429: {
			Title:   "Te veel verzoeken",
			Message: "Je hebt in korte tijd te veel verzoeken verstuurd, dus houden we de volgende even tegen.",
			Advice:  "Doe het rustiger aan en wacht even voordat je het opnieuw probeert.",
		},
		431: {
			Title:   "Headers van het verzoek te groot",
			Message: "Je browser stuurde meer headergegevens dan de server accepteert, vaak door te veel of te grote cookies.",
			Advice:  "Wis de cookies van deze site in je browser en probeer het opnieuw.",
		},
		451: {
			Title:   "Niet beschikbaar om juridische redenen",
			Message: "Deze pagina kan door een juridische eis niet worden getoond.",
			Advice:  "Vanaf hier kun je haar niet bereiken; ga in plaats daarvan naar de startpagina.",
		},
	},
	Generic: StatusText{
		Title:   "Serverfout",
		Message: "De server kon uw aanvraag niet afhandelen door een probleem aan onze kant.",
		Advice:  "Probeer het zo nog eens. Blijft het probleem zich voordoen, neem dan contact op met de klantenservice en vermeld het aanvraag-ID hieronder.",
	},
	GenericClient: StatusText{
		Title:   "Fout in het verzoek",
		Message: "De server kon je verzoek niet afhandelen door een probleem in het verzoek zelf.",
		Advice:  "Controleer het adres en wat je hebt ingevuld en probeer het opnieuw, of begin op de startpagina.",
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
