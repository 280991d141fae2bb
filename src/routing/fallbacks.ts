// Which fallback list applies to a failed group (Router.async_function_with_fallbacks).
import type { FallbackMap, RouterSettings } from './config.js';

function stripProvider(name: string): string {
  const slash = name.indexOf('/');
  return slash >= 0 ? name.slice(slash + 1) : name;
}

/** Entry for the first of `names` that matches: exact key > provider-stripped key > "*". */
export function matchFallbacks(map: FallbackMap, names: readonly string[], allowStar = true): readonly string[] | null {
  for (const name of names) for (const [key, targets] of map) if (key === name) return targets;
  for (const name of names) {
    const stripped = stripProvider(name);
    if (stripped === name) continue;
    for (const [key, targets] of map) if (key === stripped) return targets;
  }
  if (allowStar) for (const [key, targets] of map) if (key === '*') return targets;
  return null;
}

/**
 * Fallback targets for an error, or null when none apply:
 * context-window errors use context_window_fallbacks when set (no generic fallback then),
 * content-policy errors use content_policy_fallbacks, else default_fallbacks, and everything
 * else the generic `fallbacks` (with default_fallbacks as its "*" entry).
 */
export function fallbackTargets(
  settings: RouterSettings,
  errorClass: string,
  names: readonly string[],
): readonly string[] | null {
  if (errorClass === 'ContextWindowExceededError' && settings.contextWindowFallbacks.length > 0) {
    return matchFallbacks(settings.contextWindowFallbacks, names);
  }
  // Like context windows: a set content_policy_fallbacks without an entry for the group raises
  // the original error; the generic list is used only when content_policy_fallbacks is unset.
  if (errorClass === 'ContentPolicyViolationError' && settings.contentPolicyFallbacks.length > 0) {
    return matchFallbacks(settings.contentPolicyFallbacks, names);
  }
  return matchFallbacks(settings.fallbacks, names);
}
