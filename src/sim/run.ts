// One simulation run: client requests arrive, go through the real routing core (retries,
// fallbacks, cooldowns, breakers, health checks) on virtual time, and call simulated providers.
// Every client request ends as a success or a typed failure.
import { callCost, type CallPrices } from '../model-map/lookup.js';
import type { ModelMap } from '../model-map/index.js';
import { Router } from '../routing/router.js';
import type { CallOutcome, DeploymentHealth, NextStep, RouteRequest, StrategyName } from '../routing/types.js';
import type { RequestRun } from '../routing/router.js';
import type { LitellmVersion } from '../routing/router.js';
import { Simulation } from './engine.js';
import { createStreams, type Streams } from './rng.js';
import { SimProvider, type ProviderCall, type ProviderOutcome, type ProviderBehaviour } from './deployment.js';
import { resolveBehaviours } from './behaviour.js';
import { ArrivalProcess } from './traffic.js';
import { Fifo } from './fifo.js';
import { Metrics, increment, stateTracks, type DeploymentState, type FailureCause, type GroupStats } from './metrics.js';
import type { Scenario } from './scenario.js';
import { NO_TRAFFIC_NOTICE } from './default-scenario.js';
import { DEFAULT_DURATION_MS, LIMITS, count, seconds } from './limits.js';
import type { RecordedTraffic } from '../traffic/replay.js';
import { safeText } from '../util/safe-text.js';
import { routerRedis, type RouterRedis } from '../routing/shared-state.js';
import { deploymentLabels } from './labels.js';

export interface SimulationInput {
  /** Parsed LiteLLM config (plain data). */
  config: unknown;
  scenario: Scenario;
  seed: number;
  strategy?: StrategyName;
  litellmVersion?: LitellmVersion;
  /** LiteLLM's model map for prices and context windows (default: the built-in copy). */
  modelMap?: ModelMap;
  /** Overrides of the scenario's duration / request count (CLI flags). */
  durationMs?: number;
  requests?: number;
  /** Recorded requests to replay instead of the scenario's traffic (`--traffic`). */
  traffic?: RecordedTraffic;
}

export { DEFAULT_DURATION_MS } from './limits.js';
/** Gateway-side wait for a max_parallel_requests slot does not count against the call timeout. */
const NO_CAP = Infinity;

const NO_DEPLOYMENT_REASONS = new Set([
  'unknown-model', 'all-cooled-down', 'circuit-open', 'unhealthy', 'rate-limited', 'context-window-exceeded', 'no-tag-match', 'no-deployment',
]);

const ERROR_CLASSES: Record<number, string> = {
  400: 'BadRequestError', 401: 'AuthenticationError', 403: 'PermissionDeniedError', 404: 'NotFoundError', 408: 'Timeout',
  422: 'UnprocessableEntityError', 429: 'RateLimitError', 500: 'InternalServerError', 502: 'BadGatewayError', 503: 'ServiceUnavailableError',
};

export function errorClassOf(status: number): string {
  return ERROR_CLASSES[status] ?? (status >= 500 ? 'APIError' : 'BadRequestError');
}

/**
 * One client request in flight; it is also the provider call object (one call at a time).
 * Requests are pooled: a finished request is re-initialised for a later arrival, together with
 * its RouteRequest, its router RequestRun and its CallOutcome, so a long run allocates almost
 * nothing per request.
 */
