// Real LiteLLM configs must lint without errors (warnings allowed). Prints which rules warn
// where, so the findings on real configs can be reviewed.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { glob } from 'tinyglobby';
import { loadConfig } from '../../src/config/load.js';
import { runRules } from '../../src/lint/engine.js';
import { rules } from '../../src/lint/rules/index.js';

const dir = fileURLToPath(new URL('../../fixtures/corpus/litellm/', import.meta.url));

it('real configs produce no lint errors', async () => {
  const files = (await glob('**/*.yaml', { cwd: dir })).sort();
  assert.ok(files.length > 50, `corpus not found at ${dir}`);
  const errors: string[] = [];
  const summary = new Map<string, string[]>();
  for (const file of files) {
    const loaded = await loadConfig(`${dir}${file}`);
    for (const d of runRules(loaded, { rules })) {
      const where = `${file}:${d.line}`;
      if (d.severity === 'error') errors.push(`${where} ${d.ruleId} ${d.message}`);
      else summary.set(`${d.severity} ${d.ruleId}`, [...(summary.get(`${d.severity} ${d.ruleId}`) ?? []), where]);
    }
  }
  const lines = [...summary].sort().map(([rule, where]) => `  ${rule} (${where.length}): ${where.slice(0, 4).join(', ')}${where.length > 4 ? ', …' : ''}`);
  console.log(`lint findings on the real corpus (${files.length} files):\n${lines.join('\n')}`);
  assert.deepEqual(errors, []);
});
