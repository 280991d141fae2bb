import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lintConfig, runRules, fixesFor } from '../../src/lint/engine.js';
import { fixUntilStable } from '../../src/lint/fixer.js';
import { optionsProblem, checkSettingsOptions } from '../../src/lint/options.js';
import { load, noTpmRule, quotedNumberRule, rpmPairRule } from './helpers.js';
import { NEWEST_RELEASE, formatRelease, resolveRelease, type Release } from '../../src/routing/releases.js';

const rules = [noTpmRule, quotedNumberRule('rpm'), quotedNumberRule('tpm'), rpmPairRule];

const CONFIG = `model_list:
  - model_name: a
    litellm_params:
      model: openai/gpt-4o
      rpm: "600" # keep this comment
      tpm: 1000
  - model_name: a
    litellm_params:
      model: openai/gpt-4o-mini
router_settings:
  num_retires: 3
`;

test('lintConfig: schema findings, rule findings at the value, fix edits and sorting', async () => {
  const loaded = await load(CONFIG);
  const ds = lintConfig(loaded, { rules });
  const ids = ds.map((d) => `${d.line}:${d.column}:${d.ruleId}`);
  assert.deepEqual(ids, ['5:7:test/rpm-pair', '5:12:schema/type', '5:12:test/quoted-rpm', '7:5:test/no-tpm', '11:3:schema/unknown-key']);
  const quoted = ds.find((d) => d.ruleId === 'test/quoted-rpm')!;
  assert.deepEqual([quoted.line, quoted.column, quoted.endColumn, quoted.fixable, quoted.path], [5, 12, 17, true, 'model_list[0].litellm_params.rpm']);
  assert.ok(ds.some((d) => d.ruleId === 'schema/unknown-key' && d.line === 11));
  const noTpm = ds.filter((d) => d.ruleId === 'test/no-tpm');
  assert.deepEqual(noTpm.map((d) => d.line), [7]);
});

test('settings: off drops a rule or a schema id, severity overrides apply to both', async () => {
  const loaded = await load(CONFIG);
  const settings = new Map([
    ['test/no-tpm', { severity: 'off' as const }],
    ['schema/unknown-key', { severity: 'info' as const }],
    ['test/rpm-pair', { severity: 'error' as const }],
  ]);
  const ds = lintConfig(loaded, { rules, settings });
  assert.ok(!ds.some((d) => d.ruleId === 'test/no-tpm'));
  assert.equal(ds.find((d) => d.ruleId === 'schema/unknown-key')!.severity, 'info');
  assert.equal(ds.find((d) => d.ruleId === 'test/rpm-pair')!.severity, 'error');
});

test('a crashing rule becomes one error finding naming the rule; other rules still run', async () => {
  const crash = { meta: { ...noTpmRule.meta, id: 'test/crash' }, check: () => { throw new Error('boom'); } };
  const ds = runRules(await load(CONFIG), { rules: [crash, noTpmRule] });
  assert.ok(ds.some((d) => d.ruleId === 'test/crash' && /internal error in rule test\/crash: boom/.test(d.message)));
  assert.ok(ds.some((d) => d.ruleId === 'test/no-tpm'));
});

test('options: defaults merged, checked against meta.options, bad ones name the problem', async () => {
  assert.equal(await optionsProblem(noTpmRule, { min: 3 }), null);
  assert.match((await optionsProblem(noTpmRule, { min: -1 }))!, /option 'min' must be >= 0/);
  assert.match((await optionsProblem(noTpmRule, { mni: 1 }))!, /unknown option 'mni' \(known: min\)/);
  assert.match((await optionsProblem(quotedNumberRule('rpm'), { x: 1 }))!, /takes no options/);
  await assert.rejects(checkSettingsOptions(new Map([['test/no-tpm', { severity: 'error' as const, options: { min: 'x' }, where: '.gwcfg.yaml:3:20' }]]), rules), /^CliError: \.gwcfg\.yaml:3:20: invalid options for rule 'test\/no-tpm': option 'min' must be integer/);
});

