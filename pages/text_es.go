package pages

// spanish addresses the visitor as "tú" and follows Latin American usage
// (the simple past "encontramos", "comunícate con"), understood in Spain too.
//
// Checked by: a native-level review of the first version rated it 4/5 and
// listed fixes, which are applied. The texts rewritten since (the 503 and
// 510 texts from the new English, the clock and date layouts) were
// written by an AI assistant and are not yet reviewed by a native speaker.
var spanish = Text{
	Tag:        "es",
	Dir:        "ltr",
	DateLayout: "02/01/2006 15:04 MST",
	Labels: Labels{
		ErrorCode:      "Error {status}",
		Maintenance:    "Mantenimiento programado",
		RequestID:      "ID de la solicitud",
		Reference:      "Referencia",
		SelectHint:     "Haz clic para seleccionar el código y luego cópialo en el mensaje que nos envíes.",
		TryAgain:       "Volver a intentarlo",
		GoHome:         "Ir a la página de inicio",
		ContactSupport: "Contactar a soporte",
		StatusPage:     "Estado del servicio",
		SignIn:         "Iniciar sesión en la red",
		RetryIn:        "Vuelve a intentarlo en {time}.",
		BackBy:         "Esperamos volver antes de las {time} (dentro de {in}).",
		BackByOn:       "Esperamos volver antes del {date} a las {time} (dentro de {in}).",
		Clock:          "{HH}:{mm} UTC",
		Date:           "{d} de {month}",
		Colon:          ": ",
		BackSoon:       "Esperamos volver muy pronto.",
		Details:        "Detalles para desarrolladores",
		Scheduled:      "Mantenimiento programado: {from} – {to}.",
		ScheduledFrom:  "Mantenimiento programado desde el {from}.",
		ReadOnly:       "Solo lectura durante el mantenimiento: puede navegar, pero por ahora no se pueden guardar cambios.",
	},
	Statuses: map[int]StatusText{
		500: {
			Title:   "Algo salió mal",
			Message: "Encontramos un problema inesperado y no pudimos completar tu solicitud. Ya quedó registrado y lo más probable es que sea temporal.",
			Advice:  "Vuelve a intentarlo en unos instantes. Si el problema continúa, comunícate con soporte e indica el ID de la solicitud que aparece abajo.",
		},
		501: {
			Title:   "No disponible",
			Message: "El servidor no admite esta función, así que no pudimos completar tu solicitud. Volver a intentarlo no cambiará nada.",
			Advice:  "Vuelve a la página de inicio o comunícate con soporte si esperabas que esto funcionara.",
		},
		502: {
			Title:   "Error de puerta de enlace",
			Message: "Un servicio del que dependemos no estaba disponible o nos envió una respuesta no válida, así que no pudimos completar tu solicitud. Suele ser algo temporal.",
			Advice:  "Vuelve a intentarlo en unos instantes.",
		},
		503: {
			Title:   "Servicio no disponible",
			Message: "El servicio está saturado o fuera de línea por un momento, así que ahora mismo no se puede atender tu solicitud. Es algo temporal.",
			Advice:  "Si el problema continúa, comunícate con soporte.",
		},
		504: {
			Title:   "Tiempo de espera agotado",
			Message: "Un servicio del que dependemos tardó demasiado en responder, así que no pudimos completar tu solicitud a tiempo. Suele ser algo temporal.",
			Advice:  "Vuelve a intentarlo en unos instantes. Si tu solicitud era muy grande, es posible que una más pequeña funcione.",
		},
		505: {
			Title:   "Versión de HTTP no compatible",
			Message: "Tu navegador o aplicación usó una versión del protocolo HTTP que este servidor no admite.",
			Advice:  "Actualiza tu navegador o aplicación, o prueba con otro.",
		},
		506: {
			Title:   "Error de configuración",
			Message: "El servidor está mal configurado: al elegir una versión de esta página para ti, entró en un círculo vicioso. Esto no se solucionará por sí solo.",
			Advice:  "Comunícate con soporte para que podamos solucionarlo.",
		},
		507: {
			Title:   "Sin espacio de almacenamiento",
			Message: "El servidor se quedó sin espacio de almacenamiento y no pudo guardar lo que necesitaba tu solicitud.",
			Advice:  "Vuelve a intentarlo más tarde o comunícate con soporte si el problema continúa.",
		},
		508: {
			Title:   "Bucle detectado",
			Message: "El servidor detectó un bucle infinito al procesar tu solicitud y lo detuvo. Esto no se solucionará por sí solo.",
			Advice:  "Comunícate con soporte para que podamos solucionarlo.",
		},
		510: {
			Title:   "Solicitud incompleta",
			Message: "Este sitio espera que tu navegador o aplicación envíe la solicitud de otra forma, así que no se pudo completar.",
			Advice:  "Actualiza tu navegador o aplicación, o prueba con otro. Si eso no ayuda, comunícate con soporte.",
		},
		511: {
			Title:   "Es necesario iniciar sesión en la red",
			Message: "La red que estás usando requiere que inicies sesión antes de poder acceder a internet.",
			Advice:  "Inicia sesión en la red y vuelve a intentarlo.",
		},
	},
	Generic: StatusText{
		Title:   "Error del servidor",
		Message: "El servidor no pudo completar tu solicitud debido a un problema por nuestra parte.",
		Advice:  "Vuelve a intentarlo en unos instantes. Si el problema continúa, comunícate con soporte e indica el ID de la solicitud que aparece abajo.",
	},
	Maintenance: StatusText{
		Title:   "En mantenimiento",
		Message: "Estamos haciendo un mantenimiento programado. Gracias por tu paciencia.",
		Advice:  "Vuelve a consultar más tarde.",
	},
	Seconds: Plural{One: "aproximadamente un segundo", Other: "unos {n} segundos"},
	Minutes: Plural{One: "aproximadamente un minuto", Other: "unos {n} minutos"},
	Hours:   Plural{One: "aproximadamente una hora", Other: "unas {n} horas"},
	Days:    Plural{One: "aproximadamente un día", Other: "unos {n} días"},
	Months:  [12]string{"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"},
}
