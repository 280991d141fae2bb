// Normalises a plain parsed LiteLLM config into what the router needs: deployment views and
// router settings with LiteLLM's defaults and precedence applied (router_settings beats
// litellm_settings beats built-in defaults). Runs once when a Router is built.
import { createHash } from 'node:crypto';
import type { DeploymentView, StrategyName } from './types.js';
import { builtinModelMap, type ModelMap } from '../model-map/index.js';
import { callPrices, contextWindowOf, deploymentFacts, registeredPrices, routingPrice, type RegisteredPrices } from '../model-map/lookup.js';
import { distance } from 'fastest-levenshtein';
import { behaviourFlags, formatRelease, resolveRelease, type BehaviourFlags } from './releases.js';

/** A LiteLLM release ("1.80", "1.80.5") or a year alias ("2024", "2025", "2026"); see releases.ts. */
export type LitellmVersion = string;

export const LITELLM_STRATEGIES: readonly StrategyName[] = [
  'simple-shuffle',
  'least-busy',
  'usage-based-routing',
  'usage-based-routing-v2',
  'latency-based-routing',
  'cost-based-routing',
];
export const GWCFG_STRATEGIES: readonly StrategyName[] = ['weighted-round-robin', 'round-robin'];
/** A LiteLLM strategy (RoutingStrategy.PROVIDER_BUDGET_LIMITING, litellm/types/router.py) gwcfg does not model. */
export const UNSIMULATED_STRATEGY = 'provider-budget-routing';
/** Every strategy the core implements: LiteLLM's, then gwcfg's extensions. */
export const ALL_STRATEGIES: readonly StrategyName[] = [...LITELLM_STRATEGIES, ...GWCFG_STRATEGIES];

/** LiteLLM constants (litellm/constants.py) and gwcfg extension defaults. */
export const DEFAULTS = {
  numRetries: 2,
  allowedFails: 3,
  /** DEFAULT_COOLDOWN_TIME_SECONDS, from 1.46.0 (row cooldown-time-default-5s). */
  cooldownTimeS: 5,
  /** `cooldown_time or 60` in Router.__init__, 1.39.5 up to 1.46.0 (row cooldown-time-default-60s). */
  cooldownTimeS60: 60,
  /** `cooldown_time or 1` in Router.__init__ before 1.39.5. */
  cooldownTimeSOldest: 1,
  timeoutS: 6000,
  maxFallbacks: 5,
  latencyTtlS: 3600,
  usageTtlS: 60,
  maxLatencyListSize: 10,
  healthCheckIntervalS: 300,
  healthCheckTimeoutS: 60,
  healthCheckStalenessS: 600,
  // gwcfg extensions
  fallbackStrategyTolerance: 0.1,
  circuitFailureThreshold: 5,
  circuitSuccessThreshold: 1,
  circuitResetS: 60,
  healthSuccessThreshold: 1,
} as const;

export type FallbackMap = ReadonlyArray<readonly [key: string, targets: readonly string[]]>;

export interface CircuitBreakerSettings {
  failureThreshold: number;
  successThreshold: number;
  resetMs: number;
}

export interface HealthCheckSettings {
  intervalMs: number;
  timeoutMs: number;
  /** Probes affect routing (extension thresholds, or [2026] enable_health_check_routing). */
  routing: 'none' | 'thresholds' | 'latest';
  /** thresholds mode: consecutive failed probes that mark a deployment unhealthy. */
  failThreshold: number;
  /** thresholds mode: consecutive good probes that mark it healthy again. */
  successThreshold: number;
  /** thresholds mode: minimum time a deployment stays unhealthy. */
  minDownMs: number;
  /** latest mode: results older than this count as healthy. */
  stalenessMs: number;
}

