package pages

// polish addresses the visitor with the informal imperative usual in Polish
// web interfaces ("Spróbuj ponownie"). "za około" sits in RetryIn and BackBy,
// so the durations are in the accusative ("minutę", "5 minut"). One is only
// n = 1; Few is 2–4, 22–24, …; Many is 0, 5–21, 25–31, …; Other is fractions.
//
// Checked by: a native-level review of the first version rated it 4/5 and
// listed fixes, which are applied. The texts rewritten since (the 503 and
// 510 texts from the new English, the clock and date layouts) were
// written by an AI assistant and are not yet reviewed by a native speaker.
var polish = Text{
	Tag:        "pl",
	Dir:        "ltr",
	DateLayout: "02.01.2006, 15:04 MST",
	Labels: Labels{
		ErrorCode:      "Błąd {status}",
		Maintenance:    "Planowana przerwa techniczna",
		RequestID:      "Identyfikator żądania",
		Reference:      "Numer referencyjny",
		SelectHint:     "Kliknij, aby go zaznaczyć, a następnie skopiuj go do wiadomości, którą do nas wyślesz.",
		TryAgain:       "Spróbuj ponownie",
		GoHome:         "Przejdź na stronę główną",
		ContactSupport: "Skontaktuj się z pomocą techniczną",
		StatusPage:     "Status usługi",
		SignIn:         "Zaloguj się do sieci",
		RetryIn:        "Spróbuj ponownie za około {time}.",
		BackBy:         "Planujemy wrócić do {time} (za około {in}).",
		BackByOn:       "Planujemy wrócić {date} do {time} (za około {in}).",
		Clock:          "godz. {H}:{mm} UTC",
		Date:           "{d} {month}",
		Colon:          ": ",
		BackSoon:       "Planujemy wrócić już wkrótce.",
		Details:        "Szczegóły dla programistów",
		Scheduled:      "Planowana konserwacja: {from} – {to}.",
		ScheduledFrom:  "Planowana konserwacja od {from}.",
		ReadOnly:       "Tylko do odczytu podczas konserwacji: możesz przeglądać stronę, ale zmian nie da się teraz zapisać.",
	},
	Statuses: map[int]StatusText{
		500: {
			Title:   "Coś poszło nie tak",
			Message: "Wystąpił nieoczekiwany problem i nie udało się zrealizować żądania. Zarejestrowaliśmy go i najprawdopodobniej jest tylko chwilowy.",
			Advice:  "Spróbuj ponownie za chwilę. Jeśli problem będzie się powtarzał, skontaktuj się z pomocą techniczną i podaj identyfikator żądania widoczny poniżej.",
		},
		501: {
			Title:   "Funkcja niedostępna",
			Message: "Serwer nie obsługuje tej funkcji, dlatego nie udało się zrealizować żądania. Ponowna próba tego nie zmieni.",
			Advice:  "Wróć na stronę główną lub skontaktuj się z pomocą techniczną, jeśli ta funkcja powinna działać.",
		},
		502: {
			Title:   "Błąd bramy",
			Message: "Usługa, od której zależymy, była niedostępna lub przesłała nam nieprawidłową odpowiedź, dlatego nie udało się zrealizować żądania. Zwykle jest to problem chwilowy.",
			Advice:  "Spróbuj ponownie za chwilę.",
		},
		503: {
			Title:   "Usługa niedostępna",
			Message: "Serwis jest przeciążony lub chwilowo niedostępny, dlatego nie może teraz obsłużyć żądania. To problem chwilowy.",
			Advice:  "Jeśli problem będzie się powtarzał, skontaktuj się z pomocą techniczną.",
		},
		504: {
			Title:   "Przekroczono czas oczekiwania",
			Message: "Usługa, od której zależymy, zbyt długo nie odpowiadała, dlatego nie udało się zrealizować żądania na czas. Zwykle jest to problem chwilowy.",
			Advice:  "Spróbuj ponownie za chwilę. Jeśli żądanie było duże, mniejsze może się powieść.",
		},
		505: {
			Title:   "Nieobsługiwana wersja HTTP",
			Message: "Twoja przeglądarka lub aplikacja próbowała połączyć się w wersji protokołu HTTP, której ten serwer nie obsługuje.",
			Advice:  "Zaktualizuj przeglądarkę lub aplikację albo spróbuj użyć innej.",
		},
		506: {
			Title:   "Błąd konfiguracji",
			Message: "Serwer jest nieprawidłowo skonfigurowany: przy wyborze odpowiedniej wersji tej strony wpadł w błędne koło. Ten problem nie zniknie sam.",
			Advice:  "Skontaktuj się z pomocą techniczną, abyśmy mogli to naprawić.",
		},
		507: {
			Title:   "Brak miejsca na serwerze",
			Message: "Na serwerze zabrakło miejsca i nie udało się zapisać danych potrzebnych do obsługi żądania.",
			Advice:  "Spróbuj ponownie później lub skontaktuj się z pomocą techniczną, jeśli problem będzie się powtarzał.",
		},
		508: {
			Title:   "Wykryto pętlę",
			Message: "Podczas obsługi żądania serwer wykrył nieskończoną pętlę i ją przerwał. Ten problem nie zniknie sam.",
			Advice:  "Skontaktuj się z pomocą techniczną, abyśmy mogli to naprawić.",
		},
		510: {
			Title:   "Niekompletne żądanie",
			Message: "Ta strona oczekuje od przeglądarki lub aplikacji żądania w innej postaci, dlatego nie udało się go zrealizować.",
			Advice:  "Zaktualizuj przeglądarkę lub aplikację albo spróbuj użyć innej. Jeśli to nie pomoże, skontaktuj się z pomocą techniczną.",
		},
		511: {
			Title:   "Wymagane logowanie do sieci",
			Message: "Sieć, z której korzystasz, wymaga zalogowania się, zanim uzyskasz dostęp do internetu.",
			Advice:  "Zaloguj się do sieci, a potem spróbuj ponownie.",
		},
		400: {
			Title:   "Nieprawidłowe żądanie",
			Message: "Serwer nie zrozumiał żądania: coś w nim jest błędne albo czegoś brakuje.",
			Advice:  "Sprawdź adres i wprowadzone dane, a potem wyślij je ponownie. Jeśli trafiłeś tu z linku, wróć i spróbuj inaczej.",
		},
		401: {
			Title:   "Wymagane logowanie",
			Message: "Musisz się zalogować, aby zobaczyć tę stronę, albo Twoja sesja wygasła.",
			Advice:  "Zaloguj się, a potem otwórz stronę ponownie.",
		},
		403: {
			Title:   "Brak dostępu",
			Message: "Nie masz uprawnień do otwarcia tej strony.",
			Advice:  "Jeśli uważasz, że powinieneś mieć dostęp, zaloguj się na inne konto albo poproś osobę, która nim zarządza.",
		},
		404: {
			Title:   "Nie znaleziono strony",
			Message: "Pod tym adresem nic nie ma. Strona mogła zostać przeniesiona lub usunięta, albo w adresie jest literówka.",
			Advice:  "Sprawdź adres albo zacznij od strony głównej.",
		},
		405: {
			Title:   "Niedozwolona czynność",
			Message: "Ta strona nie obsługuje tego, co próbowała zrobić Twoja przeglądarka lub aplikacja.",
			Advice:  "Wróć i użyj linków i przycisków na stronie.",
		},
		406: {
			Title:   "Format niedostępny",
			Message: "Ta strona nie jest dostępna w żadnym formacie akceptowanym przez Twoją przeglądarkę lub aplikację.",
			Advice:  "Spróbuj innej przeglądarki lub aplikacji albo skontaktuj się z pomocą techniczną.",
		},
		408: {
			Title:   "Przekroczono czas żądania",
			Message: "Żądanie docierało zbyt długo, więc serwer przestał na nie czekać. Zwykle powodem jest wolne połączenie.",
			Advice:  "Sprawdź połączenie i spróbuj ponownie.",
		},
		409: {
			Title:   "Konflikt",
			Message: "Żądanie jest sprzeczne z obecnym stanem tego, co zmieniasz; ktoś inny mógł to w międzyczasie zmienić.",
			Advice:  "Odśwież stronę, aby zobaczyć najnowszą wersję, i wprowadź zmianę jeszcze raz.",
		},
		410: {
			Title:   "Strona usunięta",
			Message: "Ta strona została usunięta na stałe i nie wróci.",
			Advice:  "Usuń linki lub zakładki do niej i zacznij od strony głównej.",
		},
		413: {
			Title:   "Za duże",
			Message: "To, co wysłałeś, jest większe, niż serwer przyjmuje.",
			Advice:  "Wyślij mniej: skróć tekst albo prześlij mniej plików lub mniejsze pliki.",
		},
		414: {
			Title:   "Za długi adres",
			Message: "Adres tego żądania jest dłuższy, niż serwer przyjmuje.",
			Advice:  "Zacznij od strony głównej; jeśli adres wydłużyło wyszukiwanie lub filtr, skróć je.",
		},
		415: {
			Title:   "Nieobsługiwany typ pliku",
			Message: "Serwer nie przyjmuje rodzaju pliku ani danych, które wysłałeś.",
			Advice:  "Wyślij je w innym formacie, na przykład jako inny typ pliku.",
		},
		421: {
			Title:   "Niewłaściwy serwer",
			Message: "Żądanie trafiło do serwera, który nie może odpowiadać dla tego adresu.",
			Advice:  "Odśwież stronę; jeśli to nie pomoże, zamknij kartę i otwórz adres ponownie.",
		},
		422: {
			Title:   "Nie można przetworzyć",
			Message: "Serwer zrozumiał żądanie, ale część wprowadzonych danych jest nieprawidłowa.",
			Advice:  "Sprawdź wprowadzone dane, popraw je i wyślij ponownie.",
		},
		429: {
			Title:   "Zbyt wiele żądań",
			Message: "Wysłałeś zbyt wiele żądań w krótkim czasie, więc na chwilę wstrzymujemy kolejne.",
			Advice:  "Zwolnij i odczekaj chwilę, zanim spróbujesz ponownie.",
		},
		431: {
			Title:   "Za duże nagłówki żądania",
			Message: "Przeglądarka wysłała więcej danych w nagłówkach, niż serwer przyjmuje, często z powodu zbyt wielu lub zbyt dużych plików cookie.",
			Advice:  "Wyczyść pliki cookie tej witryny w przeglądarce i spróbuj ponownie.",
		},
		451: {
			Title:   "Niedostępne z powodów prawnych",
			Message: "Tej strony nie można wyświetlić z powodu wymogu prawnego.",
			Advice:  "Nie możesz do niej dotrzeć stąd; przejdź do strony głównej.",
		},
	},
	Generic: StatusText{
		Title:   "Błąd serwera",
		Message: "Serwer nie mógł zrealizować żądania z powodu problemu po naszej stronie.",
		Advice:  "Spróbuj ponownie za chwilę. Jeśli problem będzie się powtarzał, skontaktuj się z pomocą techniczną i podaj identyfikator żądania widoczny poniżej.",
	},
	GenericClient: StatusText{
		Title:   "Błąd żądania",
		Message: "Serwer nie mógł obsłużyć żądania z powodu problemu w samym żądaniu.",
		Advice:  "Sprawdź adres i wprowadzone dane i spróbuj ponownie albo zacznij od strony głównej.",
	},
	Maintenance: StatusText{
		Title:   "Przerwa techniczna",
		Message: "Przeprowadzamy zaplanowane prace techniczne. Dziękujemy za cierpliwość.",
		Advice:  "Zajrzyj do nas później.",
	},
	Seconds: Plural{One: "sekundę", Few: "{n} sekundy", Many: "{n} sekund", Other: "{n} sekundy"},
	Minutes: Plural{One: "minutę", Few: "{n} minuty", Many: "{n} minut", Other: "{n} minuty"},
	Hours:   Plural{One: "godzinę", Few: "{n} godziny", Many: "{n} godzin", Other: "{n} godziny"},
	Days:    Plural{One: "dzień", Few: "{n} dni", Many: "{n} dni", Other: "{n} dnia"},
	Months:  [12]string{"stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września", "października", "listopada", "grudnia"},
}
