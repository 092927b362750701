/**
 * Lua run inside Redis. READ gathers everything a decision depends on (index fields in every live
 * partition, the story records they point to, following aliases) and a digest of it; COMMIT recomputes the
 * digest and applies the writes only if nothing changed in between (optimistic concurrency with
 * validation, atomic because Redis runs a script alone). Keys are built from ARGV, so these scripts need a
 * single Redis node (not Cluster).
 *
 * Layout: index key = prefix .. part .. family .. bucket (hash: field -> story id(s), 8 bytes each);
 * story key = prefix .. part .. "s" .. bucket (hash: story id -> packed record, or "=" .. id of the story
 * it was folded into). A field's bucket is its first two bytes modulo the partition's bucket count, kept in
 * prefix .. part .. "#" from the partition's first write: a new bucket count (the index sized for more
 * articles) applies from the next partition on, and older partitions are still read with their own.
 * Partitions are listed newest first; a story lives in the newest partition it was written to, and its
 * key expires with that partition.
 *
 * Gather ARGV: prefix, buckets (for partitions not yet written), nParts, parts..., nProbes,
 * (family, field) * nProbes.
 */
const GATHER = `
local function bucketOf(field, nb)
  return (string.byte(field, 1) * 256 + string.byte(field, 2)) % nb
end
local function bucketCount(prefix, part, default)
  return tonumber(redis.call('GET', prefix .. part .. '#')) or default
end
-- the live partitions that hold anything (a partition's "#" key is its first write), and their bucket counts
local function partsOf(argv)
  local prefix = argv[1]
  local nb = tonumber(argv[2])
  local nParts = tonumber(argv[3])
  local parts = {}
  local nbs = {}
  for p = 1, nParts do
    local count = tonumber(redis.call('GET', prefix .. argv[3 + p] .. '#'))
    if count then
      parts[#parts + 1] = argv[3 + p]
      nbs[#nbs + 1] = count
    end
  end
  return prefix, nb, parts, nbs, 4 + nParts
end
local function findStory(prefix, parts, nbs, id)
  for p = 1, #parts do
    local v = redis.call('HGET', prefix .. parts[p] .. 's' .. bucketOf(id, nbs[p]), id)
    if v then return v, parts[p] end
  end
  return nil, nil
end
local function gather(argv)
  local prefix, nb, parts, nbs, i = partsOf(argv)
  local nProbes = tonumber(argv[i]); i = i + 1
  local values = {}
  local ids = {}
  local idOrder = {}
  for q = 1, nProbes do
    local family = argv[i]; local field = argv[i + 1]; i = i + 2
    local acc = {}
    for p = 1, #parts do
      local v = redis.call('HGET', prefix .. parts[p] .. family .. bucketOf(field, nbs[p]), field)
      if v then acc[#acc + 1] = v end
    end
    local s = table.concat(acc)
    values[q] = s
    for o = 1, #s - 7, 8 do
      local id = string.sub(s, o, o + 7)
      if not ids[id] then ids[id] = true; idOrder[#idOrder + 1] = id end
    end
  end
  local resolved = {}
  local digestParts = {}
  for q = 1, nProbes do digestParts[#digestParts + 1] = values[q] end
  for _, id in ipairs(idOrder) do
    local cur = id
    local rec = false
    local at = false
    for hop = 1, 32 do
      local v, part = findStory(prefix, parts, nbs, cur)
      if not v then break end
      digestParts[#digestParts + 1] = cur .. part .. v
      if string.byte(v, 1) == 61 then cur = string.sub(v, 2, 9) else rec = v; at = part; break end
    end
    resolved[#resolved + 1] = id
    resolved[#resolved + 1] = cur
    resolved[#resolved + 1] = rec
    resolved[#resolved + 1] = at
  end
  return redis.sha1hex(table.concat(digestParts, '|')), values, resolved, i, nb
end
`;

/**
 * Writes, from ARGV[i]: writePart, ttl, postingCap, nIndexWrites, (mode, family, field, value) * n
 * [mode "s" = set, "p" = append to a posting list], nStoryWrites, (id8, value, oldPart) * n
 * [oldPart "" when new; the old copy is removed].
 */
const APPLY = `
local function apply(argv, i, nb)
  local prefix = argv[1]
  local part = argv[i]
  local ttl = tonumber(argv[i + 1])
  local cap = tonumber(argv[i + 2])
  local n = tonumber(argv[i + 3])
  i = i + 4
  redis.call('SET', prefix .. part .. '#', nb, 'NX', 'EX', ttl)
  local nbw = bucketCount(prefix, part, nb)
  local touched = {}
  local function touch(key)
    -- every key of a partition expires when the partition stops being read: set once, when created
    if not touched[key] then touched[key] = true; redis.call('EXPIRE', key, ttl, 'NX') end
  end
  for w = 1, n do
    local mode = argv[i]; local field = argv[i + 2]; local value = argv[i + 3]
    local key = prefix .. part .. argv[i + 1] .. bucketOf(field, nbw)
    i = i + 4
    if mode == 's' then
      redis.call('HSET', key, field, value)
    else
      local cur = redis.call('HGET', key, field)
      if not cur then
        redis.call('HSET', key, field, value)
      else
        local present = false
        for o = 1, #cur - 7, 8 do
          if string.sub(cur, o, o + 7) == value then present = true; break end
        end
        if not present and #cur < cap * 8 then redis.call('HSET', key, field, cur .. value) end
      end
    end
    touch(key)
  end
  local ns = tonumber(argv[i]); i = i + 1
  for s = 1, ns do
    local id = argv[i]; local value = argv[i + 1]; local old = argv[i + 2]
    i = i + 3
    if old ~= '' and old ~= part then
      redis.call('HDEL', prefix .. old .. 's' .. bucketOf(id, bucketCount(prefix, old, nb)), id)
    end
    local key = prefix .. part .. 's' .. bucketOf(id, nbw)
    redis.call('HSET', key, id, value)
    touch(key)
  end
end
`;

/**
 * Returns { digest, nValues, values..., (rawId, finalId, record|nil, part|nil) * n }. When writes follow
 * the gather arguments (the article as a story of its own) and no probe found anything, applies them
 * instead and returns { "+" }: a new story costs one round trip.
 */
export const READ_SCRIPT = `${GATHER}${APPLY}
local digest, values, resolved, i, nb = gather(ARGV)
if #resolved == 0 and #ARGV >= i then
  apply(ARGV, i, nb)
  return { '+' }
end
local out = { digest, #values }
for q = 1, #values do out[#out + 1] = values[q] end
for r = 1, #resolved do out[#out + 1] = resolved[r] end
return out
`;

/** After the gather arguments: expectedDigest, then the writes (see APPLY). Returns 1 when applied, 0 on conflict. */
export const COMMIT_SCRIPT = `${GATHER}${APPLY}
local digest, values, resolved, i, nb = gather(ARGV)
if digest ~= ARGV[i] then return 0 end
apply(ARGV, i + 1, nb)
return 1
`;

/** Follow aliases from a story id to its record. ARGV as gather with no probes, then id8. Returns { id8, record } or nil. */
export const GET_SCRIPT = `${GATHER}
local prefix, nb, parts, nbs, i = partsOf(ARGV)
local cur = ARGV[i]
for hop = 1, 32 do
  local v = findStory(prefix, parts, nbs, cur)
  if not v then return false end
  if string.byte(v, 1) == 61 then cur = string.sub(v, 2, 9) else return { cur, v } end
end
return false
`;
