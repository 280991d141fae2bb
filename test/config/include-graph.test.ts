// The include graph is bounded: cycles found on real paths (symlinked directories included), at
// most MAX_INCLUDE_LOADS file loads and the config byte cap in total, a repeated file reported
// once. Cases from shared/hostile/make-big-inputs.sh (sections 2 and 3), rebuilt in a temp dir.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, MAX_INCLUDE_LOADS } from '../../src/config/load.js';

const entry = (name: string) => `model_list:\n  - model_name: ${name}\n    litellm_params:\n      model: openai/gpt-4o\n`;
const tempDir = () => mkdtempSync(join(tmpdir(), 'gwcfg-include-'));
const summary = (d: { file: string; line: number; ruleId: string }) => `${d.file.replace(/^.*\//, '')}:${d.line} ${d.ruleId}`;

test('a chain of 19 files each including the next twice stops at the load limit with one finding', async () => {
  const dir = tempDir();
  for (let i = 0; i < 18; i++) writeFileSync(join(dir, `f${i}.yaml`), `${entry(`m${i}`)}include:\n  - f${i + 1}.yaml\n  - f${i + 1}.yaml\n`);
  writeFileSync(join(dir, 'f18.yaml'), entry('m18'));
  const loaded = await loadConfig(join(dir, 'f0.yaml'));
  const limit = loaded.diagnostics.filter((d) => d.ruleId === 'schema/include-limit');
  assert.equal(limit.length, 1, JSON.stringify(loaded.diagnostics));
  assert.match(limit[0].message, new RegExp(`already loads ${MAX_INCLUDE_LOADS} files, gwcfg's limit`));
  assert.deepEqual(loaded.diagnostics.filter((d) => d.ruleId !== 'schema/include-limit'), []);
  // Every load merged (f0 + 63 includes), no more.
  assert.equal((loaded.value as { model_list: unknown[] }).model_list.length, MAX_INCLUDE_LOADS);
  assert.equal(loaded.sources.length, 19, 'each file parsed into sources once');
});

test('a file included twice is merged twice (as LiteLLM does) but its findings are reported once', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'part.yaml'), `${entry('p')}router_settings:\n  num_retriesx: 1\n`);
  writeFileSync(join(dir, 'main.yaml'), `${entry('m')}include:\n  - part.yaml\n  - ./part.yaml\n`);
  const loaded = await loadConfig(join(dir, 'main.yaml'));
  assert.deepEqual(loaded.diagnostics.map(summary), ['part.yaml:6 schema/unknown-key']);
  assert.deepEqual((loaded.value as { model_list: { model_name: string }[] }).model_list.map((d) => d.model_name), ['m', 'p', 'p']);
});

test('include cycles through symlinked directories are found on real paths', async () => {
  const dir = tempDir();
  symlinkSync('.', join(dir, 's1'));
  symlinkSync('.', join(dir, 's2'));
  writeFileSync(join(dir, 'a.yaml'), `${entry('a')}include:\n  - s1/a.yaml\n`);
  writeFileSync(join(dir, 'b.yaml'), `${entry('b')}include:\n  - s1/b.yaml\n  - s2/b.yaml\n`);
  assert.deepEqual((await loadConfig(join(dir, 'a.yaml'))).diagnostics.map(summary), ['a.yaml:6 schema/include-cycle']);
  assert.deepEqual((await loadConfig(join(dir, 'b.yaml'))).diagnostics.map(summary), ['b.yaml:6 schema/include-cycle', 'b.yaml:7 schema/include-cycle']);
});

test('included bytes count against the config cap each time a file is included', async () => {
  const dir = tempDir();
  // 5 MiB of long comment lines: cheap to parse, and twice over the 8 MiB cap.
  writeFileSync(join(dir, 'big.yaml'), `${entry('big')}${`# ${'x'.repeat(5000)}\n`.repeat(1000)}`);
  writeFileSync(join(dir, 'main.yaml'), `${entry('m')}include:\n  - big.yaml\n  - big.yaml\n  - other.yaml\n`);
  writeFileSync(join(dir, 'other.yaml'), entry('o'));
  const loaded = await loadConfig(join(dir, 'main.yaml'));
  assert.deepEqual(loaded.diagnostics.map(summary), ['main.yaml:7 schema/include-limit']);
  assert.match(loaded.diagnostics[0].message, /'big\.yaml' and the includes after it are not loaded: the config with its includes would pass 8 MiB/);
  assert.deepEqual((loaded.value as { model_list: { model_name: string }[] }).model_list.map((d) => d.model_name), ['m', 'big']);
});
