// Lists in messages, as English writes them.

/** "a, b and c" (or with `conjunction` 'or': "a, b or c"); one item as is, none as "". */
export function joinList(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}
