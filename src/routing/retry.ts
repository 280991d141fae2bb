// Retry decisions of Router.async_function_with_retries: how many retries an error gets, which
// errors skip retries, and how long to sleep before the next attempt.
import type { RandomSource } from './types.js';
import type { RouterSettings } from './config.js';
import { policyKeyPrefix } from './cooldown.js';
import { isRetryableStatus } from './errors.js';

/**
 * Retry-After values above this are ignored for the retry sleep (still used for cooldowns):
 * `0 < retry_after <= 60` in litellm/utils.py _calculate_retry_after, every release.
 */
export const MAX_RETRY_AFTER_HEADER_MS = 60_000;
/**
 * Cap of the exponential backoff: MAX_RETRY_DELAY = 8.0 in litellm/constants.py (from 1.65.3);
 * before, `max_retry_delay = 8.0` written into litellm/utils.py _calculate_retry_after.
 */
export const MAX_BACKOFF_MS = 8_000;
/** First backoff step: INITIAL_RETRY_DELAY = 0.5 (constants.py, from 1.65.3); before `initial_retry_delay = 0.5` (utils.py). */
const INITIAL_BACKOFF_MS = 500;
/**
 * JITTER = 0.75 (litellm/constants.py, from 1.65.3): from 1.74.11 uniform [0, 0.75) s added to the
 * sleep (retry-backoff-capped-8s); 1.65.3 to 1.74.10 a factor U·0.75 of it (retry-jitter-scaled-075).
 */
const JITTER_MS = 750;
const JITTER_FACTOR = 0.75;
/** Before 1.65.3 the jitter scaled the backoff by (1 − 0.25·U): `jitter = 1 - 0.25 * random.random()` in utils.py. */
const OLD_JITTER_FRACTION = 0.25;

export interface FailureFacts {
  status: number;
  errorClass: string;
  /** Deployments in the group (1 for a deployment-id request). */
  groupSize: number;
  /** Group deployments not cooling down after this failure. */
  healthy: number;
  /** The configured lists that would catch this error. */
  hasContextWindowFallbacks: boolean;
  hasContentPolicyFallbacks: boolean;
  hasFallbacks: boolean;
}

/** retry_policy / model_group_retry_policy count for this error, or null when no policy applies. */
export function policyRetries(settings: RouterSettings, group: string, errorClass: string): number | null {
  const policy = settings.modelGroupRetryPolicy[group] ?? settings.retryPolicy;
  if (!policy) return null;
  const prefix = policyKeyPrefix(errorClass);
  const v = policy[`${prefix}Retries`];
  if (v !== undefined) return v;
  if (settings.behaviours['retry-policy-default-retries'] && policy.DefaultRetries !== undefined) return policy.DefaultRetries;
  return null;
}

/** LiteLLM's should_retry_this_error, inverted: true when the error must not be retried. */
export function skipsRetries(settings: RouterSettings, f: FailureFacts): boolean {
  if (f.errorClass === 'ContextWindowExceededError' && f.hasContextWindowFallbacks) return true;
  if (f.errorClass === 'ContentPolicyViolationError' && f.hasContentPolicyFallbacks) return true;
  const v2026 = settings.behaviours['no-retry-non-retryable'];
  if (v2026 && !isRetryableStatus(f.status) && f.status !== 401 && f.status !== 403) return true;
  if (f.errorClass === 'NotFoundError' || f.status === 404) return true;
  if (f.status === 429 && f.healthy === 0 && f.hasFallbacks) return true;
  if ((f.status === 401 || (v2026 && f.status === 403)) && f.groupSize <= 1) return true;
  return f.healthy === 0;
}

/** `_calculate_retry_after`: Retry-After when 0 < it ≤ 60 s, else exponential backoff. */
export function backoffMs(
  settings: RouterSettings,
  retriesDone: number,
  retryAfterHeaderMs: number | undefined,
  random: RandomSource,
): number {
  const added = settings.behaviours['retry-backoff-capped-8s'];
  if (retryAfterHeaderMs !== undefined && retryAfterHeaderMs > 0 && retryAfterHeaderMs <= MAX_RETRY_AFTER_HEADER_MS) {
    return added ? retryAfterHeaderMs + JITTER_MS * random() : retryAfterHeaderMs;
  }
  const base = INITIAL_BACKOFF_MS * 2 ** retriesDone;
  if (added) {
    return Math.min(Math.max(base, settings.retryAfterMs), MAX_BACKOFF_MS) + JITTER_MS * random();
  }
  const factor = settings.behaviours['retry-jitter-scaled-075'] ? JITTER_FACTOR * random() : 1 - OLD_JITTER_FRACTION * random();
  return Math.max(Math.min(base, MAX_BACKOFF_MS) * factor, settings.retryAfterMs);
}

/** `_time_to_sleep_before_retry`: 0 when other deployments are healthy, else the backoff. */
export function sleepBeforeRetryMs(
  settings: RouterSettings,
  groupSize: number,
  healthy: number,
  retriesDone: number,
  retryAfterHeaderMs: number | undefined,
  random: RandomSource,
): number {
  if (groupSize !== 1 && healthy > 0) return 0;
  return backoffMs(settings, retriesDone, retryAfterHeaderMs, random);
}
