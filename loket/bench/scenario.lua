-- One bench scenario for wrk (`wrk -s scenario.lua URL -- CONFIG`), written by loket/bench/load.py.
-- CONFIG lines: "method GET", "expect 200", "header Name: value", "body FILE" (a request body in
-- which every @@N@@ becomes a number unique to the request), "item COOKIE<TAB>PATH" (requests
-- go round the items; COOKIE "-" sends none). The summary is one line of JSON on stdout.

local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

local function read_file(name)
  local file = assert(io.open(name, "rb"))
  local data = file:read("*a")
  file:close()
  return data
end

function init(args)
  method, expect, headers, items = "GET", {}, {}, {}
  statuses, sent = {}, 0
  for line in io.lines(args[1]) do
    local key, value = line:match("^(%S+) (.*)$")
    if key == "method" then method = value
    elseif key == "expect" then expect[tonumber(value)] = true
    elseif key == "header" then
      local name, text = value:match("^([^:]+): (.*)$")
      headers[name] = text
    elseif key == "body" then
      local data = read_file(value)
      local at = data:find("@@N@@", 1, true)
      if at then body_head, body_tail = data:sub(1, at - 1), data:sub(at + 5)
      else body_head, body_tail = data, nil end
    elseif key == "item" then
      local cookie, path = value:match("^([^\t]*)\t(.*)$")
      table.insert(items, {cookie, path})
    end
  end
  counter = (id - 1) * 7919 -- threads start at different items
end

function request()
  counter = counter + 1
  sent = sent + 1
  local item = items[(counter % #items) + 1]
  local h = {}
  for name, text in pairs(headers) do h[name] = text end
  if item[1] ~= "-" then h["Cookie"] = item[1] end
  local body = nil
  if body_head then
    body = body_tail and (body_head .. id .. "-" .. counter .. body_tail) or body_head
  end
  return wrk.format(method, item[2], h, body)
end

function response(status, headers, body)
  local key = tostring(status)
  statuses[key] = (statuses[key] or 0) + 1
end

function done(summary, latency, requests)
  local counts, total_sent, unexpected = {}, 0, 0
  for _, thread in ipairs(threads) do
    total_sent = total_sent + thread:get("sent")
    for code, count in pairs(thread:get("statuses")) do
      counts[code] = (counts[code] or 0) + count
    end
    local wanted = thread:get("expect")
    for code, count in pairs(thread:get("statuses")) do
      if not wanted[tonumber(code)] then unexpected = unexpected + count end
    end
  end
  local parts = {}
  for code, count in pairs(counts) do table.insert(parts, string.format('"%s": %d', code, count)) end
  local e = summary.errors
  io.write(string.format(
    'WRK-JSON {"requests": %d, "sent": %d, "duration_us": %d, "bytes": %d, ' ..
    '"p50_us": %d, "p90_us": %d, "p95_us": %d, "p99_us": %d, "max_us": %d, "mean_us": %.1f, ' ..
    '"errors": {"connect": %d, "read": %d, "write": %d, "timeout": %d, "status": %d, ' ..
    '"unexpected": %d}, "statuses": {%s}}\n',
    summary.requests, total_sent, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(90), latency:percentile(95),
    latency:percentile(99), latency.max, latency.mean,
    e.connect, e.read, e.write, e.timeout, e.status, unexpected, table.concat(parts, ", ")))
end
