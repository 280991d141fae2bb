// The router's state and per-call algorithms. Router (router.ts) is the public face; RequestRun
// (request-run.ts) drives retries and fallbacks on top of this.
import type {
  CallOutcome,
  DeploymentHealth,
  DeploymentView,
  NoDeploymentReason,
  PickResult,
  RandomSource,
  RouteRequest,
  StrategyName,
} from './types.js';
import type { NormalizedConfig, RouterSettings } from './config.js';
import { GroupIndex } from './resolve.js';
import { GlobalLimits, MinuteUsage, RollingRequestWindow } from './limits.js';
import { CooldownTracker, cooldownPolicyFor, type CooldownPolicy } from './cooldown.js';
import type { SharedRouterState } from './shared-state.js';
import { CircuitBreakers } from './circuit-breaker.js';
import { HealthChecks } from './health.js';
import { errorClassOf, isSuccess, statusOf } from './errors.js';
import { LatencyWindows } from './strategies/latency-windows.js';
import { buildLimits, type Strategy, type StrategyContext } from './strategies/strategy.js';
import { SimpleShuffle } from './strategies/simple-shuffle.js';
import { LeastBusy } from './strategies/least-busy.js';
import { UsageBasedV1, UsageBasedV2 } from './strategies/usage-based.js';
import { LatencyBased } from './strategies/latency-based.js';
import { CostBased } from './strategies/cost-based.js';
import { RoundRobin, WeightedRoundRobin } from './strategies/round-robin.js';

const OK: { ok: true } = Object.freeze({ ok: true as const });

/**
 * The request a call belongs to, as far as the [2026] proxy failure accounting needs it
 * (RequestRunImpl implements it; the core finds it by the RouteRequest object).
 */
/** lowest_tpm_rpm_v2.py: its 429s carry `retry-after: 60`. */
const V2_RETRY_AFTER_MS = 60_000;

export interface FailureAccounting {
  /** True when this failure of deployment `d` runs the cooldown / failure-counting callback. */
  countsFailure(d: number): boolean;
}

function makeStrategy(name: StrategyName, ctx: StrategyContext, maxCandidates: number, members: readonly Int32Array[]): Strategy {
  switch (name) {
    case 'simple-shuffle':
      return new SimpleShuffle(ctx);
    case 'least-busy':
      return new LeastBusy(ctx, maxCandidates);
    case 'usage-based-routing':
      return new UsageBasedV1(ctx);
    case 'usage-based-routing-v2':
      return new UsageBasedV2(ctx, maxCandidates, members);
    case 'latency-based-routing':
      return new LatencyBased(ctx, maxCandidates, members);
    case 'cost-based-routing':
      return new CostBased(ctx);
    case 'round-robin':
      return new RoundRobin(ctx);
    case 'weighted-round-robin':
      return new WeightedRoundRobin(ctx);
  }
}

/** Failures that count against the circuit breaker: timeouts, 408, 429 and 5xx (provider trouble). */
function isBreakerFailure(status: number, timedOut: boolean): boolean {
  return timedOut || status === 408 || status === 429 || status >= 500;
}