class ClientRequest implements ProviderCall {
  readonly req: RouteRequest;
  run: RequestRun | null = null;
  group = '';
  groupStats: GroupStats | null = null;
  startedAt = 0;
  measured = false;
  inputTokens = 0;
  outputTokens = 0;
  stream = false;
  deployment = -1;
  /** The proxy replica the load balancer sent the request to (scenario `gateway:`). */
  replica = 0;
  lastCause: FailureCause = 'no-deployment-available';
  timeoutMs = Infinity;
  callStartedAt = 0;
  /** The outcome reported to the router, rewritten for every call (the router does not keep it). */
  readonly outcome: CallOutcome = {
    status: 0, latencyMs: 0, inputTokens: 0, outputTokens: 0, ttftMs: undefined, retryAfterMs: undefined, timedOut: undefined, errorClass: undefined,
    midstream: undefined,
  };
  // Provider bookkeeping, initialised here so every request has the same object shape.
  submittedAt = 0;
  settled = false;
  pending: ProviderOutcome | undefined = undefined;
  heldBy: SimProvider | null = null;
  constructor(readonly sim: SimulationRun) {
    this.req = { model: '', inputTokens: 0, outputTokens: 0, stream: false };
  }
  init(group: string, groupStats: GroupStats, startedAt: number, measured: boolean, inputTokens: number, outputTokens: number, stream: boolean): void {
    this.group = group;
    this.groupStats = groupStats;
    this.startedAt = startedAt;
    this.measured = measured;
    this.inputTokens = inputTokens;
    this.outputTokens = outputTokens;
    this.stream = stream;
    this.deployment = -1;
    this.lastCause = 'no-deployment-available';
    this.timeoutMs = Infinity;
    this.callStartedAt = 0;
    this.submittedAt = 0;
    this.settled = false;
    this.heldBy = null;
    const req = this.req;
    req.model = group;
    req.inputTokens = inputTokens;
    req.outputTokens = outputTokens;
    req.stream = stream;
  }
  done(outcome: ProviderOutcome, now: number): void {
    this.sim.onCallDone(this, outcome, now);
  }
}

/** Finished requests kept for reuse; bounded by the peak number in flight. */
const MAX_POOLED = 4096;

export interface LiveDeployment {
  index: number;
  name: string;
  calls: number;
  share: number;
  errors: number;
  p95: number;
  state: DeploymentHealth;
}

export interface LiveSnapshot {
  nowMs: number;
  endMs: number;
  requests: number;
  completed: number;
  succeeded: number;
  failed: number;
  deployments: LiveDeployment[];
}

export class SimulationRun {
  readonly sim = new Simulation();
  /** Replica 0's Router (the only one without a scenario `gateway:`). */
  readonly router: Router;
  /** One Router per proxy replica, each with its own in-memory state. */
  readonly routers: Router[];
  /** Whether the replicas share the state LiteLLM keeps in Redis (scenario gateway.shared_state). */
  readonly sharedState: boolean;
  /** Whether the config gives the Router a Redis (only worked out with a scenario `gateway:`). */
  readonly redis: RouterRedis | null;
  private nextReplica = 0;
  /** Per deployment: the calendar minute of the provider's last call and its calls in that minute. */
  private readonly providerMinute: number[];
  private readonly providerMinuteCalls: number[];
  readonly streams: Streams;
  readonly providers: SimProvider[];
  readonly behaviours: ProviderBehaviour[];
  readonly metrics: Metrics;
  readonly arrivalEndMs: number;
  readonly requestLimit: number;
  /** What the user should know about the run: caps that cut it short (deterministic text). */
  readonly notices: string[] = [];
  /** The request count the scenario or flags asked for, when LIMITS.requests cut it. */
  private readonly requestsCapped: boolean;
  readonly warmupMs: number;
  /** Expected length of the arrival window (for progress and bucket sizing). */
  readonly expectedEndMs: number;
  private issued = 0;
  private inFlight = 0;
  private lastArrivalMs = 0;
  private arrivalsOpen: number;
  private readonly gatewayInFlight: number[];
  private readonly gatewayLimit: number[];
  /** Calls waiting for a max_parallel_requests slot, per deployment (FIFO, as LiteLLM's semaphore). */
  private readonly slotWaiters: Fifo<ClientRequest>[];
  private readonly cooldownEnd: number[];
  /** End of the last circuit-breaker opening seen per replica x deployment (a new value = a new opening). */
  private readonly openUntil: number[];
  /** When health checks were first seen excluding each replica x deployment (-1: not excluded). */
  private readonly unhealthySince: number[];
  private readonly callPrices: CallPrices[];
  private readonly freeRequests: ClientRequest[] = [];
  /** How far a progress display asked the run to go; shown in snapshots, never read by the simulation. */
  private horizonMs = 0;
  /**
   * Busy time (ms x busy servers) of each provider inside the measured window [0, simulatedMs],
   * taken when the window closes; null until then.
   */
  private windowBusy: Float64Array | null = null;

