// Scenario files (docs/contracts.md, contract 3): parse, validate against schemas/scenario.schema.json with
// positioned diagnostics, check references against the config, and normalise to milliseconds.
import validateScenario from '../schema/generated/scenario.js';
import scenarioSchema from '../../schemas/scenario.schema.json' with { type: 'json' };
import { parseSource, makeDiagnostic, keyPosition, valuePosition, type PathSegment, type SourceDocument } from '../config/document.js';
import { checkAgainstSchema, type Validator } from '../schema/check.js';
import { SchemaIndex, type JsonSchema } from '../schema/schema-index.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { fromSpec, scaled, Z_99, type Distribution, type DistributionSpec } from './distributions.js';
import { parseDurationMs, parseRatePerSecond } from './units.js';
import { DEFAULT_DURATION_MS, LIMITS, count, seconds } from './limits.js';
import { ArrivalProcess } from './traffic.js';

const scenarioIndex = new SchemaIndex(scenarioSchema as unknown as JsonSchema);

export interface Phase {
  fromMs: number;
  toMs: number;
  multiplier: number;
}

export interface TrafficSource {
  model: string;
  arrival: 'poisson' | 'constant';
  ratePerSec: number;
  phases: Phase[];
  inputTokens: Distribution;
  outputTokens: Distribution;
  stream: boolean;
}

export interface Outage {
  fromMs: number;
  toMs: number;
  status?: number;
  latencyMultiplier?: number;
  errorRate?: number;
}

/** How a simulated provider deployment behaves. Every field optional: defaults fill the rest. */
export interface Behaviour {
  latency?: Distribution;
  ttft?: Distribution;
  perToken?: Distribution;
  errorRate?: number;
  errorStatus?: number;
  capacity?: number;
  /** Waiting room beyond capacity; Infinity = unbounded. */
  queue?: number;
  rateLimit?: { rpm?: number; tpm?: number };
  outages?: Outage[];
  /** Share of streaming calls that fail after their first chunk. */
  midstreamErrorRate?: number;
  midstreamStatus?: number;
}

export type DeploymentMatch = { index: number } | { id: string } | { fields: Record<string, string | number | boolean> };

export interface DeploymentRule {
  match: DeploymentMatch;
  behaviour: Behaviour;
  /** Position of the rule's `match` for diagnostics. */
  segments: string[];
  /** Deployment indexes the match selected when the scenario was checked against the config. */
  matched?: number[];
}

/** Several proxy replicas behind a load balancer (docs/simulate.md, "Replicas"). */
export interface Gateway {
  replicas: number;
  balancer: 'round-robin' | 'random';
  /** auto: shared through Redis when the config gives the Router one; none / redis force it. */
  sharedState: 'auto' | 'none' | 'redis';
}

export interface Scenario {
  seed?: number;
  durationMs?: number;
  requests?: number;
  warmupMs: number;
  bucketMs?: number;
  traffic: TrafficSource[];
  deployments: DeploymentRule[];
  defaults?: Behaviour;
  /** Replicas of the proxy; absent = one. */
  gateway?: Gateway;
  /** What the user should know about how the scenario was made (the derived default's cuts). */
  notices?: string[];
}

/** What the scenario may refer to in the config. */
export interface ConfigTargets {
  /** True if a client may request this name (group, alias, wildcard match, deployment id). */
  isRoutable(name: string): boolean;
  deployments: ReadonlyArray<{ index: number; id: string; modelName: string; params: Record<string, unknown> }>;
}

export type ScenarioLoad = { ok: true; scenario: Scenario } | { ok: false; diagnostics: Diagnostic[] };

/** Command-line overrides of the scenario's length (they change how much work it asks for). */
export interface RunLength {
  durationMs?: number;
  requests?: number;
}

type Raw = Record<string, any>;

// Default token counts when a traffic source gives none (a typical chat turn).
export const DEFAULT_INPUT_TOKENS: DistributionSpec = { dist: 'lognormal', p50: 800, p99: 4000 };
export const DEFAULT_OUTPUT_TOKENS: DistributionSpec = { dist: 'lognormal', p50: 200, p99: 1500 };

/**
 * Parses and checks a scenario file; diagnostics use the same positions and messages as
 * `validate`, plus the simulator's limits (LIMITS) given the run length `overrides`.
 */
