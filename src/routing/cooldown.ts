// LiteLLM's cooldown decision (router_utils/cooldown_handlers.py) per deployment state slot.
import { DEFAULTS, type RouterSettings } from './config.js';
import type { DeploymentView } from './types.js';
import { isCooldownRequired, isRetryableStatus } from './errors.js';

/** Fixed window of the success/failure counters (60 s from the first write). */
export const FAILURE_WINDOW_MS = 60_000;
/** DEFAULT_FAILURE_THRESHOLD_PERCENT (strict >). */
export const FAILURE_THRESHOLD = 0.5;
/** DEFAULT_FAILURE_THRESHOLD_MINIMUM_REQUESTS (newer versions only). */
export const FAILURE_MINIMUM_REQUESTS = 5;
/** SINGLE_DEPLOYMENT_TRAFFIC_FAILURE_THRESHOLD. */
export const SINGLE_DEPLOYMENT_TRAFFIC_THRESHOLD = 1000;

/** Maps an exception class to its allowed_fails_policy / retry_policy key prefix. */
export function policyKeyPrefix(errorClass: string): string {
  switch (errorClass) {
    case 'BadRequestError':
    case 'UnprocessableEntityError':
      return 'BadRequestError';
    case 'AuthenticationError':
      return 'AuthenticationError';
    case 'Timeout':
    case 'APITimeoutError':
      return 'TimeoutError';
    case 'RateLimitError':
      return 'RateLimitError';
    case 'ContentPolicyViolationError':
      return 'ContentPolicyViolationError';
    case 'ContextWindowExceededError':
      return 'BadRequestError';
    case 'ServiceUnavailableError':
      return 'ServiceUnavailableError';
    case 'BadGatewayError':
      return 'BadGatewayError';
    case 'NotFoundError':
      return 'NotFoundError';
    default:
      return 'InternalServerError';
  }
}

/**
 * allowed_fails_policy keys Router.get_allowed_fails_from_policy reads through 1.80.15 (every
 * other key, e.g. InternalServerErrorAllowedFails, is ignored there; row policy-error-classes).
 */
const OLD_POLICY_KEYS: ReadonlySet<string> = new Set([
  'BadRequestErrorAllowedFails',
  'AuthenticationErrorAllowedFails',
  'TimeoutErrorAllowedFails',
  'RateLimitErrorAllowedFails',
  'ContentPolicyViolationErrorAllowedFails',
]);

/** Which cooldown decision applies to a deployment, and its allowed failures. */
export interface CooldownPolicy {
  /** Count ("legacy") mode: see RouterSettings.legacyCooldownMode; a deployment's own allowed_fails ≠ 3. */
  readonly legacy: boolean;
  readonly allowedFails: number;
  readonly allowedFailsPolicy: Readonly<Record<string, number>> | null;
  /** model_info.allowed_fails / allowed_fails_policy of the deployment itself, when set. */
  readonly deploymentAllowedFails: number | null;
  readonly deploymentPolicy: Readonly<Record<string, number>> | null;
}

/**
 * The router's policy, or for a deployment with [2026] model_info.allowed_fails /
 * allowed_fails_policy, those values in its place (each one beats the router's own).
 */
export function cooldownPolicyFor(dep: DeploymentView, settings: RouterSettings): CooldownPolicy {
  const allowedFails = dep.allowedFails ?? settings.allowedFails;
  const allowedFailsPolicy = dep.allowedFailsPolicy ?? settings.allowedFailsPolicy;
  // A deployment's own allowed_fails decides its mode by itself; otherwise the router's mode
  // (settings.legacyCooldownMode, which compares Router.allowed_fails with the global) applies.
  const legacy =
    dep.allowedFails !== null
      ? dep.allowedFails !== DEFAULTS.allowedFails || allowedFailsPolicy !== null
      : settings.legacyCooldownMode || allowedFailsPolicy !== null;
  return {
    legacy,
    allowedFails,
    allowedFailsPolicy,
    deploymentAllowedFails: dep.allowedFails,
    deploymentPolicy: dep.allowedFailsPolicy,
  };
}

export interface FailureInput {
  status: number;
  errorClass: string;
  /** Cooldown length for this failure (already resolved by priority), ms. */
  lengthMs: number;
  /** The deployment's group has exactly one deployment. */
  single: boolean;
  policy: CooldownPolicy;
}

