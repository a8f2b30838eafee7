package pages

import (
	"net/http"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/errorpage/errorpage/maintenance"
)

// Banner is the view model of [MaintenanceBanner]. [BannerFor] builds it
// from a request.
type Banner struct {
	// Start and Until are the window's start and end; Until may be zero
	// (an open end).
	Start, Until time.Time
	// ReadOnly is true while a read-only window is in force: the banner
	// says that changes cannot be saved, instead of announcing the window.
	ReadOnly bool
	// Message is the operator's message, in the visitor's language if one
	// was given in it.
	Message string
	// Text is the visitor's language.
	Text Text
}

// Shown reports whether the banner has anything to say.
func (b Banner) Shown() bool { return b.ReadOnly || !b.Start.IsZero() }

// BannerFor returns the banner for r: the window the middleware's
// maintenance gate noticed for r (upcoming, or read-only and in force; see
// [maintenance.NoticeFor]), in the language among langs that the
// visitor's Accept-Language asks for, else langs[0]. Nil langs means
// [Languages]. Without a notice it returns the zero Banner, which renders
// nothing.
func BannerFor(r *http.Request, langs []Text) Banner {
	n, ok := maintenance.NoticeFor(r)
	if !ok {
		return Banner{}
	}
	if langs == nil {
		langs = Languages()
	}
	if len(langs) == 0 {
		return Banner{}
	}
	text := langs[bannerLanguage(n.Language, r, langs)]
	b := Banner{ReadOnly: n.ReadOnly, Text: text, Message: n.Window.Message}
	if n.Upcoming {
		b.Start, b.Until = n.Window.Start, n.Window.Until
	}
	for _, tag := range []string{text.Tag, baseOf(text.Tag), langs[0].Tag, baseOf(langs[0].Tag)} {
		if m := n.Window.Messages[tag]; m != "" {
			b.Message = m
			break
		}
	}
	return b
}

// bannerLanguage returns the index in langs of the language the
// middleware chose for the request (the notice's Language), so that the
// banner and the maintenance page agree; when langs lacks it (an
// application passing other texts than the middleware's), the first
// language the visitor asks for.
func bannerLanguage(chosen string, r *http.Request, langs []Text) int {
	for i, t := range langs {
		if chosen != "" && t.Tag == chosen {
			return i
		}
	}
	return chooseText(r.Header.Get("Accept-Language"), langs)
}

// chooseText returns the index in langs of the first language the
// Accept-Language value asks for (by tag, else by base language), or 0.
// Only the first kilobyte is read: browsers send a few dozen bytes.
func chooseText(accept string, langs []Text) int {
	if len(accept) > 1024 {
		accept = accept[:1024]
	}
	tags, _, err := language.ParseAcceptLanguage(accept)
	if err != nil {
		return 0
	}
	for _, want := range tags {
		wb, _ := want.Base()
		found := -1
		for i, t := range langs {
			have := language.Make(t.Tag)
			if have == want {
				return i
			}
			if hb, _ := have.Base(); hb == wb && found < 0 {
				found = i
			}
		}
		if found >= 0 {
			return found
		}
	}
	return 0
}

func baseOf(tag string) string {
	if i := strings.IndexByte(tag, '-'); i > 0 {
		return tag[:i]
	}
	return tag
}

// bannerPart is literal text, or a time (at set, text its RFC 3339 form).
type bannerPart struct {
	text string
	at   time.Time
}

// parts splits the label around its {from} and {to} placeholders.
func (b Banner) parts() []bannerPart {
	label := b.Text.Labels.Scheduled
	if b.Until.IsZero() {
		label = b.Text.Labels.ScheduledFrom
	}
	var out []bannerPart
	for label != "" {
		i := strings.IndexByte(label, '{')
		j := strings.IndexByte(label, '}')
		if i < 0 || j < i {
			out = append(out, bannerPart{text: label})
			break
		}
		if i > 0 {
			out = append(out, bannerPart{text: label[:i]})
		}
		switch label[i : j+1] {
		case "{from}":
			out = append(out, bannerPart{text: b.Start.UTC().Format(time.RFC3339), at: b.Start})
		case "{to}":
			out = append(out, bannerPart{text: b.Until.UTC().Format(time.RFC3339), at: b.Until})
		default:
			out = append(out, bannerPart{text: label[i : j+1]})
		}
		label = label[j+1:]
	}
	return out
}

// format writes t in UTC in the language's layout.
func (b Banner) format(t time.Time) string {
	layout := b.Text.DateLayout
	if layout == "" {
		layout = "2006-01-02 15:04 MST"
	}
	return t.UTC().Format(layout)
}