export function loadScenario(file: string, bytes: Uint8Array | string, targets: ConfigTargets, overrides: RunLength = {}): ScenarioLoad {
  const checked = typeof bytes === 'string' ? parsedText(file, bytes) : parseAndCheck(file, bytes);
  if (!checked.ok) return { ok: false, diagnostics: [...checked.diagnostics] };
  const source = checked.source;
  const diagnostics: Diagnostic[] = [];
  const report: Reporter = (segments, message, ruleId = 'scenario/invalid-reference', target = 'value') => {
    diagnostics.push(diagnosticAt(source, segments, message, ruleId, target));
  };
  const scenario = normalise((source.value ?? {}) as Raw, targets, report);
  if (diagnostics.length === 0) checkWork(source.value as Raw, scenario, overrides, report);
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  return { ok: true, scenario };
}

type Checked = { ok: true; source: SourceDocument } | { ok: false; diagnostics: Diagnostic[] };

/** The YAML parse and the schema check: what a scenario is without a config. */
function parseAndCheck(file: string, bytes: Uint8Array): Checked {
  const parsed = parseSource(file, bytes, { gwcfgFile: true });
  if (!parsed.source || parsed.diagnostics.length > 0) return { ok: false, diagnostics: parsed.diagnostics.map(scenarioWording) };
  const schemaErrors = checkAgainstSchema(parsed.source, { validate: validateScenario as Validator, index: scenarioIndex, kind: 'scenario' });
  if (schemaErrors.some((d) => d.severity === 'error')) return { ok: false, diagnostics: schemaErrors };
  return { ok: true, source: parsed.source };
}

/**
 * parseAndCheck of the latest scenario text, kept: tune and --compare load the same scenario for
 * every candidate config (hundreds of times per thread), and its parse is most of a short run's
 * set-up. Only the checks against the config run again. The kept document is only read
 * (normalise and checkWork build new objects from it).
 */
let lastText: { file: string; text: string; checked: Checked } | null = null;
function parsedText(file: string, text: string): Checked {
  if (lastText === null || lastText.file !== file || lastText.text !== text) lastText = { file, text, checked: parseAndCheck(file, new TextEncoder().encode(text)) };
  return lastText.checked;
}

/** parseSource speaks of LiteLLM configs; an empty scenario needs its own words. */
function scenarioWording(d: Diagnostic): Diagnostic {
  if (d.ruleId !== 'yaml/empty') return d;
  return { ...d, message: d.message.replace(/a LiteLLM config needs at least a model_list or settings section/, "a scenario needs at least 'traffic' (see docs/simulate.md)") };
}

function diagnosticAt(source: SourceDocument, segments: string[], message: string, ruleId: string, target: 'key' | 'value'): Diagnostic {
  const path: PathSegment[] = segments.map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  const position = target === 'key' ? keyPosition(source, path) : valuePosition(source, path);
  return makeDiagnostic(source.file, ruleId, 'error', message, position, path);
}

function durationMs(v: unknown): number {
  return parseDurationMs(v as number | string);
}

/** Distribution spec from the file; latency values are durations (ms out), token values counts. */
function distribution(raw: Raw, unit: 'duration' | 'count'): Distribution {
  const num = unit === 'duration' ? durationMs : (v: unknown) => Number(v);
  switch (raw.dist) {
    case 'constant':
      return fromSpec({ dist: 'constant', value: num(raw.value) });
    case 'exponential':
      return fromSpec({ dist: 'exponential', mean: num(raw.mean) });
    case 'uniform':
      return fromSpec({ dist: 'uniform', min: num(raw.min), max: num(raw.max) });
    case 'empirical':
      return fromSpec({ dist: 'empirical', values: (raw.values as unknown[]).map(num) });
    default:
      if (raw.p50 !== undefined) return fromSpec({ dist: 'lognormal', p50: num(raw.p50), p99: num(raw.p99) });
      // mu/sigma describe ln(seconds) for latencies, ln(tokens) for counts.
      const d = fromSpec({ dist: 'lognormal', mu: Number(raw.mu), sigma: Number(raw.sigma) });
      return unit === 'duration' ? scaled(d, 1000) : d;
  }
}

type Reporter = (segments: string[], message: string, ruleId?: string, target?: 'key' | 'value') => void;

