// Package redisstore keeps errorpage's maintenance state in Redis, so that
// one switch puts a whole fleet of instances into maintenance and takes it
// out again.
//
// A [Store] is an [maintenance.Writer]: plug it into
// maintenance.Options.Source, and give it to the admin handler so
// that any one instance's admin endpoint switches them all.
//
// Requests never touch Redis. Every Store keeps the state in memory and
// updates it from a pub/sub subscription; [Store.State] only loads an
// atomic pointer. The Store reads the key when it starts, again after every
// reconnection (pub/sub drops the messages sent while a subscriber is away)
// and periodically as a safety net. While Redis is down or unreachable, the
// Store serves the last state it knew, logs the outage once and the
// recovery once, and reconnects with backoff.
//
// # Data in Redis
//
// The state is one hash, by default at the key "errorpage:maintenance":
//
//	state    the maintenance document, the same JSON as errorpage's trigger
//	         file: {"enabled":true,"message":"Back soon","until":"…"}
//	version  a decimal integer that grows with every write
//
// Every write runs one Lua script that sets both fields and publishes
// {"version":N} on the channel (by default also named
// "errorpage:maintenance"; channels and keys are separate namespaces in
// Redis), so the change and its announcement are atomic. A version is the
// Redis server's clock in microseconds since 1970, or one more than the
// version it replaces if that is larger, so versions keep growing across a
// restart of Redis that lost its data. The scripts count versions exactly
// over the whole int64 range (not in Lua's doubles, which stop at 2^53); a
// write that would pass the largest int64 fails and changes nothing. Every
// Store applies a state only if its version is at least the one it holds:
// whoever writes last wins, and all instances converge on the same final
// state.
//
// An announcement is only a hint. Whoever may PUBLISH on the channel could
// send anything, so a Store never applies a state from a message: a
// message announcing a newer version than the Store holds makes it read
// the key, and it applies what the key holds. Messages and states larger
// than 64 KiB are ignored and logged, like an oversized trigger file. Logs
// describe a malformed state or message (what is wrong, its size) but never
// quote it, since a state carries the maintenance secret.
//
// If the key is missing or holds an older version than a Store knows (Redis
// restarted empty, or from an old snapshot), the Store writes its state
// back under its own version, so that instances started later agree with
// the rest of the fleet. To change the state, write it through a Store (the
// admin endpoint, `errorpage down --admin URL`); deleting the key does not
// end maintenance.
//
// Redis 6 or later is needed (ACL users in URLs; the scripts use TIME before
// writing, which needs effect replication).
package redisstore
