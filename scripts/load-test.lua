-- Prints one line per run for scripts/load-test.sh: requests, requests per second, p50 and p99 in
-- milliseconds, and errors (socket errors, timeouts and responses other than 2xx or 3xx).
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT %d %.1f %.1f %.1f %d\n", summary.requests,
    summary.requests / (summary.duration / 1000000), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, errors))
end
