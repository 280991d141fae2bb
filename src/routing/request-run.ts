// One client request through LiteLLM's retry + fallback machinery
// (async_function_with_fallbacks → async_function_with_retries → run_async_fallback).
// The run never calls deployments itself: it returns the next call to make (see router.ts).
import type { CallOutcome, NextStep, NoDeploymentReason, PickResult, RequestFailureReason, RouteRequest } from './types.js';
import type { RequestRun } from './router.js';
import type { FailureAccounting, RouterCore } from './core.js';
import { errorClassOf, isRetryableStatus, isSuccess, statusOf } from './errors.js';
import { fallbackTargets } from './fallbacks.js';
import { policyRetries, skipsRetries, sleepBeforeRetryMs } from './retry.js';

interface Frame {
  /** Name this frame was entered with (requested model or fallback target). */
  name: string;
  /** Internal group index, or -1 for a deployment-id frame / unknown name. */
  group: number;
  /** Deployment for a deployment-id frame, else -1. */
  deployment: number;
  /** Group label (model group name). */
  label: string;
  retriesDone: number;
  targets: readonly string[] | null;
  targetIdx: number;
  /** [2026] order fallback: picks leave out the group's order tiers below this index. */
  minTier: number;
  /** [2026 proxy] a failure in this group entry already ran the cooldown callback. */
  failureCounted: boolean;
  /** LiteLLM's fallback_depth when this frame was entered (0 for the requested model). */
  depth: number;
  /** Fallback hops started from this frame (order tiers and targets): the next one is at depth + hops + 1. */
  hops: number;
  /** Deployments this frame's picks leave out (weighted failover, 401/403 on a retry). */
  skip: number[];
}

interface Failure {
  status: number;
  errorClass: string;
  message: string;
  retryAfterMs?: number;
  /** Deployment that failed (-1 when the failure was "no deployment could be picked"). */
  deployment: number;
  noDeployment?: NoDeploymentReason;
  /** The stream broke after its first chunk. */
  midstream?: boolean;
}

function pickFailure(p: Extract<PickResult, { ok: false }>): Failure {
  const cw = p.reason === 'context-window-exceeded';
  const bad = p.reason === 'unknown-model';
  return {
    status: cw || bad ? 400 : 429,
    errorClass: cw ? 'ContextWindowExceededError' : bad ? 'BadRequestError' : 'RateLimitError',
    message: p.message,
    retryAfterMs: p.retryAfterMs,
    deployment: -1,
    noDeployment: p.reason,
  };
}

/** Shared answer for a successful call (immutable; saves one allocation per request). */
const SUCCESS: NextStep = Object.freeze({ kind: 'success' as const });

export class RequestRunImpl implements RequestRun, FailureAccounting {
  retries = 0;
  fallbacks = 0;
  orderFallbacks = 0;
  private readonly stack: Frame[] = [];
  /** Frames kept for reuse across the run's lifetime (a run is reset and reused by the simulator). */
  private readonly framePool: Frame[] = [];
  /**
   * Names entered so far. The first name lives in `firstAttempted`; the Set is only created when
   * a second group is entered (a fallback), so the common path allocates nothing.
   */
  private firstAttempted: string | null = null;
  private attempted: Set<string> | null = null;
  private started = false;
  private last: NextStep | null = null;
  private original: Failure | null = null;
  private latestPrimary: Failure | null = null;
  private currentDeployment = -1;

  constructor(
    readonly core: RouterCore,
    private request: RouteRequest,
    private createdAt: number,
  ) {
    if (core.settings.proxyFailureAccounting) core.runs.set(request, this);
  }

  /** Makes this run start over for a new request (same router); used to pool runs. */
  reset(request: RouteRequest, createdAt: number): void {
    this.request = request;
    this.createdAt = createdAt;
    if (this.core.settings.proxyFailureAccounting) this.core.runs.set(request, this);
    this.retries = 0;
    this.fallbacks = 0;
    this.orderFallbacks = 0;
    const stack = this.stack;
    while (stack.length > 0) stack.pop(); // cheaper than `length = 0` for a frame or two
    this.firstAttempted = null;
    if (this.attempted !== null) this.attempted.clear();
    this.started = false;
    this.last = null;
    this.original = null;
    this.latestPrimary = null;
    this.currentDeployment = -1;
  }

