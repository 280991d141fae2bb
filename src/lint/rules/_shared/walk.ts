// Visits every string value of the merged config with its path (depth-bounded: a config is a
// tree, but hostile input may nest deeply).
import type { PathSegment } from '../../../config/document.js';
import type { GatewayModel } from '../../../config/model.js';

const MAX_DEPTH = 32;

export function forEachString(model: GatewayModel, visit: (value: string, path: PathSegment[]) => void): void {
  const walk = (value: unknown, path: PathSegment[], depth: number) => {
    if (depth > MAX_DEPTH) return;
    if (typeof value === 'string') visit(value, path);
    else if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i], depth + 1));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...path, k], depth + 1);
  };
  walk(model.value, [], 0);
}

/** The last key name of a path (`api_key` for model_list[0].litellm_params.api_key). */
export function lastKey(path: readonly PathSegment[], fallback = 'value'): string {
  return String([...path].reverse().find((p) => typeof p === 'string') ?? fallback);
}