  constructor(readonly input: SimulationInput) {
    const scenario = input.scenario;
    // The derived scenario's notes are about its length: moot when the flags set it.
    if (scenario.notices && input.durationMs === undefined && input.requests === undefined) this.notices.push(...scenario.notices);
    if (scenario.traffic.length === 0) this.notices.push(NO_TRAFFIC_NOTICE);
    this.streams = createStreams(input.seed);
    const routerOptions = { random: this.streams.routing, strategy: input.strategy, litellmVersion: input.litellmVersion, modelMap: input.modelMap };
    this.router = Router.fromConfig(input.config, routerOptions);
    // Replicas: each its own Router; behind one Redis they share what LiteLLM keeps there.
    const gateway = scenario.gateway;
    this.redis = gateway ? routerRedis(input.config) : null;
    this.sharedState = gateway !== undefined && (gateway.sharedState === 'redis' || (gateway.sharedState === 'auto' && this.redis!.configured));
    this.routers = [this.router];
    const shared = this.sharedState ? this.router.redisState() : undefined;
    for (let i = 1; i < (gateway?.replicas ?? 1); i++) this.routers.push(Router.fromConfig(input.config, { ...routerOptions, shared }));
    if (gateway) this.notices.push(...gatewayNotices(gateway, this.redis!, this.sharedState));
    const deployments = this.router.deployments;
    const slots = this.routers.length * deployments.length;
    this.behaviours = resolveBehaviours(deployments, scenario);
    this.providers = this.behaviours.map((b) => new SimProvider(this.sim, b, this.streams.latency, this.streams.errors));
    // Gateway slots, waiters and tracked states per replica x deployment (index replica * D + d).
    this.gatewayInFlight = new Array<number>(slots).fill(0);
    this.gatewayLimit = Array.from({ length: slots }, (_, k) => this.router.concurrencyLimit(k % deployments.length) ?? NO_CAP);
    this.slotWaiters = Array.from({ length: slots }, () => new Fifo<ClientRequest>());
    this.cooldownEnd = new Array<number>(slots).fill(0);
    this.openUntil = new Array<number>(slots).fill(-1);
    this.unhealthySince = new Array<number>(slots).fill(-1);
    this.providerMinute = deployments.map(() => -1);
    this.providerMinuteCalls = deployments.map(() => 0);
    this.callPrices = deployments.map((d) => ({ input: d.inputCostPerToken, output: d.outputCostPerToken, tiers: d.priceTiers }));

    // A replay runs to the end of the recording unless --duration / --requests cut it; the
    // scenario's own duration and requests belong to its synthetic traffic.
    const replaying = input.traffic !== undefined;
    const asked = input.requests ?? (replaying ? undefined : scenario.requests) ?? Infinity;
    this.requestLimit = Math.min(asked, LIMITS.requests);
    this.requestsCapped = asked > LIMITS.requests;
    this.sim.budget = LIMITS.work;
    const duration = input.durationMs ?? (replaying ? Infinity : scenario.durationMs ?? (asked === Infinity ? DEFAULT_DURATION_MS : Infinity));
    this.arrivalEndMs = duration;
    this.warmupMs = scenario.warmupMs;
    const replay = input.traffic;
    if (replay) {
      const last = Math.min(replay.timesMs.length, this.requestLimit) - 1;
      this.expectedEndMs = Math.max(1, Math.min(duration, last >= 0 ? replay.timesMs[last] : 0));
    } else {
      const totalRatePerMs = scenario.traffic.reduce((s, t) => s + t.ratePerSec / 1000, 0);
      this.expectedEndMs = Math.max(1, Math.min(duration, totalRatePerMs > 0 ? this.requestLimit / totalRatePerMs : Infinity));
    }
    const bucketMs = scenario.bucketMs ?? chooseBucketMs(this.expectedEndMs === Infinity ? DEFAULT_DURATION_MS : this.expectedEndMs);
    this.metrics = new Metrics(deployments.length, bucketMs, undefined, this.routers.length);
    for (const model of replay ? replay.groups : scenario.traffic.map((t) => t.model)) this.metrics.group(model);

    // Close the measured window at its end even if nothing else happens then.
    if (Number.isFinite(this.arrivalEndMs)) this.sim.at(this.arrivalEndMs, this.onWindowEnd, null);
    if (replay) {
      this.arrivalsOpen = 1;
      this.scheduleReplay(0, 0);
    } else {
      this.arrivalsOpen = scenario.traffic.length;
      for (const t of scenario.traffic) this.scheduleArrival(new ArrivalProcess(t), 0);
    }
    const interval = this.router.healthCheckIntervalMs();
    if (interval !== null && interval > 0 && deployments.length > 0) this.sim.after(interval, this.onHealthChecks, interval);
  }

