package redisstore

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/errorpage/errorpage/maintenance"
)

// TestForgedMessageNotApplied: anyone allowed to PUBLISH on the channel can
// send a well-formed announcement. It must neither switch the instance nor
// end up in the key at the next resync, with a secret of the publisher's
// choosing: the key is the only source of a state.
func TestForgedMessageNotApplied(t *testing.T) {
	srv := startRedis(t)
	log, buf := testLogger()
	s := open(t, srv.URL(""), Options{Logger: log, Resync: 10 * time.Millisecond})
	require.NoError(t, s.SetState(bg, maintenance.State{Message: "real"}))
	c := srv.Client("")
	before := c.HGetAll(bg, defaultName).Val()

	forged := fmt.Sprintf(`{"version":%d,"state":{"enabled":true,"message":"forged","secret":"chosen-by-publisher"}}`, s.Version()+1000)
	require.NoError(t, c.Publish(bg, defaultName, forged).Err())
	// What is checked is an absence, so give the message and several
	// resyncs time to do harm; on a loopback a message takes well under a
	// millisecond.
	time.Sleep(200 * time.Millisecond)

	assert.Equal(t, maintenance.State{Message: "real"}, s.State(), "a forged message switched the instance")
	assert.Equal(t, before, c.HGetAll(bg, defaultName).Val(), "a forged message was written into the key")
	assert.NotContains(t, buf.String(), "chosen-by-publisher")
	late := open(t, srv.URL(""), Options{Resync: -1})
	assert.Equal(t, "real", late.State().Message, "an instance started after the forged message does not hold the real state")
}

// TestMessageIsAHint: an announcement makes the Store read the key, so a
// change made to the key reaches the instance at once, under the key's
// version, whatever the announcement itself claims.
func TestMessageIsAHint(t *testing.T) {
	srv := startRedis(t)
	s := open(t, srv.URL(""), Options{Resync: -1})
	require.NoError(t, s.SetState(bg, maintenance.State{Message: "first"}))
	v := s.Version()
	c := srv.Client("")
	require.NoError(t, c.HSet(bg, defaultName, "state", `{"enabled":true,"message":"in the key"}`, "version", v+1).Err())
	require.NoError(t, c.Publish(bg, defaultName, fmt.Sprintf(`{"version":%d,"state":{"enabled":false,"message":"in the message"}}`, v+7)).Err())
	waitFor(t, time.Second, "the key to be read after the message", func() bool { return s.Version() == v+1 })
	assert.Equal(t, maintenance.State{On: true, Message: "in the key"}, s.State())
}

// TestOversizedMessageIgnored: announcements are capped like the trigger
// file and the admin body; a larger one is logged and ignored.
func TestOversizedMessageIgnored(t *testing.T) {
	srv := startRedis(t)
	log, buf := testLogger()
	s := open(t, srv.URL(""), Options{Logger: log, Resync: -1})
	require.NoError(t, s.SetState(bg, maintenance.State{Message: "small"}))
	big := fmt.Sprintf(`{"version":%d,"state":{"enabled":true,"message":%q}}`, s.Version()+1, strings.Repeat("x", 100<<10))
	require.NoError(t, srv.Client("").Publish(bg, defaultName, big).Err())
	waitFor(t, time.Second, "the log line", func() bool { return buf.Count("malformed message on the channel; ignored") > 0 })
	assert.Contains(t, buf.String(), "larger than 65536 bytes")
	assert.Equal(t, maintenance.State{Message: "small"}, s.State(), "an oversized message was applied")
	assert.Less(t, len(buf.String()), 4<<10, "the log holds the oversized message:\n%.500s", buf)
}

// TestLogsHoldNoSecret: a malformed state or message that contains a
// maintenance secret is logged without it; so are state changes and
// refused writes.
func TestLogsHoldNoSecret(t *testing.T) {
	const secret = "hunter2-maintenance"
	for _, tc := range []struct {
		name  string
		setup []any // a command for the raw client
		log   string
	}{
		{"malformed JSON in the key", []any{"HSET", defaultName, "state", `{"enabled":tru,"secret":"` + secret + `"}`, "version", "9999999999999999"}, "malformed maintenance state in Redis"},
		{"unknown member in the key", []any{"HSET", defaultName, "state", `{"secret":"` + secret + `","untill":"soon"}`, "version", "9999999999999999"}, "malformed maintenance state in Redis"},
		{"invalid secret in the key", []any{"HSET", defaultName, "state", `{"secret":"` + secret + `/x"}`, "version", "9999999999999999"}, "malformed maintenance state in Redis"},
		{"malformed message", []any{"PUBLISH", defaultName, `{"version":"soon","state":{"secret":"` + secret + `"}}`}, "malformed message on the channel; ignored"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := startRedis(t)
			log, buf := testLogger()
			s := open(t, srv.URL(""), Options{Logger: log, Resync: -1})
			require.NoError(t, s.SetState(bg, maintenance.State{On: true, Message: "good", Secret: "in-use-" + secret}))
			require.NoError(t, srv.Client("").Do(bg, tc.setup...).Err())
			require.NoError(t, s.load(bg))
			waitFor(t, time.Second, "the log line", func() bool { return buf.Count(tc.log) > 0 })
			err := s.SetState(bg, maintenance.State{On: true, Secret: "refused/" + secret})
			require.Error(t, err)
			assert.NotContains(t, err.Error(), secret, "the error of a refused write holds the secret")
			assert.NotContains(t, buf.String(), secret, "the log holds a secret")
		})
	}
}
