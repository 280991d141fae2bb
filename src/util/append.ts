/**
 * Appends `items` to `target` in place and returns `target`. `target.push(...items)` passes every
 * item as an argument, and past ~120,000 of them (a file of duplicate keys, a merge of a large
 * mapping) throws "Maximum call stack size exceeded"; use this wherever the count comes from input.
 */
export function appendAll<T>(target: T[], items: readonly T[]): T[] {
  for (let i = 0; i < items.length; i++) target.push(items[i]);
  return target;
}