  /** Client requests that have arrived so far. */
  get requestsIssued(): number {
    return this.issued;
  }

  get done(): boolean {
    return this.sim.queue.size === 0 || this.sim.budget <= 0;
  }

  /**
   * Runs events up to simulated time `untilMs` (Infinity: to the end). Returns true when finished.
   * Slicing a run into several calls gives exactly the result of one call.
   */
  advance(untilMs = Infinity): boolean {
    this.sim.runUntil(untilMs);
    if (untilMs !== Infinity && untilMs > this.horizonMs) this.horizonMs = untilMs;
    if (this.sim.exhausted && !this.notices.some((n) => n.startsWith('stopped after'))) {
      this.notices.push(
        `stopped after ${count(LIMITS.work)} events at ${seconds(this.sim.now)} of simulated time (gwcfg's limit per run): the config's retries, fallbacks or health checks make too much work for this traffic; the result covers the run up to there and requests still in flight are not counted as finished`,
      );
    }
    return this.done;
  }

  private readonly onWindowEnd = (now: number): void => {
    this.closeWindow(now);
  };

  /** Records each provider's busy time at the end of the measured window (once). */
  private closeWindow(now: number): void {
    if (this.windowBusy !== null) return;
    this.windowBusy = Float64Array.from(this.providers, (p) => p.busyTime(now));
  }

  /**
   * Mean share of deployment d's provider capacity in use over the measured window (busy time /
   * (simulatedMs x capacity)); calls still running after the window do not stretch it.
   */
  utilisation(d: number): number {
    const capacity = this.providers[d].behaviour.capacity;
    if (this.windowBusy !== null) {
      const windowMs = this.simulatedMs;
      return windowMs > 0 ? this.windowBusy[d] / windowMs / capacity : 0;
    }
    // Window still open (a run not advanced to its end): up to the last event.
    const now = this.sim.now;
    return now > 0 ? this.providers[d].busyTime(now) / now / capacity : 0;
  }

  /**
   * End of the measured window: the arrival window, or the last arrival when the request count
   * ran out first (count mode, or `requests` reached before `duration`).
   */
  get simulatedMs(): number {
    if (this.arrivalEndMs === Infinity || this.issued >= this.requestLimit) return this.lastArrivalMs;
    return Math.max(this.arrivalEndMs, 0);
  }

  // ---- arrivals ----

  private scheduleArrival(process: ArrivalProcess, now: number): void {
    const t = process.next(now, this.streams.arrivals);
    if (t >= this.arrivalEndMs || t === Infinity || this.issued >= this.requestLimit) {
      // Without a duration the window ends at the last arrival, which is now.
      if (--this.arrivalsOpen === 0 && this.arrivalEndMs === Infinity) this.closeWindow(now);
      return;
    }
    this.sim.at(t, this.onArrival, process);
  }

  private readonly onArrival = (now: number, process: ArrivalProcess): void => {
    if (this.issued >= this.requestLimit) {
      this.arrivalsOpen--;
      return;
    }
    const source = process.source;
    const tokens = this.streams.tokens;
    const inputTokens = Math.min(LIMITS.tokens, Math.max(1, Math.round(source.inputTokens.sample(tokens))));
    const outputTokens = Math.min(LIMITS.tokens, Math.max(1, Math.round(source.outputTokens.sample(tokens))));
    this.admit(source.model, inputTokens, outputTokens, source.stream, now);
    this.scheduleArrival(process, now);
  };

