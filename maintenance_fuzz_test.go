package errorpage

import (
	"encoding/json"
	"testing"
	"time"
)

// FuzzMaintenanceDocument checks that the trigger-file parser never panics
// and that whatever it accepts survives a round trip through the document.
func FuzzMaintenanceDocument(f *testing.F) {
	for _, s := range []string{
		``, ` `, `{}`, `{"enabled":false}`, `{"message":"m","until":"2026-11-23T15:00:00Z","retry":"5m","secret":"s3cretS3cretS3cret"}`,
		`{"retry":90}`, `{"retry":-1}`, `{"retry":1e300}`, `{"untill":1}`, `{} {}`, `[]`, `null`, `{"secret":"../x"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		st, err := ParseTriggerFile(data)
		if err != nil {
			if !st.On {
				t.Fatalf("an invalid file must mean on, got %+v", st)
			}
			return
		}
		if err := st.Validate(); err != nil {
			t.Fatalf("accepted %q but Validate says %v", data, err)
		}
		out, err := json.Marshal(st)
		if err != nil {
			t.Fatalf("accepted %q but cannot write it back: %v", data, err)
		}
		back, err := ParseTriggerFile(out)
		if err != nil {
			t.Fatalf("cannot read back %s: %v", out, err)
		}
		// The document keeps whole nanoseconds of the end time but
		// writes the retry as a Go duration, which is exact too.
		if !sameState(st, back) {
			t.Fatalf("round trip changed %+v into %+v", st, back)
		}
	})
}

// FuzzBypassCookie checks that the cookie verifier never panics and never
// accepts a value it did not sign.
func FuzzBypassCookie(f *testing.F) {
	key := newBypassKey("s3cretS3cretS3cret").mac
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	valid := signBypassCookie(key, now.Add(time.Hour))
	for _, s := range []string{valid, "", "v1.", "v1..", "v1.1.x", valid + "x", valid[:len(valid)-1]} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		if !verifyBypassCookie(key, v, now, 12*time.Hour) {
			return
		}
		if v != valid && v != signBypassCookie(key, parseCookieExpiry(t, v)) {
			t.Fatalf("accepted %q, which was never signed", v)
		}
	})
}

func parseCookieExpiry(t *testing.T, v string) time.Time {
	var secs int64
	for _, c := range v[len("v1."):] {
		if c == '.' {
			break
		}
		secs = secs*10 + int64(c-'0')
	}
	return time.Unix(secs, 0)
}
