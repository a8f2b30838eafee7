package maintenance

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// FuzzDocument checks that the trigger-file parser never panics and that
// whatever it accepts survives a round trip through the document.
func FuzzDocument(f *testing.F) {
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
