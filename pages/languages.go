package pages

// Languages returns the built-in texts, English first. The slice is new on
// each call; the texts themselves are shared and must not be modified (copy
// a Text to change it).
func Languages() []Text {
	return []Text{
		english, german, french, spanish, italian, portugueseBR, dutch,
		polish, ukrainian, japanese, chinese, korean,
		russian, arabic, hebrew, turkish, swedish, czech, greek, indonesian, vietnamese, hindi,
	}
}
