// Number formats shared by the terminal table and the Markdown summary.

/** Milliseconds: whole above 100, one decimal below. */
export const ms = (v: number): string => (v >= 100 ? v.toFixed(0) : v.toFixed(1));

/** US dollars with precision by magnitude. */
export const usd = (v: number): string => (v >= 100 ? `$${v.toFixed(0)}` : v >= 1 ? `$${v.toFixed(2)}` : `$${v.toFixed(4)}`);

/** Most decimals a percentage gets; a fraction closer to 0 or 1 than this shows as `<`/`>`. */
const MAX_DECIMALS = 6;

/**
 * A fraction (0..1) as a percentage with one decimal, or as many more as it takes (up to
 * MAX_DECIMALS) so that anything short of all never reads 100.0% and anything above none never
 * reads 0.0%: 3 failures in 11,414 is `99.97%`. Exact 0 and 1 read `0.0%` and `100.0%`.
 */
export function pct(fraction: number): string {
  if (!(fraction > 0)) return '0.0%';
  if (fraction >= 1) return '100.0%';
  for (let d = 1; d <= MAX_DECIMALS; d++) {
    const s = (fraction * 100).toFixed(d);
    if (Number(s) < 100 && Number(s) > 0) return `${s}%`;
  }
  return fraction < 0.5 ? `<${(10 ** -MAX_DECIMALS).toFixed(MAX_DECIMALS)}%` : `>${(100 - 10 ** -MAX_DECIMALS).toFixed(MAX_DECIMALS)}%`;
}

/** part / whole as pct; `empty` when whole is 0. */
export const ratio = (part: number, whole: number, empty = 1): string => pct(whole > 0 ? part / whole : empty);

/** A signed difference: `+1.5`, `-0.3`, `0`; `unit` appended. */
export function signed(value: number, digits: number, unit = ''): string {
  const s = value.toFixed(digits);
  if (Number(s) === 0) return `0${unit}`;
  return `${value > 0 ? '+' : ''}${s}${unit}`;
}

/** A change of a fraction in percentage points: `+29.6 pts`, with more digits for small non-zero changes. */
export function points(delta: number | null): string {
  if (delta === null) return '';
  for (let d = 1; d <= MAX_DECIMALS; d++) if (Number((delta * 100).toFixed(d)) !== 0) return signed(delta * 100, d, ' pts');
  return '0 pts';
}