// The per-call paths test flags with `=== true` and objects with `!== null`: V8 compiles the
// truthiness of a field as a test for every falsy kind of value (about ten instructions), a strict
// comparison as one (routing bench).
export class RouterCore {
  readonly settings: RouterSettings;
  readonly deployments: readonly DeploymentView[];
  readonly index: GroupIndex;
  readonly slotOf: Int32Array;
  readonly groupOf: Int32Array;
  readonly groupNames: string[];
  readonly random: RandomSource;
  readonly inFlight: Int32Array;
  readonly usage: MinuteUsage;
  readonly preCall: RollingRequestWindow;
  readonly latency: LatencyWindows;
  readonly cooldown: CooldownTracker;
  readonly breakers: CircuitBreakers | null;
  readonly health_: HealthChecks;
  readonly global: GlobalLimits;
  readonly strategy: Strategy | null;
  readonly fallbackStrategy: Strategy | null;
  /** usage-based-routing-v2 counts rpm before the call (pre-call check) instead of on success. */
  private readonly rpmAtStart: boolean;
  private readonly tracksLatency: boolean;
  /** No filter of pickInGroup can apply (no breakers, health routing, pre-call checks, tags, blocked deployments, fallback_strategy). */
  private readonly unfiltered: boolean;
  private readonly cands: Int32Array;
  private readonly scores: Float64Array;
  /** Per group: some deployment has an `order` (else the order filter is a no-op). */
  private readonly groupHasOrder: Uint8Array;
  /** Per group: its distinct `order` values, ascending (the tiers; unordered members come last). */
  private readonly groupTiers: Float64Array[];
  /** Per group: number of tiers, counting the unordered members as one last tier. */
  private readonly groupTierCount: Int32Array;
  /** Per group and tier: the tier's members in config order (pickByTier when nothing is filtered). */
  private readonly tierLists: Int32Array[][];
  /** `order` per deployment, NaN when it has none. */
  private readonly orderOf: Float64Array;
  /** Scratch buffers: a group's members from some tier up, one tier's candidates, tolerance picks. */
  private readonly tierMembers: Int32Array;
  private readonly tierCands: Int32Array;
  private readonly tolerant: Int32Array;
  /** Cooldown decision per deployment (router policy, or its [2026] model_info policy). */
  private readonly cooldownPolicy: readonly CooldownPolicy[];
  /** [2026 proxy] the run each in-flight request object belongs to (see FailureAccounting). */
  readonly runs = new WeakMap<RouteRequest, FailureAccounting>();
  private readonly anyBlocked: boolean;
  /** usage-based-routing-v2's rpm limit per deployment, Infinity when none. */
  private readonly rpmLimit: Float64Array;
  /** Per deployment: its successful pick in its own model group (see okPick). */
  private readonly picked: readonly PickResult[];
  /**
   * Per group: its members not cooling down at `coolFrom`, in config order (see notCooling); the
   * list holds while no cooldown is entered (`coolVersion`) and none ends (`coolUntil`).
   */
  private readonly coolLists: readonly Int32Array[];
  private readonly coolCount: Int32Array;
  private readonly coolVersion: Float64Array;
  private readonly coolFrom: Float64Array;
  private readonly coolUntil: Float64Array;

  /** `shared`: state this Router keeps in objects another Router of the same config also uses (replicas behind one Redis). */
  constructor(config: NormalizedConfig, random: RandomSource, shared: SharedRouterState = {}) {
    const s = config.settings;
    this.settings = s;
    this.deployments = config.deployments;
    this.random = random;
    this.index = new GroupIndex(config.deployments, s);
    this.slotOf = this.index.slotOf;
    this.groupOf = this.index.groupOf;
    this.groupNames = this.index.names.slice(0, this.index.modelGroupCount);
    const slots = Math.max(1, this.index.slotCount);
    const groups = Math.max(1, this.index.names.length);
    this.inFlight = new Int32Array(slots);
    if (shared.usage !== undefined && shared.usage.rpm.length !== slots) throw new Error('shared usage counters must come from a Router of the same config');
    this.usage = shared.usage ?? new MinuteUsage(slots, groups);
    this.preCall = new RollingRequestWindow(slots);
    this.latency = new LatencyWindows(slots, groups, s.latency.maxListSize, s.latency.ttlMs, s.behaviours['latency-sliding-window'], s.latency.ttftPercentile, s.behaviours['latency-map-ttl-first-write']);
    this.cooldown = new CooldownTracker(slots, s, shared.cooldowns);
    this.breakers = s.circuitBreaker ? new CircuitBreakers(slots, s.circuitBreaker) : null;
    this.health_ = new HealthChecks(slots, s.healthChecks, config.deployments);
    this.global = new GlobalLimits(s.globalRpm, s.globalTpm);
    this.cands = new Int32Array(this.index.maxGroupSize);
    this.scores = new Float64Array(this.index.maxGroupSize);
    this.groupHasOrder = new Uint8Array(groups);
    this.groupTiers = [];
    this.tierLists = [];
    this.groupTierCount = new Int32Array(groups);
    this.orderOf = Float64Array.from(config.deployments, (d) => d.order ?? NaN);
    this.index.members.forEach((m, g) => {
      const orders = Array.from(m, (d) => config.deployments[d].order);
      const tiers = [...new Set(orders.filter((o): o is number => o !== null))].sort((a, b) => a - b);
      this.groupHasOrder[g] = tiers.length > 0 ? 1 : 0;
      this.groupTiers[g] = Float64Array.from(tiers);
      this.groupTierCount[g] = tiers.length + (tiers.length > 0 && orders.includes(null) ? 1 : 0);
      this.tierLists[g] = Array.from({ length: this.groupTierCount[g] }, (_, t) =>
        // the tests of the filtering loop below, on the order values it reads
        Int32Array.from(m.filter((d) => (t < tiers.length ? this.orderOf[d] === tiers[t] : Number.isNaN(this.orderOf[d])))),
      );
    });
    this.tierMembers = new Int32Array(this.index.maxGroupSize);
    this.tierCands = new Int32Array(this.index.maxGroupSize);
    this.tolerant = new Int32Array(this.index.maxGroupSize);
    this.coolLists = this.index.members.map((m) => new Int32Array(m.length));
    this.coolCount = new Int32Array(groups);
    this.coolVersion = new Float64Array(groups).fill(-1);
    this.coolFrom = new Float64Array(groups);
    this.coolUntil = new Float64Array(groups);
    this.cooldownPolicy = config.deployments.map((d) => cooldownPolicyFor(d, s));
    this.anyBlocked = config.deployments.some((d) => d.blocked);
    this.picked = config.deployments.map((_, d) => Object.freeze({ ok: true as const, deployment: d, group: this.index.names[this.groupOf[d]] }));
    const limits = buildLimits(config.deployments, this.index.members);
    this.rpmLimit = limits.rpm;
    const ctx: StrategyContext = {
      deployments: config.deployments,
      slotOf: this.slotOf,
      groupOf: this.groupOf,
      random,
      settings: s,
      inFlight: this.inFlight,
      usage: this.usage,
      latency: this.latency,
      limits,
      groupCount: groups,
    };
    this.strategy = s.routingStrategy ? makeStrategy(s.routingStrategy, ctx, this.index.maxGroupSize, this.index.members) : null;
    this.fallbackStrategy = s.fallbackStrategy ? makeStrategy(s.fallbackStrategy, ctx, this.index.maxGroupSize, this.index.members) : null;
    this.rpmAtStart = s.routingStrategy === 'usage-based-routing-v2' || s.fallbackStrategy === 'usage-based-routing-v2';
    this.tracksLatency = s.routingStrategy === 'latency-based-routing' || s.fallbackStrategy === 'latency-based-routing';
    this.unfiltered = this.strategy !== null && !this.fallbackStrategy && !this.breakers && !this.anyBlocked && this.health_.routing === 'none' && !s.enablePreCallChecks && !s.enableTagFiltering;
  }