  /** Schedules recorded request i (replay), or closes arrivals after the last one. */
  private scheduleReplay(i: number, now: number): void {
    const replay = this.input.traffic!;
    if (i >= replay.timesMs.length || replay.timesMs[i] >= this.arrivalEndMs || this.issued >= this.requestLimit) {
      if (--this.arrivalsOpen === 0 && this.arrivalEndMs === Infinity) this.closeWindow(now);
      return;
    }
    this.sim.at(replay.timesMs[i], this.onReplayArrival, i);
  }

  private readonly onReplayArrival = (now: number, i: number): void => {
    const r = this.input.traffic!;
    this.admit(r.groups[r.group[i]], r.inputTokens[i], r.outputTokens[i], r.stream[i] === 1, now);
    this.scheduleReplay(i + 1, now);
  };

  /** One client request arrives: counted, routed, dispatched. */
  private admit(model: string, inputTokens: number, outputTokens: number, stream: boolean, now: number): void {
    this.issued++;
    this.lastArrivalMs = now;
    if (this.issued >= this.requestLimit) {
      this.closeWindow(now);
      if (this.requestsCapped) {
        this.notices.push(`stopped sending at ${count(LIMITS.requests)} client requests (gwcfg's limit per run), ${seconds(now)} into the simulated time; the result covers those requests`);
      }
    }
    const measured = now >= this.warmupMs;
    const groupStats = this.metrics.group(model);
    const request = this.freeRequests.pop() ?? new ClientRequest(this);
    request.init(model, groupStats, now, measured, inputTokens, outputTokens, stream);
    const replica = this.pickReplica();
    request.replica = replica;
    this.inFlight++;
    this.metrics.bucket(now).requests++;
    if (measured) {
      this.metrics.totals.requests++;
      groupStats.requests++;
      this.metrics.replicas[replica].requests++;
    }
    const router = this.routers[replica];
    const run = request.run === null ? router.beginRequest(request.req, now) : router.restartRequest(request.run, request.req, now);
    request.run = run;
    this.handleStep(request, run.next(now), now);
  }

  /** The load balancer: round-robin, or seeded random (gateway.balancer). */
  private pickReplica(): number {
    const n = this.routers.length;
    if (n === 1) return 0;
    if (this.input.scenario.gateway?.balancer === 'random') return Math.min(n - 1, Math.floor(this.streams.balancer() * n));
    const r = this.nextReplica;
    this.nextReplica = r + 1 === n ? 0 : r + 1;
    return r;
  }

  /** Gateway slot / waiter / state index of a replica's deployment. */
  private slot(replica: number, d: number): number {
    return replica * this.providers.length + d;
  }

  // ---- request orchestration ----

  private handleStep(request: ClientRequest, step: NextStep, now: number): void {
    if (step.kind === 'call') {
      request.deployment = step.deployment;
      // No backoff: dispatch now rather than through the queue (saves one event per call).
      if (step.delayMs > 0) this.sim.after(step.delayMs, this.onDispatch, request);
      else this.onDispatch(now, request);
    } else if (step.kind === 'success') {
      this.finish(request, now, null, 200);
    } else {
      this.finish(request, now, step.reason, step.status);
    }
  }

  private readonly onDispatch = (now: number, request: ClientRequest): void => {
    const k = this.slot(request.replica, request.deployment);
    if (this.gatewayInFlight[k] >= this.gatewayLimit[k]) {
      // LiteLLM's max_parallel_requests semaphore (one per process, so per replica): wait for a slot.
      this.slotWaiters[k].push(request);
      return;
    }
    this.startCall(request, now);
  };

