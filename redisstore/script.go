package redisstore

import "github.com/redis/go-redis/v9"

// writeScript sets the state and announces it, atomically.
//
//	KEYS[1]  the hash
//	ARGV[1]  the maintenance document (JSON)
//	ARGV[2]  the channel
//	ARGV[3]  the version the writer holds
//
// The new version is the largest of: the stored version + 1, the writer's
// version + 1, and the server's clock in microseconds. The clock keeps
// versions growing when Redis lost the hash; the writer's version covers a
// clock that went back meanwhile. A value of the wrong type at the key is
// replaced: writing is how an operator repairs it. Returns the new version
// as a string (Lua numbers are doubles; microseconds fit in their 53 bits).
var writeScript = redis.NewScript(`
local key = KEYS[1]
local cur = 0
local t = redis.call('TYPE', key).ok
if t == 'hash' then
	cur = tonumber(redis.call('HGET', key, 'version')) or 0
elseif t ~= 'none' then
	redis.call('DEL', key)
end
local now = redis.call('TIME')
local v = math.max(cur + 1, (tonumber(ARGV[3]) or 0) + 1, tonumber(now[1]) * 1000000 + tonumber(now[2]))
local vs = string.format('%.0f', v)
redis.call('HSET', key, 'state', ARGV[1], 'version', vs)
redis.call('PUBLISH', ARGV[2], '{"version":' .. vs .. ',"state":' .. ARGV[1] .. '}')
return vs
`)

// restoreScript writes a state back under its own version when the hash is
// missing or holds an older version (Redis restarted empty or from an old
// snapshot), and announces it. It leaves a value of another type alone.
//
//	KEYS[1]  the hash
//	ARGV[1]  the maintenance document (JSON)
//	ARGV[2]  the channel
//	ARGV[3]  the document's version
//
// Returns 1 if it wrote, 0 if not.
var restoreScript = redis.NewScript(`
local key = KEYS[1]
local t = redis.call('TYPE', key).ok
if t == 'hash' then
	local cur = tonumber(redis.call('HGET', key, 'version'))
	if cur and cur >= tonumber(ARGV[3]) then
		return 0
	end
elseif t ~= 'none' then
	return 0
end
redis.call('HSET', key, 'state', ARGV[1], 'version', ARGV[3])
redis.call('PUBLISH', ARGV[2], '{"version":' .. ARGV[3] .. ',"state":' .. ARGV[1] .. '}')
return 1
`)