  /**
   * The state LiteLLM keeps in Redis when the Router has one (see shared-state.ts): the cooldown
   * list always; the usage counters when usage-based-routing-v2 counts with them (its pre-call
   * check increments them in Redis).
   */
  redisState(): SharedRouterState {
    return this.rpmAtStart ? { cooldowns: this.cooldown.list, usage: this.usage } : { cooldowns: this.cooldown.list };
  }

  // ---- selection ----

  pick(req: RouteRequest, nowMs: number): PickResult {
    const r = this.index.resolve(req.model);
    if (r.kind === 'unknown') {
      return {
        ok: false,
        reason: 'unknown-model',
        group: null,
        message: `Invalid model name passed in model=${req.model}. There are no healthy deployments for this model.`,
      };
    }
    if (r.kind === 'deployment') return this.pickDeploymentId(r.deployment, nowMs);
    // The common case first, small enough to inline into the caller (a call to pickInGroup costs
    // more than this check: routing bench).
    return this.unfilteredPick(r.group, req, nowMs) ?? this.pickInGroup(r.group, req, nowMs);
  }

  /**
   * No filter configured and no order tiers: the strategy picks among the members, or while some
   * are cooling among the others (notCooling), which is what pickInGroup's steps come to in that
   * case, without walking them. Null when that is not the case, or every member is cooling.
   */
  private unfilteredPick(g: number, req: RouteRequest, nowMs: number): PickResult | null {
    if (this.unfiltered !== true || this.groupHasOrder[g] !== 0) return null;
    let cands = this.index.members[g];
    let n = cands.length;
    if (nowMs < this.cooldown.maxUntil) {
      n = this.notCooling(g, nowMs);
      if (n === 0) return null; // the walk says when the first cooldown ends
      cands = this.coolLists[g];
    }
    const d = this.strategy!.pick(cands, n, req, nowMs, g);
    return d >= 0 ? this.okPick(d, g) : this.overLimits(g, nowMs);
  }

