package pages

// portugueseBR is Brazilian Portuguese, addressing the visitor as "você".
// Its One forms also serve 0 and values below 2, per the CLDR rules for pt.
//
// Checked by: a native-level review of the first version rated it 4/5 and
// listed fixes, which are applied. The texts rewritten since (the 503 and
// 510 texts from the new English, the clock and date layouts) were
// written by an AI assistant and are not yet reviewed by a native speaker.
var portugueseBR = Text{
	Tag:        "pt-BR",
	Dir:        "ltr",
	DateLayout: "02/01/2006 15:04 MST",
	Labels: Labels{
		ErrorCode:      "Erro {status}",
		Maintenance:    "Manutenção programada",
		RequestID:      "ID da solicitação",
		Reference:      "Referência",
		SelectHint:     "Clique para selecionar o código e depois copie e cole na mensagem que você nos enviar.",
		TryAgain:       "Tentar novamente",
		GoHome:         "Ir para a página inicial",
		ContactSupport: "Falar com o suporte",
		StatusPage:     "Status do serviço",
		SignIn:         "Fazer login na rede",
		RetryIn:        "Tente novamente em {time}.",
		BackBy:         "Esperamos voltar até as {time} (em {in}).",
		BackByOn:       "Esperamos voltar até o dia {date}, às {time} (em {in}).",
		Clock:          "{HH}h{mm} UTC",
		Date:           "{d} de {month}",
		Colon:          ": ",
		BackSoon:       "Esperamos voltar em breve.",
		Details:        "Detalhes para desenvolvedores",
		Scheduled:      "Manutenção programada: {from} – {to}.",
		ScheduledFrom:  "Manutenção programada a partir de {from}.",
		ReadOnly:       "Somente leitura durante a manutenção: você pode navegar, mas no momento não é possível salvar alterações.",
	},
	Statuses: map[int]StatusText{
		500: {
			Title:   "Algo deu errado",
			Message: "Encontramos um problema inesperado e não foi possível concluir sua solicitação. O problema foi registrado e provavelmente é temporário.",
			Advice:  "Tente novamente em instantes. Se o problema continuar, fale com o suporte e informe o ID da solicitação que aparece abaixo.",
		},
		501: {
			Title:   "Recurso indisponível",
			Message: "O servidor não oferece suporte a este recurso, por isso não foi possível concluir sua solicitação. Tentar novamente não vai mudar isso.",
			Advice:  "Volte para a página inicial ou fale com o suporte se você esperava que isso funcionasse.",
		},
		502: {
			Title:   "Erro de gateway",
			Message: "Um serviço do qual dependemos estava inacessível ou enviou uma resposta inválida, por isso não foi possível concluir sua solicitação. Isso costuma ser temporário.",
			Advice:  "Tente novamente em instantes.",
		},
		503: {
			Title:   "Serviço indisponível",
			Message: "O serviço está sobrecarregado ou fora do ar por alguns instantes, por isso não foi possível atender sua solicitação agora. Isso é temporário.",
			Advice:  "Se o problema continuar, fale com o suporte.",
		},
		504: {
			Title:   "Tempo limite do gateway esgotado",
			Message: "Um serviço do qual dependemos demorou demais para responder, por isso não foi possível concluir sua solicitação a tempo. Isso costuma ser temporário.",
			Advice:  "Tente novamente em instantes. Se sua solicitação era muito grande, uma menor pode funcionar.",
		},
		505: {
			Title:   "Versão do HTTP não suportada",
			Message: "Seu navegador ou aplicativo usou uma versão do protocolo HTTP que este servidor não suporta.",
			Advice:  "Atualize seu navegador ou aplicativo, ou tente usar outro.",
		},
		506: {
			Title:   "Erro de configuração",
			Message: "O servidor está configurado incorretamente: ao escolher uma versão desta página para você, ele entrou em um ciclo sem fim. Isso não vai se resolver sozinho.",
			Advice:  "Fale com o suporte para que possamos corrigir o problema.",
		},
		507: {
			Title:   "Sem espaço de armazenamento",
			Message: "O servidor ficou sem espaço de armazenamento e não conseguiu salvar os dados necessários para sua solicitação.",
			Advice:  "Tente novamente mais tarde ou fale com o suporte se o problema continuar.",
		},
		508: {
			Title:   "Loop detectado",
			Message: "O servidor encontrou um loop infinito ao processar sua solicitação e o interrompeu. Isso não vai se resolver sozinho.",
			Advice:  "Fale com o suporte para que possamos corrigir o problema.",
		},
		510: {
			Title:   "Solicitação incompleta",
			Message: "Este site espera que seu navegador ou aplicativo envie a solicitação de outra forma, por isso não foi possível concluí-la.",
			Advice:  "Atualize seu navegador ou aplicativo, ou tente usar outro. Se isso não resolver, fale com o suporte.",
		},
		511: {
			Title:   "É necessário fazer login na rede",
			Message: "A rede que você está usando exige que você faça login antes de acessar a internet.",
			Advice:  "Faça login na rede e tente novamente.",
		},
		400: {
			Title:   "Requisição inválida",
			Message: "O servidor não conseguiu entender sua solicitação: algo nela está malformado ou faltando.",
			Advice:  "Confira o endereço e o que você digitou e envie de novo. Se você seguiu um link, volte e tente de outra forma.",
		},
		401: {
			Title:   "É preciso entrar",
			Message: "Você precisa entrar na sua conta para ver esta página, ou sua sessão expirou.",
			Advice:  "Entre na sua conta e abra a página de novo.",
		},
		403: {
			Title:   "Acesso negado",
			Message: "Você não tem permissão para abrir esta página.",
			Advice:  "Se acha que deveria ter acesso, entre com outra conta ou peça a quem a administra.",
		},
		404: {
			Title:   "Página não encontrada",
			Message: "Não há nada neste endereço. A página pode ter sido movida ou excluída, ou o endereço tem um erro de digitação.",
			Advice:  "Confira o endereço ou recomece pela página inicial.",
		},
		405: {
			Title:   "Ação não permitida",
			Message: "Esta página não aceita o que seu navegador ou aplicativo tentou fazer com ela.",
			Advice:  "Volte e use os links e botões da própria página.",
		},
		406: {
			Title:   "Formato indisponível",
			Message: "Esta página não está disponível em nenhum formato aceito pelo seu navegador ou aplicativo.",
			Advice:  "Tente outro navegador ou aplicativo, ou fale com o suporte.",
		},
		408: {
			Title:   "Tempo da requisição esgotado",
			Message: "Sua solicitação demorou demais para chegar, então o servidor parou de esperá-la. Uma conexão lenta costuma ser a causa.",
			Advice:  "Verifique sua conexão e tente de novo.",
		},
		409: {
			Title:   "Conflito",
			Message: "Sua solicitação entra em conflito com o estado atual do que você está alterando; talvez outra pessoa tenha alterado nesse meio-tempo.",
			Advice:  "Recarregue a página para ver a versão mais recente e faça sua alteração de novo.",
		},
		410: {
			Title:   "Página removida",
			Message: "Esta página foi removida de vez e não voltará.",
			Advice:  "Remova links ou favoritos para ela e recomece pela página inicial.",
		},
		413: {
			Title:   "Grande demais",
			Message: "O que você enviou é maior do que o servidor aceita.",
			Advice:  "Envie menos: encurte o texto, ou envie menos arquivos ou arquivos menores.",
		},
		414: {
			Title:   "Endereço longo demais",
			Message: "O endereço desta solicitação é mais longo do que o servidor aceita.",
			Advice:  "Recomece pela página inicial; se uma busca ou um filtro deixou o endereço tão longo, encurte-o.",
		},
		415: {
			Title:   "Tipo de arquivo não suportado",
			Message: "O servidor não aceita o tipo de arquivo ou de dados que você enviou.",
			Advice:  "Envie em outro formato, por exemplo outro tipo de arquivo.",
		},
		421: {
			Title:   "Servidor errado",
			Message: "Sua solicitação chegou a um servidor que não pode responder por este endereço.",
			Advice:  "Recarregue a página; se não resolver, feche a aba e abra o endereço de novo.",
		},
		422: {
			Title:   "Não foi possível processar",
			Message: "O servidor entendeu sua solicitação, mas parte do que você digitou não é válida.",
			Advice:  "Confira o que você digitou, corrija e envie de novo.",
		},
		429: {
			Title:   "Solicitações demais",
			Message: "Você enviou solicitações demais em pouco tempo, então estamos segurando as próximas por um momento.",
			Advice:  "Vá com calma e espere um pouco antes de tentar de novo.",
		},
		431: {
			Title:   "Cabeçalhos da requisição grandes demais",
			Message: "Seu navegador enviou mais dados de cabeçalho do que o servidor aceita, muitas vezes por cookies demais ou grandes demais.",
			Advice:  "Apague os cookies deste site no navegador e tente de novo.",
		},
		451: {
			Title:   "Indisponível por motivos legais",
			Message: "Esta página não pode ser exibida por causa de uma exigência legal.",
			Advice:  "Não é possível acessá-la daqui; vá para a página inicial.",
		},
	},
	Generic: StatusText{
		Title:   "Erro no servidor",
		Message: "O servidor não conseguiu concluir sua solicitação devido a um problema do nosso lado.",
		Advice:  "Tente novamente em instantes. Se o problema continuar, fale com o suporte e informe o ID da solicitação que aparece abaixo.",
	},
	GenericClient: StatusText{
		Title:   "Erro na requisição",
		Message: "O servidor não conseguiu atender sua solicitação por causa de um problema na própria solicitação.",
		Advice:  "Confira o endereço e o que você digitou e tente de novo, ou recomece pela página inicial.",
	},
	Maintenance: StatusText{
		Title:   "Em manutenção",
		Message: "Estamos fazendo uma manutenção programada. Agradecemos sua paciência.",
		Advice:  "Volte a verificar mais tarde.",
	},
	Seconds: Plural{One: "cerca de um segundo", Other: "cerca de {n} segundos"},
	Minutes: Plural{One: "cerca de um minuto", Other: "cerca de {n} minutos"},
	Hours:   Plural{One: "cerca de uma hora", Other: "cerca de {n} horas"},
	Days:    Plural{One: "cerca de um dia", Other: "cerca de {n} dias"},
	Months:  [12]string{"janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"},
}
