package maintenance

import (
	"bytes"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"time"
)

// NewAdmin returns an [http.Handler] to read and change the maintenance
// state as JSON, for scripts and for `errorpage down --admin`:
//
//	GET, HEAD     the state, as the maintenance document
//	PUT, POST     switch on with the document in the body (an empty body
//	              switches on with the defaults); "enabled": false switches off
//	DELETE        switch off
//
// Every answer is JSON with Cache-Control: no-store; errors are RFC 9457
// problem documents. A request that authorize refuses gets 401 and nothing
// else: authorize runs first, for every method. [BearerToken] builds one.
// Since a browser sends cookies by itself, an authorize that relies on a
// cookie alone would let other sites switch maintenance on (CSRF); prefer
// a bearer token.
//
// Writes go to w, whichever source it is, so with a store shared by a
// fleet, one instance's admin handler switches them all. Mount the handler
// outside the middleware, or list its path in [Options].AllowPaths, or it
// is behind the maintenance page it is meant to switch off.
//
// It returns an error if w or authorize is nil, or if authorize is
// [BearerToken] with an empty token.
func NewAdmin(w Writer, authorize func(*http.Request) bool) (http.Handler, error) {
	if w == nil {
		return nil, errors.New("errorpage: maintenance admin: nil Writer")
	}
	if authorize == nil {
		return nil, errors.New("errorpage: maintenance admin: an authorization function is required")
	}
	if reflect.ValueOf(authorize).Pointer() == reflect.ValueOf(refuseEveryone).Pointer() {
		// BearerToken(os.Getenv(...)) with the variable unset: an endpoint
		// that refuses everyone would lock the operators out in silence.
		return nil, errors.New("errorpage: maintenance admin: BearerToken was given an empty token (is its environment variable set?)")
	}
	return &admin{w: w, authorize: authorize, now: time.Now}, nil
}

type admin struct {
	w         Writer
	authorize func(*http.Request) bool
	now       func() time.Time
}

func (a *admin) ServeHTTP(rw http.ResponseWriter, r *http.Request) {
	rw.Header().Set("Cache-Control", "no-store")
	if !a.authorize(r) {
		rw.Header().Set("WWW-Authenticate", `Bearer realm="errorpage maintenance"`)
		adminProblem(rw, http.StatusUnauthorized, "this endpoint needs authorization")
		return
	}
	switch r.Method {
	case http.MethodGet, http.MethodHead:
		adminState(rw, r, a.w.State())
	case http.MethodPut, http.MethodPost:
		body, err := io.ReadAll(http.MaxBytesReader(rw, r.Body, maxTriggerFile))
		var tooLarge *http.MaxBytesError
		switch {
		case errors.As(err, &tooLarge):
			adminProblem(rw, http.StatusRequestEntityTooLarge, "the document is larger than 64 KiB")
			return
		case err != nil:
			adminProblem(rw, http.StatusBadRequest, "reading the document: "+err.Error())
			return
		}
		st, err := ParseTriggerFile(body)
		if err != nil {
			adminProblem(rw, http.StatusBadRequest, err.Error())
			return
		}
		if err := st.Check(a.now()); err != nil {
			adminProblem(rw, http.StatusBadRequest, err.Error())
			return
		}
		a.set(rw, r, st)
	case http.MethodDelete:
		a.set(rw, r, State{})
	default:
		rw.Header().Set("Allow", "GET, HEAD, PUT, POST, DELETE")
		adminProblem(rw, http.StatusMethodNotAllowed, "use GET, PUT, POST or DELETE")
	}
}

func (a *admin) set(rw http.ResponseWriter, r *http.Request, st State) {
	if err := a.w.SetState(r.Context(), st); err != nil {
		adminProblem(rw, http.StatusInternalServerError, err.Error())
		return
	}
	// The state as written: a shared store may take a moment to echo it.
	adminState(rw, r, st)
}

func adminState(rw http.ResponseWriter, r *http.Request, st State) {
	b, err := json.Marshal(st)
	if err != nil {
		adminProblem(rw, http.StatusInternalServerError, err.Error())
		return
	}
	b = append(b, '\n')
	rw.Header().Set("Content-Type", "application/json")
	rw.Header().Set("Content-Length", strconv.Itoa(len(b)))
	rw.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		_, _ = rw.Write(b)
	}
}

// adminProblem answers with an RFC 9457 problem document: type
// about:blank, the status phrase as title, the status and detail.
func adminProblem(rw http.ResponseWriter, status int, detail string) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	// encoding/json escapes <, > and & too, so the document is safe even
	// if a browser sniffs it as HTML.
	_ = enc.Encode(struct {
		Type   string `json:"type"`
		Title  string `json:"title"`
		Status int    `json:"status"`
		Detail string `json:"detail"`
	}{"about:blank", http.StatusText(status), status, detail})
	rw.Header().Set("Content-Type", "application/problem+json")
	rw.Header().Set("Content-Length", strconv.Itoa(b.Len()))
	rw.WriteHeader(status)
	_, _ = rw.Write(b.Bytes())
}

// BearerToken returns an authorization function for [NewAdmin]
// that accepts requests with the header "Authorization: Bearer <token>".
// The comparison takes the same time whatever the token sent, so it
// reveals neither the token nor its length.
//
// An empty token (an environment variable that is not set, typically)
// accepts nothing, and NewAdmin refuses it with an error, so
// that the mistake shows at start rather than when the operators need the
// endpoint. BearerToken keeps its one-value signature so that it nests in
// the NewAdmin call, which is where the error is reported.
func BearerToken(token string) func(*http.Request) bool {
	if token == "" {
		return refuseEveryone
	}
	want := sha256.Sum256([]byte(token))
	return func(r *http.Request) bool {
		scheme, got, ok := strings.Cut(r.Header.Get("Authorization"), " ")
		if !ok || !strings.EqualFold(scheme, "Bearer") {
			return false
		}
		sum := sha256.Sum256([]byte(strings.TrimSpace(got)))
		return subtle.ConstantTimeCompare(sum[:], want[:]) == 1
	}
}

// refuseEveryone is what BearerToken returns for an empty token; a
// function of its own, so that NewAdmin can recognise it.
func refuseEveryone(*http.Request) bool { return false }
