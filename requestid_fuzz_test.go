package errorpage

import (
	"encoding/hex"
	"net/http"
	"strings"
	"testing"
)

func FuzzTraceID(f *testing.F) {
	f.Add("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", []byte("0123456789abcdef"), []byte("01234567"), byte(1))
	f.Add("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra", []byte{}, []byte{}, byte(0))
	f.Add("ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", make([]byte, 16), make([]byte, 8), byte(0))
	f.Add("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01", []byte{1}, []byte{2}, byte(3))
	f.Fuzz(func(t *testing.T, tp string, trace, parent []byte, flags byte) {
		// Whatever comes in: a trace ID that is really in the value, or "".
		if id := traceID(tp); id != "" {
			if len(id) != 32 || !isLowerHex(id) || id == strings.Repeat("0", 32) {
				t.Errorf("traceID(%q): got %q, want 32 lower-case hex digits, not all zero", tp, id)
			}
			if len(tp) < 55 || tp[3:35] != id || tp[:2] == "ff" {
				t.Errorf("traceID(%q): got %q, which is not the trace-id field of a valid traceparent", tp, id)
			}
		}

		// A well-formed version-00 traceparent built from the fuzzed bytes
		// gives back its trace-id, unless that (or the parent) is all zero.
		if len(trace) < 16 || len(parent) < 8 {
			return
		}
		id := hex.EncodeToString(trace[:16])
		pid := hex.EncodeToString(parent[:8])
		built := "00-" + id + "-" + pid + "-" + hex.EncodeToString([]byte{flags})
		want := id
		if id == strings.Repeat("0", 32) || pid == strings.Repeat("0", 16) {
			want = ""
		}
		if got := traceID(built); got != want {
			t.Errorf("traceID(%q): got %q, want %q", built, got, want)
		}
		// Version 00 has exactly four fields; anything after makes it
		// invalid (a later version may add some).
		if got := traceID(built + "-00"); got != "" {
			t.Errorf("traceID(%q): got %q, want \"\" for version 00 with extra fields", built+"-00", got)
		}
		// Through the request: X-Request-Id wins, then traceparent.
		r, _ := http.NewRequest(http.MethodGet, "/", nil)
		r.Header.Set("Traceparent", built)
		if got := defaultRequestID(r); got != want {
			t.Errorf("request ID from traceparent %q: got %q, want %q", built, got, want)
		}
	})
}

func FuzzCleanRequestID(f *testing.F) {
	for _, s := range []string{"", "abc-123", "with space", "tab\there", "ünï", strings.Repeat("x", 129), "<script>", "\x7f"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, id string) {
		got := cleanRequestID(id)
		if got != "" && got != id {
			t.Fatalf("cleanRequestID(%q): got %q, want the ID unchanged or dropped", id, got)
		}
		if len(got) > maxRequestIDLen {
			t.Errorf("cleanRequestID(%q): got %d bytes, want at most %d", id, len(got), maxRequestIDLen)
		}
		for i := 0; i < len(got); i++ {
			if got[i] <= ' ' || got[i] > '~' {
				t.Fatalf("cleanRequestID(%q): got byte %#x, want visible ASCII only", id, got[i])
			}
		}
		// Short visible ASCII is kept whole.
		visible := len(id) <= maxRequestIDLen
		for i := 0; i < len(id); i++ {
			visible = visible && id[i] > ' ' && id[i] <= '~'
		}
		if visible && got != id {
			t.Errorf("cleanRequestID(%q): got %q, want it kept", id, got)
		}
	})
}
