-- wrk reporter: one JSON line with throughput and latency percentiles (microseconds).
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format(
    'WRKJSON {"requests": %d, "duration_us": %d, "errors": %d, "non_2xx": %d, "p50": %d, "p95": %d, "p99": %d, "mean": %.1f}\n',
    summary.requests, summary.duration, errors, summary.errors.status,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.mean))
end
