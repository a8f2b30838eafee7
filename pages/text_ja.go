package pages

// japanese is written in the です/ます style. Japanese has one plural
// category, so only Other is set.
//
// Checked by: a native-level review of the first version rated it 4/5 and
// listed fixes, which are applied. The texts rewritten since (the 503 and
// 510 texts from the new English, the clock and date layouts) were
// written by an AI assistant and are not yet reviewed by a native speaker.
var japanese = Text{
	Tag:        "ja",
	Dir:        "ltr",
	DateLayout: "2006年1月2日 15:04 MST",
	Labels: Labels{
		ErrorCode:      "エラー {status}",
		Maintenance:    "計画メンテナンス",
		RequestID:      "リクエストID",
		Reference:      "参照番号",
		SelectHint:     "クリックすると選択されます。コピーして、お問い合わせのメッセージに貼り付けてください。",
		TryAgain:       "もう一度試す",
		GoHome:         "トップページへ",
		ContactSupport: "サポートに問い合わせる",
		StatusPage:     "サービスの稼働状況",
		SignIn:         "ネットワークにログイン",
		RetryIn:        "{time}後にもう一度お試しください。",
		BackBy:         "{time}ごろまでに復旧する見込みです（{in}後）。",
		BackByOn:       "{date} {time}ごろまでに復旧する見込みです（{in}後）。",
		Clock:          "{H}:{mm}（UTC）",
		Date:           "{M}月{d}日",
		Colon:          "：",
		BackSoon:       "まもなく復旧する見込みです。",
		Details:        "開発者向けの詳細",
		Scheduled:      "メンテナンス予定：{from} – {to}。",
		ScheduledFrom:  "メンテナンス予定：{from} から。",
		ReadOnly:       "メンテナンス中は閲覧のみ可能です。現在、変更を保存することはできません。",
	},
	Statuses: map[int]StatusText{
		500: {
			Title:   "問題が発生しました",
			Message: "予期しない問題が発生したため、リクエストを完了できませんでした。この問題は記録済みで、一時的なものである可能性が高いです。",
			Advice:  "しばらくしてからもう一度お試しください。問題が続く場合は、下記のリクエストIDを添えてサポートにお問い合わせください。",
		},
		501: {
			Title:   "ご利用いただけません",
			Message: "この機能はサーバーでサポートされていないため、リクエストを完了できませんでした。もう一度試しても結果は変わりません。",
			Advice:  "トップページに戻るか、この機能が使えるはずの場合はサポートにお問い合わせください。",
		},
		502: {
			Title:   "ゲートウェイエラー",
			Message: "連携しているサービスに接続できなかったか、不正な応答が返されたため、リクエストを完了できませんでした。通常は一時的な問題です。",
			Advice:  "しばらくしてからもう一度お試しください。",
		},
		503: {
			Title:   "ただいまサービスをご利用いただけません",
			Message: "アクセスが集中しているか一時的に停止しているため、現在リクエストを処理できません。一時的な問題です。",
			Advice:  "問題が続く場合は、サポートにお問い合わせください。",
		},
		504: {
			Title:   "ゲートウェイタイムアウト",
			Message: "連携しているサービスの応答に時間がかかりすぎたため、時間内にリクエストを完了できませんでした。通常は一時的な問題です。",
			Advice:  "しばらくしてからもう一度お試しください。大きなリクエストの場合は、小さく分けると成功することがあります。",
		},
		505: {
			Title:   "HTTPバージョンがサポートされていません",
			Message: "お使いのブラウザまたはアプリが、このサーバーでサポートされていないバージョンのHTTPプロトコルを使用しました。",
			Advice:  "ブラウザまたはアプリを更新するか、別のものをお試しください。",
		},
		506: {
			Title:   "設定エラー",
			Message: "サーバーの設定に誤りがあり、このページのバージョンを選ぶ処理が堂々巡りになってしまいました。この問題は自然には解消しません。",
			Advice:  "修正いたしますので、サポートまでお知らせください。",
		},
		507: {
			Title:   "ストレージ容量不足",
			Message: "サーバーのストレージ容量が不足したため、リクエストに必要なデータを保存できませんでした。",
			Advice:  "時間をおいてもう一度お試しください。問題が続く場合は、サポートにお問い合わせください。",
		},
		508: {
			Title:   "ループを検出しました",
			Message: "リクエストの処理中にサーバーが無限ループを検出したため、処理を中止しました。この問題は自然には解消しません。",
			Advice:  "修正いたしますので、サポートまでお知らせください。",
		},
		510: {
			Title:   "リクエストが不完全です",
			Message: "お使いのブラウザまたはアプリから、このサイトが必要とする形式でリクエストが送信されなかったため、処理を完了できませんでした。",
			Advice:  "ブラウザまたはアプリを更新するか、別のものをお試しください。解決しない場合は、サポートにお問い合わせください。",
		},
		511: {
			Title:   "ネットワークへのログインが必要です",
			Message: "ご利用中のネットワークでは、インターネットに接続する前にログインが必要です。",
			Advice:  "ネットワークにログインしてから、もう一度お試しください。",
		},
	},
	Generic: StatusText{
		Title:   "サーバーエラー",
		Message: "当社側の問題により、サーバーがリクエストを完了できませんでした。",
		Advice:  "しばらくしてからもう一度お試しください。問題が続く場合は、下記のリクエストIDを添えてサポートにお問い合わせください。",
	},
	Maintenance: StatusText{
		Title:   "メンテナンス中",
		Message: "サービス向上のため、計画メンテナンスを実施しています。ご不便をおかけしますが、しばらくお待ちください。",
		Advice:  "しばらくしてから、もう一度アクセスしてください。",
	},
	Seconds: Plural{Other: "約{n}秒"},
	Minutes: Plural{Other: "約{n}分"},
	Hours:   Plural{Other: "約{n}時間"},
	Days:    Plural{Other: "約{n}日"},
}
