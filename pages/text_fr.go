package pages

// french is written for "vous", with a no-break space (U+00A0) before
// : and ; as French typography wants. Its One forms also serve 0 and
// values below 2; Many (for millions) falls back to Other.
//
// Checked by: a native-level review of the first version rated it 4/5 and
// listed fixes, which are applied. The texts rewritten since (the 503 and
// 510 texts from the new English, the clock and date layouts) were
// written by an AI assistant and are not yet reviewed by a native speaker.
var french = Text{
	Tag:        "fr",
	Dir:        "ltr",
	DateLayout: "02/01/2006 15:04 MST",
	Labels: Labels{
		ErrorCode:      "Erreur {status}",
		Maintenance:    "Maintenance planifiée",
		RequestID:      "Identifiant de la requête",
		Reference:      "Référence",
		SelectHint:     "Cliquez pour sélectionner ce code, puis copiez-le dans votre message.",
		TryAgain:       "Réessayer",
		GoHome:         "Aller à la page d’accueil",
		ContactSupport: "Contacter l’assistance",
		StatusPage:     "État du service",
		SignIn:         "Se connecter au réseau",
		RetryIn:        "Veuillez réessayer dans {time}.",
		BackBy:         "Nous prévoyons d’être de retour d’ici {time} (dans {in}).",
		BackByOn:       "Nous prévoyons d’être de retour d’ici le {date} à {time} (dans {in}).",
		Clock:          "{H}\u00a0h\u00a0{mm} UTC",
		Date:           "{d}\u00a0{month}",
		Colon:          "\u00a0: ",
		BackSoon:       "Nous prévoyons d’être de retour très bientôt.",
		Details:        "Détails pour les développeurs",
		Scheduled:      "Maintenance planifiée : {from} – {to}.",
		ScheduledFrom:  "Maintenance planifiée à partir du {from}.",
		ReadOnly:       "Lecture seule pendant la maintenance : vous pouvez consulter le site, mais les modifications ne peuvent pas être enregistrées pour le moment.",
	},
	Statuses: map[int]StatusText{
		500: {
			Title:   "Une erreur s’est produite",
			Message: "Nous avons rencontré un problème inattendu et n’avons pas pu traiter votre demande. Le problème a été enregistré et il est très probablement temporaire.",
			Advice:  "Réessayez dans un instant. Si le problème persiste, contactez l’assistance en indiquant l’identifiant de la requête ci-dessous.",
		},
		501: {
			Title:   "Fonction non disponible",
			Message: "Cette fonctionnalité n’est pas prise en charge par le serveur, votre demande n’a donc pas pu aboutir. Réessayer n’y changera rien.",
			Advice:  "Revenez à la page d’accueil, ou contactez l’assistance si vous pensiez que cela devait fonctionner.",
		},
		502: {
			Title:   "Erreur de passerelle",
			Message: "Un service dont nous dépendons était injoignable ou nous a envoyé une réponse invalide, nous n’avons donc pas pu traiter votre demande. Ce problème est généralement temporaire.",
			Advice:  "Réessayez dans un instant.",
		},
		503: {
			Title:   "Service indisponible",
			Message: "Le service est surchargé ou momentanément indisponible, votre demande ne peut donc pas être traitée pour le moment. Ce problème est temporaire.",
			Advice:  "Si le problème persiste, contactez l’assistance.",
		},
		504: {
			Title:   "Délai d’attente dépassé",
			Message: "Un service dont nous dépendons a mis trop de temps à répondre, nous n’avons donc pas pu traiter votre demande à temps. Ce problème est généralement temporaire.",
			Advice:  "Réessayez dans un instant. Si votre demande était volumineuse, une demande plus petite pourrait aboutir.",
		},
		505: {
			Title:   "Version HTTP non prise en charge",
			Message: "Votre navigateur ou votre application a utilisé une version du protocole HTTP que ce serveur ne prend pas en charge.",
			Advice:  "Mettez à jour votre navigateur ou votre application, ou essayez avec un autre navigateur ou une autre application.",
		},
		506: {
			Title:   "Erreur de configuration",
			Message: "Le serveur est mal configuré\u00a0: en choisissant une version de cette page pour vous, il a tourné en rond. Ce problème ne se résoudra pas de lui-même.",
			Advice:  "Contactez l’assistance pour que nous puissions le corriger.",
		},
		507: {
			Title:   "Espace de stockage insuffisant",
			Message: "Le serveur n’a plus d’espace de stockage et n’a pas pu enregistrer les données nécessaires à votre demande.",
			Advice:  "Réessayez plus tard, ou contactez l’assistance si le problème persiste.",
		},
		508: {
			Title:   "Boucle détectée",
			Message: "Le serveur a détecté une boucle infinie pendant le traitement de votre demande et l’a interrompue. Ce problème ne se résoudra pas de lui-même.",
			Advice:  "Contactez l’assistance pour que nous puissions le corriger.",
		},
		510: {
			Title:   "Requête incomplète",
			Message: "Ce site attend de votre navigateur ou de votre application une requête sous une autre forme, votre demande n’a donc pas pu aboutir.",
			Advice:  "Mettez à jour votre navigateur ou votre application, ou essayez-en un autre. Si cela ne suffit pas, contactez l’assistance.",
		},
		511: {
			Title:   "Connexion au réseau requise",
			Message: "Le réseau que vous utilisez exige que vous vous connectiez avant de pouvoir accéder à Internet.",
			Advice:  "Connectez-vous au réseau, puis réessayez.",
		},
		400: {
			Title:   "Requête incorrecte",
			Message: "Le serveur n’a pas pu comprendre votre demande : un élément est mal formé ou manquant.",
			Advice:  "Vérifiez l’adresse et ce que vous avez saisi, puis renvoyez-la. Si vous avez suivi un lien, revenez en arrière et essayez autrement.",
		},
		401: {
			Title:   "Connexion requise",
			Message: "Vous devez vous connecter pour voir cette page, ou votre session a expiré.",
			Advice:  "Connectez-vous, puis rouvrez la page.",
		},
		403: {
			Title:   "Accès refusé",
			Message: "Vous n’avez pas l’autorisation d’ouvrir cette page.",
			Advice:  "Si vous pensez devoir y accéder, connectez-vous avec un autre compte ou demandez à la personne qui le gère.",
		},
		404: {
			Title:   "Page introuvable",
			Message: "Il n’y a rien à cette adresse. La page a peut-être été déplacée ou supprimée, ou l’adresse contient une faute de frappe.",
			Advice:  "Vérifiez l’adresse, ou repartez de la page d’accueil.",
		},
		405: {
			Title:   "Action non autorisée",
			Message: "Cette page ne permet pas ce que votre navigateur ou votre application a tenté de faire.",
			Advice:  "Revenez en arrière et utilisez les liens et boutons de la page.",
		},
		406: {
			Title:   "Format indisponible",
			Message: "Cette page n’est disponible dans aucun des formats acceptés par votre navigateur ou votre application.",
			Advice:  "Essayez un autre navigateur ou une autre application, ou contactez l’assistance.",
		},
		408: {
			Title:   "Délai de la requête dépassé",
			Message: "Votre demande a mis trop de temps à arriver, le serveur a donc cessé de l’attendre. Une connexion lente en est souvent la cause.",
			Advice:  "Vérifiez votre connexion et réessayez.",
		},
		409: {
			Title:   "Conflit",
			Message: "Votre demande entre en conflit avec l’état actuel de ce que vous modifiez ; quelqu’un d’autre l’a peut-être modifié entre-temps.",
			Advice:  "Rechargez la page pour voir la dernière version, puis refaites votre modification.",
		},
		410: {
			Title:   "Page supprimée",
			Message: "Cette page a été supprimée définitivement et ne reviendra pas.",
			Advice:  "Supprimez les liens ou favoris qui y mènent, et repartez de la page d’accueil.",
		},
		413: {
			Title:   "Trop volumineux",
			Message: "Ce que vous avez envoyé dépasse la taille acceptée par le serveur.",
			Advice:  "Envoyez moins : raccourcissez le texte, ou envoyez moins de fichiers ou des fichiers plus petits.",
		},
		414: {
			Title:   "Adresse trop longue",
			Message: "L’adresse de cette demande est plus longue que ce que le serveur accepte.",
			Advice:  "Repartez de la page d’accueil ; si une recherche ou un filtre a allongé l’adresse, raccourcissez-le.",
		},
		415: {
			Title:   "Type de fichier non pris en charge",
			Message: "Le serveur n’accepte pas le type de fichier ou de données que vous avez envoyé.",
			Advice:  "Envoyez-le dans un autre format, par exemple un autre type de fichier.",
		},
		421: {
			Title:   "Mauvais serveur",
			Message: "Votre demande est arrivée sur un serveur qui ne peut pas répondre pour cette adresse.",
			Advice:  "Rechargez la page ; si cela ne suffit pas, fermez l’onglet et rouvrez l’adresse.",
		},
		422: {
			Title:   "Traitement impossible",
			Message: "Le serveur a compris votre demande, mais une partie de ce que vous avez saisi n’est pas valide.",
			Advice:  "Vérifiez et corrigez votre saisie, puis renvoyez-la.",
		},
		429: {
			Title:   "Trop de requêtes",
			Message: "Vous avez envoyé trop de demandes en peu de temps ; nous retenons les suivantes un moment.",
			Advice:  "Ralentissez et patientez un peu avant de réessayer.",
		},
		431: {
			Title:   "En-têtes de requête trop volumineux",
			Message: "Votre navigateur a envoyé plus de données d’en-tête que le serveur n’en accepte, souvent à cause de cookies trop nombreux ou trop gros.",
			Advice:  "Effacez les cookies de ce site dans votre navigateur, puis réessayez.",
		},
		451: {
			Title:   "Indisponible pour raisons légales",
			Message: "Cette page ne peut pas être affichée en raison d’une exigence légale.",
			Advice:  "Vous ne pouvez pas l’atteindre d’ici ; allez plutôt à la page d’accueil.",
		},
	},
	Generic: StatusText{
		Title:   "Erreur du serveur",
		Message: "Le serveur n’a pas pu traiter votre demande en raison d’un problème de notre côté.",
		Advice:  "Réessayez dans un instant. Si le problème persiste, contactez l’assistance en indiquant l’identifiant de la requête ci-dessous.",
	},
	GenericClient: StatusText{
		Title:   "Erreur de requête",
		Message: "Le serveur n’a pas pu traiter votre demande à cause d’un problème dans la demande elle-même.",
		Advice:  "Vérifiez l’adresse et ce que vous avez saisi, puis réessayez, ou repartez de la page d’accueil.",
	},
	Maintenance: StatusText{
		Title:   "Maintenance en cours",
		Message: "Nous effectuons une maintenance planifiée. Merci de votre patience.",
		Advice:  "Veuillez revenir un peu plus tard.",
	},
	Seconds: Plural{One: "environ une seconde", Other: "environ {n} secondes"},
	Minutes: Plural{One: "environ une minute", Other: "environ {n} minutes"},
	Hours:   Plural{One: "environ une heure", Other: "environ {n} heures"},
	Days:    Plural{One: "environ un jour", Other: "environ {n} jours"},
	Months:  [12]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
}
