package pages

// korean is written consistently in the polite 해요 style. Korean has one
// plural category, so only Other is set.
//
// Checked by: a native-level review of the first version rated it 4/5 and
// listed fixes, which are applied. The texts rewritten since (the 503 and
// 510 texts from the new English, the clock and date layouts) were
// written by an AI assistant and are not yet reviewed by a native speaker.
var korean = Text{
	Tag:        "ko",
	Dir:        "ltr",
	DateLayout: "2006년 1월 2일 15:04 MST",
	Labels: Labels{
		ErrorCode:      "오류 {status}",
		Maintenance:    "예정된 점검",
		RequestID:      "요청 ID",
		Reference:      "참조 번호",
		SelectHint:     "클릭해서 선택한 다음, 저희에게 보내는 메시지에 복사해 넣어 주세요.",
		TryAgain:       "다시 시도",
		GoHome:         "홈으로 이동",
		ContactSupport: "고객센터 문의",
		StatusPage:     "서비스 상태",
		SignIn:         "네트워크에 로그인",
		RetryIn:        "{time} 후에 다시 시도해 주세요.",
		BackBy:         "{time}까지 복구될 예정이에요({in} 후).",
		BackByOn:       "{date} {time}까지 복구될 예정이에요({in} 후).",
		Clock:          "{H}시 {m}분(UTC)",
		Date:           "{M}월 {d}일",
		Colon:          ": ",
		BackSoon:       "곧 복구될 예정이에요.",
		Details:        "개발자용 세부 정보",
		Scheduled:      "예정된 점검: {from} – {to}.",
		ScheduledFrom:  "예정된 점검: {from}부터.",
		ReadOnly:       "점검 중에는 읽기만 가능합니다. 둘러볼 수는 있지만 지금은 변경 사항을 저장할 수 없습니다.",
	},
	Statuses: map[int]StatusText{
		500: {
			Title:   "예기치 않은 오류",
			Message: "예기치 않은 문제가 생겨 요청을 완료하지 못했어요. 이 문제는 기록되었으며, 일시적인 문제일 가능성이 높아요.",
			Advice:  "잠시 후 다시 시도해 주세요. 문제가 계속되면 아래 요청 ID와 함께 고객센터에 문의해 주세요.",
		},
		501: {
			Title:   "지원하지 않는 기능",
			Message: "서버에서 지원하지 않는 기능이라 요청을 완료할 수 없었어요. 다시 시도해도 결과는 같아요.",
			Advice:  "홈으로 돌아가거나, 이 기능이 작동해야 한다면 고객센터에 문의해 주세요.",
		},
		502: {
			Title:   "게이트웨이 오류",
			Message: "저희가 사용하는 서비스에 연결할 수 없거나 잘못된 응답을 받아 요청을 완료하지 못했어요. 보통 일시적인 문제예요.",
			Advice:  "잠시 후 다시 시도해 주세요.",
		},
		503: {
			Title:   "서비스 이용 불가",
			Message: "접속이 몰렸거나 잠시 서비스가 중단되어 지금은 요청을 처리할 수 없어요. 일시적인 문제예요.",
			Advice:  "문제가 계속되면 고객센터에 문의해 주세요.",
		},
		504: {
			Title:   "게이트웨이 시간 초과",
			Message: "저희가 사용하는 서비스의 응답이 너무 늦어 요청을 제시간에 완료하지 못했어요. 보통 일시적인 문제예요.",
			Advice:  "잠시 후 다시 시도해 주세요. 요청이 컸다면 더 작게 나누어 보내면 성공할 수 있어요.",
		},
		505: {
			Title:   "지원하지 않는 HTTP 버전",
			Message: "사용 중인 브라우저나 앱이 이 서버에서 지원하지 않는 HTTP 프로토콜 버전을 사용했어요.",
			Advice:  "브라우저나 앱을 업데이트하거나 다른 브라우저나 앱을 사용해 보세요.",
		},
		506: {
			Title:   "설정 오류",
			Message: "서버 설정에 문제가 있어요. 이 페이지의 버전을 고르는 과정이 같은 자리를 맴돌고 있어요. 이 문제는 저절로 해결되지 않아요.",
			Advice:  "문제를 해결할 수 있도록 고객센터에 알려 주세요.",
		},
		507: {
			Title:   "저장 공간 부족",
			Message: "서버의 저장 공간이 부족해서 요청에 필요한 데이터를 저장하지 못했어요.",
			Advice:  "나중에 다시 시도하거나, 문제가 계속되면 고객센터에 문의해 주세요.",
		},
		508: {
			Title:   "무한 루프 감지",
			Message: "요청을 처리하는 중에 서버가 무한 루프를 감지해 처리를 중단했어요. 이 문제는 저절로 해결되지 않아요.",
			Advice:  "문제를 해결할 수 있도록 고객센터에 알려 주세요.",
		},
		510: {
			Title:   "불완전한 요청",
			Message: "이 사이트가 요구하는 형식으로 브라우저나 앱이 요청을 보내지 않아 요청을 완료하지 못했어요.",
			Advice:  "브라우저나 앱을 업데이트하거나 다른 브라우저나 앱을 사용해 보세요. 그래도 안 되면 고객센터에 문의해 주세요.",
		},
		511: {
			Title:   "네트워크 로그인 필요",
			Message: "사용 중인 네트워크에서는 인터넷에 연결하기 전에 로그인해야 해요.",
			Advice:  "네트워크에 로그인한 후 다시 시도해 주세요.",
		},
	},
	Generic: StatusText{
		Title:   "서버 오류",
		Message: "저희 쪽 문제로 서버가 요청을 완료하지 못했어요.",
		Advice:  "잠시 후 다시 시도해 주세요. 문제가 계속되면 아래 요청 ID와 함께 고객센터에 문의해 주세요.",
	},
	Maintenance: StatusText{
		Title:   "점검 중",
		Message: "예정된 점검을 진행하고 있어요. 기다려 주셔서 감사합니다.",
		Advice:  "잠시 후 다시 방문해 주세요.",
	},
	Seconds: Plural{Other: "약 {n}초"},
	Minutes: Plural{Other: "약 {n}분"},
	Hours:   Plural{Other: "약 {n}시간"},
	Days:    Plural{Other: "약 {n}일"},
}
