package maintenance

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"net/netip"
	"path"
	"slices"
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

	// Start is when the window begins; zero means at once. Before it,
	// requests pass, and the application can announce the window (see
	// [Upcoming]). It is an absolute time, so a fleet with skewed clocks
	// agrees on the instant; it must lie before Until when both are set.
	Start time.Time
	// ReadOnly blocks only the methods that change something: every
	// method but GET, HEAD and OPTIONS (POST, PUT, PATCH, DELETE and any
	// method unknown to RFC 9110) gets the maintenance page, while GET,
	// HEAD and OPTIONS reach the handler, which can say so in its UI
	// (see [ReadOnly]). False blocks every method.
	ReadOnly bool
	// Paths limits the window to requests under these path prefixes
	// ("/billing/"), matched as every router sees the path (see
	// [Options].AllowPathPrefixes). Each must be a clean path starting
	// with "/", without percent-encoding, query or fragment. Hosts, if
	// also set, must match too. Nil means every path.
	Paths []string
	// Hosts limits the window to requests for these hosts
	// ("shop.example.com"), compared without the port and ignoring case.
	// Nil means every host.
	Hosts []string
	// Messages holds the message in other languages, by BCP 47 tag
	// ("de", "pt-BR"). The page's language is chosen as usual; its
	// message is Messages[tag], else the message of its base language,
	// else that of the middleware's default language, else Message.
	Messages map[string]string
}

// Active reports whether the window is in force at now: on, started, and
// not past its end (unless noExpiry keeps it on, as [Options].NoExpiry
// does).
func (s State) Active(now time.Time, noExpiry bool) bool {
	if !s.On || !s.Start.IsZero() && now.Before(s.Start) {
		return false
	}
	return noExpiry || s.Until.IsZero() || now.Before(s.Until)
}

// Scheduled reports whether the window is on but has not started at now.
func (s State) Scheduled(now time.Time) bool {
	return s.On && !s.Start.IsZero() && now.Before(s.Start)
}

// Check is [State.Validate] for a window about to be written: besides
// what Validate checks, its end must lie after now.
func (s State) Check(now time.Time) error {
	if err := s.Validate(); err != nil {
		return err
	}
	if s.On && !s.Until.IsZero() && !s.Until.After(now) {
		return fmt.Errorf("errorpage: maintenance window: until %s is not in the future", s.Until.UTC().Format(time.RFC3339))
	}
	return nil
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
//	 "retry": "5m", "secret": "s3cret", "start": "2026-11-23T14:00:00Z",
//	 "read_only": true, "paths": ["/billing/"], "hosts": ["shop.example.com"],
//	 "messages": {"de": "Bald zurück"}}
//
// Every member is optional; "enabled" defaults to true, since the document
// existing means maintenance is on. "retry" is a Go duration ("90s", "5m")
// or a number of seconds. Documents written before "start" and the members
// after it existed read as they always did.
type document struct {
	Enabled  *bool             `json:"enabled,omitempty"`
	Message  string            `json:"message,omitempty"`
	Until    *time.Time        `json:"until,omitempty"`
	Retry    json.RawMessage   `json:"retry,omitempty"`
	Secret   string            `json:"secret,omitempty"`
	Start    *time.Time        `json:"start,omitempty"`
	ReadOnly bool              `json:"read_only,omitempty"`
	Paths    []string          `json:"paths,omitempty"`
	Hosts    []string          `json:"hosts,omitempty"`
	Messages map[string]string `json:"messages,omitempty"`
}

// Validate reports whether the state can be written as a maintenance
// document and read back: a secret of 16 to 256 letters, digits and
// "-._~" (it is a URL path segment anyone can try), a retry delay from
// 0 to 100 years, a start before the end, scopes that are clean path
// prefixes and host names, and messages keyed by language tags. It does
// not judge Until against the clock, since it may rightly lie in the past
// for a state read back; [State.Check] does.
func (s State) Validate() error {
	if s.Secret != "" {
		if err := secret.Check(s.Secret); err != nil {
			return fmt.Errorf("errorpage: maintenance secret: %w", err)
		}
	}
	if s.Retry < 0 || s.Retry > maxRetry {
		return fmt.Errorf("errorpage: maintenance retry %v is out of range", s.Retry)
	}
	if !s.Start.IsZero() && !s.Until.IsZero() && !s.Start.Before(s.Until) {
		return fmt.Errorf("errorpage: maintenance window: start %s is not before until %s",
			s.Start.UTC().Format(time.RFC3339), s.Until.UTC().Format(time.RFC3339))
	}
	for _, p := range s.Paths {
		if err := CheckPathPrefix(p); err != nil {
			return fmt.Errorf("errorpage: maintenance scope: %w", err)
		}
	}
	for _, h := range s.Hosts {
		if !validHost(h) {
			return fmt.Errorf("errorpage: maintenance scope: host %q is not a host name or IP address without a port", h)
		}
	}
	for tag := range s.Messages {
		if !validTag(tag) {
			return fmt.Errorf("errorpage: maintenance messages: %q is not a language tag such as \"de\" or \"pt-BR\"", tag)
		}
	}
	return nil
}

// CheckPathPrefix reports whether p can scope a window: it starts with
// "/", has no dot or empty segments, and no percent-encoding, query or
// fragment, since routers would see it in different forms.
func CheckPathPrefix(p string) error {
	switch {
	case !strings.HasPrefix(p, "/"):
		return fmt.Errorf("path prefix %q does not start with \"/\"", p)
	case strings.ContainsAny(p, "%?#\\") || strings.IndexFunc(p, func(r rune) bool { return r < 0x21 || r == 0x7f }) >= 0:
		return fmt.Errorf("path prefix %q holds percent-encoding, a query, a fragment, a backslash or white space", p)
	}
	clean := path.Clean(p)
	if strings.HasSuffix(p, "/") && clean != "/" {
		clean += "/"
	}
	if clean != p {
		return fmt.Errorf("path prefix %q is not clean (did you mean %q?)", p, clean)
	}
	return nil
}

// validHost reports whether h is a DNS name or an IP address (IPv6 in
// brackets or not), without a port.
func validHost(h string) bool {
	if h == "" || len(h) > 253 {
		return false
	}
	if a, err := netip.ParseAddr(strings.TrimSuffix(strings.TrimPrefix(h, "["), "]")); err == nil {
		return a.Zone() == ""
	}
	for _, label := range strings.Split(h, ".") {
		if label == "" || len(label) > 63 {
			return false
		}
		for i := 0; i < len(label); i++ {
			c := label[i]
			if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
				return false
			}
		}
	}
	return true
}

