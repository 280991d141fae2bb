// Reading plain config values the way LiteLLM does: numbers may be written as strings,
// booleans as true/"true", and os.environ/ references are unknown until run time.
import { joinList } from '../../../util/join-list.js';
import type { Dict } from '../../../config/model.js';

/** A finite number, or a numeric string (PyYAML/pydantic coerce "5" to 5); otherwise null. */
export function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?([eE][-+]?\d+)?\s*$/.test(value)) return Number(value);
  return null;
}

export function isTrue(value: unknown): boolean {
  return value === true || (typeof value === 'string' && value.trim().toLowerCase() === 'true');
}

export function asDict(value: unknown): Dict | null {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Dict) : null;
}

export function has(dict: Dict, key: string): boolean {
  return Object.hasOwn(dict, key) && dict[key] !== null && dict[key] !== undefined;
}

/** "70%", "33.3%", "0.5%": shares for messages, rounded so they still read naturally. */
export function percent(share: number): string {
  const p = share * 100;
  const digits = Number.isInteger(p) ? 0 : p >= 10 ? 1 : p >= 1 ? 1 : 2;
  return `${Number(p.toFixed(digits))}%`;
}

/** "'a', 'b' and 'c'" (as joinList), or "'a', 'b', 'c' and 4 more" past `max` names: one finding per config stays short. */
export function nameList(names: readonly string[], max = 5): string {
  const quoted = names.map((n) => `'${n}'`);
  if (quoted.length <= max) return joinList(quoted);
  return `${quoted.slice(0, max).join(', ')} and ${quoted.length - max} more`;
}