/**
 * The deployments in cooldown: LiteLLM's CooldownCache (router_utils/cooldown_cache.py) on the
 * Router's DualCache, so Routers behind one Redis share one list (RouterOptions.shared).
 */
export class CooldownList {
  /** Cooldown end per slot (0 = none). Read as active iff until > now. */
  readonly until: Float64Array;
  /** Latest cooldown end over all slots: before it nothing is cooling (a fast-path check). */
  maxUntil = 0;
  /** Counts cooldowns entered (the only writes to `until`): a list filtered by cooldown stays valid while it is unchanged. */
  version = 0;
  readonly lastStatus: Int32Array;

  constructor(slots: number) {
    this.until = new Float64Array(slots);
    this.lastStatus = new Int32Array(slots);
  }
}

export class CooldownTracker {
  /** The cooldown list (shared by replicas behind one Redis); the counters below stay per Router. */
  readonly list: CooldownList;
  /** Cooldown end per slot (0 = none): the list's. */
  readonly until: Float64Array;
  readonly lastStatus: Int32Array;
  /** Number of times each slot entered cooldown (metrics). */
  readonly entered: Int32Array;
  /** Expiry of each slot's `{id}:successes` and `{id}:fails` keys (ttl 60 s from the key's first write). */
  private readonly successesUntil: Float64Array;
  private readonly failsUntil: Float64Array;
  private readonly successes: Float64Array;
  private readonly fails: Float64Array;
  private readonly legacyStart: Float64Array;
  private readonly legacyCount: Float64Array;

  constructor(
    slots: number,
    private readonly settings: RouterSettings,
    list?: CooldownList,
  ) {
    if (list !== undefined && list.until.length !== slots) throw new Error('a shared cooldown list must come from a Router of the same config');
    this.list = list ?? new CooldownList(slots);
    this.until = this.list.until;
    this.lastStatus = this.list.lastStatus;
    this.entered = new Int32Array(slots);
    this.successesUntil = new Float64Array(slots).fill(-Infinity);
    this.failsUntil = new Float64Array(slots).fill(-Infinity);
    this.successes = new Float64Array(slots);
    this.fails = new Float64Array(slots);
    this.legacyStart = new Float64Array(slots).fill(-Infinity);
    this.legacyCount = new Float64Array(slots);
  }

  /** Latest cooldown end over all slots: before it nothing is cooling (a fast-path check). */
  get maxUntil(): number {
    return this.list.maxUntil;
  }

  isCooling(slot: number, nowMs: number): boolean {
    return this.until[slot] > nowMs;
  }

  // success-fail-windows-split: two keys, each with a 60 s ttl from its own first write; an
  // expired key reads 0 and restarts on its next increment. Before counter-ttl-first-write
  // (1.71.2) every increment restarted the key's ttl (InMemoryCache.set_cache).
  recordSuccess(slot: number, nowMs: number): void {
    if (nowMs >= this.successesUntil[slot]) {
      this.successesUntil[slot] = nowMs + FAILURE_WINDOW_MS;
      this.successes[slot] = 0;
    } else if (this.settings.behaviours['counter-ttl-first-write'] !== true) {
      this.successesUntil[slot] = nowMs + FAILURE_WINDOW_MS;
    }
    this.successes[slot] += 1;
  }

  private successesNow(slot: number, nowMs: number): number {
    return nowMs < this.successesUntil[slot] ? this.successes[slot] : 0;
  }

  /** Counts a failure and applies LiteLLM's decision. Returns true when the slot entered cooldown. */
  recordFailure(slot: number, f: FailureInput, nowMs: number, eligible: boolean): boolean {
    if (nowMs >= this.failsUntil[slot]) {
      this.failsUntil[slot] = nowMs + FAILURE_WINDOW_MS;
      this.fails[slot] = 0;
    } else if (!this.settings.behaviours['counter-ttl-first-write']) {
      this.failsUntil[slot] = nowMs + FAILURE_WINDOW_MS;
    }
    this.fails[slot] += 1;
    if (!eligible || this.settings.disableCooldowns) return false;
    if (!(f.lengthMs > 0.1)) return false; // ≈0 disables (deployment/request cooldown_time 0, Retry-After 0)
    if (!isCooldownRequired(f.status, f.errorClass)) return false;
    // single-deployment-never-cooled (1.44.26 up to 1.59.1): Router._is_cooldown_required answered
    // False for a one-deployment group, in either mode and for every status.
    if (f.single && this.settings.behaviours['single-deployment-never-cooled']) return false;
    if (this.isCooling(slot, nowMs)) return false; // not extended while active
    const cool = f.policy.legacy ? this.legacyDecision(slot, f, nowMs) : this.percentDecision(slot, f, nowMs);
    if (cool) this.enter(slot, f.status, f.lengthMs, nowMs);
    return cool;
  }

