// Router: LiteLLM's deployment selection, limits, cooldowns, retries and fallbacks as a
// clock-free library. No I/O, no timers: every method takes `nowMs` on the caller's clock.
//
// API (stable; the simulator is written against it):
//
//   const router = Router.fromConfig(parsedConfig, { random, litellmVersion?, strategy?, proxyFailureAccounting? });
//   router.deployments[i]            DeploymentView (index = position in model_list)
//   router.groups()                  model group names in config order
//   router.pick(req, now)            resolve name → filters (LiteLLM order) → strategy. Side effects:
//                                    only strategy state (round-robin cursors). PickResult (a
//                                    success is a shared frozen object: read it, do not change it).
//   router.onCallStart(d, req, now)  call begins: in-flight +1, pre-call rpm counters. Returns
//                                    {ok:false,status:429} when the v2 pre-call rpm check rejects it;
//                                    then in-flight was NOT incremented, do not call onCallEnd,
//                                    report the 429 to the run. A full max_parallel_requests makes
//                                    the caller wait (every release): the caller queues.
//   router.onCallEnd(d, req, o, now) call ended: in-flight −1, latency/usage windows, cooldown
//                                    decision, circuit breaker.
//   router.health(d, now)            DeploymentHealth for UIs / metrics
//   router.cooldownUntil(d, now)     end of the active cooldown, or null
//   router.circuitOpenUntil(d, now)  when an open breaker turns half-open, or null
//   router.healthCheckExcluded(d, now) whether health checks keep d out of routing now
//   router.usage(d, now)             {rpm, tpm, inFlight} this minute, as the strategies count them
//   router.concurrencyLimit(d)       max_parallel_requests as LiteLLM derives it (null = no cap)
//   router.beginRequest(req, now)    RequestRun orchestrating retries, [2026] order fallbacks and
//                                    fallbacks of one request (one RouteRequest object per request)
//   router.healthCheckIntervalMs()   probe interval (null = no probes); the caller runs probes
//   router.healthCheckTimeoutMs(d)   probe timeout for deployment d
//   router.onHealthCheck(d, ok, now) report one probe result
//   router.redisState()              objects a replica's Router shares via RouterOptions.shared
//
// RequestRun protocol (the caller owns the calls; the run only decides):
//   step = run.next(now)                       first step
//   while step.kind === 'call':
//     wait step.delayMs; r = router.onCallStart(step.deployment, req, t)
//     if !r.ok: step = run.report({status: 429, ...}, t); continue
//     ...call...; router.onCallEnd(step.deployment, req, outcome, t2); step = run.report(outcome, t2)
//   step.kind is 'success' or 'fail'.
// run.report does NOT call onCallEnd: the caller does, before report, so the retry decision sees
// the cooldown this failure caused (as LiteLLM re-reads healthy deployments after a failure).
//
// Version option: litellmVersion, a LiteLLM release ('1.80', '1.80.5'; default releases.ts
// NEWEST_RELEASE) or a year alias ('2024', '2025', '2026'); see docs/fidelity.md.

import type {
  CallOutcome,
  DeploymentHealth,
  DeploymentView,
  NextStep,
  PickResult,
  RandomSource,
  RouteRequest,
  StrategyName,
} from './types.js';
import type { ModelMap } from '../model-map/index.js';
import { normalizeConfig, type NormalizedConfig, type LitellmVersion } from './config.js';
import { RouterCore } from './core.js';
import { RequestRunImpl } from './request-run.js';
import type { SharedRouterState } from './shared-state.js';

export type { LitellmVersion } from './config.js';

export interface RouterOptions {
  random: RandomSource;
  /** LiteLLM release or year alias to model; default: the newest verified release. */
  litellmVersion?: LitellmVersion;
  /** Overrides router_settings.routing_strategy (e.g. `gwcfg simulate --strategy`). */
  strategy?: StrategyName;
  /**
   * [2026 proxy] LiteLLM's proxy shares one logging object across a request's attempts, so only
   * the first failure of each group entry (the primary group, each fallback hop) runs the
   * cooldown / failure-counting callback; later same-group retries do not count. Applies to calls
   * handed out by a RequestRun (found by its RouteRequest object: use one object per in-flight
   * request). Default: true for releases with proxy-first-failure-only (a gateway is a proxy).
   * Set false to model the Router SDK, which counts every failure.
   */
  proxyFailureAccounting?: boolean;
  /** LiteLLM's model map for prices and context windows (default: gwcfg's built-in copy). */
  modelMap?: ModelMap;
  /**
   * State to share with another Router of the same config (proxy replicas behind one Redis): pass
   * `other.redisState()`. Throws when it comes from a Router of another config.
   */
  shared?: SharedRouterState;
}