  private startCall(request: ClientRequest, now: number): void {
    const d = request.deployment;
    const router = this.routers[request.replica];
    const started = router.onCallStart(d, request.req, now);
    const stats = request.measured ? this.metrics.deployments[d] : null;
    this.metrics.bucket(now).byDeployment[d]++;
    if (stats) {
      stats.calls++;
      this.metrics.replicas[request.replica].calls++;
    }
    if (!started.ok) {
      request.lastCause = 'gateway-limit';
      if (stats) {
        this.metrics.replicas[request.replica].gatewayRateLimited++;
        stats.failed++;
        stats.rateLimited++;
        increment(stats.statuses, 429);
      }
      const outcome: CallOutcome = {
        status: 429, latencyMs: 0, inputTokens: request.inputTokens, outputTokens: 0, errorClass: 'RateLimitError',
        retryAfterMs: started.retryAfterMs,
      };
      this.handleStep(request, request.run!.report(outcome, now), now);
      return;
    }
    this.gatewayInFlight[this.slot(request.replica, d)]++;
    this.countProviderCall(d, now);
    const view = router.deployments[d];
    request.timeoutMs = (request.stream ? view.streamTimeoutMs ?? view.timeoutMs : view.timeoutMs) ?? Infinity;
    request.callStartedAt = now;
    request.settled = false;
    this.providers[d].submit(request, now);
  }

  /** The provider's calls per calendar minute, for its peak rpm. */
  private countProviderCall(d: number, now: number): void {
    const m = Math.floor(now / 60_000);
    if (m !== this.providerMinute[d]) {
      this.providerMinute[d] = m;
      this.providerMinuteCalls[d] = 0;
    }
    const n = ++this.providerMinuteCalls[d];
    const stats = this.metrics.deployments[d];
    if (n > stats.providerPeakRpm) stats.providerPeakRpm = n;
  }

  /** Called by the provider when a call ends (success, error, rejection or timeout). */
  onCallDone(request: ClientRequest, p: ProviderOutcome, now: number): void {
    const d = request.deployment;
    const outcome = request.outcome;
    outcome.status = p.status;
    outcome.latencyMs = p.latencyMs;
    outcome.inputTokens = request.inputTokens;
    outcome.outputTokens = p.status === 200 ? request.outputTokens : 0;
    outcome.ttftMs = p.ttftMs;
    outcome.retryAfterMs = p.retryAfterMs;
    outcome.timedOut = p.cause === 'timeout' ? true : undefined;
    outcome.errorClass = p.status !== 200 ? errorClassOf(p.status) : undefined;
    outcome.midstream = p.cause === 'midstream' ? true : undefined;
    this.routers[request.replica].onCallEnd(d, request.req, outcome, now);
    // The router's in-flight count dropped: hand the freed slot to the next waiting call.
    const k = this.slot(request.replica, d);
    this.gatewayInFlight[k]--;
    this.releaseSlot(k, now);
    request.lastCause = p.cause;

    if (request.measured) {
      const stats = this.metrics.deployments[d];
      stats.latency.record(p.latencyMs);
      if (p.status === 200) {
        stats.succeeded++;
        const cost = callCost(this.callPrices[d], request.inputTokens, request.outputTokens);
        this.metrics.bucket(now).costUsd += cost;
        stats.costUsd += cost;
        stats.inputTokens += request.inputTokens;
        stats.outputTokens += request.outputTokens;
        this.metrics.totals.costUsd += cost;
        if (request.stream && p.ttftMs !== undefined) this.metrics.totals.ttft.record(request.callStartedAt + p.ttftMs - request.startedAt);
      } else {
        stats.failed++;
        increment(stats.statuses, p.status);
        if (p.status === 429) stats.rateLimited++;
        if (p.cause === 'rate-limit') stats.providerRateLimited++;
        if (p.cause === 'timeout') stats.timeouts++;
        if (p.cause === 'midstream') this.metrics.totals.midstreamErrors++;
      }
    } else if (p.status === 200) {
      // Warm-up calls count in the timeline like its other counts.
      this.metrics.bucket(now).costUsd += callCost(this.callPrices[d], request.inputTokens, request.outputTokens);
    }
    this.trackState(request.replica, d, now);
    this.handleStep(request, request.run!.report(outcome, now), now);
  }

  private releaseSlot(k: number, now: number): void {
    const waiters = this.slotWaiters[k];
    while (waiters.length > 0 && this.gatewayInFlight[k] < this.gatewayLimit[k]) {
      this.startCall(waiters.shift()!, now);
    }
  }

