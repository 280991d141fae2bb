// Retry decisions of Router.async_function_with_retries: how many retries an error gets, which
// errors skip retries, and how long to sleep before the next attempt.
import type { RandomSource } from './types.js';
import type { RouterSettings } from './config.js';
import { policyKeyPrefix } from './cooldown.js';
import { isRetryableStatus } from './errors.js';

/** Retry-After values above this are ignored for the retry sleep (still used for cooldowns). */
export const MAX_RETRY_AFTER_HEADER_MS = 60_000;
/** Cap of the exponential backoff (litellm MAX_RETRY_DELAY-ish constant, 8 s). */
export const MAX_BACKOFF_MS = 8_000;
const INITIAL_BACKOFF_MS = 500;

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
  if (retryAfterHeaderMs !== undefined && retryAfterHeaderMs > 0 && retryAfterHeaderMs <= MAX_RETRY_AFTER_HEADER_MS) {
    return retryAfterHeaderMs;
  }
  const base = INITIAL_BACKOFF_MS * 2 ** retriesDone;
  if (settings.behaviours['retry-backoff-capped-8s']) {
    return Math.min(Math.max(base, settings.retryAfterMs), MAX_BACKOFF_MS) + 750 * random();
  }
  return Math.max(Math.min(base, MAX_BACKOFF_MS) * (1 - 0.25 * random()), settings.retryAfterMs);
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