  /** A deployment id bypasses the strategy (and, deployment-id-bypasses-cooldown, the cooldown filter). */
  pickDeploymentId(d: number, nowMs: number): PickResult {
    const group = this.index.names[this.groupOf[d]];
    const dep = this.deployments[d];
    if (dep.blocked) return this.fail('no-deployment', group, 'deployment is blocked');
    if (!this.settings.behaviours['deployment-id-bypasses-cooldown'] && this.cooldown.isCooling(this.slotOf[d], nowMs)) {
      return this.fail('all-cooled-down', group, `deployment ${dep.id} is cooling down`, this.cooldown.until[this.slotOf[d]] - nowMs);
    }
    return this.picked[d];
  }

  /**
   * Retry-After of "every deployment over its limits": usage-based-routing-v2 raises its 429
   * with retry-after: 60 (usage-v2-retry-after-60); the others say when the minute ends.
   */
  /**
   * The successful pick of deployment d in group g: one frozen result per deployment for its own
   * model group (made once, so a pick allocates nothing), a new one for an internal group.
   */
  private okPick(d: number, g: number): PickResult {
    return this.groupOf[d] === g ? this.picked[d] : { ok: true, deployment: d, group: this.index.names[g] };
  }

  /**
   * How many members of group g are not cooling down at `nowMs`; they are the first entries of
   * coolLists[g], in config order. Recomputed only when a cooldown was entered since, or one of
   * them ended: cooldown ends only change when one is entered (CooldownList.version).
   */
  private notCooling(g: number, nowMs: number): number {
    const list = this.cooldown.list;
    if (list.version === this.coolVersion[g] && nowMs >= this.coolFrom[g] && nowMs < this.coolUntil[g]) return this.coolCount[g];
    const members = this.index.members[g];
    const out = this.coolLists[g];
    const until = list.until;
    let n = 0;
    let soonest = Infinity;
    for (let i = 0; i < members.length; i++) {
      const end = until[this.slotOf[members[i]]];
      if (end > nowMs) {
        if (end < soonest) soonest = end;
      } else out[n++] = members[i];
    }
    this.coolVersion[g] = list.version;
    this.coolFrom[g] = nowMs;
    this.coolUntil[g] = soonest;
    this.coolCount[g] = n;
    return n;
  }

  /** The strategy left no deployment (every one over its limits, or no valid routing_strategy). */
  private overLimits(g: number, nowMs: number): PickResult {
    const group = this.index.names[g];
    return this.strategy
      ? this.fail('rate-limited', group, 'Every deployment is over its tpm/rpm limit.', this.strategyRetryAfterMs(nowMs))
      : this.fail('no-deployment', group, 'Invalid routing_strategy (LiteLLM 2024 accepted it; every request fails).');
  }

  private strategyRetryAfterMs(nowMs: number): number {
    return this.settings.routingStrategy === 'usage-based-routing-v2' ? V2_RETRY_AFTER_MS : 60_000 - (nowMs % 60_000);
  }

  private fail(reason: NoDeploymentReason, group: string, detail: string, retryAfterMs?: number): PickResult {
    const wait = retryAfterMs !== undefined ? ` Try again in ${Math.ceil(retryAfterMs / 1000)} seconds.` : '';
    const message = `No deployments available for selected model.${wait} Passed model=${group}. ${detail}`;
    return retryAfterMs !== undefined
      ? { ok: false, reason, group, message, retryAfterMs }
      : { ok: false, reason, group, message };
  }