function checkDistribution(raw: Raw, segments: string[], report: Reporter, unit: 'duration' | 'count'): Distribution | undefined {
  const num = unit === 'duration' ? durationMs : (v: unknown) => Number(v);
  const tooLarge = oversizedParameter(raw, unit);
  if (tooLarge) {
    const [key, value] = tooLarge;
    const what = unit === 'duration' ? `${seconds(value)}; gwcfg simulates calls of at most ${seconds(LIMITS.latencyMs)}` : `${count(value)} tokens; gwcfg simulates at most ${count(LIMITS.tokens)} tokens per request`;
    report([...segments, ...key], `${raw.dist ?? 'lognormal'} ${key.join('.')} is ${what}: lower it`, 'scenario/limit');
    return undefined;
  }
  if (raw.dist === 'uniform' && num(raw.min) > num(raw.max)) {
    report([...segments, 'min'], `uniform needs min <= max`, 'scenario/invalid-distribution');
    return undefined;
  }
  if (raw.dist === 'lognormal' && raw.p50 !== undefined && !(num(raw.p50) > 0 && num(raw.p99) >= num(raw.p50))) {
    report([...segments, 'p99'], `lognormal needs 0 < p50 <= p99`, 'scenario/invalid-distribution');
    return undefined;
  }
  return distribution(raw, unit);
}

/**
 * The first parameter of a distribution beyond LIMITS (ms for durations, tokens for counts), as
 * [path inside the distribution, value]; a {mu, sigma} lognormal is judged by its p99.
 */
function oversizedParameter(raw: Raw, unit: 'duration' | 'count'): [string[], number] | null {
  const num = unit === 'duration' ? durationMs : (v: unknown) => Number(v);
  const limit = unit === 'duration' ? LIMITS.latencyMs : LIMITS.tokens;
  const over = (key: string[], v: number): [string[], number] | null => (v > limit ? [key, v] : null);
  switch (raw.dist) {
    case 'constant':
      return over(['value'], num(raw.value));
    case 'exponential':
      return over(['mean'], num(raw.mean));
    case 'uniform':
      return over(['max'], num(raw.max));
    case 'empirical': {
      const values = (raw.values as unknown[]).map(num);
      const i = values.findIndex((v) => v > limit);
      return i < 0 ? null : [['values', String(i)], values[i]];
    }
    default: {
      if (raw.p50 !== undefined) return over(['p99'], num(raw.p99));
      const p99 = Math.exp(Number(raw.mu) + Z_99 * Number(raw.sigma)) * (unit === 'duration' ? 1000 : 1);
      return over(['sigma'], p99);
    }
  }
}

function window(raw: Raw, segments: string[], report: Reporter): { fromMs: number; toMs: number } {
  const fromMs = durationMs(raw.from);
  const toMs = durationMs(raw.to);
  if (toMs <= fromMs) report([...segments, 'to'], `'to' must be after 'from'`, 'scenario/invalid-window');
  return { fromMs, toMs };
}

function behaviour(raw: Raw, segments: string[], report: Reporter): Behaviour {
  const b: Behaviour = {};
  if (raw.latency) b.latency = checkDistribution(raw.latency, [...segments, 'latency'], report, 'duration');
  if (raw.ttft) b.ttft = checkDistribution(raw.ttft, [...segments, 'ttft'], report, 'duration');
  if (raw.per_token) b.perToken = checkDistribution(raw.per_token, [...segments, 'per_token'], report, 'duration');
  if (raw.per_token && !raw.ttft) report([...segments, 'per_token'], `per_token needs ttft (latency = ttft + output_tokens x per_token)`, 'scenario/invalid-latency', 'key');
  if (raw.error_rate !== undefined) b.errorRate = raw.error_rate;
  if (raw.error_status !== undefined) b.errorStatus = raw.error_status;
  if (raw.capacity !== undefined) b.capacity = raw.capacity;
  if (raw.queue !== undefined) b.queue = raw.queue === 'unbounded' ? Infinity : raw.queue;
  if (raw.rate_limit) b.rateLimit = { rpm: raw.rate_limit.rpm, tpm: raw.rate_limit.tpm };
  if (raw.midstream_error_rate !== undefined) b.midstreamErrorRate = raw.midstream_error_rate;
  if (raw.midstream_status !== undefined) b.midstreamStatus = raw.midstream_status;
  if (raw.outages && !tooMany(raw.outages, LIMITS.windows, [...segments, 'outages'], 'outages', report)) {
    b.outages = (raw.outages as Raw[]).map((o, i) => ({
      ...window(o, [...segments, 'outages', String(i)], report),
      status: o.status,
      latencyMultiplier: o.latency_multiplier,
      errorRate: o.error_rate,
    }));
  }
  return b;
}

