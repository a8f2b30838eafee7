package errorpage

import (
	"bytes"
	"strconv"
	"time"

	"github.com/errorpage/errorpage/pages"
)

// problemDoc is what a problem document says, every member a string as it
// is written: retryAfter and until are written as they are (a number, a
// date), the others as JSON strings. Empty members are left out; debug
// adds panic and stack.
type problemDoc struct {
	title, detail, instance string
	status                  int
	requestID, reference    string
	retryAfter, until       string
	debug                   *pages.Debug
}

// writeProblem writes an RFC 9457 problem document. It is written by hand
// rather than with encoding/json to keep the error path free of reflection
// and allocation; jsonString does the escaping.
//
// Members: type (about:blank), title (the status phrase, as §4.2.1 asks
// for about:blank), status (equal to the HTTP status), detail, instance,
// and the extensions request_id, reference, retry_after (seconds), until
// (a maintenance window's end) and, in debug mode only, panic and stack.
func writeProblem(b *bytes.Buffer, p problemDoc) {
	b.WriteString(`{"type":"about:blank","title":`)
	jsonString(b, p.title)
	b.WriteString(`,"status":`)
	writeInt(b, int64(p.status))
	b.WriteString(`,"detail":`)
	jsonString(b, p.detail)
	for _, m := range [...]struct{ name, value string }{
		{`,"instance":`, p.instance},
		{`,"request_id":`, p.requestID},
		{`,"reference":`, p.reference},
	} {
		if m.value != "" {
			b.WriteString(m.name)
			jsonString(b, m.value)
		}
	}
	if p.retryAfter != "" {
		b.WriteString(`,"retry_after":`)
		b.WriteString(p.retryAfter)
	}
	if p.until != "" {
		b.WriteString(`,"until":"`)
		b.WriteString(p.until)
		b.WriteByte('"')
	}
	if p.debug != nil {
		b.WriteString(`,"panic":`)
		jsonString(b, p.debug.Panic)
		b.WriteString(`,"stack":`)
		jsonString(b, p.debug.Stack)
	}
	b.WriteString("}\n")
}

// untilLayout is how a problem document writes a window's end: RFC 3339,
// in UTC.
const untilLayout = time.RFC3339

// writeInt writes n in decimal into b, without the string strconv.Itoa
// would allocate for it.
func writeInt(b *bytes.Buffer, n int64) {
	b.Write(strconv.AppendInt(b.AvailableBuffer(), n, 10))
}
