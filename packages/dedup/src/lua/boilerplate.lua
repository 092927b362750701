-- Counts, per outlet, in how many of its articles each edge sentence occurred, and says which of the
-- article's sentences are that outlet's boilerplate (seen in two other articles of it already).
-- KEYS[1]: the outlet's hash (field: 4-byte sentence key; value: the 4-byte tags of the first two
--   articles that had it, concatenated).
-- ARGV[1]: the article's 4-byte tag; ARGV[2]: TTL seconds; ARGV[3]: field cap; ARGV[4..]: sentence keys.
-- Returns one 0/1 per sentence key. Idempotent for an article: its tag is counted once per sentence.
-- Bound: past the cap, sentences seen in one article only are dropped (boilerplate recurs; they do not).
local key = KEYS[1]
local tag = ARGV[1]
local out = {}
for i = 4, #ARGV do
  local field = ARGV[i]
  local v = redis.call('HGET', key, field)
  if not v then
    redis.call('HSET', key, field, tag)
    out[#out + 1] = 0
  elseif #v < 8 then
    if v ~= tag then redis.call('HSET', key, field, v .. tag) end
    out[#out + 1] = 0
  else
    local seen = string.sub(v, 1, 4) == tag or string.sub(v, 5, 8) == tag
    out[#out + 1] = seen and 0 or 1
  end
end
if redis.call('HLEN', key) > tonumber(ARGV[3]) then
  local all = redis.call('HGETALL', key)
  for j = 1, #all, 2 do
    if #all[j + 1] < 8 then redis.call('HDEL', key, all[j]) end
  end
end
redis.call('EXPIRE', key, tonumber(ARGV[2]))
return out
