// Real LiteLLM configs must lint without errors (warnings allowed). Prints which rules warn
// where, so the findings on real configs can be reviewed. Issue 9 ("noise"): a rule that fires on
// most real configs is a banner, so no rule may fire on more than NOISE_SHARE of them, and the
// cooldown rules that describe a whole config report at most once per config.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { glob } from 'tinyglobby';
import { loadConfig } from '../../src/config/load.js';
import { runRules } from '../../src/lint/engine.js';
import { rules } from '../../src/lint/rules/index.js';
import type { Diagnostic } from '../../src/diagnostics/types.js';

const dir = fileURLToPath(new URL('../../fixtures/corpus/litellm/', import.meta.url));

/** Largest share of the real configs one rule may fire on. */
const NOISE_SHARE = 0.25;
/** Rules that summarise a config in one finding (the groups listed in it). */
const ONCE_PER_CONFIG = ['cooldowns/all-cooled-no-fallback', 'cooldowns/single-deployment-no-fallback'];

let findings: Promise<Map<string, Diagnostic[]>> | null = null;
function lintCorpus(): Promise<Map<string, Diagnostic[]>> {
  findings ??= (async () => {
    const files = (await glob('**/*.yaml', { cwd: dir })).sort();
    assert.ok(files.length > 50, `corpus not found at ${dir}`);
    const out = new Map<string, Diagnostic[]>();
    for (const file of files) out.set(file, runRules(await loadConfig(`${dir}${file}`), { rules }));
    return out;
  })();
  return findings;
}

it('real configs produce no lint errors', async () => {
  const errors: string[] = [];
  const summary = new Map<string, string[]>();
  const all = await lintCorpus();
  for (const [file, ds] of all) {
    for (const d of ds) {
      const where = `${file}:${d.line}`;
      if (d.severity === 'error') errors.push(`${where} ${d.ruleId} ${d.message}`);
      else summary.set(`${d.severity} ${d.ruleId}`, [...(summary.get(`${d.severity} ${d.ruleId}`) ?? []), where]);
    }
  }
  const lines = [...summary].sort().map(([rule, where]) => `  ${rule} (${where.length}): ${where.slice(0, 4).join(', ')}${where.length > 4 ? ', …' : ''}`);
  console.log(`lint findings on the real corpus (${all.size} files):\n${lines.join('\n')}`);
  assert.deepEqual(errors, []);
});

it(`no rule fires on more than ${NOISE_SHARE * 100}% of the real configs; config-wide cooldown rules report once per config`, async () => {
  const all = await lintCorpus();
  const configsPerRule = new Map<string, number>();
  const repeated: string[] = [];
  for (const [file, ds] of all) {
    for (const id of new Set(ds.map((d) => d.ruleId))) configsPerRule.set(id, (configsPerRule.get(id) ?? 0) + 1);
    for (const id of ONCE_PER_CONFIG) if (ds.filter((d) => d.ruleId === id).length > 1) repeated.push(`${file}: ${id}`);
  }
  const noisy = [...configsPerRule].filter(([, n]) => n > all.size * NOISE_SHARE).map(([id, n]) => `${id} fires on ${n} of ${all.size}`);
  assert.deepEqual(noisy, []);
  assert.deepEqual(repeated, []);
});