async function fixAll(text: string) {
  return fixUntilStable(text, async (t) => {
    const loaded = await load(t);
    const ds = lintConfig(loaded, { rules });
    return { fixes: fixesFor(ds, 'test.yaml'), result: ds };
  });
}

test('fix: overlapping fixes are applied over several passes; comments and layout stay', async () => {
  const fixed = await fixAll(CONFIG);
  assert.equal(fixed.text, CONFIG.replace('rpm: "600"', 'rpm: 600'));
  assert.ok(fixed.passes >= 1);
  assert.ok(!fixed.result.some((d) => d.fixable));
});

/** Deployments with a random mix of fixable mistakes, comments and flow/block styles. */
const deployment = fc.record({
  name: fc.constantFrom('a', 'b', 'gpt-4o'),
  rpm: fc.option(fc.tuple(fc.integer({ min: 1, max: 99999 }), fc.constantFrom('plain', 'double', 'single')), { nil: undefined }),
  tpm: fc.option(fc.tuple(fc.integer({ min: 1, max: 99999 }), fc.constantFrom('plain', 'double', 'single')), { nil: undefined }),
  comment: fc.boolean(),
  flow: fc.boolean(),
});

interface Generated {
  name: string;
  rpm: [number, string] | undefined;
  tpm: [number, string] | undefined;
  comment: boolean;
  flow: boolean;
}

function render(ds: Generated[]): string {
  const q = ([n, style]: [number, string]) => (style === 'double' ? `"${n}"` : style === 'single' ? `'${n}'` : String(n));
  const lines = ['# generated', 'model_list:'];
  for (const d of ds) {
    lines.push(`  - model_name: ${d.name}${d.comment ? ' # group' : ''}`);
    const params = [['model', 'openai/gpt-4o'], ...(d.rpm ? [['rpm', q(d.rpm)]] : []), ...(d.tpm ? [['tpm', q(d.tpm)]] : [])];
    if (d.flow) lines.push(`    litellm_params: { ${params.map(([k, v]) => `${k}: ${v}`).join(', ')} }`);
    else {
      lines.push('    litellm_params:');
      for (const [k, v] of params) lines.push(`      ${k}: ${v}${d.comment ? ` # ${k} note` : ''}`);
    }
  }
  return lines.join('\n') + '\n';
}

test('property: fixing is idempotent, leaves no fixable finding and keeps every comment', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(deployment, { minLength: 1, maxLength: 6 }), async (list) => {
      const text = render(list);
      const once = await fixAll(text);
      assert.ok(!once.result.some((d) => d.fixable), 'no fixable finding remains');
      const twice = await fixAll(once.text);
      assert.equal(twice.text, once.text, 'a second fix changes nothing');
      assert.equal(twice.passes, 0);
      const comments = (s: string) => s.split('\n').map((l) => l.slice(l.indexOf('#'))).filter((l) => l.startsWith('#'));
      assert.deepEqual(comments(once.text), comments(text));
      // Only the quotes of fixable values changed.
      assert.equal(once.text.replace(/["']/g, ''), text.replace(/["']/g, ''));
    }),
    { numRuns: 60 },
  );
});

test('rules see the LiteLLM release being linted against (context.release; default the newest verified)', async () => {
  const seen: string[] = [];
  const probe = {
    meta: { id: 'test/release', description: 'records the release', severity: 'info' as const, fixable: false, docs: '' },
    check: (context: { release: Release }) => void seen.push(formatRelease(context.release)),
  };
  const loaded = await load(CONFIG);
  runRules(loaded, { rules: [probe as never] });
  runRules(loaded, { rules: [probe as never], release: resolveRelease('1.80') });
  assert.deepEqual(seen, [NEWEST_RELEASE, '1.80.15']);
});
