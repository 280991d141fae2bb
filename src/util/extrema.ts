/**
 * The smallest of `values` (Infinity when there are none), as `Math.min(...values)` gives it, but
 * without passing every value as an argument: past ~120,000 of them a spread throws "Maximum
 * call stack size exceeded". Use it wherever the count comes from input.
 */
export function minOf(values: readonly number[]): number {
  let min = Infinity;
  for (let i = 0; i < values.length; i++) min = Math.min(min, values[i]);
  return min;
}

/** The largest of `values` (-Infinity when there are none); see minOf. */
export function maxOf(values: readonly number[]): number {
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) max = Math.max(max, values[i]);
  return max;
}