  /**
   * Filters in LiteLLM's order, then the strategy. `minTier` > 0 (a [2026] order fallback of a
   * request) leaves out the group's order tiers below that index.
   */
  pickInGroup(g: number, req: RouteRequest, nowMs: number, minTier = 0, skip: readonly number[] | null = null): PickResult {
    if (skip === null) {
      const quick = this.unfilteredPick(g, req, nowMs);
      if (quick !== null) return quick;
    }
    const s = this.settings;
    const members = minTier > 0 && this.groupHasOrder[g] === 1 ? this.membersFromTier(g, minTier) : this.index.members[g];
    const group = this.index.names[g];
    const slotOf = this.slotOf;
    const out = this.cands;
    let c: Int32Array = members;
    let n = members.length;

    // 1. cooldown (and [2026] model_info.blocked); skipped when nothing can be cooling
    if (nowMs < this.cooldown.maxUntil || this.anyBlocked) {
      const until_ = this.cooldown.until;
      const anyBlocked = this.anyBlocked;
      let soonest = Infinity;
      n = 0;
      for (let i = 0; i < members.length; i++) {
        const d = members[i];
        if (anyBlocked && this.deployments[d].blocked) continue;
        const until = until_[slotOf[d]];
        if (until > nowMs) {
          if (until - nowMs < soonest) soonest = until - nowMs;
        } else out[n++] = d;
      }
      if (n === 0) {
        return soonest < Infinity
          ? this.fail('all-cooled-down', group, 'All deployments are cooling down.', soonest)
          : this.fail('no-deployment', group, 'No deployment can serve it.');
      }
      c = out;
    }

    // deployments this request must not pick again (weighted failover, 401/403 on a retry)
    if (skip !== null && skip.length > 0) {
      let m = 0;
      for (let i = 0; i < n; i++) if (!skip.includes(c[i])) out[m++] = c[i];
      if (m === 0) return this.fail('no-deployment', group, 'Every deployment was already tried by this request.');
      n = m;
      c = out;
    }

    // 2. circuit breaker (extension)
    const breakers = this.breakers;
    if (breakers) {
      let m = 0;
      let soonest = Infinity;
      for (let i = 0; i < n; i++) {
        const slot = slotOf[c[i]];
        if (breakers.admits(slot, nowMs)) out[m++] = c[i];
        else {
          const wait = breakers.remainingMs(slot, nowMs);
          if (wait > 0 && wait < soonest) soonest = wait;
        }
      }
      if (m === 0) {
        return this.fail('circuit-open', group, 'Every circuit breaker is open.', soonest < Infinity ? soonest : undefined);
      }
      n = m;
      c = out;
    }

    // 3. health checks (extension thresholds, or [2026] enable_health_check_routing)
    const health = this.health_;
    if (health.routing !== 'none') {
      let kept = 0;
      for (let i = 0; i < n; i++) if (!health.excluded(slotOf[c[i]], nowMs)) kept++;
      if (kept === 0 && health.routing === 'thresholds') {
        return this.fail('unhealthy', group, 'Every deployment failed its health checks.');
      }
      // [2026] a filter that would remove every deployment is bypassed.
      if (kept > 0 && kept < n) {
        let m = 0;
        for (let i = 0; i < n; i++) if (!health.excluded(slotOf[c[i]], nowMs)) out[m++] = c[i];
        n = m;
        c = out;
      }
    }

    // 4. pre-call checks: context window, rpm (not under v2, which checks at call start)
    if (s.enablePreCallChecks) {
      const checkRpm = s.routingStrategy !== 'usage-based-routing-v2';
      let m = 0;
      let rpmExcluded = false;
      for (let i = 0; i < n; i++) {
        const d = c[i];
        const dep = this.deployments[d];
        if (dep.maxInputTokens !== null && req.inputTokens > dep.maxInputTokens) continue;
        if (checkRpm && dep.rpm !== null && dep.rpm <= this.preCall.used(slotOf[d], nowMs)) {
          rpmExcluded = true;
          continue;
        }
        out[m++] = d;
      }
      if (m === 0) {
        return rpmExcluded
          ? this.fail('rate-limited', group, 'Every deployment is over its rpm this minute (pre-call checks).', 60_000 - (nowMs % 60_000))
          : this.fail('context-window-exceeded', group, `${req.inputTokens} input tokens exceed every deployment's max_input_tokens.`);
      }
      n = m;
      c = out;
    }

    // 5. tags, before the order filter (tags-before-order: async_get_healthy_deployments runs
    // the tag filter, then _get_order_filtered_deployments). Before it, _pre_call_checks and its
    // order filter ran first (through 1.80.15).
    const orderFirst = s.enablePreCallChecks && !s.orderFallback && this.groupHasOrder[g] === 1 && !s.behaviours['tags-before-order'];
    if (orderFirst) {
      n = this.keepLowestOrder(c, n, out);
      c = out;
    }
    if (s.enableTagFiltering) {
      n = this.filterTags(c, n, req.tags, out);
      c = out;
      if (n === 0) return this.fail('no-tag-match', group, `No deployment matches tags ${JSON.stringify(req.tags ?? [])}.`);
    }

    // 6. order tiers: [2026] always, falling through to the next tier when a tier cannot serve;
    // [2025] only with pre-call checks, lowest tier only.
    if (this.groupHasOrder[g] === 1) {
      if (s.orderFallback) return this.pickByTier(g, c, n, req, nowMs, minTier);
      if (s.enablePreCallChecks && !orderFirst) {
        n = this.keepLowestOrder(c, n, out);
        c = out;
      }
    }

    // 7. strategy
    const d = this.runStrategy(c, n, req, nowMs, g);
    if (d < 0) {
      return this.overLimits(g, nowMs);
    }
    return this.okPick(d, g);
  }

