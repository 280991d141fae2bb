// lint --fix never changes what a config means, beyond the intended move of `weight` into
// litellm_params, and keeps the file's line ends (issue 14, hostile/fix).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfigBytes } from '../../src/config/load.js';
import { lintFile } from '../../src/lint/run.js';
import { rules } from '../../src/lint/rules/index.js';
import { runCli } from '../helpers/cli.js';

type Entry = Record<string, unknown>;

/** What LiteLLM uses of each deployment: litellm_params with the entry-level weight moved in. */
async function meaning(text: string): Promise<unknown> {
  const loaded = await loadConfigBytes('m.yaml', new TextEncoder().encode(text));
  const value = loaded.value as { model_list?: Entry[] } & Entry;
  assert.ok(value, `loads: ${loaded.diagnostics.map((d) => d.message).join('; ')}`);
  const list = (value.model_list ?? []).map((entry) => {
    const { weight, ...rest } = entry;
    const params = { ...(entry.litellm_params as Entry) };
    if (params.weight === undefined && weight !== undefined) params.weight = weight;
    return { ...rest, litellm_params: params };
  });
  return { ...value, model_list: list };
}

const DIR = 'test/fixtures/hygiene/fix';

test('hostile/fix: each file keeps its meaning under lint --fix; unsafe moves are reported as not auto-fixable', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gwcfg-fix-'));
  const expectations: Record<string, { fixed: boolean; note?: RegExp }> = {
    'block-scalar-weight-lost.yaml': { fixed: false, note: /not auto-fixable: the value is not a one-line scalar/ },
    'anchor-shared-params.yaml': { fixed: false, note: /not auto-fixable: litellm_params is shared through a YAML anchor/ },
    'merged-params.yaml': { fixed: false, note: /not auto-fixable: the key comes from a merge key/ },
    'crlf-mixed-line-endings.yaml': { fixed: true },
  };
  for (const [name, want] of Object.entries(expectations)) {
    const file = join(dir, name);
    copyFileSync(join(DIR, name), file);
    const before = readFileSync(file, 'utf8');
    const r = runCli(['lint', file, '--fix', '-f', 'json']);
    const after = readFileSync(file, 'utf8');
    assert.deepEqual(await meaning(after), await meaning(before), name);
    assert.equal(after !== before, want.fixed, `${name} ${want.fixed ? 'fixed' : 'left alone'}`);
    const finding = JSON.parse(r.stdout).diagnostics.find((d: { ruleId: string }) => d.ruleId === 'weights/outside-litellm-params');
    if (want.note) {
      assert.match(finding.message, want.note);
      assert.equal(finding.fixable, false);
    } else assert.equal(finding, undefined);
    if (before.includes('\r\n')) assert.ok(!/[^\r]\n/.test(after), `${name}: every line still ends in CRLF:\n${JSON.stringify(after)}`);
  }
  assert.equal(readFileSync(join(dir, 'crlf-mixed-line-endings.yaml'), 'utf8'), 'model_list:\r\n  - model_name: a\r\n    litellm_params:\r\n      model: openai/gpt-4o\r\n      weight: 3   # move me\r\n');
});

// Random configs mixing every way a weight and litellm_params can be written.
const weightText = fc.oneof(
  fc.integer({ min: 0, max: 99 }).map((n) => ({ text: ` ${n}`, multi: false })),
  fc.integer({ min: 0, max: 99 }).map((n) => ({ text: ` "${n}"`, multi: false })),
  fc.integer({ min: 0, max: 99 }).map((n) => ({ text: ` ${n} # share`, multi: false })),
  fc.tuple(fc.constantFrom('>-', '|', '>', '|-'), fc.integer({ min: 0, max: 99 })).map(([s, n]) => ({ text: ` ${s}\n      ${n}`, multi: true })),
);
const entryArb = fc.record({
  weight: fc.option(weightText, { nil: undefined }),
  params: fc.constantFrom('plain', 'anchored', 'alias', 'merged', 'flow'),
  before: fc.boolean(),
  innerWeight: fc.boolean(),
});

function render(entries: { weight?: { text: string }; params: string; before: boolean; innerWeight: boolean }[], eol: string): string {
  const out = ['x-shared: &shared', '  litellm_params: &sp', '    model: openai/shared', 'model_list:'];
  let anchored = false;
  entries.forEach((e, i) => {
    const weight = e.weight ? [`    weight:${e.weight.text}`] : [];
    let params: string[];
    if (e.params === 'anchored' && !anchored) {
      anchored = true;
      params = ['    litellm_params: &p', `      model: openai/m${i}`];
    } else if (e.params === 'alias') params = [`    litellm_params: *${anchored ? 'p' : 'sp'}`];
    else if (e.params === 'merged') params = ['    <<: *shared'];
    else if (e.params === 'flow') params = [`    litellm_params: {model: openai/m${i}}`];
    else params = ['    litellm_params:', `      model: openai/m${i}`, ...(e.innerWeight ? ['      weight: 1'] : [])];
    out.push(`  - model_name: g${i % 2}`, ...(e.before ? [...weight, ...params] : [...params, ...weight]));
  });
  return out.join('\n').replace(/\n/g, eol) + eol;
}

test('property: lint --fix keeps the meaning of random configs (except the intended weight move) and their line ends', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gwcfg-fixprop-'));
  let moved = 0;
  let n = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(entryArb, { minLength: 1, maxLength: 5 }), fc.constantFrom('\n', '\r\n'), async (entries, eol) => {
      const text = render(entries, eol);
      const file = join(dir, `c${n++}.yaml`);
      writeFileSync(file, text);
      await lintFile(file, { rules, fix: 'write' });
      const fixed = readFileSync(file, 'utf8');
      assert.deepEqual(await meaning(fixed), await meaning(text), `before:\n${text}\nafter:\n${fixed}`);
      if (eol === '\r\n') assert.ok(!/[^\r]\n/.test(fixed), `mixed line ends:\n${JSON.stringify(fixed)}`);
      else assert.ok(!fixed.includes('\r'));
      if (fixed !== text) moved++;
    }),
    { numRuns: 150 },
  );
  assert.ok(moved > 10, `the property exercised the fix (${moved} configs changed)`);
});