// validTag reports whether t has the shape of a BCP 47 tag: subtags of 1
// to 8 letters and digits, joined by "-", the first of letters only.
func validTag(t string) bool {
	if t == "" || len(t) > 35 {
		return false
	}
	for i, sub := range strings.Split(t, "-") {
		if sub == "" || len(sub) > 8 {
			return false
		}
		for j := 0; j < len(sub); j++ {
			c := sub[j]
			letter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
			if !letter && (i == 0 || c < '0' || c > '9') {
				return false
			}
		}
	}
	return true
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
	d := document{Enabled: &on, Message: s.Message, Secret: s.Secret,
		ReadOnly: s.ReadOnly, Paths: s.Paths, Hosts: s.Hosts, Messages: s.Messages}
	if !s.Until.IsZero() {
		u := s.Until.UTC()
		d.Until = &u
	}
	if !s.Start.IsZero() {
		t := s.Start.UTC()
		d.Start = &t
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
	st := State{On: true, Message: d.Message, Secret: d.Secret,
		ReadOnly: d.ReadOnly, Paths: d.Paths, Hosts: d.Hosts, Messages: d.Messages}
	if d.Enabled != nil {
		st.On = *d.Enabled
	}
	if d.Until != nil {
		st.Until = *d.Until
	}
	if d.Start != nil {
		st.Start = *d.Start
	}
	if len(d.Retry) > 0 {
		r, err := parseRetryMember(d.Retry)
		if err != nil {
			return err
		}
		st.Retry = r
	}
	if err := st.Validate(); err != nil {
		return fmt.Errorf("errorpage: maintenance document: %s", strings.TrimPrefix(err.Error(), "errorpage: "))
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

// Equal reports whether s and o describe the same window: the same
// members, with times compared as instants.
func (s State) Equal(o State) bool {
	return s.On == o.On && s.Message == o.Message && s.Until.Equal(o.Until) && s.Retry == o.Retry &&
		s.Secret == o.Secret && s.Start.Equal(o.Start) && s.ReadOnly == o.ReadOnly &&
		slices.Equal(s.Paths, o.Paths) && slices.Equal(s.Hosts, o.Hosts) && maps.Equal(s.Messages, o.Messages)
}
