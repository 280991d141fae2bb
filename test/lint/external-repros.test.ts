// The issue-9 repros (test/fixtures/external-repros, copied from real configs' mistakes): each
// behaves as its header says. False positives: the rule named in the header stays silent and the
// config has no error. Misses: the named rule reports at the named line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { loadConfigBytes } from '../../src/config/load.js';
import { lintConfig } from '../../src/lint/engine.js';
import { rules } from '../../src/lint/rules/index.js';
import type { Diagnostic } from '../../src/diagnostics/types.js';

const DIR = fileURLToPath(new URL('../fixtures/external-repros/', import.meta.url));

async function lint(file: string): Promise<Diagnostic[]> {
  const path = join(DIR, file);
  const loaded = await loadConfigBytes(path, new Uint8Array(readFileSync(path)));
  return lintConfig(loaded, { rules, env: null });
}

const show = (ds: Diagnostic[]) => ds.map((d) => `${d.line}:${d.column} ${d.severity} ${d.ruleId} ${d.message}`).join('\n') || '(none)';

/** False positives: the rule the header names must not fire, and nothing may be an error. */
const SILENT: Record<string, string[]> = {
  'fp-too-deep-sibling-count.yaml': ['fallbacks/too-deep'],
  'fp-smaller-context-group-min.yaml': ['fallbacks/smaller-context'],
  'fp-retry-after-unset.yaml': ['retries/no-backoff'],
  'fp-null-general-settings.yaml': ['schema/type'],
  'fp-placeholder-api-key.yaml': ['secrets/literal-secret'],
  'fp-allowed-fails-in-litellm-settings.yaml': ['cooldowns/single-deployment-no-fallback'],
  'fp-zero-cooldown-last-resort.yaml': ['cooldowns/zero-cooldown'],
};

/** Misses: [rule id, line] findings the header asks for. */
const FOUND: Record<string, Array<[string, number]>> = {
  'miss-literal-master-key-short.yaml': [['secrets/literal-secret', 10]],
};

for (const [file, ids] of Object.entries(SILENT)) {
  test(`external repro ${file}: ${ids.join(', ')} silent, no errors`, async () => {
    const found = await lint(file);
    assert.deepEqual(found.filter((d) => ids.includes(d.ruleId) || d.severity === 'error'), [], show(found));
  });
}

for (const [file, expected] of Object.entries(FOUND)) {
  test(`external repro ${file}: ${expected.map(([id, line]) => `${id} at line ${line}`).join(', ')}`, async () => {
    const found = await lint(file);
    for (const [id, line] of expected) assert.ok(found.some((d) => d.ruleId === id && d.line === line), `${id} at line ${line}; got:\n${show(found)}`);
  });
}