function normalise(raw: Raw, targets: ConfigTargets, report: Reporter): Scenario {
  const scenario: Scenario = {
    seed: raw.seed,
    durationMs: raw.duration !== undefined ? durationMs(raw.duration) : undefined,
    requests: raw.requests,
    warmupMs: raw.warmup !== undefined ? durationMs(raw.warmup) : 0,
    bucketMs: raw.bucket !== undefined ? durationMs(raw.bucket) : undefined,
    traffic: [],
    deployments: [],
  };
  if (scenario.bucketMs !== undefined && scenario.bucketMs <= 0) report(['bucket'], `'bucket' must be positive`, 'scenario/invalid-window');
  if (scenario.durationMs !== undefined && scenario.durationMs <= 0) report(['duration'], `'duration' must be positive`, 'scenario/invalid-window');
  if (scenario.durationMs !== undefined && scenario.durationMs > LIMITS.durationMs) {
    report(['duration'], `'duration' is ${seconds(scenario.durationMs)}; gwcfg simulates at most ${seconds(LIMITS.durationMs)} per run: shorten it`, 'scenario/limit');
  }
  if (scenario.requests !== undefined && scenario.requests > LIMITS.requests) {
    report(['requests'], `'requests' is ${count(scenario.requests)}; gwcfg simulates at most ${count(LIMITS.requests)} client requests per run: lower it`, 'scenario/limit');
  }
  if (scenario.bucketMs !== undefined && scenario.durationMs !== undefined && scenario.durationMs / scenario.bucketMs > LIMITS.buckets) {
    const least = Math.ceil(scenario.durationMs / LIMITS.buckets / 1000);
    report(['bucket'], `'bucket' makes ${count(scenario.durationMs / scenario.bucketMs)} timeline buckets; at most ${count(LIMITS.buckets)}: use a bucket of at least ${least}s for this duration`, 'scenario/limit');
  }
  tooMany(raw.traffic, LIMITS.trafficSources, ['traffic'], 'traffic sources', report);
  tooMany(raw.deployments, LIMITS.deploymentRules, ['deployments'], 'deployments entries', report);
  if (scenario.durationMs !== undefined && scenario.warmupMs >= scenario.durationMs) {
    report(['warmup'], `'warmup' must be shorter than 'duration'`, 'scenario/invalid-window');
  }
  for (const [i, t] of ((raw.traffic ?? []) as Raw[]).slice(0, LIMITS.trafficSources).entries()) {
    const at = ['traffic', String(i)];
    checkRate(t, at, report);
    if (!targets.isRoutable(t.model)) {
      report([...at, 'model'], `no model group, alias or deployment id '${t.model}' in the config`);
    }
    scenario.traffic.push({
      model: t.model,
      arrival: t.arrival ?? 'poisson',
      ratePerSec: parseRatePerSecond(t.rate),
      phases: ((t.phases ?? []) as Raw[]).map((p, j) => ({ ...window(p, [...at, 'phases', String(j)], report), multiplier: p.multiplier })),
      inputTokens: (t.input_tokens && checkDistribution(t.input_tokens, [...at, 'input_tokens'], report, 'count')) || fromSpec(DEFAULT_INPUT_TOKENS),
      outputTokens: (t.output_tokens && checkDistribution(t.output_tokens, [...at, 'output_tokens'], report, 'count')) || fromSpec(DEFAULT_OUTPUT_TOKENS),
      stream: t.stream === true,
    });
  }
  for (const [i, d] of ((raw.deployments ?? []) as Raw[]).slice(0, LIMITS.deploymentRules).entries()) {
    const at = ['deployments', String(i)];
    const { match: rawMatch, ...rest } = d;
    const match: DeploymentMatch =
      rawMatch.index !== undefined ? { index: rawMatch.index } : rawMatch.id !== undefined ? { id: String(rawMatch.id) } : { fields: rawMatch };
    const rule: DeploymentRule = { match, behaviour: behaviour(rest, at, report), segments: [...at, 'match'] };
    rule.matched = matchingDeployments(rule.match, targets);
    if (rule.matched.length === 0) {
      report(rule.segments, `'match' selects no deployment of the config (${describeMatch(rule.match)})`, 'scenario/invalid-reference', 'key');
    }
    scenario.deployments.push(rule);
  }
  if (raw.defaults) scenario.defaults = behaviour(raw.defaults, ['defaults'], report);
  if (raw.gateway) scenario.gateway = gateway(raw.gateway, report);
  if (raw.duration === undefined && raw.requests === undefined) {
    // Neither given: the runner applies its default duration; nothing to report.
  }
  return scenario;
}

function gateway(raw: Raw, report: Reporter): Gateway {
  const replicas = raw.replicas ?? 1;
  if (replicas > LIMITS.replicas) {
    report(['gateway', 'replicas'], `'replicas' is ${count(replicas)}; gwcfg simulates at most ${count(LIMITS.replicas)} proxy replicas: lower it`, 'scenario/limit');
  }
  return { replicas, balancer: raw.balancer ?? 'round-robin', sharedState: raw.shared_state ?? 'auto' };
}

