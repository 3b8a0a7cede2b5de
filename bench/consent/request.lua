-- wrk script: replays the requests of a file (METHOD \t path \t body per line) in a loop, each thread from its own
-- starting point, and prints one machine-readable RESULT line. Usage: wrk ... -s request.lua URL -- file [bearer token]
local requests = {}
local next_index = 1

function init(args)
    local headers = { ["Content-Type"] = "application/json" }
    if args[2] ~= nil and args[2] ~= "" then
        headers["Authorization"] = "Bearer " .. args[2]
    end
    for line in io.lines(args[1]) do
        local method, path, body = line:match("^(%u+)\t([^\t]+)\t?(.*)$")
        if body == "" then body = nil end
        requests[#requests + 1] = wrk.format(method, path, headers, body)
    end
    next_index = math.random(#requests)
end

function request()
    next_index = next_index % #requests + 1
    return requests[next_index]
end

function done(summary, latency, requests)
    local e = summary.errors
    io.write(string.format(
        'RESULT {"requests":%d,"seconds":%.3f,"socketErrors":%d,"statusErrors":%d,"p50":%d,"p99":%d,"p999":%d,"max":%d}\n',
        summary.requests, summary.duration / 1e6, e.connect + e.read + e.write + e.timeout, e.status,
        latency:percentile(50), latency:percentile(99), latency:percentile(99.9), latency.max))
end