export interface RouterSettings {
  /** The modelled LiteLLM release, e.g. "1.83.7". */
  release: string;
  /** Which version-dependent behaviours (releases.ts BEHAVIOURS) the release has. */
  behaviours: BehaviourFlags;
  /** null only for an unknown strategy under a release before invalid-strategy-raises (every pick then fails). */
  routingStrategy: StrategyName | null;
  latency: {
    ttlMs: number;
    buffer: number;
    maxListSize: number;
    /** [2026] routing_strategy_args.ttft_percentile (0 < p ≤ 1): streams score by this TTFT percentile. */
    ttftPercentile: number | null;
  };
  usageTtlMs: number;
  fallbackStrategy: StrategyName | null;
  fallbackStrategyTolerance: number;
  numRetries: number;
  retryAfterMs: number;
  retryPolicy: Readonly<Record<string, number>> | null;
  modelGroupRetryPolicy: Readonly<Record<string, Readonly<Record<string, number>>>>;
  allowedFails: number;
  allowedFailsPolicy: Readonly<Record<string, number>> | null;
  /**
   * Count-based ("legacy") cooldown mode: Router.allowed_fails (router_settings, else the global)
   * differs from litellm.allowed_fails (litellm_settings, else 3), or allowed_fails_policy is set.
   */
  legacyCooldownMode: boolean;
  cooldownTimeMs: number;
  /** router_settings.cooldown_time as written (for the breaker's reset), null when unset or 0. */
  cooldownTimeExplicitMs: number | null;
  disableCooldowns: boolean;
  timeoutMs: number;
  streamTimeoutMs: number | null;
  fallbacks: FallbackMap;
  contextWindowFallbacks: FallbackMap;
  contentPolicyFallbacks: FallbackMap;
  maxFallbacks: number;
  enablePreCallChecks: boolean;
  enableTagFiltering: boolean;
  /** weighted-failover: router_settings.enable_weighted_failover under simple-shuffle, in a release that has it. */
  weightedFailover: boolean;
  modelGroupAlias: ReadonlyMap<string, string>;
  defaultMaxParallelRequests: number | null;
  circuitBreaker: CircuitBreakerSettings | null;
  healthChecks: HealthCheckSettings | null;
  globalRpm: number | null;
  globalTpm: number | null;
  /**
   * [2026] order fallback: when no deployment of a group's lowest `order` tier can serve, the
   * pick uses the next tier; a request whose tier failed tries the next tier before `fallbacks`.
   */
  orderFallback: boolean;
  /**
   * [2026 proxy] only the first failure of a request (per group entered: the primary group and
   * each fallback hop) runs the cooldown / failure-counting callback.
   */
  proxyFailureAccounting: boolean;
}

export interface NormalizedConfig {
  deployments: DeploymentView[];
  settings: RouterSettings;
}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A number, a numeric string, or null. `os.environ/...` references count as unset. */
export function num(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && !v.startsWith('os.environ/')) {
    const n = Number(v);
    if (Number.isFinite(n)) return n;
  }
  return null;
}

function bool(v: unknown): boolean {
  return v === true || v === 'true' || v === 'True';
}

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

function firstNonNull(...vals: unknown[]): number | null {
  for (const v of vals) {
    const n = num(v);
    if (n !== null) return n;
  }
  return null;
}

function firstTruthy(...vals: unknown[]): number | null {
  for (const v of vals) {
    const n = num(v);
    if (n) return n;
  }
  return null;
}

function secondsToMs(v: unknown): number | null {
  const n = num(v);
  return n === null ? null : n * 1000;
}

// ---- deployment ids: LiteLLM's Router._generate_model_id ----

