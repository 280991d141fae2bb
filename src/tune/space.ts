// The search space of `gwcfg tune`: which keys of the user's config may change, and to what.
// A candidate is a list of changes (path -> new value) on the user's config; nothing adds or
// removes a deployment or a model group, and rpm/tpm only move under `--vary limits`.
// Key names, defaults and precedence are LiteLLM's (src/routing/config.ts cites the sources).
import { isDeepStrictEqual } from 'node:util';
import { DEFAULTS, LITELLM_STRATEGIES } from '../routing/config.js';
import type { PathSegment } from '../config/document.js';

/** Dimensions, in the order docs/tune.md lists them; names are the `--vary` / `--keep` words. */
export const DIMENSIONS = [
  'strategy',
  'strategy_args',
  'weights',
  'retries',
  'retry_policy',
  'retry_after',
  'timeout',
  'cooldown',
  'allowed_fails',
  'order',
  'max_parallel_requests',
  'fallbacks_order',
  'limits',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Varied unless --vary names them: a deployment's rpm/tpm is the provider's quota. */
export const OFF_BY_DEFAULT: readonly Dimension[] = ['limits'];

export type Value = string | number | boolean | readonly string[];

export interface Change {
  dimension: Dimension;
  path: readonly PathSegment[];
  value: Value;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Value at a path of a plain config value (undefined when any step is missing). */
export function valueAtPath(root: unknown, path: readonly PathSegment[]): unknown {
  let node = root;
  for (const seg of path) {
    if (typeof seg === 'number' ? !Array.isArray(node) : !isObj(node)) return undefined;
    node = (node as Record<string | number, unknown>)[seg];
  }
  return node;
}

/** A deep copy of `config` with the changes applied (missing maps on the way are created). */
export function applyChanges(config: unknown, changes: readonly Change[]): unknown {
  const out = structuredClone(config) as Obj;
  for (const { path, value } of changes) {
    let node: Record<string | number, unknown> = out;
    for (const [i, seg] of path.entries()) {
      if (i === path.length - 1) {
        node[seg] = Array.isArray(value) ? [...value] : value;
      } else {
        if (typeof node[seg] !== 'object' || node[seg] === null) node[seg] = {};
        node = node[seg] as Record<string | number, unknown>;
      }
    }
  }
  return out;
}

/**
 * What LiteLLM uses for a router key the user's config leaves out, where that is one value
 * whatever else the config says; undefined: no such default (the key is not dropped then).
 * router_settings.allowed_fails: Router.__init__ (litellm/router.py, 1.43.1 and later) takes
 * litellm.allowed_fails, which litellm_settings sets, else 3; routing_strategy: Router.__init__'s
 * "simple-shuffle".
 */
function defaultWhenAbsent(base: unknown, path: readonly PathSegment[]): unknown {
  if (path.length !== 2 || path[0] !== 'router_settings') return undefined;
  if (path[1] === 'allowed_fails') return num(valueAtPath(base, ['litellm_settings', 'allowed_fails'])) ?? DEFAULTS.allowedFails;
  if (path[1] === 'routing_strategy') return 'simple-shuffle';
  return undefined;
}

/** Whether a change leaves `base` as it behaves: the user's value, or LiteLLM's default for a key the user left out. */
function isNoChange(base: unknown, c: Change): boolean {
  const current = valueAtPath(base, c.path);
  if (current !== undefined) return isDeepStrictEqual(current, c.value);
  const fallback = defaultWhenAbsent(base, c.path);
  return fallback !== undefined && isDeepStrictEqual(fallback, c.value);
}

/**
 * `parent` then `added`, a later change of the same path replacing the earlier; changes back to
 * the user's value, or to LiteLLM's default for a key the user left out, dropped (no change).
 */
export function mergeChanges(base: unknown, parent: readonly Change[], added: readonly Change[]): Change[] {
  const byPath = new Map<string, Change>();
  for (const c of [...parent, ...added]) {
    const key = JSON.stringify(c.path);
    byPath.delete(key);
    byPath.set(key, c);
  }
  return [...byPath.values()]
    .filter((c) => !isNoChange(base, c))
    .sort((a, b) => (JSON.stringify(a.path) < JSON.stringify(b.path) ? -1 : 1));
}

/** Where a router setting is written: router_settings, or litellm_settings for the keys LiteLLM also reads there. */
function settingPath(config: Obj, key: string): PathSegment[] {
  const rs = isObj(config.router_settings) ? config.router_settings : {};
  const ls = isObj(config.litellm_settings) ? config.litellm_settings : {};
  const alsoInLitellm = ['num_retries', 'allowed_fails', 'fallbacks'];
  if (rs[key] === undefined && alsoInLitellm.includes(key) && ls[key] !== undefined) return ['litellm_settings', key];
  return ['router_settings', key];
}

interface Deployment {
  index: number;
  group: string;
  params: Obj;
  info: Obj;
}

function deployments(config: Obj): Deployment[] {
  const list = Array.isArray(config.model_list) ? config.model_list : [];
  return list.flatMap((entry, index) => {
    if (!isObj(entry) || typeof entry.model_name !== 'string' || !isObj(entry.litellm_params)) return [];
    return [{ index, group: entry.model_name, params: entry.litellm_params, info: isObj(entry.model_info) ? entry.model_info : {} }];
  });
}

function groups(config: Obj): Deployment[][] {
  const byName = new Map<string, Deployment[]>();
  for (const d of deployments(config)) byName.set(d.group, [...(byName.get(d.group) ?? []), d]);
  return [...byName.values()];
}

/** Uniform [0,1) source (seeded: src/sim/rng.ts). */
export type Random = () => number;
const pick = <T>(rng: Random, items: readonly T[]): T => items[Math.floor(rng() * items.length)];

/** Values tried per setting: LiteLLM's defaults and the usual production range around them. */
const MENUS = {
  num_retries: [0, 1, 2, 3, 5],
  retry_after: [0, 1, 2, 5, 10],
  timeout: [5, 10, 20, 30, 60, 120, 600],
  stream_timeout: [5, 10, 30, 60, 120],
  cooldown_time: [1, 2, 5, 10, 30, 60],
  allowed_fails: [1, 2, 3, 5, 10],
  policy_count: [0, 1, 2, 3, 5],
  lowest_latency_buffer: [0, 0.1, 0.25, 0.5, 1],
  ttl: [10, 30, 60, 300, 3600],
  scale_down_up: [0.5, 2],
  weight_factor: [0.25, 0.5, 2, 4],
  limit_factor: [1, 1.5, 2],
} as const;

/** LiteLLM RetryPolicy fields the simulator's errors map to (litellm/types/router.py, RetryPolicy). */
const RETRY_POLICY_KEYS = ['RateLimitErrorRetries', 'TimeoutErrorRetries', 'InternalServerErrorRetries'];

/** One move from `config` (a candidate); `base` is the user's config, for moves bounded relative to it. */
type Mutator = (config: Obj, rng: Random, base?: unknown) => Change[] | null;

function setting(dimension: Dimension, key: string, menu: readonly number[]): Mutator {
  return (config, rng) => {
    const path = settingPath(config, key);
    const current = valueAtPath(config, path);
    const options = menu.filter((v) => v !== current);
    return [{ dimension, path, value: pick(rng, options) }];
  };
}

/** A deployment-level key where deployments set it (it beats the router's), else the router's. */
function layered(dimension: Dimension, key: string, menu: readonly number[]): Mutator {
  const router = setting(dimension, key, menu);
  return (config, rng) => {
    const own = deployments(config).filter((d) => d.params[key] !== undefined);
    if (own.length === 0) return router(config, rng);
    const d = pick(rng, own);
    return [{ dimension, path: ['model_list', d.index, 'litellm_params', key], value: pick(rng, menu.filter((v) => v !== d.params[key])) }];
  };
}

function strategyOf(config: Obj): string {
  const rs = isObj(config.router_settings) ? config.router_settings : {};
  return typeof rs.routing_strategy === 'string' ? rs.routing_strategy : 'simple-shuffle';
}

const MUTATORS: Record<Dimension, Mutator> = {
  strategy: (config, rng) => [{ dimension: 'strategy', path: ['router_settings', 'routing_strategy'], value: pick(rng, LITELLM_STRATEGIES.filter((s) => s !== strategyOf(config))) }],
  strategy_args: (config, rng) => {
    const strategy = strategyOf(config);
    // lowest_latency_buffer: latency-based only; ttl: latency- and usage-based (LiteLLM routing_strategy_args).
    const keys = strategy === 'latency-based-routing' ? ['lowest_latency_buffer', 'ttl'] : strategy.startsWith('usage-based') ? ['ttl'] : [];
    if (keys.length === 0) return null;
    const key = pick(rng, keys) as 'ttl' | 'lowest_latency_buffer';
    const path = ['router_settings', 'routing_strategy_args', key];
    return [{ dimension: 'strategy_args', path, value: pick(rng, MENUS[key].filter((v) => v !== valueAtPath(config, path))) }];
  },
  weights: (config, rng) => {
    // simple-shuffle picks by weight, else rpm, else tpm (LiteLLM simple_shuffle.py); other strategies ignore weight.
    if (strategyOf(config) !== 'simple-shuffle') return null;
    const multi = groups(config).filter((g) => g.length > 1);
    if (multi.length === 0) return null;
    const group = pick(rng, multi);
    const weights = group.map((d) => num(d.params.weight) ?? num(d.params.rpm) ?? num(d.params.tpm) ?? 1);
    const j = Math.floor(rng() * group.length);
    weights[j] *= pick(rng, MENUS.weight_factor);
    const total = weights.reduce((s, w) => s + w, 0);
    // Whole numbers summing to about 100 (read as percentages), never 0 so no deployment is starved.
    return group.map((d, i) => ({ dimension: 'weights' as const, path: ['model_list', d.index, 'litellm_params', 'weight'], value: Math.max(1, Math.round((weights[i] / total) * 100)) }));
  },
  retries: setting('retries', 'num_retries', MENUS.num_retries),
  retry_policy: (config, rng) => {
    const path = ['router_settings', 'retry_policy', pick(rng, RETRY_POLICY_KEYS)];
    return [{ dimension: 'retry_policy', path, value: pick(rng, MENUS.policy_count.filter((v) => v !== valueAtPath(config, path))) }];
  },
  retry_after: setting('retry_after', 'retry_after', MENUS.retry_after),
  timeout: (config, rng) => (rng() < 0.75 ? layered('timeout', 'timeout', MENUS.timeout) : layered('timeout', 'stream_timeout', MENUS.stream_timeout))(config, rng),
  cooldown: layered('cooldown', 'cooldown_time', MENUS.cooldown_time),
  allowed_fails: (config, rng) => {
    const policy = valueAtPath(config, ['router_settings', 'allowed_fails_policy']);
    if (isObj(policy) && Object.keys(policy).length > 0 && rng() < 0.5) {
      const path = ['router_settings', 'allowed_fails_policy', pick(rng, Object.keys(policy).sort())];
      return [{ dimension: 'allowed_fails', path, value: pick(rng, MENUS.allowed_fails.filter((v) => v !== valueAtPath(config, path))) }];
    }
    return setting('allowed_fails', 'allowed_fails', MENUS.allowed_fails)(config, rng);
  },
  order: (config, rng) => {
    // Swap the order tiers of two deployments of a group that already uses order.
    const tiered = groups(config)
      .map((g) => g.filter((d) => num(d.params.order) !== null))
      .filter((g) => new Set(g.map((d) => d.params.order)).size > 1);
    if (tiered.length === 0) return null;
    const group = pick(rng, tiered);
    const a = pick(rng, group);
    const b = pick(rng, group.filter((d) => d.params.order !== a.params.order));
    return [
      { dimension: 'order', path: ['model_list', a.index, 'litellm_params', 'order'], value: num(b.params.order)! },
      { dimension: 'order', path: ['model_list', b.index, 'litellm_params', 'order'], value: num(a.params.order)! },
    ];
  },
  max_parallel_requests: (config, rng) => {
    const set = deployments(config).filter((d) => num(d.params.max_parallel_requests) !== null);
    const routerPath = ['router_settings', 'default_max_parallel_requests'];
    const routerValue = num(valueAtPath(config, routerPath));
    if (set.length === 0 && routerValue === null) return null;
    const scaled = (v: number) => Math.max(1, Math.round(v * pick(rng, MENUS.scale_down_up)));
    if (set.length === 0 || (routerValue !== null && rng() < 0.5)) return [{ dimension: 'max_parallel_requests', path: routerPath, value: scaled(routerValue!) }];
    const d = pick(rng, set);
    return [{ dimension: 'max_parallel_requests', path: ['model_list', d.index, 'litellm_params', 'max_parallel_requests'], value: scaled(num(d.params.max_parallel_requests)!) }];
  },
  fallbacks_order: (config, rng) => {
    const base = settingPath(config, 'fallbacks');
    const list = valueAtPath(config, base);
    if (!Array.isArray(list)) return null;
    const reorderable = list.flatMap((entry, k) => {
      if (!isObj(entry) || Object.keys(entry).length !== 1) return [];
      const [from] = Object.keys(entry);
      const targets = entry[from];
      return Array.isArray(targets) && targets.length > 1 && targets.every((t) => typeof t === 'string') ? [{ k, from, targets: targets as string[] }] : [];
    });
    if (reorderable.length === 0) return null;
    const { k, from, targets } = pick(rng, reorderable);
    const i = Math.floor(rng() * targets.length);
    let j = Math.floor(rng() * (targets.length - 1));
    if (j >= i) j++;
    const next = [...targets];
    [next[i], next[j]] = [next[j], next[i]];
    return [{ dimension: 'fallbacks_order', path: [...base, k, from], value: next }];
  },
  limits: (config, rng, base) => {
    // Relative to the quota the user wrote, never to a raised one (raises do not compound), and
    // never below it: ×1 (back to the user's), ×1.5 or ×2, whichever is not the current value.
    const user = isObj(base) ? base : config;
    const limited = deployments(config).flatMap((d) => (['rpm', 'tpm'] as const).filter((k) => num(valueAtPath(user, ['model_list', d.index, 'litellm_params', k])) !== null).map((k) => ({ d, k })));
    if (limited.length === 0) return null;
    const { d, k } = pick(rng, limited);
    const quota = num(valueAtPath(user, ['model_list', d.index, 'litellm_params', k]))!;
    const options = MENUS.limit_factor.map((f) => Math.round(quota * f)).filter((v) => v !== d.params[k]);
    return [{ dimension: 'limits', path: ['model_list', d.index, 'litellm_params', k], value: pick(rng, options) }];
  },
};

/**
 * One random move in one of the enabled dimensions from `config`; null when that dimension has
 * nothing to change here. `base` is the user's config (default: `config` itself): `limits` moves
 * are bounded relative to the quota written there.
 */
export function mutate(config: unknown, dimension: Dimension, rng: Random, base: unknown = config): Change[] | null {
  return isObj(config) ? MUTATORS[dimension](config, rng, base) : null;
}

/** Parses --vary / --keep into the enabled dimensions; throws Error naming the unknown word. */
export function enabledDimensions(vary: string | undefined, keep: string | undefined): Dimension[] {
  const words = (list: string, flag: string): Dimension[] =>
    list.split(',').map((w) => w.trim()).filter((w) => w !== '').map((w) => {
      if (!(DIMENSIONS as readonly string[]).includes(w)) throw new Error(`${flag}: unknown dimension '${w}' (known: ${DIMENSIONS.join(', ')})`);
      return w as Dimension;
    });
  if (vary !== undefined && keep !== undefined) throw new Error('use either --vary or --keep, not both');
  if (vary !== undefined) {
    const on = words(vary, '--vary');
    if (on.length === 0) throw new Error('--vary needs at least one dimension');
    return DIMENSIONS.filter((d) => on.includes(d));
  }
  const off = keep !== undefined ? words(keep, '--keep') : [];
  return DIMENSIONS.filter((d) => !off.includes(d) && !OFF_BY_DEFAULT.includes(d));
}
