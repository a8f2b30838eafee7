package errorpage

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
)

// OnError's reference was cut at byte 256, which could split a character
// and put invalid UTF-8 into the page.
func TestRegression_LongReferenceCutInsideACharacter(t *testing.T) {
	ref := strings.Repeat("a", 255) + "é" // é is two bytes: 255 and 256
	got := cleanReference(ref)
	assert.True(t, utf8.ValidString(got), "got invalid UTF-8 %q", got[250:])
	assert.Equal(t, strings.Repeat("a", 255), got)
}