/** Python's str() for the values YAML produces, close enough for ids. */
function pyStr(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'number') {
    if (Number.isInteger(v)) return String(v);
    const abs = Math.abs(v);
    if (abs !== 0 && (abs < 1e-4 || abs >= 1e16)) {
      const [mant, exp] = v.toExponential().split('e');
      const e = Number(exp);
      return `${mant}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
    }
    return String(v);
  }
  if (typeof v === 'string') return `'${v}'`;
  if (Array.isArray(v)) return `[${v.map(pyStr).join(', ')}]`;
  if (isObj(v)) return pyJsonDumps(v);
  return String(v);
}

/** json.dumps with Python's default separators. */
function pyJsonDumps(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(pyJsonDumps).join(', ')}]`;
  if (isObj(v)) {
    return `{${Object.entries(v)
      .map(([k, x]) => `${JSON.stringify(k)}: ${pyJsonDumps(x)}`)
      .join(', ')}}`;
  }
  return JSON.stringify(v ?? null);
}

/** sha256(model_name + concatenation of every key and value of litellm_params). */
export function litellmDeploymentId(modelName: string, litellmParams: Obj): string {
  let s = modelName;
  for (const [k, v] of Object.entries(litellmParams)) {
    s += k;
    s += typeof v === 'string' ? v : isObj(v) ? pyJsonDumps(v) : pyStr(v);
  }
  return createHash('sha256').update(s).digest('hex');
}

// ---- deployments ----

function buildDeployment(entry: Obj, index: number, routerTimeoutMs: number, has: BehaviourFlags, map: ModelMap, registered: RegisteredPrices): DeploymentView {
  const modelName = str(entry.model_name) ?? '';
  const params: Obj = isObj(entry.litellm_params) ? entry.litellm_params : {};
  const info: Obj = isObj(entry.model_info) ? entry.model_info : {};
  const model = str(params.model) ?? '';
  const id = info.id !== undefined && info.id !== null ? String(info.id) : litellmDeploymentId(modelName, params);
  // Router.set_model_list copies top-level rpm/tpm into litellm_params when it lacks them.
  const rpm = firstNonNull(params.rpm, entry.rpm);
  const tpm = firstNonNull(params.tpm, entry.tpm);
  const facts = deploymentFacts(entry);
  const prices = callPrices(map, facts);
  const route = routingPrice(map, registered, facts);
  const tagsRaw = params.tags;
  // deployment-cooldown-policy: model_info carries a deployment-level cooldown policy
  // (cooldown_time, allowed_fails, allowed_fails_policy, blocked) that beats the router's; older
  // releases read only litellm_params.cooldown_time.
  const v2026 = has['deployment-cooldown-policy'];
  const cooldownS = v2026 ? firstNonNull(info.cooldown_time, params.cooldown_time) : num(params.cooldown_time);
  return {
    index,
    id,
    modelName,
    model,
    isWildcard: modelName.includes('*'),
    rpm,
    tpm,
    rpmLimit: firstNonNull(entry.rpm, params.rpm, info.rpm),
    tpmLimit: firstNonNull(entry.tpm, params.tpm, info.tpm),
    rpmLimitTruthy: firstTruthy(entry.rpm, params.rpm, info.rpm),
    tpmLimitTruthy: firstTruthy(entry.tpm, params.tpm, info.tpm),
    weight: num(params.weight),
    entryWeight: num(entry.weight),
    // model-info-order: model_info.order counts only when litellm_params has none, and only from [2026].
    order: has['model-info-order'] ? firstNonNull(params.order, info.order) : num(params.order),
    maxParallelRequests: num(params.max_parallel_requests),
    inputCostPerToken: prices.input,
    outputCostPerToken: prices.output,
    priceTiers: prices.tiers,
    routingCostPerToken: route.input + route.output,
    maxInputTokens: contextWindowOf(map, facts),
    timeoutMs: secondsToMs(params.timeout) ?? secondsToMs(params.request_timeout) ?? routerTimeoutMs,
    streamTimeoutMs: secondsToMs(params.stream_timeout),
    numRetries: num(params.num_retries),
    cooldownTimeMs: cooldownS === null || cooldownS < 0 ? null : cooldownS * 1000,
    tags: Array.isArray(tagsRaw) ? tagsRaw.filter((t): t is string => typeof t === 'string') : [],
    blocked: v2026 && bool(info.blocked),
    allowedFails: v2026 ? num(info.allowed_fails) : null,
    allowedFailsPolicy: v2026 ? numberRecord(info.allowed_fails_policy) : null,
    healthCheckTimeoutMs: secondsToMs(info.health_check_timeout),
  };
}

// ---- settings ----

function fallbackMap(v: unknown): FallbackMap {
  const out: Array<readonly [string, readonly string[]]> = [];
  if (!Array.isArray(v)) return out;
  for (const item of v) {
    if (!isObj(item)) continue;
    const keys = Object.keys(item);
    if (keys.length !== 1) continue; // LiteLLM's validate_fallbacks rejects these
    const targets = item[keys[0]];
    const list = Array.isArray(targets) ? targets : [targets];
    out.push([keys[0], list.filter((t): t is string => typeof t === 'string')]);
  }
  return out;
}

/** router_settings value, else litellm_settings value; an explicit empty list counts as unset. */
function pick(router: Obj, litellm: Obj, key: string): unknown {
  const r = router[key];
  if (r !== undefined && r !== null && !(Array.isArray(r) && r.length === 0)) return r;
  return litellm[key];
}

function numberRecord(v: unknown): Record<string, number> | null {
  if (!isObj(v)) return null;
  const out: Record<string, number> = {};
  for (const [k, x] of Object.entries(v)) {
    const n = num(x);
    if (n !== null) out[k] = n;
  }
  return out;
}

/** The known strategy closest to a misspelt one (simple-shuffle, the default, when none is close). */
function nearestStrategy(name: string): string {
  let best = 'simple-shuffle';
  let bestDistance = Math.max(3, Math.floor(name.length / 3)) + 1;
  for (const candidate of [...LITELLM_STRATEGIES, ...GWCFG_STRATEGIES]) {
    const d = distance(name.toLowerCase(), candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * A config value the Router refuses at construction, as LiteLLM raises a ValueError there.
 * `path` is where the value sits in the config (e.g. ['router_settings', 'routing_strategy']),
 * so a caller that knows the file can point at it; the core itself knows no file names.
 */
export class RouterConfigError extends Error {
  constructor(
    message: string,
    readonly path: readonly (string | number)[],
  ) {
    super(message);
    this.name = 'RouterConfigError';
  }
}

function parseStrategy(v: unknown, raises: boolean, key: 'routing_strategy' | 'fallback_strategy'): StrategyName | null {
  if (v === undefined || v === null) return 'simple-shuffle';
  const s = String(v);
  if ((LITELLM_STRATEGIES as readonly string[]).includes(s)) return s as StrategyName;
  if ((GWCFG_STRATEGIES as readonly string[]).includes(s)) return s as StrategyName;
  if (s === UNSIMULATED_STRATEGY) {
    throw new RouterConfigError(
      `routing_strategy '${s}' is valid in LiteLLM (Router.routing_strategy_init accepts it) but gwcfg does not simulate it: ` +
        `its per-provider spend budgets (provider_budget_config) decide which deployments stay in routing. ` +
        `Simulate another strategy with --strategy, or --compare to see them side by side.`,
      ['router_settings', key],
    );
  }
  if (!raises) return null; // older routers accepted it; every request then failed
  throw new RouterConfigError(
    `Invalid ${key} '${s}'${key === 'routing_strategy' ? ": LiteLLM's Router refuses to start" : ''}. Valid values: ${[...LITELLM_STRATEGIES].join(', ')} ` +
      `(gwcfg also simulates ${GWCFG_STRATEGIES.join(', ')}). Did you mean '${nearestStrategy(s)}'? ` +
      `Set router_settings.${key} to one of them.`,
    ['router_settings', key],
  );
}

function buildSettings(
  root: Obj,
  release: string,
  has: BehaviourFlags,
  override: StrategyName | undefined,
  proxyFailureAccounting: boolean | undefined,
): RouterSettings {
  const rs: Obj = isObj(root.router_settings) ? root.router_settings : {};
  const ls: Obj = isObj(root.litellm_settings) ? root.litellm_settings : {};
  const gs: Obj = isObj(root.general_settings) ? root.general_settings : {};
  const args: Obj = isObj(rs.routing_strategy_args) ? rs.routing_strategy_args : {};

  const routingStrategy = override ?? parseStrategy(rs.routing_strategy, has['invalid-strategy-raises'], 'routing_strategy');
  const fallbackStrategyRaw = rs.fallback_strategy;
  const fallbackStrategy =
    fallbackStrategyRaw === undefined || fallbackStrategyRaw === null
      ? null
      : parseStrategy(fallbackStrategyRaw, true, 'fallback_strategy');

  // litellm.allowed_fails is the module global litellm_settings sets (default 3); Router.allowed_fails
  // is its own router_settings value, else that global (litellm/router.py Router.__init__).
  const globalAllowedFails = num(ls.allowed_fails) ?? DEFAULTS.allowedFails;
  const ownAllowedFailsRaw = num(rs.allowed_fails);
  // Before allowed-fails-zero-kept: `allowed_fails or litellm.allowed_fails`, so 0 meant the global.
  const ownAllowedFails =
    ownAllowedFailsRaw === null || (!has['allowed-fails-zero-kept'] && ownAllowedFailsRaw === 0) ? null : ownAllowedFailsRaw;
  const allowedFails = ownAllowedFails ?? globalAllowedFails;
  const allowedFailsPolicy = numberRecord(rs.allowed_fails_policy);

  const cooldownRaw = num(rs.cooldown_time);
  // `cooldown_time or DEFAULT`: 0 and unset both give the default (5 s from 1.46.0, 60 s from
  // 1.39.5, 1 s before; rows cooldown-time-default-5s / cooldown-time-default-60s).
  const cooldownDefault = has['cooldown-time-default-5s']
    ? DEFAULTS.cooldownTimeS
    : has['cooldown-time-default-60s']
      ? DEFAULTS.cooldownTimeS60
      : DEFAULTS.cooldownTimeSOldest;
  const cooldownTimeMs = (cooldownRaw || cooldownDefault) * 1000;

  const timeoutS = num(rs.timeout) ?? num(ls.request_timeout) ?? DEFAULTS.timeoutS;

  const defaults = pick(rs, ls, 'default_fallbacks');
  const fallbacks = [...fallbackMap(pick(rs, ls, 'fallbacks'))];
  if (Array.isArray(defaults) && defaults.length > 0) {
    fallbacks.push(['*', defaults.filter((t): t is string => typeof t === 'string')]);
  }

  const alias = new Map<string, string>();
  if (isObj(rs.model_group_alias)) {
    for (const [k, v] of Object.entries(rs.model_group_alias)) {
      const target = typeof v === 'string' ? v : isObj(v) ? str(v.model) : null;
      if (target) alias.set(k, target);
    }
  }

  const modelGroupRetryPolicy: Record<string, Record<string, number>> = {};
  if (isObj(rs.model_group_retry_policy)) {
    for (const [g, p] of Object.entries(rs.model_group_retry_policy)) {
      const rec = numberRecord(p);
      if (rec) modelGroupRetryPolicy[g] = rec;
    }
  }

  // gwcfg extension: per-deployment circuit breaker. `timeout` is LiteLLM's request timeout, so
  // the reset time is router cooldown_time when written, else 60 s.
  const cooldownExplicitMs = cooldownRaw ? cooldownRaw * 1000 : null;
  const circuitBreaker: CircuitBreakerSettings | null = bool(rs.enable_circuit_breaker)
    ? {
        failureThreshold: Math.max(1, num(rs.failure_threshold) ?? DEFAULTS.circuitFailureThreshold),
        successThreshold: Math.max(1, num(rs.success_threshold) ?? DEFAULTS.circuitSuccessThreshold),
        resetMs: cooldownExplicitMs ?? DEFAULTS.circuitResetS * 1000,
      }
    : null;

  return {
    release,
    behaviours: has,
    routingStrategy,
    latency: {
      ttlMs: (num(args.ttl) ?? DEFAULTS.latencyTtlS) * 1000,
      buffer: num(args.lowest_latency_buffer) ?? 0,
      maxListSize: Math.max(1, num(args.max_latency_list_size) ?? DEFAULTS.maxLatencyListSize),
      ttftPercentile: has['ttft-percentile'] ? ttftPercentile(args.ttft_percentile) : null,
    },
    usageTtlMs: (num(args.ttl) ?? DEFAULTS.usageTtlS) * 1000,
    fallbackStrategy,
    fallbackStrategyTolerance: num(rs.fallback_strategy_tolerance) ?? DEFAULTS.fallbackStrategyTolerance,
    numRetries: num(pick(rs, ls, 'num_retries')) ?? DEFAULTS.numRetries,
    retryAfterMs: (num(rs.retry_after) ?? 0) * 1000,
    retryPolicy: numberRecord(rs.retry_policy),
    modelGroupRetryPolicy,
    allowedFails,
    allowedFailsPolicy,
    // allowed-fails-vs-global: count mode only when Router.allowed_fails differs from
    // litellm.allowed_fails (cooldown_handlers.py _is_allowed_fails_set_on_router), so a value
    // written only in litellm_settings (the Router's own then equals the global) never switches it.
    // 1.46.0 to 1.49.5 only a policy switched it; before failure-rate-cooldown (1.46.0) every
    // release counted failures against allowed_fails.
    legacyCooldownMode:
      !has['failure-rate-cooldown'] || (has['allowed-fails-vs-global'] && allowedFails !== globalAllowedFails) || allowedFailsPolicy !== null,
    cooldownTimeMs,
    cooldownTimeExplicitMs: cooldownExplicitMs,
    disableCooldowns: bool(rs.disable_cooldowns),
    timeoutMs: timeoutS * 1000,
    streamTimeoutMs: secondsToMs(rs.stream_timeout),
    fallbacks,
    contextWindowFallbacks: fallbackMap(pick(rs, ls, 'context_window_fallbacks')),
    contentPolicyFallbacks: fallbackMap(pick(rs, ls, 'content_policy_fallbacks')),
    maxFallbacks: num(pick(rs, ls, 'max_fallbacks')) ?? DEFAULTS.maxFallbacks,
    enablePreCallChecks: bool(rs.enable_pre_call_checks),
    enableTagFiltering: bool(rs.enable_tag_filtering),
    weightedFailover: has['weighted-failover'] && bool(rs.enable_weighted_failover) && routingStrategy === 'simple-shuffle',
    modelGroupAlias: alias,
    defaultMaxParallelRequests: num(rs.default_max_parallel_requests),
    circuitBreaker,
    healthChecks: buildHealthChecks(rs, gs, has),
    globalRpm: num(rs.rpm),
    globalTpm: num(rs.tpm),
    orderFallback: has['order-always-applied'],
    proxyFailureAccounting: proxyFailureAccounting ?? has['proxy-first-failure-only'],
  };
}

/** routing_strategy_args.ttft_percentile: 0 < p ≤ 1, anything else is ignored (mean TTFT). */
function ttftPercentile(v: unknown): number | null {
  const p = num(v);
  return p !== null && p > 0 && p <= 1 ? p : null;
}

function buildHealthChecks(rs: Obj, gs: Obj, has: BehaviourFlags): HealthCheckSettings | null {
  const timeoutMs = (num(rs.health_check_timeout) ?? DEFAULTS.healthCheckTimeoutS) * 1000;
  // gwcfg extension: router_settings.health_check_interval turns on probes that gate routing.
  const extInterval = num(rs.health_check_interval);
  if (extInterval !== null && extInterval > 0) {
    const allowed = num(rs.allowed_fails);
    return {
      intervalMs: extInterval * 1000,
      timeoutMs,
      routing: 'thresholds',
      failThreshold: Math.max(1, allowed ?? DEFAULTS.allowedFails),
      successThreshold: Math.max(1, num(rs.success_threshold) ?? DEFAULTS.healthSuccessThreshold),
      minDownMs: (num(rs.cooldown_time) || DEFAULTS.cooldownTimeS) * 1000,
      stalenessMs: Infinity,
    };
  }
  // LiteLLM: general_settings.background_health_checks; routing effect only with [2026]
  // enable_health_check_routing (router_settings or general_settings).
  if (!bool(gs.background_health_checks)) return null;
  const routingOn =
    has['health-check-routing'] && (bool(rs.enable_health_check_routing) || bool(gs.enable_health_check_routing));
  const staleness =
    num(rs.health_check_staleness_threshold) ?? num(gs.health_check_staleness_threshold) ?? DEFAULTS.healthCheckStalenessS;
  return {
    intervalMs: (num(gs.health_check_interval) ?? DEFAULTS.healthCheckIntervalS) * 1000,
    timeoutMs,
    routing: routingOn && !isObj(rs.allowed_fails_policy) ? 'latest' : 'none',
    failThreshold: 1,
    successThreshold: 1,
    minDownMs: 0,
    stalenessMs: staleness * 1000,
  };
}

export interface NormalizeOptions {
  /** A release or year alias (releases.ts resolveRelease); default: the newest release. Throws on a bad value. */
  litellmVersion?: LitellmVersion;
  strategy?: StrategyName;
  /** See RouterOptions.proxyFailureAccounting; default: the release's proxy-first-failure-only. */
  proxyFailureAccounting?: boolean;
  /** LiteLLM's model map for prices and context windows (default: gwcfg's built-in copy). */
  modelMap?: ModelMap;
}

export function normalizeConfig(config: unknown, options: NormalizeOptions): NormalizedConfig {
  const root: Obj = isObj(config) ? config : {};
  const release = resolveRelease(options.litellmVersion);
  const has = behaviourFlags(release);
  const settings = buildSettings(root, formatRelease(release), has, options.strategy, options.proxyFailureAccounting);
  const list = (Array.isArray(root.model_list) ? root.model_list : []).filter(isObj);
  const map = options.modelMap ?? builtinModelMap();
  // Router._create_deployment registers every deployment's model_info before any routing.
  const registered = registeredPrices(map, list.map(deploymentFacts));
  const deployments: DeploymentView[] = [];
  for (const entry of list) deployments.push(buildDeployment(entry, deployments.length, settings.timeoutMs, has, map, registered));
  return { deployments, settings };
}
