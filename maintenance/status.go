package maintenance

import (
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"time"
)

// NewStatusHandler returns a public, read-only [http.Handler] that tells
// status pages, single-page apps and scripts about maintenance, as JSON:
//
//	{"active": true, "read_only": true,
//	 "current": {"start": "2026-12-24T02:00:00Z", "until": "2026-12-24T03:00:00Z",
//	             "read_only": true, "paths": ["/billing/"], "message": "…"},
//	 "next": null}
//
// "active" is true while a window is in force (somewhere: see its paths
// and hosts), "read_only" while that window blocks only writes; "current"
// is the window in force and "next" the window scheduled to start, each
// null when there is none. Times are UTC, RFC 3339. The secret is never
// in it, so the handler needs no authorization: mount it outside the
// middleware, or list its path in AllowPaths. It answers GET and HEAD
// (405 otherwise), with Cache-Control: no-store.
//
// It reads o.Source and o.NoExpiry as the middleware does; it returns an
// error if o.Source is nil.
func NewStatusHandler(o Options) (http.Handler, error) {
	if o.Source == nil {
		return nil, errors.New("errorpage: maintenance status: nil Source")
	}
	return &status{src: o.Source, noExpiry: o.NoExpiry, now: time.Now}, nil
}

type status struct {
	src      Source
	noExpiry bool
	now      func() time.Time
}

// statusWindow is a window as the status endpoint shows it.
type statusWindow struct {
	Start    *time.Time        `json:"start,omitempty"`
	Until    *time.Time        `json:"until,omitempty"`
	ReadOnly bool              `json:"read_only"`
	Paths    []string          `json:"paths,omitempty"`
	Hosts    []string          `json:"hosts,omitempty"`
	Message  string            `json:"message,omitempty"`
	Messages map[string]string `json:"messages,omitempty"`
}

type statusDoc struct {
	Active   bool          `json:"active"`
	ReadOnly bool          `json:"read_only"`
	Current  *statusWindow `json:"current"`
	Next     *statusWindow `json:"next"`
}

func (s *status) ServeHTTP(rw http.ResponseWriter, r *http.Request) {
	rw.Header().Set("Cache-Control", "no-store")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		rw.Header().Set("Allow", "GET, HEAD")
		adminProblem(rw, http.StatusMethodNotAllowed, "use GET")
		return
	}
	b, _ := json.Marshal(statusOf(s.src.State(), s.now(), s.noExpiry))
	b = append(b, '\n')
	rw.Header().Set("Content-Type", "application/json")
	rw.Header().Set("Content-Length", strconv.Itoa(len(b)))
	rw.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		_, _ = rw.Write(b)
	}
}

// statusOf is the status document of st at now.
func statusOf(st State, now time.Time, noExpiry bool) statusDoc {
	var d statusDoc
	w := &statusWindow{ReadOnly: st.ReadOnly, Paths: st.Paths, Hosts: st.Hosts, Message: st.Message, Messages: st.Messages}
	if !st.Start.IsZero() {
		t := st.Start.UTC()
		w.Start = &t
	}
	if !st.Until.IsZero() {
		t := st.Until.UTC()
		w.Until = &t
	}
	switch {
	case st.Active(now, noExpiry):
		d.Active, d.ReadOnly, d.Current = true, st.ReadOnly, w
	case st.Scheduled(now):
		d.Next = w
	}
	return d
}
