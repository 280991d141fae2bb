// `npm run bench` runs every bench/*.ts it lists as a benchmark. A module that other benches use
// is not one: run on its own it fails (startup-reference.ts, run with no input file, made
// `npm run bench` exit 1). So no listed benchmark may be named by another bench file, and every
// file left out must be named by one (or be the runner itself).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { benchScripts, NOT_BENCHES } from '../../bench/list.js';

const files = readdirSync('bench').filter((f) => f.endsWith('.ts'));
const texts = new Map(files.map((f) => [f, readFileSync(`bench/${f}`, 'utf8')]));
/** Bench files that import `file` (`./x.js`) or name it as a path (`x.ts`). */
const namedBy = (file: string) => {
  const base = file.replace(/\.ts$/, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const reference = new RegExp(`(^|[^\\w-])${base}\\.(ts|js)\\b`);
  return files.filter((other) => other !== file && reference.test(texts.get(other)!));
};

test('npm run bench runs only benchmarks: no listed script is a module another bench file uses', () => {
  const scripts = benchScripts(files);
  assert.ok(scripts.includes('routing.ts') && scripts.includes('lint.ts'), scripts.join(' '));
  for (const script of scripts) assert.deepEqual(namedBy(script), [], `${script} is used by other bench files, so it is not a benchmark to run alone`);
});

test('every bench file left out of the run is the runner, or a module some bench uses', () => {
  for (const file of NOT_BENCHES) {
    assert.ok(files.includes(file), `${file} is listed but does not exist`);
    if (file !== 'index.ts') assert.ok(namedBy(file).length > 0, `${file} is left out but no bench file uses it`);
  }
});
