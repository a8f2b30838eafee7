package secret

import (
	"errors"
	"fmt"
)

// MinLen and MaxLen bound a secret. It is a password that anyone can try
// online at /<secret>, so it must be long enough to be out of reach of
// guessing: 16 characters drawn at random from the 66 allowed are about 96
// bits. Length is all that can be checked; make it random. The upper bound
// keeps it one path segment and a short header value.
const (
	MinLen = 16
	MaxLen = 256
)

// Check reports whether s can serve as a secret: one URL path segment of
// unreserved characters (RFC 3986 §2.3), so /<secret> needs no escaping
// and means the same to every router. Its errors are wrapped by the
// caller, which knows where the secret came from; they never contain the
// secret.
func Check(s string) error {
	if len(s) < MinLen || len(s) > MaxLen {
		// The length only: the secret itself never goes into an error.
		return fmt.Errorf("a secret has %d to %d characters, got %d: make it long and random", MinLen, MaxLen, len(s))
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~' {
			continue
		}
		return errors.New("a secret consists of letters, digits and \"-._~\" only")
	}
	return nil
}