  /**
   * [2026] order fallback: the strategy runs on the lowest tier that still has candidates (tags
   * were applied before); when it leaves nothing (every deployment over its limits), the
   * next-higher tier gets its turn. Unordered deployments form the last tier.
   */
  private pickByTier(g: number, c: Int32Array, n: number, req: RouteRequest, nowMs: number, minTier: number): PickResult {
    const tiers = this.groupTiers[g];
    const tierCount = this.groupTierCount[g];
    const orderOf = this.orderOf;
    const buf = this.tierCands;
    let limited = false;
    // With no filter applied (c is the group's member list), each tier's members are precomputed.
    const lists = c === this.index.members[g] ? this.tierLists[g] : null;
    for (let t = minTier; t < tierCount; t++) {
      let m = 0;
      if (lists !== null) {
        const list = lists[t];
        m = list.length;
        if (m === 0) continue;
        const d = this.runStrategy(list, m, req, nowMs, g);
        if (d >= 0) return this.okPick(d, g);
        limited = true;
        continue;
      }
      if (t < tiers.length) {
        const order = tiers[t];
        for (let i = 0; i < n; i++) if (orderOf[c[i]] === order) buf[m++] = c[i];
      } else {
        for (let i = 0; i < n; i++) if (Number.isNaN(orderOf[c[i]])) buf[m++] = c[i];
      }
      if (m === 0) continue;
      const d = this.runStrategy(buf, m, req, nowMs, g);
      if (d >= 0) return this.okPick(d, g);
      limited = true;
    }
    const group = this.index.names[g];
    if (limited) {
      return this.overLimits(g, nowMs);
    }
    return this.fail('no-deployment', group, 'No deployment can serve it.');
  }

  /** The group's members whose order tier index is ≥ minTier (scratch buffer, config order). */
  private membersFromTier(g: number, minTier: number): Int32Array {
    const members = this.index.members[g];
    const out = this.tierMembers;
    let m = 0;
    for (let i = 0; i < members.length; i++) if (this.tierIndex(g, members[i]) >= minTier) out[m++] = members[i];
    return out.subarray(0, m);
  }

  /** Index of deployment d's order tier in group g (unordered deployments: the last tier). */
  tierIndex(g: number, d: number): number {
    const tiers = this.groupTiers[g];
    const o = this.orderOf[d];
    for (let t = 0; t < tiers.length; t++) if (tiers[t] === o) return t;
    return tiers.length;
  }

  /**
   * [2026] order fallback after a failure of deployment d in group g: the next-higher tier's
   * index, or -1 when there is none (or order fallback does not apply).
   */
  nextTier(g: number, d: number): number {
    if (!this.settings.orderFallback || g < 0 || this.groupHasOrder[g] !== 1) return -1;
    const next = this.tierIndex(g, d) + 1;
    return next < this.groupTierCount[g] ? next : -1;
  }

  private keepLowestOrder(c: Int32Array, n: number, out: Int32Array): number {
    let min = Infinity;
    for (let i = 0; i < n; i++) {
      const o = this.deployments[c[i]].order;
      if (o !== null && o < min) min = o;
    }
    if (min === Infinity) {
      for (let i = 0; i < n; i++) out[i] = c[i];
      return n;
    }
    let m = 0;
    for (let i = 0; i < n; i++) if (this.deployments[c[i]].order === min) out[m++] = c[i];
    return m;
  }

  /** LiteLLM tag routing: any request tag matches; 'default'-tagged deployments serve the rest. */
  private filterTags(c: Int32Array, n: number, tags: readonly string[] | undefined, out: Int32Array): number {
    const hasDefault = (d: number) => this.deployments[d].tags.includes('default');
    let m = 0;
    if (tags && tags.length > 0) {
      for (let i = 0; i < n; i++) {
        const dt = this.deployments[c[i]].tags;
        if (tags.some((t) => dt.includes(t))) out[m++] = c[i];
      }
      if (m > 0) return m;
    } else {
      for (let i = 0; i < n; i++) if (hasDefault(c[i])) out[m++] = c[i];
      if (m > 0) return m;
      for (let i = 0; i < n; i++) out[i] = c[i];
      return n;
    }
    for (let i = 0; i < n; i++) if (hasDefault(c[i])) out[m++] = c[i];
    return m;
  }

