package redisstore

import "github.com/redis/go-redis/v9"

// versionLua holds the helpers both scripts use to handle versions. Lua
// numbers are doubles, which stop counting at 2^53 (2^53 + 1 == 2^53), so
// a version is kept as the decimal string Redis stores and is compared and
// incremented digit by digit: exact over the whole int64 range.
//
//	valid(s)   s is a positive int64 in canonical decimal form
//	less(a, b) a < b, for canonical decimal strings
//	inc(s)     s + 1, for a canonical decimal string or "0"
const versionLua = `
local maxVersion = '9223372036854775807'
local function valid(s)
	return type(s) == 'string' and #s <= #maxVersion and string.match(s, '^[1-9]%d*$') ~= nil
		and (#s < #maxVersion or s <= maxVersion)
end
local function less(a, b)
	if #a ~= #b then
		return #a < #b
	end
	return a < b
end
local function inc(s)
	local i = #s
	while i > 0 and string.sub(s, i, i) == '9' do
		i = i - 1
	end
	if i == 0 then
		return '1' .. string.rep('0', #s)
	end
	return string.sub(s, 1, i - 1) .. string.char(string.byte(s, i) + 1) .. string.rep('0', #s - i)
end
`

// writeScript sets the state and announces it, atomically.
//
//	KEYS[1]  the hash
//	ARGV[1]  the maintenance document (JSON)
//	ARGV[2]  the channel
//	ARGV[3]  the version the writer holds (decimal, 0 for none)
//
// The new version is the largest of: the stored version + 1, the writer's
// version + 1, and the server's clock in microseconds. The clock keeps
// versions growing when Redis lost the hash; the writer's version covers a
// clock that went back meanwhile. A value of the wrong type at the key, or
// a version that is not a positive int64, is replaced: writing is how an
// operator repairs it. If the new version would pass the largest int64,
// the script changes nothing and fails: a write that applies nowhere must
// not report success. Returns the new version as a decimal string.
var writeScript = redis.NewScript(versionLua + `
local key = KEYS[1]
local cur = '0'
local t = redis.call('TYPE', key).ok
if t == 'hash' then
	local stored = redis.call('HGET', key, 'version')
	if valid(stored) then
		cur = stored
	end
end
local now = redis.call('TIME')
local v = now[1] .. string.format('%06d', tonumber(now[2]))
for _, c in ipairs({inc(cur), inc(ARGV[3])}) do
	if less(v, c) then
		v = c
	end
end
if not valid(v) then
	return redis.error_reply('ERR the maintenance state version has reached the largest int64; delete the key and restart the instances to start over')
end
if t ~= 'hash' and t ~= 'none' then
	redis.call('DEL', key)
end
redis.call('HSET', key, 'state', ARGV[1], 'version', v)
redis.call('PUBLISH', ARGV[2], '{"version":' .. v .. '}')
return v
`)

// restoreScript writes a state back under its own version when the hash is
// missing or holds an older version (Redis restarted empty or from an old
// snapshot), and announces it. It leaves a value of another type alone.
//
//	KEYS[1]  the hash
//	ARGV[1]  the maintenance document (JSON)
//	ARGV[2]  the channel
//	ARGV[3]  the document's version (a positive int64, decimal)
//
// Returns 1 if it wrote, 0 if not.
var restoreScript = redis.NewScript(versionLua + `
local key = KEYS[1]
local t = redis.call('TYPE', key).ok
if t == 'hash' then
	local cur = redis.call('HGET', key, 'version')
	if valid(cur) and not less(cur, ARGV[3]) then
		return 0
	end
elseif t ~= 'none' then
	return 0
end
redis.call('HSET', key, 'state', ARGV[1], 'version', ARGV[3])
redis.call('PUBLISH', ARGV[2], '{"version":' .. ARGV[3] .. '}')
return 1
`)
