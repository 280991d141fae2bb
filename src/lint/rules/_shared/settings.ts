// Effective router settings. The Router takes each setting from router_settings; several fall
// back to the litellm module global set by litellm_settings (LiteLLM ProxyConfig.load_config in litellm/proxy/proxy_server.py). Router values win.
import type { GatewayModel, Location } from '../../../config/model.js';
import { sectionLocation } from './locations.js';
import { isTrue, toNumber } from './values.js';

export type SettingSection = 'router_settings' | 'litellm_settings';

export interface Setting {
  value: unknown;
  section: SettingSection;
  key: string;
  location: Location;
}

/** Router keys that fall back to a litellm_settings global, and that global's name. */
export const LITELLM_FALLBACK_KEYS: Readonly<Record<string, string>> = {
  num_retries: 'num_retries',
  timeout: 'request_timeout',
  allowed_fails: 'allowed_fails',
  fallbacks: 'fallbacks',
  context_window_fallbacks: 'context_window_fallbacks',
  content_policy_fallbacks: 'content_policy_fallbacks',
  default_fallbacks: 'default_fallbacks',
  max_fallbacks: 'max_fallbacks',
};

/** LiteLLM defaults of the router settings the rules reason about (LiteLLM Router.__init__ and Router.async_function_with_fallbacks in litellm/router.py). */
export const ROUTER_DEFAULTS = {
  routing_strategy: 'simple-shuffle',
  num_retries: 2,
  allowed_fails: 3,
  cooldown_time: 5,
  max_fallbacks: 5,
  timeout: 6000,
} as const;

const FALLBACK_LISTS = new Set(['fallbacks', 'context_window_fallbacks', 'content_policy_fallbacks', 'default_fallbacks']);

function unset(key: string, value: unknown): boolean {
  if (value === undefined || value === null) return true;
  // An explicit but empty fallback list in the router counts as unset (LiteLLM ProxyConfig.load_config in litellm/proxy/proxy_server.py).
  return FALLBACK_LISTS.has(key) && Array.isArray(value) && value.length === 0;
}

/** Where a router setting effectively comes from, or null when LiteLLM's default applies. */
export function routerSetting(model: GatewayModel, key: string): Setting | null {
  const own = model.routerSettings[key];
  if (!unset(key, own)) return { value: own, section: 'router_settings', key, location: sectionLocation(model, 'router_settings', key)! };
  const global = LITELLM_FALLBACK_KEYS[key];
  if (global) {
    const value = model.litellmSettings[global];
    if (!unset(key, value)) return { value, section: 'litellm_settings', key: global, location: sectionLocation(model, 'litellm_settings', global)! };
  }
  return null;
}

/** A numeric router setting with its default (null when written as os.environ/ or garbage). */
export function routerNumber(model: GatewayModel, key: keyof typeof ROUTER_DEFAULTS & string): { value: number | null; setting: Setting | null } {
  const setting = routerSetting(model, key);
  if (!setting) return { value: ROUTER_DEFAULTS[key] as number, setting: null };
  return { value: toNumber(setting.value), setting };
}

export interface Strategy {
  name: string;
  /** The routing_strategy value, or null when the default applies. */
  location: Location | null;
}

export function strategyOf(model: GatewayModel): Strategy {
  const value = model.routerSettings.routing_strategy;
  if (typeof value === 'string' && value !== '') return { name: value, location: sectionLocation(model, 'router_settings', 'routing_strategy') };
  return { name: ROUTER_DEFAULTS.routing_strategy, location: null };
}

export const isUsageBased = (name: string) => name === 'usage-based-routing' || name === 'usage-based-routing-v2';

export function routerFlag(model: GatewayModel, key: string): boolean {
  return isTrue(model.routerSettings[key]);
}

export function cooldownsDisabled(model: GatewayModel): boolean {
  return routerFlag(model, 'disable_cooldowns');
}

export interface CooldownMode {
  mode: 'percentage' | 'count';
  /** Failures tolerated per deployment in count mode. */
  allowedFails: number;
  /** The setting that switched to count mode. */
  cause: Setting | null;
}

/** litellm.allowed_fails: litellm_settings.allowed_fails (set on the module), else LiteLLM's 3. */
export function globalAllowedFails(model: GatewayModel): number {
  return toNumber(model.litellmSettings.allowed_fails) ?? ROUTER_DEFAULTS.allowed_fails;
}

/**
 * LiteLLM's cooldown decision mode (litellm/router_utils/cooldown_handlers.py::_should_cooldown_deployment): count mode when Router.allowed_fails differs
 * from the module global litellm.allowed_fails, or when allowed_fails_policy is set; failure
 * rate mode otherwise. Router.allowed_fails is router_settings.allowed_fails, else that same
 * global (litellm/router.py::Router.__init__; litellm/router_utils/cooldown_handlers.py::
 * _is_allowed_fails_set_on_router; read in 1.80.15), so allowed_fails written only in
 * litellm_settings never switches to count mode.
 */
export function cooldownMode(model: GatewayModel): CooldownMode {
  const policy = routerSetting(model, 'allowed_fails_policy');
  const global = globalAllowedFails(model);
  const own = model.routerSettings.allowed_fails;
  const ownValue = own === undefined || own === null ? null : toNumber(own);
  const allowedFails = ownValue ?? global;
  if (ownValue !== null && ownValue !== global) {
    return { mode: 'count', allowedFails, cause: { value: own, section: 'router_settings', key: 'allowed_fails', location: sectionLocation(model, 'router_settings', 'allowed_fails')! } };
  }
  if (policy && typeof policy.value === 'object') return { mode: 'count', allowedFails, cause: policy };
  return { mode: 'percentage', allowedFails, cause: null };
}

/** Router cooldown length in seconds: `cooldown_time or 5`, so 0 and unset both give 5. */
export function routerCooldownSeconds(model: GatewayModel): number {
  const v = toNumber(model.routerSettings.cooldown_time);
  return v && v > 0 ? v : ROUTER_DEFAULTS.cooldown_time;
}

/** Whether pre-call checks enforce rpm: enable_pre_call_checks or enforce_model_rate_limits. */
export function rateLimitsEnforced(model: GatewayModel): boolean {
  if (routerFlag(model, 'enable_pre_call_checks')) return true;
  const optional = model.routerSettings.optional_pre_call_checks;
  return Array.isArray(optional) && optional.includes('enforce_model_rate_limits');
}