  private runStrategy(c: Int32Array, n: number, req: RouteRequest, nowMs: number, g: number): number {
    const primary = this.strategy;
    if (!primary) return -1;
    const secondary = this.fallbackStrategy;
    if (!secondary || !primary.score) return (secondary && !primary.score ? secondary : primary).pick(c, n, req, nowMs, g);
    // fallback_strategy (extension): the secondary breaks ties among candidates the primary
    // scores within `fallback_strategy_tolerance` (relative) of the best.
    const scores = this.scores;
    let min = Infinity;
    for (let i = 0; i < n; i++) {
      const v = primary.score(c[i], req, nowMs);
      scores[i] = v;
      if (v < min) min = v;
    }
    if (min === Infinity) return -1;
    const limit = min >= 0 ? min * (1 + this.settings.fallbackStrategyTolerance) : min * (1 - this.settings.fallbackStrategyTolerance);
    let m = 0;
    const out = this.tolerant;
    const first = c[0];
    for (let i = 0; i < n; i++) if (scores[i] <= limit) out[m++] = c[i];
    const d = secondary.pick(out, m, req, nowMs, g);
    return d >= 0 ? d : first;
  }

  // ---- call lifecycle ----

  /**
   * max_parallel_requests as calculate_max_parallel_requests (litellm/utils.py) derives it, or
   * null for no cap: InitalizeCachedClient.set_max_parallel_requests_client installs a limiter
   * only when the value is truthy, so 0 (e.g. rpm: 0) caps nothing (every release).
   */
  concurrencyLimit(d: number): number | null {
    const v = this.derivedMaxParallel(d);
    return v === null || v === 0 ? null : v;
  }

  private derivedMaxParallel(d: number): number | null {
    const dep = this.deployments[d];
    if (dep.maxParallelRequests !== null) return dep.maxParallelRequests;
    if (dep.rpm !== null) return dep.rpm;
    if (dep.tpm !== null) {
      // int(tpm/1000*6); before max-parallel-tpm-times-6, int(tpm/1000/6); at least 1.
      const v = this.settings.behaviours['max-parallel-tpm-times-6'] ? Math.trunc((dep.tpm / 1000) * 6) : Math.trunc(dep.tpm / 1000 / 6);
      return v === 0 ? 1 : v;
    }
    return this.settings.defaultMaxParallelRequests;
  }

  onCallStart(d: number, req: RouteRequest, nowMs: number): { ok: true } | { ok: false; status: 429; message: string; retryAfterMs: number } {
    const slot = this.slotOf[d];
    if (this.rpmAtStart === true) {
      if (this.usage.rpmUsed(slot, nowMs) >= this.rpmLimit[d]) return this.overRpmAtStart(d, slot, nowMs);
      this.usage.addRequest(slot, this.groupOf[d], nowMs);
    }
    if (this.settings.enablePreCallChecks === true) this.preCall.add(slot, nowMs);
    this.inFlight[slot] += 1;
    if (this.breakers !== null) this.breakers.onCallStart(slot, nowMs);
    void req;
    return OK;
  }

  /** usage-based-routing-v2's pre-call rpm check rejected a call: a 429 that cools the deployment. */
  private overRpmAtStart(d: number, slot: number, nowMs: number): { ok: false; status: 429; message: string; retryAfterMs: number } {
    const rpm = this.rpmLimit[d]; // Infinity when none
    this.cooldown.recordFailure(
      slot,
      {
        status: 429,
        errorClass: 'RateLimitError',
        lengthMs: this.settings.cooldownTimeMs,
        single: this.groupSize(d) === 1,
        policy: this.cooldownPolicy[d],
      },
      nowMs,
      !this.deployments[d].isWildcard,
    );
    return {
      ok: false,
      status: 429,
      message: `Deployment over defined rpm limit=${rpm}. current usage=${this.usage.rpmUsed(slot, nowMs)}`,
      retryAfterMs: V2_RETRY_AFTER_MS,
    };
  }

