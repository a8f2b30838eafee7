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
		400: {
			Title:   "Solicitud incorrecta",
			Message: "El servidor no pudo entender tu solicitud: algo en ella está mal formado o falta.",
			Advice:  "Revisa la dirección y lo que escribiste, y vuelve a enviarla. Si llegaste por un enlace, vuelve atrás e inténtalo de otra forma.",
		},
		401: {
			Title:   "Inicio de sesión necesario",
			Message: "Tienes que iniciar sesión para ver esta página, o tu sesión ha caducado.",
			Advice:  "Inicia sesión y vuelve a abrir la página.",
		},
		403: {
			Title:   "Acceso denegado",
			Message: "No tienes permiso para abrir esta página.",
			Advice:  "Si crees que deberías tener acceso, inicia sesión con otra cuenta o pregunta a quien la administra.",
		},
		404: {
			Title:   "Página no encontrada",
			Message: "No hay nada en esta dirección. Puede que la página se haya movido o eliminado, o que la dirección tenga una errata.",
			Advice:  "Revisa la dirección o vuelve a empezar desde la página de inicio.",
		},
		405: {
			Title:   "Acción no permitida",
			Message: "Esta página no admite lo que tu navegador o aplicación intentó hacer con ella.",
			Advice:  "Vuelve atrás y usa los enlaces y botones de la propia página.",
		},
		406: {
			Title:   "Formato no disponible",
			Message: "Esta página no está disponible en ningún formato que acepte tu navegador o aplicación.",
			Advice:  "Prueba con otro navegador o aplicación, o contacta con soporte.",
		},
		408: {
			Title:   "Tiempo de espera agotado",
			Message: "Tu solicitud tardó demasiado en llegar y el servidor dejó de esperarla. Suele deberse a una conexión lenta.",
			Advice:  "Comprueba tu conexión y vuelve a intentarlo.",
		},
		409: {
			Title:   "Conflicto",
			Message: "Tu solicitud choca con el estado actual de lo que estás cambiando; puede que otra persona lo haya cambiado mientras tanto.",
			Advice:  "Recarga la página para ver la versión más reciente y vuelve a hacer tu cambio.",
		},
		410: {
			Title:   "Página eliminada",
			Message: "Esta página se eliminó definitivamente y no volverá.",
			Advice:  "Quita los enlaces o marcadores que llevan a ella y empieza desde la página de inicio.",
		},
		413: {
			Title:   "Demasiado grande",
			Message: "Lo que enviaste es más grande de lo que acepta el servidor.",
			Advice:  "Envía menos: acorta el texto o sube menos archivos o archivos más pequeños.",
		},
		414: {
			Title:   "Dirección demasiado larga",
			Message: "La dirección de esta solicitud es más larga de lo que acepta el servidor.",
			Advice:  "Empieza de nuevo desde la página de inicio; si una búsqueda o un filtro alargó la dirección, acórtalo.",
		},
		415: {
			Title:   "Tipo de archivo no admitido",
			Message: "El servidor no acepta el tipo de archivo o de datos que enviaste.",
			Advice:  "Envíalo en otro formato, por ejemplo otro tipo de archivo.",
		},
		421: {
			Title:   "Servidor equivocado",
			Message: "Tu solicitud llegó a un servidor que no puede responder por esta dirección.",
			Advice:  "Recarga la página; si no sirve, cierra la pestaña y vuelve a abrir la dirección.",
		},
		422: {
			Title:   "No se pudo procesar",
			Message: "El servidor entendió tu solicitud, pero parte de lo que escribiste no es válido.",
			Advice:  "Revisa lo que escribiste, corrígelo y vuelve a enviarlo.",
		},
		429: {
			Title:   "Demasiadas solicitudes",
			Message: "Enviaste demasiadas solicitudes en poco tiempo, así que retenemos las siguientes por un momento.",
			Advice:  "Ve más despacio y espera un poco antes de volver a intentarlo.",
		},
		431: {
			Title:   "Cabeceras de la solicitud demasiado grandes",
			Message: "Tu navegador envió más datos de cabecera de los que acepta el servidor, a menudo por tener demasiadas cookies o muy grandes.",
			Advice:  "Borra las cookies de este sitio en tu navegador y vuelve a intentarlo.",
		},
		451: {
			Title:   "No disponible por motivos legales",
			Message: "Esta página no se puede mostrar por una exigencia legal.",
			Advice:  "No puedes acceder a ella desde aquí; ve a la página de inicio.",
		},
	},
	Generic: StatusText{
		Title:   "Error del servidor",
		Message: "El servidor no pudo completar tu solicitud debido a un problema por nuestra parte.",
		Advice:  "Vuelve a intentarlo en unos instantes. Si el problema continúa, comunícate con soporte e indica el ID de la solicitud que aparece abajo.",
	},
	GenericClient: StatusText{
		Title:   "Error en la solicitud",
		Message: "El servidor no pudo atender tu solicitud por un problema en la propia solicitud.",
		Advice:  "Revisa la dirección y lo que escribiste y vuelve a intentarlo, o empieza desde la página de inicio.",
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