  /**
   * Counts cooldowns (with their length) and circuit openings as a replica's router reports them
   * (each replica's own cooldowns, or once for a cooldown list the replicas share), and records
   * the intervals of each state, over all replicas together. Cooldowns and open breakers start
   * here (the router sets them in onCallEnd, just before) and their ends are known; health-check
   * exclusion is sampled, so an unhealthy interval ends at the first call or probe that sees the
   * deployment included.
   */
  private trackState(replica: number, d: number, now: number): void {
    const router = this.routers[replica];
    const until = router.cooldownUntil(d, now);
    const stats = this.metrics.deployments[d];
    const counting = now >= this.warmupMs;
    const c = this.sharedState ? d : this.slot(replica, d);
    const k = this.slot(replica, d);
    if (until !== null) this.recordState(d, 'cooldown', now, until);
    const openUntil = router.circuitOpenUntil(d, now);
    if (openUntil !== null) {
      this.recordState(d, 'circuit-open', now, openUntil);
      // Each opening sets its own end (opened at + reset time), also a reopening after a failed half-open probe.
      if (openUntil !== this.openUntil[k] && counting) stats.circuitOpens++;
      this.openUntil[k] = openUntil;
    }
    const excluded = router.healthCheckExcluded(d, now);
    if (excluded && this.unhealthySince[k] < 0) this.unhealthySince[k] = now;
    else if (!excluded && this.unhealthySince[k] >= 0) {
      this.recordState(d, 'unhealthy', this.unhealthySince[k], now);
      this.unhealthySince[k] = -1;
    }
    if (until !== null && until > now) {
      if (now >= this.cooldownEnd[c]) {
        if (counting) {
          stats.cooldowns++;
          stats.cooldownMs += until - now;
        }
        this.cooldownEnd[c] = until;
      } else if (until > this.cooldownEnd[c]) {
        if (counting) stats.cooldownMs += until - this.cooldownEnd[c];
        this.cooldownEnd[c] = until;
      }
    }
  }

  private finish(request: ClientRequest, now: number, reason: string | null, status: number): void {
    this.inFlight--;
    const bucket = this.metrics.bucket(now);
    const latency = now - request.startedAt;
    if (reason === null) {
      bucket.succeeded++;
      bucket.latency.record(latency);
    } else {
      bucket.failed++;
      increment(bucket.failureCauses, request.lastCause);
    }
    if (request.measured) {
      this.countFinished(request, reason, status, latency);
      const replica = this.metrics.replicas[request.replica];
      if (reason === null) replica.succeeded++;
      else {
        replica.failed++;
        if (NO_DEPLOYMENT_REASONS.has(reason)) replica.noDeployment++;
      }
    }
    if (this.freeRequests.length < MAX_POOLED) this.freeRequests.push(request);
  }

  private countFinished(request: ClientRequest, reason: string | null, status: number, latency: number): void {
    const totals = this.metrics.totals;
    const group = request.groupStats!;
    const run = request.run!;
    totals.retries += run.retries;
    totals.fallbacks += run.fallbacks;
    if (reason === null) {
      totals.succeeded++;
      group.succeeded++;
      group.latency.record(latency);
      return;
    }
    totals.failed++;
    group.failed++;
    increment(totals.failureReasons, reason);
    increment(totals.failureCauses, request.lastCause);
    if (status === 429) totals.rateLimited++;
    if (NO_DEPLOYMENT_REASONS.has(reason)) totals.noDeployment++;
  }

  // ---- health checks ----

  private readonly onHealthChecks = (now: number, interval: number): void => {
    // Every replica runs its own background health checks.
    this.sim.charge(this.providers.length * this.routers.length);
    for (let r = 0; r < this.routers.length; r++) {
      for (let d = 0; d < this.providers.length; d++) {
        this.routers[r].onHealthCheck(d, this.providers[d].probe(now), now);
        this.trackState(r, d, now);
      }
    }
    // Keep probing while clients are still arriving or waiting.
    if (this.arrivalsOpen > 0 || this.inFlight > 0) this.sim.after(interval, this.onHealthChecks, interval);
  };

  // ---- live view ----

  private labels: string[] | null = null;

