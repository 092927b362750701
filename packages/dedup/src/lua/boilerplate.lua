-- Per outlet, the stories each of its edge sentences occurred in: a sentence found in three unrelated
-- stories of one outlet is that outlet's boilerplate (cookie notice, newsletter line, comment policy...).
-- KEYS[1]: the outlet's hash (field: 4-byte sentence key; value: the 4-byte tags of the first three
--   stories that had it, concatenated).
-- ARGV[1]: mode, "r" = read: returns one 0/1 per sentence key (1 = boilerplate); "w" = write: counts the
--   sentences for the story tagged ARGV[2] (once per story, however often its copies come), returns 0.
-- ARGV[2]: the story's 4-byte tag ("" when reading); ARGV[3]: TTL seconds; ARGV[4]: field cap;
-- ARGV[5..]: sentence keys.
-- Bound: past the cap, sentences not yet boilerplate are dropped (boilerplate recurs; they do not).
local key = KEYS[1]
local tag = ARGV[2]
if ARGV[1] == 'r' then
  local out = {}
  for i = 5, #ARGV do
    local v = redis.call('HGET', key, ARGV[i])
    out[#out + 1] = (v and #v >= 12) and 1 or 0
  end
  return out
end
for i = 5, #ARGV do
  local field = ARGV[i]
  local v = redis.call('HGET', key, field)
  if not v then
    redis.call('HSET', key, field, tag)
  elseif #v < 12 then
    local seen = false
    for o = 1, #v - 3, 4 do
      if string.sub(v, o, o + 3) == tag then seen = true end
    end
    if not seen then redis.call('HSET', key, field, v .. tag) end
  end
end
if redis.call('HLEN', key) > tonumber(ARGV[4]) then
  local all = redis.call('HGETALL', key)
  for j = 1, #all, 2 do
    if #all[j + 1] < 12 then redis.call('HDEL', key, all[j]) end
  end
end
redis.call('EXPIRE', key, tonumber(ARGV[3]))
return 0