  onCallEnd(d: number, req: RouteRequest, outcome: CallOutcome, nowMs: number): void {
    const slot = this.slotOf[d];
    const g = this.groupOf[d];
    if (this.inFlight[slot] > 0) this.inFlight[slot] -= 1;
    const status = statusOf(outcome);
    if (!isSuccess(status) || outcome.timedOut === true) {
      this.onCallFailed(d, slot, g, req, outcome, status, nowMs);
      return;
    }
    const tokens = outcome.inputTokens + outcome.outputTokens;
    this.cooldown.recordSuccess(slot, nowMs);
    this.usage.addCall(slot, g, tokens, this.rpmAtStart !== true, nowMs);
    if (this.tracksLatency === true) this.latency.addSuccess(slot, g, outcome.latencyMs, outcome.outputTokens, req.stream === true ? outcome.ttftMs : undefined, nowMs);
    this.global.addTokens(tokens, nowMs);
    if (this.breakers !== null) this.breakers.onCallEnd(slot, false, nowMs);
  }

  /** onCallEnd of a failed call (kept apart so the success path stays small). */
  private onCallFailed(d: number, slot: number, g: number, req: RouteRequest, outcome: CallOutcome, status: number, nowMs: number): void {
    const errorClass = errorClassOf(outcome);
    const dep = this.deployments[d];
    // [2026 proxy] a request's later same-group failures share the first one's logging object,
    // so they do not run the cooldown / failure-counting callback.
    const run = this.settings.proxyFailureAccounting ? this.runs.get(req) : undefined;
    if (run === undefined || run.countsFailure(d)) {
      this.cooldown.recordFailure(
        slot,
        {
          status,
          errorClass,
          lengthMs: this.cooldownLength(dep, req, outcome),
          single: this.groupSize(d) === 1,
          policy: this.cooldownPolicy[d],
        },
        nowMs,
        !dep.isWildcard,
      );
    }
    if (this.tracksLatency && (outcome.timedOut || errorClass === 'Timeout')) this.latency.addTimeoutPenalty(slot, g, nowMs);
    if (this.breakers) this.breakers.onCallEnd(slot, isBreakerFailure(status, outcome.timedOut === true), nowMs);
  }

  /** Request cooldown_time > deployment cooldown_time > Retry-After > router cooldown_time. */
  private cooldownLength(dep: DeploymentView, req: RouteRequest, outcome: CallOutcome): number {
    if (req.cooldownTimeMs !== undefined && req.cooldownTimeMs >= 0) return req.cooldownTimeMs;
    if (dep.cooldownTimeMs !== null) return dep.cooldownTimeMs;
    if (outcome.retryAfterMs !== undefined && outcome.retryAfterMs >= 0) return outcome.retryAfterMs;
    return this.settings.cooldownTimeMs;
  }

  // ---- queries ----

  groupSize(d: number): number {
    return this.index.members[this.groupOf[d]].length;
  }

  /** Deployments of a group (from order tier `minTier` up) neither cooling down nor behind an open breaker. */
  healthyCount(g: number, nowMs: number, minTier = 0): number {
    const members = this.index.members[g];
    const tiered = minTier > 0 && this.groupHasOrder[g] === 1;
    let n = 0;
    for (let i = 0; i < members.length; i++) {
      if (tiered && this.tierIndex(g, members[i]) < minTier) continue;
      const slot = this.slotOf[members[i]];
      if (this.cooldown.until[slot] > nowMs) continue;
      if (this.breakers && this.breakers.stateAt(slot, nowMs) === 'open') continue;
      n++;
    }
    return n;
  }

  health(d: number, nowMs: number): DeploymentHealth {
    const slot = this.slotOf[d];
    const breaker = this.breakers ? this.breakers.stateAt(slot, nowMs) : 'closed';
    if (breaker === 'open') return 'open';
    if (this.cooldown.until[slot] > nowMs) return 'cooldown';
    if (breaker === 'half-open') return 'half-open';
    if (this.health_.excluded(slot, nowMs)) return 'unhealthy';
    return 'healthy';
  }

  cooldownUntil(d: number, nowMs: number): number | null {
    const until = this.cooldown.until[this.slotOf[d]];
    return until > nowMs ? until : null;
  }

  circuitOpenUntil(d: number, nowMs: number): number | null {
    const remaining = this.breakers ? this.breakers.remainingMs(this.slotOf[d], nowMs) : 0;
    return remaining > 0 ? nowMs + remaining : null;
  }

  healthCheckExcluded(d: number, nowMs: number): boolean {
    return this.health_.excluded(this.slotOf[d], nowMs);
  }
}
