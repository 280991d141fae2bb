// The start-up bundle's form of the built-in model map (src/model-map/bucketed.ts, written to
// dist/model-map.txt by the build): rows in hash buckets of the lower-cased key, read a bucket at a
// time. Every lookup must answer as a fully indexed copy of the same rows does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { bucketedFileTable, bucketedTable, bucketedText } from '../../src/model-map/bucketed.js';
import { BUILTIN_MAP_TEXT } from '../../src/model-map/builtin-data.js';
import { indexModelRows, type ModelRow } from '../../src/model-map/distil.js';
import { ModelMap, indexedTable } from '../../src/model-map/map.js';

const builtinRows = BUILTIN_MAP_TEXT.rows.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as ModelRow);
const row = (key: string, provider = 'openai'): ModelRow => [key, provider, 'chat', 1e-6, 2e-6, 1000, 100, null];

/** A table over a file's text held in memory, counting the bytes read. */
function inMemory(text: string) {
  const bytes = Buffer.from(text, 'utf8');
  const stats = { reads: 0, bytes: 0 };
  const table = bucketedTable((start, end) => {
    stats.reads++;
    stats.bytes += Math.min(end, bytes.length) - start;
    return bytes.toString('utf8', start, end);
  });
  return { table, stats };
}

function assertSameAnswers(a: ModelMap, b: ModelMap, rows: readonly ModelRow[], missing: string[]): void {
  assert.equal(a.size, b.size);
  assert.deepEqual([...a.providers()].sort(), [...b.providers()].sort());
  for (const r of rows) {
    assert.deepEqual(a.exact(r[0]), b.exact(r[0]), r[0]);
    for (const spelling of [r[0], r[0].toUpperCase(), r[0].toLowerCase()]) {
      assert.deepEqual(a.exact(spelling), b.exact(spelling), spelling);
      assert.equal(a.matchKey(spelling), b.matchKey(spelling), spelling);
    }
  }
  for (const key of missing) {
    assert.equal(a.exact(key), undefined, key);
    assert.equal(b.exact(key), undefined, key);
    assert.equal(a.matchKey(key), b.matchKey(key), key);
  }
}

const MISSING = ['no-such-model', 'gpt-4o-mini"', '"gpt-4o-mini', 'gpt-4o-', '', '\n', 'GPT-4O-MINI-NO', 'ünïcödé/model'];

test('the bucketed built-in map answers every key, upper- and lower-cased spelling and absent key as the indexed rows do', () => {
  const { table } = inMemory(bucketedText(indexModelRows([...builtinRows])));
  const bucketed = new ModelMap({ name: 'bucketed', date: null }, () => table);
  const indexed = new ModelMap({ name: 'indexed', date: null }, () => indexedTable(indexModelRows([...builtinRows])));
  assertSameAnswers(bucketed, indexed, builtinRows, MISSING);
});

test('a key whose case differs finds the last key of that spelling, as LiteLLM `{k.lower(): k}` keeps; an absent key finds nothing', () => {
  const rows = [row('Foo/Bar'), row('FOO/BAR', 'azure'), row('baz'), row('Qux'), row('qux'), row('MiXed')];
  const { table } = inMemory(bucketedText(indexModelRows(rows)));
  const map = new ModelMap({ name: 'small', date: null }, () => table);
  assert.equal(map.matchKey('foo/bar'), 'FOO/BAR');
  assert.equal(map.matchKey('Foo/Bar'), 'Foo/Bar');
  assert.equal(map.matchKey('fOO/bAR'), 'FOO/BAR');
  assert.equal(map.exact('foo/bar'), undefined);
  // 'qux' is itself the last lower-cased spelling: no alias, the key itself
  assert.equal(map.matchKey('QUX'), 'qux');
  assert.equal(map.matchKey('mixed'), 'MiXed');
  assert.equal(map.matchKey('BAZ'), 'baz');
  assert.equal(map.matchKey('absent'), null);
  assert.equal(map.exact('absent'), undefined);
  assertSameAnswers(map, new ModelMap({ name: 'indexed', date: null }, () => indexedTable(indexModelRows(rows))), rows, ['absent', 'foo', 'FOO/BA']);
});

test('a lookup reads one bucket, not the whole map', () => {
  const text = bucketedText(indexModelRows([...builtinRows]));
  const { table, stats } = inMemory(text);
  const opened = stats.bytes;
  table.get('gpt-4o-mini');
  table.lowerKey('gpt-4o-mini');
  table.get('gpt-4o-mini');
  assert.ok(stats.bytes - opened < 4000, `${stats.bytes - opened} bytes for one key`);
  assert.ok(stats.bytes < text.length / 10, `${stats.bytes} of ${text.length} bytes read`);
});

test('the built dist/model-map.txt is the bucketed form of the built-in rows', () => {
  const built = new ModelMap({ name: 'dist', date: null }, () => bucketedFileTable(fileURLToPath(new URL('../../dist/model-map.txt', import.meta.url))));
  const indexed = new ModelMap({ name: 'indexed', date: null }, () => indexedTable(indexModelRows([...builtinRows])));
  assertSameAnswers(built, indexed, builtinRows, MISSING);
});
