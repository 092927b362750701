/**
 * Lua run inside Redis. READ gathers everything a decision depends on (index fields in every live
 * partition, the story records they point to, following aliases) and a digest of it; COMMIT recomputes the
 * digest and applies the writes only if nothing changed in between (optimistic concurrency with
 * validation, atomic because Redis runs a script alone). Keys are built from ARGV, so these scripts need a
 * single Redis node (not Cluster).
 *
 * ARGV layout shared by both: prefix, nParts, parts..., nProbes, (tag, field) * nProbes.
 * Index key = prefix .. part .. tag  (tag = family letter .. bucket); story key = prefix .. "s" .. id8.
 */
const GATHER = `
local function gather(argv)
  local prefix = argv[1]
  local nParts = tonumber(argv[2])
  local i = 3
  local parts = {}
  for p = 1, nParts do parts[p] = argv[i]; i = i + 1 end
  local nProbes = tonumber(argv[i]); i = i + 1
  local values = {}
  local ids = {}
  local idOrder = {}
  for q = 1, nProbes do
    local tag = argv[i]; local field = argv[i + 1]; i = i + 2
    local acc = {}
    for p = 1, nParts do
      local v = redis.call('HGET', prefix .. parts[p] .. tag, field)
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
    for hop = 1, 32 do
      local v = redis.call('GET', prefix .. 's' .. cur)
      if not v then break end
      digestParts[#digestParts + 1] = cur .. v
      if string.byte(v, 1) == 61 then cur = string.sub(v, 2, 9) else rec = v; break end
    end
    resolved[#resolved + 1] = id
    resolved[#resolved + 1] = cur
    resolved[#resolved + 1] = rec
  end
  return redis.sha1hex(table.concat(digestParts, '|')), values, resolved, i
end
`;

export const READ_SCRIPT = `${GATHER}
local digest, values, resolved = gather(ARGV)
local out = { digest, #values }
for q = 1, #values do out[#out + 1] = values[q] end
for r = 1, #resolved do out[#out + 1] = resolved[r] end
return out
`;

/**
 * After the gather arguments: expectedDigest, writePart, indexTtl, storyTtl, postingCap,
 * nIndexWrites, (mode, tag, field, value) * n  [mode "s" = set, "p" = append to a posting list],
 * nStoryWrites, (id8, value) * n. Returns 1 when applied, 0 on conflict.
 */
export const COMMIT_SCRIPT = `${GATHER}
local digest, values, resolved, i = gather(ARGV)
if digest ~= ARGV[i] then return 0 end
local prefix = ARGV[1]
local part = ARGV[i + 1]
local indexTtl = tonumber(ARGV[i + 2])
local storyTtl = tonumber(ARGV[i + 3])
local cap = tonumber(ARGV[i + 4])
local n = tonumber(ARGV[i + 5])
i = i + 6
local touched = {}
for w = 1, n do
  local mode = ARGV[i]; local key = prefix .. part .. ARGV[i + 1]; local field = ARGV[i + 2]; local value = ARGV[i + 3]
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
  if not touched[key] then touched[key] = true; redis.call('EXPIRE', key, indexTtl) end
end
local ns = tonumber(ARGV[i]); i = i + 1
for s = 1, ns do
  redis.call('SET', prefix .. 's' .. ARGV[i], ARGV[i + 1], 'EX', storyTtl)
  i = i + 2
end
return 1
`;

/** Follow aliases from a story id to the record; returns { id8, record } or nil. ARGV: prefix, id8. */
export const GET_SCRIPT = `
local cur = ARGV[2]
for hop = 1, 32 do
  local v = redis.call('GET', ARGV[1] .. 's' .. cur)
  if not v then return false end
  if string.byte(v, 1) == 61 then cur = string.sub(v, 2, 9) else return { cur, v } end
end
return false
`;
