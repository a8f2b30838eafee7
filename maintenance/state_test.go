package maintenance

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// FuzzDocument checks that the trigger-file parser never panics and that
// whatever it accepts survives a round trip through the document.
func FuzzDocument(f *testing.F) {
	for _, s := range []string{
		``, ` `, `{}`, `{"enabled":false}`, `{"message":"m","until":"2026-11-23T15:00:00Z","retry":"5m","secret":"s3cretS3cretS3cret"}`,
		`{"retry":90}`, `{"retry":-1}`, `{"retry":1e300}`, `{"untill":1}`, `{} {}`, `[]`, `null`, `{"secret":"../x"}`,
		`{"start":"2026-12-24T02:00:00Z","until":"2026-12-24T03:00:00Z","read_only":true,"paths":["/billing/"],"hosts":["shop.example.com"],"messages":{"de":"Bald"}}`,
		`{"start":"2026-12-24T04:00:00Z","until":"2026-12-24T03:00:00Z"}`, `{"paths":["/a/../b"]}`, `{"messages":{"1x":"m"}}`,
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
		if !st.Equal(back) {
			t.Fatalf("round trip changed %+v into %+v", st, back)
		}
	})
}

// TestState_SecretTooShortNeverInErrors: a secret anyone can try at
// /<secret> must be out of reach of guessing; a short one fails when
// written and when read back, and the error never carries the secret.
// (The middleware refuses it in its options too: internal/bypass.)
func TestState_SecretTooShortNeverInErrors(t *testing.T) {
	for _, secret := range []string{"x", "s3cret", "fifteen-chars-x"} {
		err := State{On: true, Secret: secret}.Validate()
		require.Error(t, err, "Secret %q", secret)
		assert.Contains(t, err.Error(), "16")
		assert.NotContains(t, err.Error(), secret)

		_, err = ParseTriggerFile([]byte(`{"secret":"` + secret + `"}`))
		require.Error(t, err)
		assert.NotContains(t, err.Error(), secret)
	}
	assert.NoError(t, State{On: true, Secret: "sixteen-chars-xy"}.Validate())
}

func TestState_OldDocumentsStillParse(t *testing.T) {
	// A document as written before windows had a start, a mode and scopes.
	st, err := ParseTriggerFile([]byte(`{"enabled":true,"message":"Back soon","until":"2026-11-23T15:00:00Z","retry":"5m"}`))
	require.NoError(t, err)
	assert.True(t, st.On)
	assert.Equal(t, "Back soon", st.Message)
	assert.True(t, st.Start.IsZero(), "no start: at once")
	assert.False(t, st.ReadOnly)
	assert.Nil(t, st.Paths)
	assert.Nil(t, st.Hosts)
}

func TestState_WindowRoundTrip(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	require.NoError(t, err)
	in := State{On: true, Message: "Back soon",
		Start:    time.Date(2026, 12, 24, 3, 0, 0, 0, berlin), // 02:00 UTC
		Until:    time.Date(2026, 12, 24, 4, 0, 0, 0, berlin),
		ReadOnly: true, Paths: []string{"/billing/"}, Hosts: []string{"shop.example.com"},
		Messages: map[string]string{"de": "Bald zurück"}}
	b, err := json.Marshal(in)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"start":"2026-12-24T02:00:00Z"`, "times are written in UTC")
	assert.Contains(t, string(b), `"read_only":true`)
	assert.Contains(t, string(b), `"paths":["/billing/"]`)
	var out State
	require.NoError(t, json.Unmarshal(b, &out))
	assert.True(t, in.Equal(out), "got %+v, want %+v", out, in)
}

func TestState_BadWindowsAreRefused(t *testing.T) {
	now := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name, doc, want string
	}{
		{"start after end", `{"start":"2026-12-24T04:00:00Z","until":"2026-12-24T03:00:00Z"}`, "not before until"},
		{"start equals end", `{"start":"2026-12-24T03:00:00Z","until":"2026-12-24T03:00:00Z"}`, "not before until"},
		{"relative scope", `{"paths":["billing/"]}`, "does not start with"},
		{"dot segments", `{"paths":["/a/../billing/"]}`, "not clean"},
		{"encoded scope", `{"paths":["/%62illing/"]}`, "percent-encoding"},
		{"query in scope", `{"paths":["/billing?x"]}`, "query"},
		{"host with port", `{"hosts":["shop.example.com:443"]}`, "without a port"},
		{"message tag", `{"messages":{"not a tag":"x"}}`, "language tag"},
		{"read_only not a bool", `{"read_only":"yes"}`, "read_only"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseTriggerFile([]byte(tc.doc))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
			assert.True(t, strings.HasPrefix(err.Error(), "errorpage: "), "got %q", err)
		})
	}
	err := State{On: true, Until: now.Add(-time.Minute)}.Check(now)
	require.Error(t, err, "an end in the past")
	assert.Contains(t, err.Error(), "not in the future")
	assert.NoError(t, State{On: true, Until: now.Add(time.Minute)}.Check(now))
}

func TestState_ActiveAndScheduled(t *testing.T) {
	start := time.Date(2026, 3, 29, 1, 30, 0, 0, time.UTC) // the night Europe springs forward
	st := State{On: true, Start: start, Until: start.Add(time.Hour)}
	assert.True(t, st.Scheduled(start.Add(-1)))
	assert.False(t, st.Active(start.Add(-1), false))
	assert.True(t, st.Active(start, false))
	assert.False(t, st.Active(start.Add(time.Hour), false))
	assert.True(t, st.Active(start.Add(time.Hour), true), "NoExpiry keeps it on")
	assert.False(t, State{Start: start}.Scheduled(start.Add(-1)), "off is never scheduled")
}