  private markAttempted(name: string): void {
    if (this.firstAttempted === null) this.firstAttempted = name;
    else if (name !== this.firstAttempted) (this.attempted ??= new Set()).add(name);
  }

  private wasAttempted(name: string): boolean {
    return name === this.firstAttempted || (this.attempted !== null && this.attempted.has(name));
  }

  /** A frame from the pool (one per stack depth), reinitialised. */
  private frame(name: string, group: number, deployment: number, label: string): Frame {
    const depth = this.stack.length;
    let frame = this.framePool[depth];
    if (frame === undefined) {
      frame = { name, group, deployment, label, retriesDone: 0, targets: null, targetIdx: 0, minTier: 0, failureCounted: false, depth: 0, hops: 0, skip: [] };
      this.framePool[depth] = frame;
    } else {
      frame.name = name;
      frame.group = group;
      frame.deployment = deployment;
      frame.label = label;
      frame.retriesDone = 0;
      frame.targets = null;
      frame.targetIdx = 0;
      frame.minTier = 0;
      frame.failureCounted = false;
      frame.depth = 0;
      frame.hops = 0;
      frame.skip.length = 0;
    }
    this.stack.push(frame);
    return frame;
  }

  next(nowMs: number): NextStep {
    if (this.started) return this.last ?? this.finish();
    this.started = true;
    const now = Math.max(nowMs, this.createdAt);
    if (this.core.global.enabled) {
      const wait = this.core.global.admit(this.request.inputTokens, now);
      if (wait > 0) {
        return this.setLast({
          kind: 'fail',
          reason: 'rate-limited',
          status: 429,
          message: `Gateway rate limit (router_settings rpm/tpm) reached; try again in ${Math.ceil(wait / 1000)} seconds.`,
        });
      }
    }
    return this.setLast(this.enter(this.request.model, now, 0) ?? this.finish());
  }

  report(outcome: CallOutcome, nowMs: number): NextStep {
    if (this.last === null || this.last.kind !== 'call') return this.last ?? this.next(nowMs);
    const status = statusOf(outcome);
    if (isSuccess(status) && !outcome.timedOut) return this.setLast(SUCCESS);
    const frame = this.stack[this.stack.length - 1];
    const failure: Failure = {
      status: isSuccess(status) ? 408 : status,
      errorClass: errorClassOf(outcome),
      message: `${errorClassOf(outcome)} (status ${status}) from deployment ${this.core.deployments[this.currentDeployment]?.id ?? '?'}`,
      retryAfterMs: outcome.retryAfterMs,
      deployment: this.currentDeployment,
    };
    if (outcome.midstream === true) {
      failure.midstream = true;
      return this.setLast(this.onMidstreamFailure(frame, failure, nowMs));
    }
    return this.setLast(this.onFailure(frame, failure, nowMs, 0));
  }

  /**
   * [2026 proxy] LiteLLM's proxy shares one logging object across a request's attempts, so only
   * the first failure in each group entry (the primary group, each fallback hop, each order
   * fallback) runs the cooldown callback. Failures of calls this run did not hand out count.
   */
  countsFailure(d: number): boolean {
    const last = this.last;
    if (last === null || last.kind !== 'call' || last.deployment !== d) return true;
    const frame = this.stack[this.stack.length - 1];
    if (frame === undefined) return true;
    if (frame.failureCounted) return false;
    frame.failureCounted = true;
    return true;
  }

  private setLast(step: NextStep): NextStep {
    this.last = step;
    return step;
  }

  /** Enters a group (primary or fallback target). Returns null for an unknown fallback target. */
  private enter(name: string, nowMs: number, delayMs: number, depth = 0): NextStep | null {
    const r = this.core.index.resolve(name);
    this.markAttempted(name);
    if (r.kind === 'unknown') {
      if (this.stack.length > 0) return null;
      const frame = this.frame(name, -1, -1, name);
      const p = this.core.pick(this.request, nowMs + delayMs);
      return this.onFailure(frame, pickFailure(p as Extract<PickResult, { ok: false }>), nowMs, delayMs);
    }
    const frame =
      r.kind === 'group'
        ? this.frame(name, r.group, -1, this.core.index.names[r.group])
        : this.frame(name, -1, r.deployment, this.core.index.names[this.core.groupOf[r.deployment]]);
    frame.depth = depth;
    return this.attempt(frame, nowMs, delayMs);
  }

