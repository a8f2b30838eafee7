package errorpage

import (
	"math/rand/v2"
	"net/http"
)

// maxRequestIDLen bounds a request ID taken from outside: it is shown to
// the visitor and logged, so a megabyte of header must not get through.
const maxRequestIDLen = 128

// defaultRequestID finds the request's ID: the X-Request-Id header, then the
// trace ID of a W3C traceparent header.
func defaultRequestID(r *http.Request) string {
	if id := firstValue(r.Header, "X-Request-Id"); id != "" {
		return id
	}
	return traceID(firstValue(r.Header, "Traceparent"))
}

// firstValue is h.Get for a key already in canonical form, without the
// cost of canonicalizing it again.
func firstValue(h http.Header, canonicalKey string) string {
	if v := h[canonicalKey]; len(v) > 0 {
		return v[0]
	}
	return ""
}

// traceID returns the trace-id of a W3C Trace Context traceparent value
// ("00-<32 hex>-<16 hex>-<2 hex>"), or "" if the value is not one.
func traceID(tp string) string {
	// version "-" trace-id "-" parent-id "-" flags; later versions may
	// append fields after the flags.
	if len(tp) < 55 || tp[2] != '-' || tp[35] != '-' || tp[52] != '-' || len(tp) > 55 && tp[55] != '-' {
		return ""
	}
	if !isLowerHex(tp[:2]) || tp[:2] == "ff" || tp[:2] == "00" && len(tp) != 55 {
		return ""
	}
	id := tp[3:35]
	if !isLowerHex(id) || id == "00000000000000000000000000000000" {
		return ""
	}
	if !isLowerHex(tp[36:52]) || tp[36:52] == "0000000000000000" || !isLowerHex(tp[53:55]) {
		return ""
	}
	return id
}

func isLowerHex(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// cleanRequestID keeps an ID only if it is short visible ASCII; anything
// else is dropped rather than shown or logged.
func cleanRequestID(id string) string {
	if len(id) > maxRequestIDLen {
		return ""
	}
	for i := 0; i < len(id); i++ {
		if id[i] <= ' ' || id[i] > '~' {
			return ""
		}
	}
	return id
}

// newRequestID makes up an ID for a request that came without one: 72
// random bits, 12 URL-safe characters, short enough to read out on the
// phone and unique enough to find one log record. It is no secret, so the
// runtime's fast generator (math/rand/v2, seeded from the system) serves.
func newRequestID() string {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
	var id [12]byte
	for i, x := 0, uint64(0); i < len(id); i++ {
		if i%10 == 0 {
			x = rand.Uint64() // 10 characters of 6 bits each
		}
		id[i] = alphabet[x&63]
		x >>= 6
	}
	return string(id[:])
}