  snapshot(): LiveSnapshot {
    const now = this.sim.now;
    const labels = (this.labels ??= deploymentLabels(this.input.config));
    const m = this.metrics;
    const totalCalls = m.deployments.reduce((s, d) => s + d.calls, 0);
    return {
      nowMs: this.done ? now : Math.max(now, this.horizonMs),
      endMs: this.expectedEndMs,
      requests: m.totals.requests,
      completed: m.totals.succeeded + m.totals.failed,
      succeeded: m.totals.succeeded,
      failed: m.totals.failed,
      deployments: this.router.deployments.map((view, i) => ({
        index: i,
        name: labels[i] ?? deploymentLabel(view),
        calls: m.deployments[i].calls,
        share: totalCalls > 0 ? m.deployments[i].calls / totalCalls : 0,
        errors: m.deployments[i].failed,
        p95: m.deployments[i].latency.percentile(95),
        state: this.router.health(i, now),
      })),
    };
  }

  private recordState(d: number, state: DeploymentState, fromMs: number, toMs: number): void {
    const stats = this.metrics.deployments[d];
    (stats.states ??= stateTracks())[state].add(fromMs, toMs);
  }

  /**
   * Deployment d's state intervals up to endMs, in ms, each list in time order: the recorded ones
   * clipped to endMs, plus an unhealthy interval still open at endMs.
   */
  stateIntervals(d: number, endMs: number): { state: DeploymentState; fromMs: number; toMs: number }[] {
    const out: { state: DeploymentState; fromMs: number; toMs: number }[] = [];
    const tracks = this.metrics.deployments[d].states;
    if (tracks) {
      for (const state of Object.keys(tracks) as DeploymentState[]) {
        const spans = tracks[state].spans;
        for (let i = 0; i < spans.length; i += 2) if (spans[i] < endMs) out.push({ state, fromMs: spans[i], toMs: Math.min(spans[i + 1], endMs) });
      }
    }
    // Still unhealthy at the end (on the replica that saw it first).
    let since = Infinity;
    for (let r = 0; r < this.routers.length; r++) {
      const s = this.unhealthySince[this.slot(r, d)];
      if (s >= 0) since = Math.min(since, s);
    }
    if (since < endMs) out.push({ state: 'unhealthy', fromMs: since, toMs: endMs });
    return out;
  }

  /** Time left in cooldown beyond the end of the run, for clipping cooldown_seconds. */
  cooldownOverrunMs(d: number, endMs: number): number {
    if (this.sharedState) return Math.max(0, this.cooldownEnd[d] - endMs);
    let total = 0;
    for (let r = 0; r < this.routers.length; r++) total += Math.max(0, this.cooldownEnd[this.slot(r, d)] - endMs);
    return total;
  }
}

/** What the user should know about how a scenario's replicas were simulated (deterministic text). */
function gatewayNotices(gateway: NonNullable<Scenario['gateway']>, redis: RouterRedis, shared: boolean): string[] {
  const out: string[] = [];
  if (gateway.sharedState === 'auto' && redis.problem) out.push(`${redis.problem}; the ${gateway.replicas} replicas share nothing`);
  if (shared && gateway.replicas > 1) {
    out.push(
      `the ${gateway.replicas} replicas share cooldowns and usage-based-routing-v2 counters through Redis at once; LiteLLM's per-replica in-memory copies, which can lag Redis, are not simulated`,
    );
  }
  return out;
}

/** A short, stable name for a deployment in tables: model_info.id when set by the user, else group#index. */
export function deploymentLabel(view: { index: number; modelName: string; model: string }): string {
  return safeText(`${view.modelName}#${view.index} ${view.model}`);
}

const NICE_BUCKETS_S = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 21600, 43200, 86400];

/** Bucket width giving about 60 buckets over the run, snapped to a round number of seconds. */
export function chooseBucketMs(durationMs: number): number {
  const target = durationMs / 60 / 1000;
  for (const s of NICE_BUCKETS_S) if (s >= target) return s * 1000;
  return Math.ceil(target / 86400) * 86400 * 1000;
}

/** Runs to completion synchronously. */
export function runToEnd(input: SimulationInput): SimulationRun {
  const run = new SimulationRun(input);
  run.advance(Infinity);
  return run;
}
