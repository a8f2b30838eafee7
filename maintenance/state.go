package maintenance

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/errorpage/errorpage/internal/secret"
)

// maxRetry bounds a retry delay in a document, like the middleware bounds
// every Retry-After it accepts or sends: 100 years. Beyond it the value is
// certainly a mistake.
const maxRetry = 100 * 365 * 24 * time.Hour

// State is the state of maintenance mode: whether it is on, and what the
// maintenance page says. Its JSON form is the maintenance document (see
// [State.MarshalJSON]). The zero State is off.
type State struct {
	// On is true while the site is down for maintenance.
	On bool
	// Message is shown on the maintenance page; empty means the built-in
	// text in the visitor's language.
	Message string
	// Until is when the window is expected to end; zero means unknown.
	Until time.Time
	// Retry is the delay advertised in Retry-After when Until is zero;
	// zero means none.
	Retry time.Duration
	// Secret, if set, lets a visitor in: see [Options].Secret. It takes
	// the place of the Secret of the Options for this window.
	Secret string
}

// Source is where the maintenance state comes from: the in-memory
// [Switch], a [TriggerFile], or a shared store such as Redis.
type Source interface {
	// State returns the current state. It is called on every request, so
	// it must answer from memory, without I/O or blocking.
	State() State
}

// Writer is a [Source] whose state can be changed, by the admin handler
// ([NewAdmin]) or the CLI. With a shared store, one write switches every
// instance reading from it.
type Writer interface {
	Source
	// SetState replaces the state with s; s.On decides whether maintenance
	// is on.
	SetState(ctx context.Context, s State) error
}

// Watcher is a [Source] that can tell when its state changes, so that a
// program (or a test) can react to a switch without polling. The [Switch],
// the [TriggerFile], and a shared store built on a Switch implement it.
type Watcher interface {
	Source
	// Changed returns a channel that is closed at the next change of
	// state. Call it again after each change for the next one.
	Changed() <-chan struct{}
}

// document is the JSON form of a [State], shared by the
// trigger file, the admin handler, the CLI and the Redis store:
//
//	{"enabled": true, "message": "Back soon", "until": "2026-11-23T15:00:00Z",
//	 "retry": "5m", "secret": "s3cret"}
//
// Every member is optional; "enabled" defaults to true, since the document
// existing means maintenance is on. "retry" is a Go duration ("90s", "5m")
// or a number of seconds.
type document struct {
	Enabled *bool           `json:"enabled,omitempty"`
	Message string          `json:"message,omitempty"`
	Until   *time.Time      `json:"until,omitempty"`
	Retry   json.RawMessage `json:"retry,omitempty"`
	Secret  string          `json:"secret,omitempty"`
}

// Validate reports whether the state can be written as a maintenance
// document and read back: a secret of 16 to 256 letters, digits and
// "-._~" (it is a URL path segment anyone can try), and a retry delay from
// 0 to 100 years. It does not judge Until, which may rightly lie in the
// past for a state read back.
func (s State) Validate() error {
	if s.Secret != "" {
		if err := secret.Check(s.Secret); err != nil {
			return fmt.Errorf("errorpage: maintenance secret: %w", err)
		}
	}
	if s.Retry < 0 || s.Retry > maxRetry {
		return fmt.Errorf("errorpage: maintenance retry %v is out of range", s.Retry)
	}
	return nil
}

// MarshalJSON writes the state as the maintenance document, shared by the
// trigger file, the admin handler, the CLI and the Redis store:
//
//	{"enabled": true, "message": "Back soon", "until": "2026-11-23T15:00:00Z",
//	 "retry": "5m", "secret": "s3cret-s3cret-s3cret"}
//
// "until" is written in UTC, "retry" as a Go duration, and empty members
// are left out.
func (s State) MarshalJSON() ([]byte, error) {
	on := s.On
	d := document{Enabled: &on, Message: s.Message, Secret: s.Secret}
	if !s.Until.IsZero() {
		u := s.Until.UTC()
		d.Until = &u
	}
	if s.Retry > 0 {
		d.Retry = json.RawMessage(strconv.Quote(s.Retry.String()))
	}
	return json.Marshal(d)
}

// UnmarshalJSON reads a maintenance document. Every member is optional;
// "enabled" defaults to true, since the document existing means
// maintenance is on. "retry" is a Go duration ("90s", "5m") or a number of
// seconds. Unknown members are errors, so that a typo ("untill") is
// reported rather than silently ignored.
func (s *State) UnmarshalJSON(b []byte) error {
	var d document
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&d); err != nil {
		return fmt.Errorf("errorpage: maintenance document: %w", err)
	}
	if dec.More() {
		return fmt.Errorf("errorpage: maintenance document: data after the JSON object")
	}
	if d.Secret != "" {
		if err := secret.Check(d.Secret); err != nil {
			return fmt.Errorf("errorpage: maintenance document: secret: %w", err)
		}
	}
	st := State{On: true, Message: d.Message, Secret: d.Secret}
	if d.Enabled != nil {
		st.On = *d.Enabled
	}
	if d.Until != nil {
		st.Until = *d.Until
	}
	if len(d.Retry) > 0 {
		r, err := parseRetryMember(d.Retry)
		if err != nil {
			return err
		}
		st.Retry = r
	}
	*s = st
	return nil
}

func parseRetryMember(raw json.RawMessage) (time.Duration, error) {
	var secs float64
	if err := json.Unmarshal(raw, &secs); err == nil {
		if secs < 0 || secs > float64(maxRetry/time.Second) {
			return 0, fmt.Errorf("errorpage: maintenance document: retry %v seconds is out of range", secs)
		}
		return time.Duration(secs * float64(time.Second)), nil
	}
	var str string
	if err := json.Unmarshal(raw, &str); err != nil {
		return 0, fmt.Errorf("errorpage: maintenance document: retry must be a duration such as \"5m\" or a number of seconds")
	}
	d, err := time.ParseDuration(str)
	if err != nil || d < 0 || d > maxRetry {
		return 0, fmt.Errorf("errorpage: maintenance document: retry %q is not a duration such as \"5m\"", str)
	}
	return d, nil
}
