// Every planted mistake in the corpus (fixtures/corpus) must be reported at its line by `gwcfg lint`
// (schema diagnostics plus all rules), within one line of slack or at the alternative line.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../src/config/load.js';
import { runRules } from '../../src/lint/engine.js';
import { rules } from '../../src/lint/rules/index.js';

const dir = fileURLToPath(new URL('../../fixtures/corpus/mistakes/', import.meta.url));
const rows = readFileSync(`${dir}expect.tsv`, 'utf8')
  .split('\n')
  .slice(1)
  .filter((l) => l.trim() !== '')
  .map((l) => {
    const [file, line, mistake, alt] = l.split('\t');
    return { file, line: Number(line), mistake, alt: alt ? Number(alt) : null };
  });

describe('mistakes corpus: every planted mistake is reported at its line', () => {
  for (const file of [...new Set(rows.map((r) => r.file))]) {
    it(file, async () => {
      const loaded = await loadConfig(`${dir}${file}`);
      const found = [...loaded.diagnostics, ...runRules(loaded, { rules })];
      for (const row of rows.filter((r) => r.file === file)) {
        const hit = found.some((d) => Math.abs(d.line - row.line) <= 1 || d.line === row.alt);
        assert.ok(hit, `${file}:${row.line} (${row.mistake}) not reported; found:\n${found.map((d) => `${d.line}:${d.column} ${d.ruleId}`).join('\n')}`);
      }
    });
  }
});

describe('mistakes corpus: lint rules add the semantic finding where schema has none', () => {
  // Rows only a lint rule can catch, with the rule that must catch them exactly at the line.
  const expected: Array<[string, number, string]> = [
    ['m01-weight-beside-params.yaml', 6, 'weights/outside-litellm-params'],
    ['m01-weight-beside-params.yaml', 12, 'weights/outside-litellm-params'],
    ['m02-usage-no-limits.yaml', 3, 'strategies/usage-based-without-limits'],
    ['m03-seed-only-router-keys.yaml', 14, 'health/keys-in-router-settings'],
    ['m05-fallback-unknown.yaml', 7, 'fallbacks/unknown-group'],
    ['m06-fallback-self.yaml', 13, 'fallbacks/self-reference'],
    ['m07-literal-key.yaml', 5, 'secrets/literal-secret'],
    ['m11-zero-weights.yaml', 6, 'weights/all-zero'],
    ['m11-zero-weights.yaml', 11, 'weights/all-zero'],
    ['m14-cost-routing-unpriced.yaml', 3, 'strategies/cost-based-unpriced'],
    ['m15-duplicate-deployment.yaml', 6, 'duplicates/identical-deployment'],
    ['m17-latency-single.yaml', 7, 'strategies/single-deployment'],
    ['m20-general-health.yaml', 7, 'health/keys-in-router-settings'],
    ['m20-general-health.yaml', 8, 'health/keys-in-router-settings'],
  ];
  for (const [file, line, ruleId] of expected) {
    it(`${file}:${line} ${ruleId}`, async () => {
      const loaded = await loadConfig(`${dir}${file}`);
      const found = runRules(loaded, { rules });
      assert.ok(found.some((d) => d.line === line && d.ruleId === ruleId), found.map((d) => `${d.line} ${d.ruleId}`).join('\n'));
    });
  }
});
