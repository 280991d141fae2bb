// The built-in model map as the start-up bundle reads it (dist/model-map.txt, written by
// scripts/build.mjs): rows grouped into hash buckets of the lower-cased key, with a fixed-width
// table of the buckets' byte offsets, so a lookup reads and parses one small bucket (a few hundred
// bytes) instead of reading the whole ~300 kB file and scanning it once per key tried.
//
// File layout (byte offsets; the text is UTF-8, ASCII in practice):
//   line 1: `gwcfg-model-map 1 <buckets> <width> <table start> <data start>`
//   line 2: JSON {"providers": [...], "size": n}
//   table:  buckets + 1 decimal offsets, each `width` digits, zero-padded, relative to data start
//           (bucket b is [offset b, offset b+1)), then a newline
//   data:   per bucket, the JSON array of its rows in map order, then a newline (empty buckets
//           are empty)
// A key's bucket is that of its lower-cased spelling, so the exact key, the lower-cased key and
// every spelling equal to it ignoring case (utils._get_model_cost_key's `{k.lower(): k}`) share
// one bucket, and the case-insensitive aliases are found there instead of in a stored list.
import { openSync, readSync } from 'node:fs';
import type { ModelIndex, ModelRow } from './distil.js';
import type { ModelTable } from './map.js';

const MAGIC = 'gwcfg-model-map 1';

/** FNV-1a (32-bit) of the UTF-16 code units, modulo the number of buckets. */
export function bucketOf(lowerKey: string, buckets: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < lowerKey.length; i++) h = Math.imul(h ^ lowerKey.charCodeAt(i), 0x01000193);
  return (h >>> 0) % buckets;
}

/** The file's text for an index (rows in map order; its `lower` list is not needed). */
export function bucketedText(index: Pick<ModelIndex, 'rows' | 'providers'>): string {
  let buckets = 64;
  while (buckets * 4 < index.rows.length) buckets *= 2; // ~2–4 rows a bucket
  const grouped: ModelRow[][] = Array.from({ length: buckets }, () => []);
  for (const row of index.rows) grouped[bucketOf(row[0].toLowerCase(), buckets)].push(row);
  const parts = grouped.map((rows) => (rows.length === 0 ? '' : `${JSON.stringify(rows)}\n`));
  const offsets = [0];
  for (const part of parts) offsets.push(offsets[offsets.length - 1] + Buffer.byteLength(part));
  const width = String(offsets[buckets]).length;
  const table = `${offsets.map((o) => String(o).padStart(width, '0')).join('')}\n`;
  const header = `${JSON.stringify({ providers: index.providers, size: index.rows.length })}\n`;
  // Line 1 names the table and data starts, which depend on line 1's own length: try until stable.
  let line1 = '';
  let assumed: number;
  do {
    assumed = line1.length;
    const tableStart = assumed + Buffer.byteLength(header);
    line1 = `${MAGIC} ${buckets} ${width} ${tableStart} ${tableStart + table.length}\n`;
  } while (line1.length !== assumed);
  return line1 + header + table + parts.join('');
}

/**
 * A table over the file, read through `read(start, end)` (a byte range as text). Reads line 1,
 * then the header and the offset table, then one bucket per new lower-cased key looked up.
 * Gives what indexedTable gives over the same rows (test/model-map/bucketed.test.ts).
 */
export function bucketedTable(read: (start: number, end: number) => string): ModelTable {
  const line1 = read(0, 128);
  const m = /^gwcfg-model-map 1 (\d+) (\d+) (\d+) (\d+)\n/.exec(line1);
  if (!m) throw new Error('the built-in model map file is not in the expected form: rebuild gwcfg (npm run build)');
  const [buckets, width, , dataStart] = m.slice(1).map(Number);
  const head = read(m[0].length, dataStart); // line 2 (header) and the table
  const eol = head.indexOf('\n');
  const { providers, size } = JSON.parse(head.slice(0, eol)) as { providers: string[]; size: number };
  const table = head.slice(eol + 1);
  const parsed = new Map<number, ModelRow[]>();
  const bucket = (lowerKey: string): ModelRow[] => {
    const b = bucketOf(lowerKey, buckets);
    let rows = parsed.get(b);
    if (rows === undefined) {
      const start = Number(table.slice(b * width, (b + 1) * width));
      const end = Number(table.slice((b + 1) * width, (b + 2) * width));
      rows = start === end ? [] : (JSON.parse(read(dataStart + start, dataStart + end)) as ModelRow[]);
      parsed.set(b, rows);
    }
    return rows;
  };
  return {
    // keys are unique in a map; the first match is the row textTable's search would find
    get: (key) => bucket(key.toLowerCase()).find((row) => row[0] === key),
    lowerKey(lower) {
      // `{k.lower(): k}` keeps the last key of equal lower-cased spellings; only aliases that differ
      let alias: string | undefined;
      for (const row of bucket(lower)) if (row[0].toLowerCase() === lower) alias = row[0];
      return alias === lower ? undefined : alias;
    },
    providers,
    size,
  };
}

/**
 * A table over the bucketed file at `path` (dist/model-map.txt in the start-up bundle), opened
 * now and read a byte range at a time. Errors: the file cannot be opened (fs errors), or is not in
 * the form above.
 */
export function bucketedFileTable(path: string): ModelTable {
  const fd = openSync(path, 'r');
  return bucketedTable((start, end) => {
    const bytes = Buffer.allocUnsafe(end - start);
    let n = 0;
    for (let got = -1; got !== 0 && n < bytes.length; n += got) got = readSync(fd, bytes, n, bytes.length - n, start + n);
    return bytes.toString('utf8', 0, n);
  });
}