  enter(slot: number, status: number, lengthMs: number, nowMs: number): void {
    this.until[slot] = nowMs + lengthMs;
    if (this.until[slot] > this.list.maxUntil) this.list.maxUntil = this.until[slot];
    this.list.version += 1;
    this.lastStatus[slot] = status;
    this.entered[slot] += 1;
  }

  /** Default mode: failure percentage over the 60 s window. */
  private percentDecision(slot: number, f: FailureInput, nowMs: number): boolean {
    const fails = this.fails[slot]; // just incremented, so live
    const total = fails + this.successesNow(slot, nowMs);
    const rate = total > 0 ? fails / total : 0;
    if (f.status === 429 && !f.single) return true;
    // percent-first-request-exempt (1.46.0 up to 1.59.1): the first request of the window never
    // cools, whatever its status (a 429 above still does).
    if (total === 1 && this.settings.behaviours['percent-first-request-exempt']) return false;
    if (rate === 1 && total >= SINGLE_DEPLOYMENT_TRAFFIC_THRESHOLD) return true;
    const minimum = this.settings.behaviours['failure-minimum-requests'] ? FAILURE_MINIMUM_REQUESTS : 0;
    if (rate > FAILURE_THRESHOLD && total >= minimum && !f.single) return true;
    if (!isRetryableStatus(f.status)) return true; // 401, 404 even on a single deployment
    return false;
  }

  /** Legacy count mode: the (allowed+1)-th failure within cooldown_time of the first one cools. */
  private legacyDecision(slot: number, f: FailureInput, nowMs: number): boolean {
    // single-deployment-count-mode-exempt (1.59.1 up to 1.61.18): count mode skipped a
    // one-deployment group (`elif not is_single_deployment_model_group`), counting nothing.
    if (f.single && this.settings.behaviours['single-deployment-count-mode-exempt']) return false;
    // Before failure-rate-cooldown (1.46.0), Router._set_cooldown_deployments cooled at once on a
    // status litellm._should_retry refuses (401, 404), without counting it.
    if (!this.settings.behaviours['failure-rate-cooldown'] && !isRetryableStatus(f.status)) return true;
    const key = `${policyKeyPrefix(f.errorClass)}AllowedFails`;
    const depPolicyValue = f.policy.deploymentPolicy ? f.policy.deploymentPolicy[key] : undefined;
    // deployment-allowed-fails-single-exempt: a deployment-wide allowed_fails without a policy
    // entry for this error keeps the "no cooldown on a single-deployment group" safety net.
    if (
      f.single &&
      depPolicyValue === undefined &&
      f.policy.deploymentAllowedFails !== null &&
      this.settings.behaviours['deployment-allowed-fails-single-exempt']
    ) {
      return false;
    }
    const policy = f.policy.allowedFailsPolicy;
    // policy-error-classes: before it only five error classes had a policy key that was read.
    const read = this.settings.behaviours['policy-error-classes'] || OLD_POLICY_KEYS.has(key);
    const fromPolicy = policy && read ? policy[key] : undefined;
    // allowed-fails-policy-zero-kept: `is not None` (0 = cool on the first failure); before,
    // `policy or allowed_fails` made 0 fall back to allowed_fails.
    const allowed = this.settings.behaviours['allowed-fails-policy-zero-kept']
      ? (fromPolicy ?? f.policy.allowedFails)
      : fromPolicy || f.policy.allowedFails;
    if (nowMs >= this.legacyStart[slot] + this.settings.cooldownTimeMs) {
      this.legacyStart[slot] = nowMs;
      this.legacyCount[slot] = 0;
    }
    const updated = this.legacyCount[slot] + 1;
    if (updated > allowed) return true;
    this.legacyCount[slot] = updated;
    // failed_calls.set_cache(ttl=cooldown_time): before counter-ttl-first-write (1.71.2) the write
    // restarted the ttl, so the count lives cooldown_time after its latest failure.
    if (!this.settings.behaviours['counter-ttl-first-write']) this.legacyStart[slot] = nowMs;
    return false;
  }

}
