import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { comments, parseDirectives } from '../../src/lint/directives.js';
import { lintConfig } from '../../src/lint/engine.js';
import { load, noTpmRule } from './helpers.js';

const rules = [noTpmRule];

test('comments are read with exact offsets; # inside quotes and block scalars is not a comment', () => {
  const text = '# top\na: "x # not" # c1\nb: |\n  # inside\nc: [1, # flow\n  2]\n';
  const found = comments(text);
  assert.deepEqual(found.map((c) => c.text), ['# top', '# c1', '# flow']);
  for (const c of found) assert.equal(text.slice(c.offset, c.offset + c.text.length), c.text);
});

test('property: comment offsets always point at the comment text', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.constantFrom('k', 'key_2', '"q # x"', "'s#'"), fc.option(fc.stringMatching(/^[a-z #-]{0,12}$/), { nil: undefined })), { maxLength: 8 }), (lines) => {
      const text = lines.map(([v, c], i) => `k${i}: ${v}${c === undefined ? '' : ` #${c}`}`).join('\n');
      const found = comments(text);
      assert.equal(found.length, lines.filter(([, c]) => c !== undefined).length);
      for (const c of found) assert.equal(text.slice(c.offset, c.offset + c.text.length), c.text);
    }),
  );
});

test('comments(text, until) are the comments that start at or before until (parseDirectives stops the lexer after the last gwcfg-disable)', () => {
  const pieces = ['# gwcfg-disable-next-line a/b', 'k: v # gwcfg-disable-line', 'q: "x # gwcfg-disable c/d"', 'b: |\n  # gwcfg-disable in a block scalar\n  more', "s: 'gwcfg-disable'", 'l: [1, # gwcfg-disable-line e/f\n  2]', '# plain comment', 'm:\n  - x # tail', 'n: 1'];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 8 }), fc.nat(), (lines, cut) => {
      const text = lines.join('\n') + '\n';
      const all = comments(text);
      const until = text.length === 0 ? 0 : cut % text.length;
      assert.deepEqual(comments(text, until), all.filter((c) => c.offset <= until));
      const last = text.lastIndexOf('gwcfg-disable');
      assert.deepEqual(comments(text, last), all.filter((c) => c.offset <= last));
      // Every directive is found, wherever the last 'gwcfg-disable' is (a comment or not).
      const expected = all.filter((c) => /^#\s*gwcfg-disable/.test(c.text)).map((c) => c.offset);
      assert.deepEqual(parseDirectives(text).map((d) => d.start), expected);
    }),
    { numRuns: 500 },
  );
});

test('parseDirectives: kinds, rule lists, reasons, target lines (skipping comment lines)', () => {
  const text = [
    '# gwcfg-disable test/no-tpm',
    'a: 1 # gwcfg-disable-line schema/type, schema/enum -- legacy',
    '# gwcfg-disable-next-line -- everything',
    '# another comment',
    '',
    'b: 2',
    '# gwcfg-disabled not a directive',
  ].join('\n');
  const ds = parseDirectives(text);
  assert.deepEqual(
    ds.map((d) => [d.kind, d.rules, d.reason, d.line, d.targetLine]),
    [
      ['disable', ['test/no-tpm'], null, 1, null],
      ['disable-line', ['schema/type', 'schema/enum'], 'legacy', 2, 2],
      ['disable-next-line', null, 'everything', 3, 6],
    ],
  );
});

const BASE = `model_list:
  - model_name: a
    litellm_params:
      model: openai/gpt-4o
router_settings:
  num_retires: 3
`;

test('disable-next-line suppresses schema and rule findings by id on the next line only', async () => {
  const text = BASE.replace('  - model_name: a', '  # gwcfg-disable-next-line test/no-tpm -- fine\n  - model_name: a').replace('  num_retires', '  # gwcfg-disable-next-line schema/unknown-key\n  num_retires');
  const ds = lintConfig(await load(text), { rules });
  assert.deepEqual(ds, []);
});

test('disable-line and file-level disable; no rule means all rules', async () => {
  let ds = lintConfig(await load(BASE.replace('num_retires: 3', 'num_retires: 3 # gwcfg-disable-line')), { rules });
  assert.deepEqual(ds.map((d) => d.ruleId), ['test/no-tpm']);
  ds = lintConfig(await load('# gwcfg-disable test/no-tpm\n' + BASE), { rules });
  assert.deepEqual(ds.map((d) => d.ruleId), ['schema/unknown-key']);
  ds = lintConfig(await load(BASE + '# gwcfg-disable\n'), { rules });
  assert.deepEqual(ds, []);
});

test('unused directives and unknown rule ids are reported at the comment', async () => {
  const text = BASE.replace('  num_retires: 3', '  num_retires: 3 # gwcfg-disable-line schema/type, schema/unknown-key\n  # gwcfg-disable-next-line test/no-tmp\n  num_retries: 1');
  const ds = lintConfig(await load(text), { rules });
  const unused = ds.find((d) => d.ruleId === 'gwcfg/unused-directive')!;
  assert.equal(unused.severity, 'warning');
  assert.equal(unused.line, 6);
  assert.match(unused.message, /'schema\/type' reported nothing on line 6/);
  assert.equal(text.split('\n')[5].slice(unused.column - 1, unused.endColumn - 1), '# gwcfg-disable-line schema/type, schema/unknown-key');
  const unknown = ds.find((d) => d.ruleId === 'gwcfg/unknown-rule')!;
  assert.equal(unknown.line, 7);
  assert.match(unknown.message, /unknown rule 'test\/no-tmp'; did you mean 'test\/no-tpm'\?/);
  assert.ok(ds.some((d) => d.ruleId === 'test/no-tpm'), 'the misspelt directive suppresses nothing');
  const off = lintConfig(await load(text), { rules, settings: new Map([['gwcfg/unused-directive', { severity: 'off' as const }], ['gwcfg/unknown-rule', { severity: 'error' as const }]]) });
  assert.ok(!off.some((d) => d.ruleId === 'gwcfg/unused-directive'));
  assert.equal(off.find((d) => d.ruleId === 'gwcfg/unknown-rule')!.severity, 'error');
});

test('directives work on files with YAML errors (yaml/duplicate-key)', async () => {
  const text = 'router_settings:\n  num_retries: 1\n  num_retries: 2 # gwcfg-disable-line yaml/duplicate-key\n';
  assert.deepEqual(lintConfig(await load(text), { rules }), []);
});