  /** Picks in the frame's group at the time the call would start (now + delay). */
  private attempt(frame: Frame, nowMs: number, delayMs: number): NextStep {
    const at = nowMs + delayMs;
    const p =
      frame.deployment >= 0
        ? this.core.pickDeploymentId(frame.deployment, at)
        : this.core.pickInGroup(frame.group, this.request, at, frame.minTier, frame.skip);
    if (p.ok) {
      this.currentDeployment = p.deployment;
      return { kind: 'call', deployment: p.deployment, group: p.group, delayMs };
    }
    return this.onFailure(frame, pickFailure(p), nowMs, delayMs);
  }

  private onFailure(frame: Frame, f: Failure, nowMs: number, delayMs: number): NextStep {
    const core = this.core;
    const s = core.settings;
    if (this.stack.length === 1) {
      if (this.original === null) this.original = f;
      this.latestPrimary = f;
    }
    const at = nowMs + delayMs;
    const groupSize = frame.group >= 0 ? core.index.members[frame.group].length : 1;
    const healthy =
      frame.group >= 0
        ? core.healthyCount(frame.group, at, frame.minTier)
        : frame.deployment >= 0 && core.cooldownUntil(frame.deployment, at) === null
          ? 1
          : 0;
    const facts = {
      status: f.status,
      errorClass: f.errorClass,
      groupSize,
      healthy,
      hasContextWindowFallbacks: s.contextWindowFallbacks.length > 0,
      hasContentPolicyFallbacks: s.contentPolicyFallbacks.length > 0,
      hasFallbacks: s.fallbacks.length > 0,
    };
    const policy = policyRetries(s, frame.label, f.errorClass);
    const failedDep = f.deployment >= 0 ? core.deployments[f.deployment] : null;
    // async_function_with_retries: the exception's num_retries (the failed deployment's
    // litellm_params.num_retries, passed to litellm.acompletion) beats the request's, which beats the router's.
    const numRetries = policy ?? failedDep?.numRetries ?? this.request.numRetries ?? s.numRetries;
    // [2026] an applicable retry policy skips the no-retry rules entirely.
    const gated = policy !== null && s.behaviours['retry-policy-default-retries'] ? false : skipsRetries(s, facts);
    // retry-skips-auth-failed-deployment: the retry leaves out a deployment that answered 401/403
    if (s.behaviours['retry-skips-auth-failed-deployment'] && (f.status === 401 || f.status === 403) && f.deployment >= 0) {
      if (!frame.skip.includes(f.deployment)) frame.skip.push(f.deployment);
    }
    if (!gated && frame.retriesDone < numRetries) {
      const sleep = sleepBeforeRetryMs(s, groupSize, healthy, frame.retriesDone, f.retryAfterMs, core.random);
      frame.retriesDone += 1;
      this.retries += 1;
      return this.attempt(frame, nowMs, delayMs + sleep);
    }
    let extra = 0;
    if (!gated && numRetries > 0 && s.behaviours['retry-sleep-after-last-attempt']) {
      // The retry loop sleeps once more after the final failed attempt (from 1.35.34).
      extra = sleepBeforeRetryMs(s, groupSize, healthy, frame.retriesDone, f.retryAfterMs, core.random);
    }
    return this.groupFailed(frame, f, nowMs, delayMs + extra);
  }

  /**
   * A stream that broke after its first chunk never reaches async_function_with_retries (the
   * router already returned the stream). midstream-fallback: Router._acompletion_streaming_iterator
   * catches the MidStreamFallbackError and runs async_function_with_fallbacks_common_utils, the
   * fallback chain without same-group retries; before it, the error reaches the client as is.
   */
  private onMidstreamFailure(frame: Frame, f: Failure, nowMs: number): NextStep {
    if (this.stack.length === 1) {
      if (this.original === null) this.original = f;
      this.latestPrimary = f;
    }
    if (!this.core.settings.behaviours['midstream-fallback']) {
      return { kind: 'fail', reason: 'midstream-error', status: f.status, message: `stream broke after its first chunk: ${f.message}` };
    }
    return this.groupFailed(frame, f, nowMs, 0);
  }

