// The fallback lists as the router uses them (LiteLLM run_async_fallback in litellm/router_utils/fallback_event_handlers.py): each kind comes from router_settings,
// else litellm_settings; default_fallbacks acts as a `"*"` entry of `fallbacks`.
import type { GatewayModel, Location } from '../../../config/model.js';
import { routerSetting, ROUTER_DEFAULTS } from './settings.js';
import { asDict, toNumber } from './values.js';

export type FallbackKind = 'fallbacks' | 'context_window_fallbacks' | 'content_policy_fallbacks';
export const FALLBACK_KINDS: readonly FallbackKind[] = ['fallbacks', 'context_window_fallbacks', 'content_policy_fallbacks'];

export interface FallbackEdge {
  kind: FallbackKind;
  /** The group whose failure triggers this fallback; '*' for every group. */
  from: string;
  to: string;
  /** Position in its list (0 = tried first). */
  index: number;
  /** The target's value. */
  location: Location;
  /** The key of the entry ('*' entries and default_fallbacks: the list itself). */
  fromLocation: Location;
  /** The setting the edge was written in, e.g. `router_settings.fallbacks`. */
  origin: string;
}

/** Every fallback edge of the effective lists, in config order. */
export function fallbackEdges(model: GatewayModel): FallbackEdge[] {
  const edges: FallbackEdge[] = [];
  for (const kind of FALLBACK_KINDS) {
    const setting = routerSetting(model, kind);
    if (!setting || !Array.isArray(setting.value)) continue;
    const origin = `${setting.section}.${setting.key}`;
    setting.value.forEach((item, i) => {
      const entry = asDict(item);
      if (!entry) return;
      for (const [from, targets] of Object.entries(entry)) {
        const fromLocation = below(model, setting.location, i, from);
        const list = Array.isArray(targets) ? targets : [targets];
        list.forEach((to, j) => {
          if (typeof to !== 'string') return;
          const location = Array.isArray(targets) ? below(model, setting.location, i, from, j) : fromLocation;
          edges.push({ kind, from, to, index: j, location, fromLocation, origin });
        });
      }
    });
  }
  const defaults = routerSetting(model, 'default_fallbacks');
  if (defaults && Array.isArray(defaults.value)) {
    const origin = `${defaults.section}.${defaults.key}`;
    defaults.value.forEach((to, j) => {
      if (typeof to === 'string') edges.push({ kind: 'fallbacks', from: '*', to, index: j, location: below(model, defaults.location, j), fromLocation: defaults.location, origin });
    });
  }
  return edges;
}

function below(model: GatewayModel, at: Location, ...path: (string | number)[]): Location {
  return model.below(at, ...path);
}

/** Strips a provider prefix the way LiteLLM's fallback matching does (`openai/gpt-4o` → `gpt-4o`). */
const stripPrefix = (name: string) => (name.includes('/') ? name.slice(name.indexOf('/') + 1) : name);

/**
 * The edges LiteLLM follows when `group` fails: the entry keyed by the group, else by its
 * prefix-stripped name, else the `"*"` entries (including default_fallbacks).
 */
export function edgesFrom(edges: readonly FallbackEdge[], group: string, kind: FallbackKind): FallbackEdge[] {
  const ofKind = edges.filter((e) => e.kind === kind);
  for (const key of [group, stripPrefix(group)]) {
    const exact = ofKind.filter((e) => e.from === key);
    if (exact.length > 0) return exact;
  }
  return ofKind.filter((e) => e.from === '*');
}

/** edgesFrom for one kind, indexed by entry key, for rules that walk the whole graph. */
export function fallbackLookup(edges: readonly FallbackEdge[], kind: FallbackKind): (group: string) => FallbackEdge[] {
  const byKey = new Map<string, FallbackEdge[]>();
  for (const e of edges) {
    if (e.kind !== kind) continue;
    if (!byKey.has(e.from)) byKey.set(e.from, []);
    byKey.get(e.from)!.push(e);
  }
  const none: FallbackEdge[] = [];
  return (group) => byKey.get(group) ?? byKey.get(stripPrefix(group)) ?? byKey.get('*') ?? none;
}

/** Whether a failure of `group` has any generic fallback to go to. */
export function hasFallback(model: GatewayModel, group: string, edges = fallbackEdges(model)): boolean {
  return edgesFrom(edges, group, 'fallbacks').some((e) => e.to !== group);
}

export function maxFallbacks(model: GatewayModel): { value: number; location: Location | null } {
  const setting = routerSetting(model, 'max_fallbacks');
  const value = setting ? toNumber(setting.value) : null;
  return value !== null && value >= 0 ? { value, location: setting!.location } : { value: ROUTER_DEFAULTS.max_fallbacks, location: null };
}
