// Scenario files (docs/contracts.md, contract 3): parse, validate against schemas/scenario.schema.json with
// positioned diagnostics, check references against the config, and normalise to milliseconds.
import validateScenario from '../schema/generated/scenario.js';
import scenarioSchema from '../../schemas/scenario.schema.json' with { type: 'json' };
import { parseSource, makeDiagnostic, keyPosition, valuePosition, type PathSegment, type SourceDocument } from '../config/document.js';
import { checkAgainstSchema, type Validator } from '../schema/check.js';
import { SchemaIndex, type JsonSchema } from '../schema/schema-index.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { fromSpec, scaled, type Distribution, type DistributionSpec } from './distributions.js';
import { parseDurationMs, parseRatePerSecond } from './units.js';

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

export interface Scenario {
  seed?: number;
  durationMs?: number;
  requests?: number;
  warmupMs: number;
  bucketMs?: number;
  traffic: TrafficSource[];
  deployments: DeploymentRule[];
  defaults?: Behaviour;
}

/** What the scenario may refer to in the config. */
export interface ConfigTargets {
  /** True if a client may request this name (group, alias, wildcard match, deployment id). */
  isRoutable(name: string): boolean;
  deployments: ReadonlyArray<{ index: number; id: string; modelName: string; params: Record<string, unknown> }>;
}

export type ScenarioLoad = { ok: true; scenario: Scenario } | { ok: false; diagnostics: Diagnostic[] };

type Raw = Record<string, any>;

// Default token counts when a traffic source gives none (a typical chat turn).
export const DEFAULT_INPUT_TOKENS: DistributionSpec = { dist: 'lognormal', p50: 800, p99: 4000 };
export const DEFAULT_OUTPUT_TOKENS: DistributionSpec = { dist: 'lognormal', p50: 200, p99: 1500 };

/** Parses and checks a scenario file; diagnostics use the same positions and messages as `validate`. */
export function loadScenario(file: string, bytes: Uint8Array | string, targets: ConfigTargets): ScenarioLoad {
  const parsed = parseSource(file, typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes);
  if (!parsed.source || parsed.diagnostics.length > 0) return { ok: false, diagnostics: parsed.diagnostics };
  const source = parsed.source;
  const schemaErrors = checkAgainstSchema(source, { validate: validateScenario as Validator, index: scenarioIndex, kind: 'scenario' });
  if (schemaErrors.some((d) => d.severity === 'error')) return { ok: false, diagnostics: schemaErrors };
  const diagnostics: Diagnostic[] = [];
  const report: Reporter = (segments, message, ruleId = 'scenario/invalid-reference', target = 'value') => {
    diagnostics.push(diagnosticAt(source, segments, message, ruleId, target));
  };
  const scenario = normalise((source.value ?? {}) as Raw, targets, report);
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  return { ok: true, scenario };
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
  if (raw.outages) {
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
  if (scenario.durationMs !== undefined && scenario.warmupMs >= scenario.durationMs) {
    report(['warmup'], `'warmup' must be shorter than 'duration'`, 'scenario/invalid-window');
  }
  for (const [i, t] of ((raw.traffic ?? []) as Raw[]).entries()) {
    const at = ['traffic', String(i)];
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
  for (const [i, d] of ((raw.deployments ?? []) as Raw[]).entries()) {
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
  if (raw.duration === undefined && raw.requests === undefined) {
    // Neither given: the runner applies its default duration; nothing to report.
  }
  return scenario;
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
