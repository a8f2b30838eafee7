package redisstore

import (
	"strings"
	"testing"
)

// Open wraps redis.ParseURL's error, which wraps url.Parse's *url.Error:
// its message quotes the whole URL, password included. Operators log what
// Open returns ("redisstore: redis URL: ..."), so a typo in a URL taken
// from a secret store puts the Redis password in the logs.
func TestRegression_OpenErrorLeaksPassword(t *testing.T) {
	for _, u := range []string{
		"redis://default:hunter2secret@redis.internal:6379/0%",
		"redis://default:hunter2secret@redis.internal:port/0",
		"redis://default:hunter2secret@redis.internal:6379/zero",
	} {
		_, err := Open(u, Options{})
		if err == nil {
			t.Fatalf("Open(%q): no error", u)
		}
		if strings.Contains(err.Error(), "hunter2secret") {
			t.Errorf("Open error reveals the password: %v", err)
		}
	}
}