/** Reports a list longer than `limit` (at its key); true when it is. */
function tooMany(list: unknown, limit: number, segments: string[], what: string, report: Reporter): boolean {
  if (!Array.isArray(list) || list.length <= limit) return false;
  report(segments, `${count(list.length)} ${what}; gwcfg simulates at most ${count(limit)}: merge or drop some`, 'scenario/limit', 'key');
  return true;
}

/** A traffic source's rate, its phase multipliers and their product against LIMITS. */
function checkRate(t: Raw, at: string[], report: Reporter): void {
  const rate = parseRatePerSecond(t.rate);
  const most = `gwcfg simulates at most ${count(LIMITS.ratePerSec)} requests/s per traffic source`;
  if (rate > LIMITS.ratePerSec) report([...at, 'rate'], `rate is ${count(rate)}/s; ${most}: lower it`, 'scenario/limit');
  const phases = (t.phases ?? []) as Raw[];
  if (tooMany(phases, LIMITS.windows, [...at, 'phases'], 'phases', report)) return;
  for (const [j, p] of phases.entries()) {
    const where = [...at, 'phases', String(j), 'multiplier'];
    if (p.multiplier > LIMITS.multiplier) report(where, `'multiplier' is ${count(p.multiplier)}; at most ${count(LIMITS.multiplier)}: lower it`, 'scenario/limit');
    else if (rate <= LIMITS.ratePerSec && rate * p.multiplier > LIMITS.ratePerSec) {
      report(where, `'multiplier' ${p.multiplier} takes the rate to ${count(rate * p.multiplier)}/s; ${most}`, 'scenario/limit');
    }
  }
}

/**
 * Expected client requests of the scenario (each source's rate integrated over its phases and
 * the arrival window, capped by `requests`) against LIMITS.requests. Runs only on a scenario
 * without other errors.
 */
function checkWork(raw: Raw, scenario: Scenario, overrides: RunLength, report: Reporter): void {
  const requests = overrides.requests ?? scenario.requests;
  const windowMs = overrides.durationMs ?? scenario.durationMs ?? (requests === undefined ? DEFAULT_DURATION_MS : Infinity);
  let expected = 0;
  for (const source of scenario.traffic) expected += expectedArrivals(source, windowMs);
  expected = Math.min(expected, requests ?? Infinity);
  if (expected <= LIMITS.requests) return;
  const at = overrides.durationMs === undefined && raw.duration !== undefined ? ['duration'] : ['traffic'];
  report(
    at,
    `the traffic asks for about ${count(expected)} client requests over ${seconds(windowMs)}; gwcfg simulates at most ${count(LIMITS.requests)} per run: lower the rates or the duration, or set 'requests'`,
    'scenario/limit',
    at[0] === 'traffic' ? 'key' : 'value',
  );
}

/** Integral of a source's rate over [0, windowMs] (Infinity when the rate stays positive forever). */
export function expectedArrivals(source: TrafficSource, windowMs: number): number {
  const process = new ArrivalProcess(source);
  const points = [0, ...source.phases.flatMap((p) => [p.fromMs, p.toMs]).filter((t) => t > 0 && t < windowMs), windowMs].sort((a, b) => a - b);
  let total = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const rate = process.rateAt(points[i]);
    if (rate > 0) total += rate * (points[i + 1] - points[i]);
  }
  return total;
}

function describeMatch(match: DeploymentMatch): string {
  if ('index' in match) return `index ${match.index}`;
  if ('id' in match) return `id '${match.id}'`;
  return Object.entries(match.fields).map(([k, v]) => `${k}=${String(v)}`).join(', ');
}

/** Indexes of the config deployments a rule applies to. */
export function matchingDeployments(match: DeploymentMatch, targets: Pick<ConfigTargets, 'deployments'>): number[] {
  const out: number[] = [];
  for (const d of targets.deployments) {
    if ('index' in match ? d.index === match.index : 'id' in match ? d.id === match.id : fieldsMatch(match.fields, d)) out.push(d.index);
  }
  return out;
}

function fieldsMatch(fields: Record<string, string | number | boolean>, d: { modelName: string; params: Record<string, unknown> }): boolean {
  for (const [key, want] of Object.entries(fields)) {
    const have = key === 'model_name' ? d.modelName : d.params[key];
    if (have === undefined || String(have) !== String(want)) return false;
  }
  return true;
}
