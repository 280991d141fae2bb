// The built CLI's model map is a stub (scripts/build.mjs, lazy-model-map) that reads
// dist/model-map.txt on the first lookup; lookups must give what the source copy gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../helpers/cli.js';
import { lintFile } from '../../src/lint/run.js';
import { rules } from '../../src/lint/rules/index.js';

test('lint findings that read model rows are the same from the built CLI and from the source', async () => {
  const file = 'fixtures/configs/model-lookups.yaml';
  const r = runCli(['lint', '--no-config', '--format', 'json', file]);
  assert.equal(r.status, 0, r.stderr);
  const cli = (JSON.parse(r.stdout) as { diagnostics: { ruleId: string; line: number; column: number; message: string }[] }).diagnostics;
  const own = (await lintFile(file, { rules })).diagnostics;
  const brief = (d: { ruleId: string; line: number; column: number; message: string }) => `${d.line}:${d.column} ${d.ruleId} ${d.message}`;
  assert.deepEqual(cli.map(brief).sort(), own.map(brief).sort());
  // Both findings need two context windows from the map (gpt-4o, gpt-3.5-turbo, claude-3-haiku).
  assert.equal(cli.filter((d) => d.ruleId === 'fallbacks/smaller-context').length, 2);
  assert.match(cli.map((d) => d.message).join('\n'), /16\.4k/);
});
