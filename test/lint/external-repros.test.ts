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
  'miss-shell-style-env-refs.yaml': [['env/shell-style-reference', 9], ['env/shell-style-reference', 17], ['env/shell-style-reference', 19]],
  'miss-completion-model-override.yaml': [['settings/completion-model', 9]],
  'miss-litellm-settings-cooldown-time.yaml': [['settings/wrong-section', 12]],
  'miss-misplaced-mcp-servers-drop-params.yaml': [['settings/wrong-section', 10], ['settings/wrong-section', 11]],
  'miss-litellm-params-rpm-limit.yaml': [['settings/dead-setting', 11], ['settings/dead-setting', 12]],
  'miss-unknown-settings-keys.yaml': [11, 12, 13, 14, 16, 17].map((line) => ['settings/unknown-key', line]),
  'miss-health-check-interval-only.yaml': [['settings/dead-setting', 9]],
  'miss-template-placeholders.yaml': [['values/unreplaced-placeholder', 8], ['values/unreplaced-placeholder', 14], ['values/unreplaced-placeholder', 15]],
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
