// Generator options (CLI flags) and the thresholds they resolve to, with the config filling in
// whatever the flags leave open. Every default is documented in docs/generate.md.

import type { ConfigView } from './config-view.js';
import { LATENCY_BUCKETS } from './metrics-catalog.js';
import { normalizeVersion } from './version.js';

export interface GenerateOptions {
  targets?: string[];
  scheme?: string;
  scrapeInterval?: string;
  evaluationInterval?: string;
  jobName?: string;
  metricsPath?: string;
  /** auto: bearer when the config sets require_auth_for_metrics_endpoint. */
  auth?: string;
  credentialsFile?: string;
  latencySloMs?: number;
  sloTarget?: number;
  errorRatio?: number;
  fallbackRatio?: number;
  headroomRatio?: number;
  budgetPerDay?: number;
  litellmVersion?: string;
  uid?: string;
  title?: string;
}

export interface ResolvedOptions {
  targets: string[];
  scheme: 'http' | 'https';
  scrapeInterval: string;
  evaluationInterval: string;
  jobName: string;
  metricsPath: string;
  bearerAuth: boolean;
  credentialsFile: string;
  /** The SLO threshold, snapped to a LiteLLM histogram bucket, in seconds. */
  latencySloSeconds: number;
  sloTarget: number;
  errorRatio: number;
  fallbackRatio: number;
  headroomRatio: number;
  budgetPerDay: number | undefined;
  litellmVersion: string | undefined;
  uid: string | undefined;
  title: string;
  /** Deployment state must stay "complete outage" this long before alerting (seconds). */
  outageForSeconds: number;
}

export class OptionError extends Error {}

export const DEFAULTS = {
  target: 'localhost:4000',
  scheme: 'http',
  scrapeInterval: '15s',
  evaluationInterval: '15s',
  jobName: 'litellm',
  metricsPath: '/metrics',
  credentialsFile: '/etc/prometheus/secrets/litellm-master-key',
  latencySloMs: 5000,
  sloTarget: 0.99,
  errorRatio: 0.05,
  fallbackRatio: 0.05,
  headroomRatio: 0.1,
  title: 'LiteLLM gateway',
} as const;

const DURATION_RE = /^(?:\d+(?:ms|s|m|h|d|w|y))+$/;
const TARGET_RE = /^[A-Za-z0-9._\-\[\]:]+:\d{1,5}$/;
const JOB_RE = /^[A-Za-z0-9_.\-:]+$/;
const UID_RE = /^[A-Za-z0-9_-]{1,40}$/;

function ratio(name: string, v: number | undefined, fallback: number, { open = false } = {}): number {
  const value = v ?? fallback;
  if (!Number.isFinite(value) || value <= 0 || (open ? value >= 1 : value > 1)) {
    throw new OptionError(`${name}: expected a number between 0 and 1, got ${v}`);
  }
  return value;
}

/** The smallest LiteLLM latency bucket ≥ the requested SLO (the SLI is "share of requests within le"). */
export function snapToBucket(seconds: number): number {
  const bucket = LATENCY_BUCKETS.find((b) => b >= seconds - 1e-9);
  if (bucket === undefined) throw new OptionError(`--latency-slo-ms: ${seconds * 1000} ms is beyond LiteLLM's largest latency bucket (300 s)`);
  return bucket;
}

export function resolveOptions(opts: GenerateOptions, config: ConfigView, warn: (message: string) => void): ResolvedOptions {
  const targets = opts.targets && opts.targets.length ? opts.targets : [DEFAULTS.target];
  for (const t of targets) if (!TARGET_RE.test(t)) throw new OptionError(`--target: expected host:port, got '${t}'`);
  const scheme = opts.scheme ?? DEFAULTS.scheme;
  if (scheme !== 'http' && scheme !== 'https') throw new OptionError(`--scheme: expected http or https, got '${scheme}'`);
  const scrapeInterval = opts.scrapeInterval ?? DEFAULTS.scrapeInterval;
  const evaluationInterval = opts.evaluationInterval ?? DEFAULTS.evaluationInterval;
  for (const [flag, d] of [['--scrape-interval', scrapeInterval], ['--evaluation-interval', evaluationInterval]] as const) {
    if (!DURATION_RE.test(d)) throw new OptionError(`${flag}: expected a Prometheus duration like 15s, got '${d}'`);
  }
  const jobName = opts.jobName ?? DEFAULTS.jobName;
  if (!JOB_RE.test(jobName)) throw new OptionError(`--job-name: only letters, digits, '_', '-', '.', ':' allowed, got '${jobName}'`);
  const metricsPath = opts.metricsPath ?? DEFAULTS.metricsPath;
  if (!metricsPath.startsWith('/')) throw new OptionError(`--metrics-path: must start with '/', got '${metricsPath}'`);
  const auth = opts.auth ?? 'auto';
  if (!['auto', 'bearer', 'none'].includes(auth)) throw new OptionError(`--auth: expected auto, bearer or none, got '${auth}'`);
  if (opts.uid !== undefined && !UID_RE.test(opts.uid)) {
    throw new OptionError(`--uid: 1-40 characters of letters, digits, '-' or '_', got '${opts.uid}'`);
  }

  const sloMs = opts.latencySloMs ?? DEFAULTS.latencySloMs;
  if (!Number.isFinite(sloMs) || sloMs <= 0) throw new OptionError(`--latency-slo-ms: expected a positive number, got ${opts.latencySloMs}`);
  const latencySloSeconds = snapToBucket(sloMs / 1000);
  if (Math.abs(latencySloSeconds * 1000 - sloMs) > 1e-6) {
    warn(`--latency-slo-ms ${sloMs}: LiteLLM has no latency bucket there; using the next bucket up, ${latencySloSeconds * 1000} ms`);
  }

  let budgetPerDay = opts.budgetPerDay;
  if (budgetPerDay !== undefined && !(Number.isFinite(budgetPerDay) && budgetPerDay > 0)) {
    throw new OptionError(`--budget-per-day: expected a positive number of USD, got ${opts.budgetPerDay}`);
  }
  if (budgetPerDay === undefined && config.maxBudget !== undefined) {
    // Spread the proxy budget over its reset period; without a period the whole budget is the daily ceiling.
    const days = (config.budgetDurationSeconds ?? 86400) / 86400;
    budgetPerDay = Number((config.maxBudget / Math.max(days, 1)).toPrecision(6));
  }

  let litellmVersion: string | undefined;
  try {
    litellmVersion = normalizeVersion(opts.litellmVersion);
  } catch (e) {
    throw new OptionError((e as Error).message);
  }

  return {
    targets: [...targets],
    scheme,
    scrapeInterval,
    evaluationInterval,
    jobName,
    metricsPath,
    bearerAuth: auth === 'bearer' || (auth === 'auto' && config.metricsRequireAuth),
    credentialsFile: opts.credentialsFile ?? DEFAULTS.credentialsFile,
    latencySloSeconds,
    sloTarget: ratio('--slo-target', opts.sloTarget, DEFAULTS.sloTarget, { open: true }),
    errorRatio: ratio('--error-ratio', opts.errorRatio, DEFAULTS.errorRatio),
    fallbackRatio: ratio('--fallback-ratio', opts.fallbackRatio, DEFAULTS.fallbackRatio),
    headroomRatio: ratio('--headroom-ratio', opts.headroomRatio, DEFAULTS.headroomRatio),
    budgetPerDay,
    litellmVersion,
    uid: opts.uid,
    title: opts.title ?? DEFAULTS.title,
    outageForSeconds: Math.max(60, Math.ceil(config.cooldownSeconds * 2)),
  };
}
