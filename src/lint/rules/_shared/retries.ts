// LiteLLM's retry backoff without a Retry-After header (litellm/utils.py::_calculate_retry_after,
// read in 1.80.15): INITIAL_RETRY_DELAY 0.5 s doubling per retry, raised to at least
// router_settings.retry_after, then capped at MAX_RETRY_DELAY 8 s; jitter (≤ 0.75 s) left out.

/** Sum of the waits before `retries` retries, in seconds. */
export function backoffSeconds(retries: number, retryAfter = 0): number {
  let total = 0;
  for (let i = 0; i < retries; i++) total += Math.min(Math.max(0.5 * 2 ** i, retryAfter), 8);
  return total;
}
