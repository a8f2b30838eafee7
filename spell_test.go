package errorpage

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/errorpage/errorpage/pages"
)

func TestSpellDuration(t *testing.T) {
	l := newLanguages(pages.Languages())
	idx := func(tag string) int {
		for i, t := range l.texts {
			if t.Tag == tag {
				return i
			}
		}
		t.Fatalf("no language %s", tag)
		return 0
	}
	tests := []struct {
		lang string
		d    time.Duration
		want string
	}{
		{"en", 0, "about a second"},
		{"en", 1500 * time.Millisecond, "about 2 seconds"},
		{"en", 59 * time.Second, "about 59 seconds"},
		{"en", 60 * time.Second, "about a minute"},
		{"en", 61 * time.Second, "about 2 minutes"},
		{"en", 59 * time.Minute, "about 59 minutes"},
		{"en", 59*time.Minute + time.Second, "about an hour"},
		{"en", 100 * time.Minute, "about 2 hours"},
		{"pl", 2 * time.Minute, "2 minuty"},
		{"pl", 5 * time.Minute, "5 minut"},
		{"pl", 22 * time.Minute, "22 minuty"},
		{"uk", 21 * time.Minute, "21 хвилину"},
		{"ja", 5 * time.Minute, "5"},
	}
	for _, tt := range tests {
		t.Run(tt.lang+" "+tt.d.String(), func(t *testing.T) {
			got := l.spellDuration(idx(tt.lang), tt.d)
			assert.Contains(t, got, tt.want, "got %q, want it to contain %q", got, tt.want)
		})
	}
}