export interface RequestRun {
  /** First call: admission (global limits) and a pick in the requested group. */
  next(nowMs: number): NextStep;
  /** After a call ended (and after router.onCallEnd): success, the next call, or fail. */
  report(outcome: CallOutcome, nowMs: number): NextStep;
  /** Retry attempts made so far (same group re-picks). */
  readonly retries: number;
  /** Fallback groups entered so far (LiteLLM's x-litellm-attempted-fallbacks). */
  readonly fallbacks: number;
  /** [2026] order fallbacks so far: moves to the group's next-higher order tier after a failure. */
  readonly orderFallbacks: number;
}

export class Router {
  readonly deployments: readonly DeploymentView[];
  /** Normalised configuration (settings with LiteLLM defaults applied). */
  readonly config: NormalizedConfig;
  /** @internal shared state and algorithms. */
  readonly core: RouterCore;

  private constructor(config: NormalizedConfig, options: RouterOptions) {
    this.config = config;
    this.deployments = config.deployments;
    this.core = new RouterCore(config, options.random, options.shared);
  }

  /** Builds a router from a plain parsed LiteLLM config object. Throws on an invalid routing_strategy or litellmVersion. */
  static fromConfig(config: unknown, options: RouterOptions): Router {
    const normalized = normalizeConfig(config, {
      litellmVersion: options.litellmVersion,
      strategy: options.strategy,
      proxyFailureAccounting: options.proxyFailureAccounting,
      modelMap: options.modelMap,
    });
    return new Router(normalized, options);
  }

  groups(): string[] {
    return this.core.groupNames.slice();
  }

  pick(request: RouteRequest, nowMs: number): PickResult {
    return this.core.pick(request, nowMs);
  }

  onCallStart(
    deployment: number,
    request: RouteRequest,
    nowMs: number,
  ): { ok: true } | { ok: false; status: 429; message: string; retryAfterMs: number } {
    return this.core.onCallStart(deployment, request, nowMs);
  }

  onCallEnd(deployment: number, request: RouteRequest, outcome: CallOutcome, nowMs: number): void {
    this.core.onCallEnd(deployment, request, outcome, nowMs);
  }

  health(deployment: number, nowMs: number): DeploymentHealth {
    return this.core.health(deployment, nowMs);
  }

  /** When the deployment's cooldown ends (ms on the caller's clock), or null when not cooling. */
  cooldownUntil(deployment: number, nowMs: number): number | null {
    return this.core.cooldownUntil(deployment, nowMs);
  }

  /** When the deployment's open circuit breaker turns half-open (ms on the caller's clock), or null when not open. */
  circuitOpenUntil(deployment: number, nowMs: number): number | null {
    return this.core.circuitOpenUntil(deployment, nowMs);
  }

  /** Whether health checks keep the deployment out of routing now (whatever its cooldown and breaker). */
  healthCheckExcluded(deployment: number, nowMs: number): boolean {
    return this.core.healthCheckExcluded(deployment, nowMs);
  }

  /** Current-minute usage (as the strategies count it) and in-flight calls of a deployment. */
  usage(deployment: number, nowMs: number): { rpm: number; tpm: number; inFlight: number } {
    const slot = this.core.slotOf[deployment];
    return {
      rpm: this.core.usage.rpmUsed(slot, nowMs),
      tpm: this.core.usage.tpmUsed(slot, nowMs),
      inFlight: this.core.inFlight[slot],
    };
  }

  concurrencyLimit(deployment: number): number | null {
    return this.core.concurrencyLimit(deployment);
  }

  beginRequest(request: RouteRequest, nowMs: number): RequestRun {
    return new RequestRunImpl(this.core, request, nowMs);
  }

  /**
   * @internal Starts a new request on a run that has finished (the caller no longer reads it),
   * reusing its memory; a run from another router falls back to beginRequest. The simulator
   * pools its per-request objects with this.
   */
  restartRequest(run: RequestRun, request: RouteRequest, nowMs: number): RequestRun {
    if (run instanceof RequestRunImpl && run.core === this.core) {
      run.reset(request, nowMs);
      return run;
    }
    return this.beginRequest(request, nowMs);
  }

  /**
   * What LiteLLM keeps in Redis for this config, as objects another Router of the same config can
   * share (RouterOptions.shared): the cooldown list, and with usage-based-routing-v2 its rpm/tpm
   * counters. Everything else stays per Router (docs/simulate.md, "Replicas").
   */
  redisState(): SharedRouterState {
    return this.core.redisState();
  }

  healthCheckIntervalMs(): number | null {
    return this.core.health_.intervalMs();
  }

  healthCheckTimeoutMs(deployment: number): number {
    return this.core.health_.timeoutMs(deployment);
  }

  onHealthCheck(deployment: number, ok: boolean, nowMs: number): void {
    this.core.health_.onProbe(this.core.slotOf[deployment], ok, nowMs);
  }
}