  /** Tries the failed frame's fallback targets in order; unwinds to the parent when exhausted. */
  private groupFailed(frame: Frame, f: Failure, nowMs: number, delayMs: number): NextStep {
    const s = this.core.settings;
    // [2026] order fallback: the group's next-higher order tier (with its own retries) comes
    // before the external fallbacks.
    // run_async_fallback checks max_fallbacks only on entry (fallback_depth >= max_fallbacks):
    // a frame entered at that depth falls back no further, otherwise every entry of its chain
    // is tried, each one hop deeper (fallback-depth-on-entry).
    const mayFallBack = frame.depth < s.maxFallbacks;
    if (mayFallBack && frame.group >= 0 && f.deployment >= 0) {
      const next = this.core.nextTier(frame.group, f.deployment);
      if (next > frame.minTier) {
        frame.minTier = next;
        frame.retriesDone = 0;
        frame.failureCounted = false;
        frame.hops += 1;
        this.orderFallbacks += 1;
        return this.attempt(frame, nowMs, delayMs);
      }
    }
    // weighted-failover: a retryable failure re-picks (weighted) among the group's deployments this
    // request has not tried, one hop each, before the cross-group fallbacks.
    if (s.weightedFailover && mayFallBack && frame.group >= 0 && f.deployment >= 0 && isRetryableStatus(f.status)) {
      if (!frame.skip.includes(f.deployment)) frame.skip.push(f.deployment);
      if (frame.depth + frame.hops < s.maxFallbacks) {
        const p = this.core.pickInGroup(frame.group, this.request, nowMs + delayMs, frame.minTier, frame.skip);
        if (p.ok) {
          frame.hops += 1;
          this.fallbacks += 1;
          frame.failureCounted = false;
          this.currentDeployment = p.deployment;
          return { kind: 'call', deployment: p.deployment, group: p.group, delayMs };
        }
      }
    }
    for (;;) {
      if (frame.targets === null) {
        const isPrimary = this.stack[0] === frame;
        frame.targets = this.request.disableFallbacks || frame.depth >= s.maxFallbacks
          ? []
          : isPrimary && this.request.fallbacks
            ? this.request.fallbacks
            : (fallbackTargets(s, f.errorClass, [frame.name, frame.label]) ?? []);
      }
      while (frame.targetIdx < frame.targets.length) {
        const target = frame.targets[frame.targetIdx++];
        if (target === frame.name || target === frame.label) continue;
        if (s.behaviours['fallback-skips-attempted'] && this.wasAttempted(target)) continue;
        this.fallbacks += 1;
        frame.hops += 1;
        // fallback-depth-per-entry (1.61.5): each entry one hop deeper than the one before; before,
        // run_async_fallback called every entry with fallback_depth + 1.
        const depth = s.behaviours['fallback-depth-per-entry'] ? frame.depth + frame.hops : frame.depth + 1;
        const step = this.enter(target, nowMs, delayMs, depth);
        if (step) return step;
      }
      this.stack.pop();
      if (this.stack.length === 0) return this.finish();
      frame = this.stack[this.stack.length - 1];
    }
  }

  private finish(): NextStep {
    const s = this.core.settings;
    // The primary group's exception surfaces, also after failed fallbacks
    // (async_function_with_fallbacks_common_utils re-raises it): with latest-primary-error the
    // latest of its retries (async_function_with_retries re-raises that one), before the first.
    const err = (s.behaviours['latest-primary-error'] ? this.latestPrimary : this.original) ?? {
      status: 500,
      errorClass: 'InternalServerError',
      message: 'request failed',
      deployment: -1,
    };
    let reason: RequestFailureReason;
    if (this.fallbacks > 0) reason = 'fallbacks-exhausted';
    else if (err.midstream) reason = 'midstream-error';
    else if (err.noDeployment) reason = err.noDeployment;
    else if (this.retries > 0) reason = 'retries-exhausted';
    else reason = 'non-retryable-error';
    const detail = this.fallbacks > 0 ? ` (after ${this.retries} retries and ${this.fallbacks} fallbacks)` : this.retries > 0 ? ` (after ${this.retries} retries)` : '';
    return { kind: 'fail', reason, status: err.status, message: `${err.message}${detail}` };
  }
}
