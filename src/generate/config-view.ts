// What the generators need from a LiteLLM config, read from plain data (the config loader's
// `value`) with our own guards. Secrets are never copied out: only whether they exist.
import { safeText } from '../util/safe-text.js';
import { minOf } from '../util/extrema.js';

export interface DeploymentView {
  readonly index: number;
  readonly modelName: string;
  readonly model: string | undefined;
  readonly apiBase: string | undefined;
  readonly id: string | undefined;
  readonly rpm: number | undefined;
  readonly tpm: number | undefined;
}

export interface ModelGroupView {
  readonly name: string;
  readonly deployments: readonly DeploymentView[];
  /** Smallest rpm/tpm set on one of the group's deployments (the first to run out). */
  readonly minRpm: number | undefined;
  readonly minTpm: number | undefined;
}

export interface ConfigView {
  readonly deployments: readonly DeploymentView[];
  /** Sorted by name, so output does not depend on model_list order. */
  readonly groups: readonly ModelGroupView[];
  /** general_settings.master_key is set (value never read out). */
  readonly hasMasterKey: boolean;
  /** litellm_settings.require_auth_for_metrics_endpoint is truthy. */
  readonly metricsRequireAuth: boolean;
  /** "prometheus" appears in litellm_settings.callbacks / success_callback. */
  readonly prometheusCallback: boolean;
  /** Source groups that have fallbacks configured; contains "*" for a catch-all. */
  readonly fallbackSources: readonly string[];
  /** litellm_settings.max_budget (USD) and budget_duration in seconds, when set. */
  readonly maxBudget: number | undefined;
  readonly budgetDurationSeconds: number | undefined;
  /** router_settings.cooldown_time (0 or unset → LiteLLM's default 5 s). */
  readonly cooldownSeconds: number;
}

type Dict = Record<string, unknown>;

function isDict(v: unknown): v is Dict {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function dict(v: unknown): Dict {
  return isDict(v) ? v : {};
}
function str(v: unknown): string | undefined {
  if (typeof v === 'string' && v !== '') return v;
  if (typeof v === 'number') return String(v);
  return undefined;
}
function positiveNumber(v: unknown): number | undefined {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : undefined;
}
function truthy(v: unknown): boolean {
  if (typeof v === 'string') return ['true', 'yes', 'on', '1'].includes(v.toLowerCase());
  return v === true || v === 1;
}
function stringList(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** LiteLLM budget_duration: "30s", "30m", "24h", "30d", "1mo" (a month counts 30 days). */
export function parseBudgetDuration(v: unknown): number | undefined {
  if (typeof v !== 'string') return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d|w|mo)\s*$/.exec(v);
  if (!m) return undefined;
  const unit = { s: 1, m: 60, h: 3600, d: 86400, w: 7 * 86400, mo: 30 * 86400 }[m[2] as 's'];
  const seconds = Number(m[1]) * unit;
  return seconds > 0 ? seconds : undefined;
}

/** A config string as generated files may show it: credentials masked, control characters escaped. */
function safeStr(v: unknown): string | undefined {
  const s = str(v);
  return s === undefined ? undefined : safeText(s);
}

function readDeployment(entry: unknown, index: number): DeploymentView | undefined {
  if (!isDict(entry)) return undefined;
  const modelName = safeStr(entry.model_name);
  if (modelName === undefined) return undefined;
  const params = dict(entry.litellm_params);
  const info = dict(entry.model_info);
  return {
    index,
    modelName,
    model: safeStr(params.model),
    apiBase: safeStr(params.api_base),
    id: safeStr(info.id),
    // LiteLLM copies entry-level rpm/tpm into litellm_params; strategies also read model_info.
    rpm: positiveNumber(params.rpm) ?? positiveNumber(entry.rpm) ?? positiveNumber(info.rpm),
    tpm: positiveNumber(params.tpm) ?? positiveNumber(entry.tpm) ?? positiveNumber(info.tpm),
  };
}

function minDefined(values: (number | undefined)[]): number | undefined {
  const defined = values.filter((v): v is number => v !== undefined);
  return defined.length ? minOf(defined) : undefined;
}

function fallbackSources(lists: unknown[]): string[] {
  const sources = new Set<string>();
  for (const list of lists) {
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      if (!isDict(item)) continue;
      for (const [key, targets] of Object.entries(item)) {
        if (Array.isArray(targets) ? targets.length > 0 : targets != null) sources.add(key);
      }
    }
  }
  return [...sources].sort();
}

export function readConfigView(config: unknown): ConfigView {
  const root = dict(config);
  const litellm = dict(root.litellm_settings);
  const general = dict(root.general_settings);
  const router = dict(root.router_settings);
  const modelList = Array.isArray(root.model_list) ? root.model_list : [];
  const deployments = modelList.map(readDeployment).filter((d): d is DeploymentView => d !== undefined);

  const byName = new Map<string, DeploymentView[]>();
  for (const d of deployments) byName.set(d.modelName, [...(byName.get(d.modelName) ?? []), d]);
  const groups = [...byName.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, ds]) => ({
      name,
      deployments: ds,
      minRpm: minDefined(ds.map((d) => d.rpm)),
      minTpm: minDefined(ds.map((d) => d.tpm)),
    }));

  const callbacks = [...stringList(litellm.callbacks), ...stringList(litellm.success_callback)];
  // router_settings wins over litellm_settings; an empty router list counts as unset.
  const pick = (key: string): unknown =>
    Array.isArray(router[key]) && (router[key] as unknown[]).length > 0 ? router[key] : litellm[key];
  const sources = fallbackSources([pick('fallbacks')]);
  const defaults = stringList(router.default_fallbacks ?? litellm.default_fallbacks);
  if (defaults.length > 0 && !sources.includes('*')) sources.push('*');

  return {
    deployments,
    groups,
    hasMasterKey: general.master_key != null && general.master_key !== '',
    metricsRequireAuth: truthy(litellm.require_auth_for_metrics_endpoint),
    prometheusCallback: callbacks.includes('prometheus'),
    fallbackSources: sources.sort(),
    maxBudget: positiveNumber(litellm.max_budget),
    budgetDurationSeconds: parseBudgetDuration(litellm.budget_duration),
    cooldownSeconds: positiveNumber(router.cooldown_time) ?? 5,
  };
}
