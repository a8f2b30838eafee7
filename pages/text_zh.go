package pages

// chinese is Simplified Chinese, addressing the visitor as "您". Chinese has
// one plural category, so only Other is set.
//
// Checked by: a native-level review of the first version rated it 4/5 and
// listed fixes, which are applied. The texts rewritten since (the 503 and
// 510 texts from the new English, the clock and date layouts) were
// written by an AI assistant and are not yet reviewed by a native speaker.
var chinese = Text{
	Tag:        "zh-Hans",
	Dir:        "ltr",
	DateLayout: "2006年1月2日 15:04 MST",
	Labels: Labels{
		ErrorCode:      "错误 {status}",
		Maintenance:    "计划维护",
		RequestID:      "请求 ID",
		Reference:      "参考编号",
		SelectHint:     "点击即可选中，然后将其复制到您发给我们的消息中。",
		TryAgain:       "重试",
		GoHome:         "返回首页",
		ContactSupport: "联系客服",
		StatusPage:     "服务状态",
		SignIn:         "登录网络",
		RetryIn:        "请在{time}后重试。",
		BackBy:         "我们预计于 {time}前恢复（{in}后）。",
		BackByOn:       "我们预计于 {date} {time}前恢复（{in}后）。",
		Clock:          "{H}:{mm}（UTC）",
		Date:           "{M}月{d}日",
		Colon:          "：",
		BackSoon:       "我们预计很快就会恢复。",
		Details:        "开发者详细信息",
		Scheduled:      "计划维护：{from} – {to}。",
		ScheduledFrom:  "计划维护：自 {from} 起。",
		ReadOnly:       "维护期间仅可浏览：您可以查看内容，但目前无法保存更改。",
	},
	Statuses: map[int]StatusText{
		500: {
			Title:   "出错了",
			Message: "我们遇到了意外问题，无法完成您的请求。该问题已被记录，很可能只是暂时的。",
			Advice:  "请稍后重试。如果问题仍然存在，请联系客服并提供下方的请求 ID。",
		},
		501: {
			Title:   "功能不可用",
			Message: "服务器不支持此功能，因此无法完成您的请求。重试也不会改变结果。",
			Advice:  "请返回首页；如果您认为此功能应该可用，请联系客服。",
		},
		502: {
			Title:   "网关错误",
			Message: "我们所依赖的一项服务无法连接或返回了无效的响应，因此无法完成您的请求。这通常是暂时的。",
			Advice:  "请稍后重试。",
		},
		503: {
			Title:   "服务暂不可用",
			Message: "服务当前负载过高或暂时停机，目前无法处理您的请求。这是暂时的。",
			Advice:  "如果问题仍然存在，请联系客服。",
		},
		504: {
			Title:   "网关超时",
			Message: "我们所依赖的一项服务响应时间过长，因此未能及时完成您的请求。这通常是暂时的。",
			Advice:  "请稍后重试。如果您的请求较大，改用较小的请求也许可以成功。",
		},
		505: {
			Title:   "不支持的 HTTP 版本",
			Message: "您的浏览器或应用使用了此服务器不支持的 HTTP 协议版本。",
			Advice:  "请更新您的浏览器或应用，或换用其他浏览器或应用。",
		},
		506: {
			Title:   "配置错误",
			Message: "服务器配置有误：在为您选择此页面的版本时陷入了循环。此问题不会自行消失。",
			Advice:  "请联系客服，以便我们进行修复。",
		},
		507: {
			Title:   "存储空间不足",
			Message: "服务器存储空间已用完，无法保存处理您的请求所需的数据。",
			Advice:  "请稍后再试；如果问题仍然存在，请联系客服。",
		},
		508: {
			Title:   "检测到循环",
			Message: "服务器在处理您的请求时检测到无限循环，并已将其终止。此问题不会自行消失。",
			Advice:  "请联系客服，以便我们进行修复。",
		},
		510: {
			Title:   "请求不完整",
			Message: "本网站需要您的浏览器或应用以另一种形式发送请求，因此无法完成您的请求。",
			Advice:  "请更新您的浏览器或应用，或换用其他浏览器或应用。如果仍无法解决，请联系客服。",
		},
		511: {
			Title:   "需要登录网络",
			Message: "您正在使用的网络要求先登录，然后才能访问互联网。",
			Advice:  "请登录网络，然后重试。",
		},
		400: {
			Title:   "请求有误",
			Message: "服务器无法理解你的请求：其中有内容格式错误或缺失。",
			Advice:  "请检查地址和填写的内容后重新提交。如果你是通过链接进入的，请返回并换一种方式尝试。",
		},
		401: {
			Title:   "需要登录",
			Message: "你需要登录才能查看此页面，或者你的会话已过期。",
			Advice:  "请登录后重新打开此页面。",
		},
		403: {
			Title:   "拒绝访问",
			Message: "你没有打开此页面的权限。",
			Advice:  "如果你认为自己应当有权访问，请换一个账号登录，或联系管理该账号的人。",
		},
		404: {
			Title:   "找不到页面",
			Message: "此地址下没有任何内容。页面可能已被移动或删除，或者地址有拼写错误。",
			Advice:  "请检查地址是否有误，或从首页重新开始。",
		},
		405: {
			Title:   "不允许此操作",
			Message: "此页面不支持你的浏览器或应用尝试执行的操作。",
			Advice:  "请返回并使用页面上的链接和按钮。",
		},
		406: {
			Title:   "没有可用的格式",
			Message: "此页面没有你的浏览器或应用所接受的任何格式。",
			Advice:  "请换一个浏览器或应用，或联系客服。",
		},
		408: {
			Title:   "请求超时",
			Message: "你的请求到达得太慢，服务器已停止等待。通常是网络连接较慢所致。",
			Advice:  "请检查网络连接后重试。",
		},
		409: {
			Title:   "发生冲突",
			Message: "你的请求与所修改内容的当前状态冲突；可能有其他人在此期间修改了它。",
			Advice:  "请刷新页面查看最新版本，然后重新进行修改。",
		},
		410: {
			Title:   "页面已删除",
			Message: "此页面已被永久删除，不会再恢复。",
			Advice:  "请删除指向它的链接或书签，并从首页重新开始。",
		},
		413: {
			Title:   "内容过大",
			Message: "你发送的内容超过了服务器接受的大小。",
			Advice:  "请减少发送的内容：缩短文字，或上传更少、更小的文件。",
		},
		414: {
			Title:   "地址过长",
			Message: "此请求的地址超过了服务器接受的长度。",
			Advice:  "请从首页重新开始；如果是搜索或筛选条件让地址变得这么长，请精简它们。",
		},
		415: {
			Title:   "不支持的文件类型",
			Message: "服务器不接受你发送的文件或数据类型。",
			Advice:  "请换一种格式发送，例如另一种文件类型。",
		},
		421: {
			Title:   "服务器不对",
			Message: "你的请求到达了一台无法为此地址作答的服务器。",
			Advice:  "请刷新页面；如果无效，请关闭标签页后重新打开该地址。",
		},
		422: {
			Title:   "无法处理",
			Message: "服务器理解了你的请求，但你填写的部分内容无效。",
			Advice:  "请检查并更正填写的内容，然后重新提交。",
		},
		429: {
			Title:   "请求过多",
			Message: "你在短时间内发送了太多请求，我们暂时搁置了后续请求。",
			Advice:  "请放慢速度，稍等片刻再试。",
		},
		431: {
			Title:   "请求头过大",
			Message: "你的浏览器发送的请求头数据超过了服务器接受的大小，通常是因为 Cookie 太多或太大。",
			Advice:  "请在浏览器中清除本网站的 Cookie，然后重试。",
		},
		451: {
			Title:   "因法律原因无法访问",
			Message: "由于法律要求，此页面无法显示。",
			Advice:  "你无法从这里访问它；请改为前往首页。",
		},
	},
	Generic: StatusText{
		Title:   "服务器错误",
		Message: "由于我们这边出现问题，服务器无法完成您的请求。",
		Advice:  "请稍后重试。如果问题仍然存在，请联系客服并提供下方的请求 ID。",
	},
	GenericClient: StatusText{
		Title:   "请求错误",
		Message: "由于请求本身存在问题，服务器无法处理你的请求。",
		Advice:  "请检查地址和填写的内容后重试，或从首页重新开始。",
	},
	Maintenance: StatusText{
		Title:   "系统维护中",
		Message: "我们正在进行计划内的维护。感谢您的耐心等待。",
		Advice:  "请稍后再来查看。",
	},
	Seconds: Plural{Other: "约 {n} 秒"},
	Minutes: Plural{Other: "约 {n} 分钟"},
	Hours:   Plural{Other: "约 {n} 小时"},
	Days:    Plural{Other: "约 {n} 天"},
}
