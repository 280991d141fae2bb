// Every YAML-loading case of the hostile-input campaign (test/fixtures/yaml/hostile, see its
// README): gwcfg's exact verdict, position and message, as PyYAML safe_load (LiteLLM's loader)
// decides it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfigBytes } from '../../src/config/load.js';
import { parseSource } from '../../src/config/document.js';

const DIR = join(import.meta.dirname, '../fixtures/yaml/hostile');
const load = (name: string) => loadConfigBytes(name, readFileSync(join(DIR, name)));

interface Expected {
  ruleId: string;
  at: [number, number];
  message: RegExp;
}

// Unknown tags and complex keys are reported where PyYAML marks the node: its first tag or anchor,
// or a block mapping's first key.
const rejected: Record<string, Expected> = {
  'undefined-alias.yaml': { ruleId: 'yaml/syntax', at: [2, 5], message: /^undefined alias '\*nope': no anchor '&nope' is defined before it/ },
  'merge-scalar.yaml': { ruleId: 'yaml/bad-merge', at: [6, 7], message: /^'<<' needs a mapping or a list of mappings to merge, got a scalar/ },
  'merge-list-of-scalars.yaml': { ruleId: 'yaml/bad-merge', at: [1, 10], message: /^'<<' merges mappings, but this list holds a scalar/ },
  'stray-cr-in-comment.yaml': { ruleId: 'yaml/syntax', at: [3, 11], message: /^this ':' ends a key that starts on an earlier line, .*mapping values are not allowed here/ },
  'unknown-tag.yaml': { ruleId: 'yaml/unknown-tag', at: [4, 14], message: /^unknown tag '!Ref': PyYAML safe_load .*\(could not determine a constructor for the tag '!Ref'\)/ },
  'python-tag.yaml': { ruleId: 'yaml/unknown-tag', at: [2, 17], message: /^unknown tag '!!python\/object:os.system'/ },
  'raw-control-char.yaml': { ruleId: 'yaml/syntax', at: [2, 18], message: /^control character U\+001B \(ESC\) is not allowed in YAML: PyYAML .*"unacceptable character #x001b"/ },
  'tab-after-colon.yaml': { ruleId: 'yaml/syntax', at: [2, 16], message: /^tab character where PyYAML allows only spaces/ },
  'complex-key.yaml': { ruleId: 'yaml/complex-key', at: [5, 3], message: /^a list cannot be a mapping key: PyYAML safe_load fails with "found unhashable key"/ },
  'multi-doc-js-api-advice.yaml': { ruleId: 'yaml/multi-document', at: [5, 1], message: /^a second YAML document starts here; .*"expected a single document in the stream"/ },
  'mutant-collection-key-node-warning.yaml': { ruleId: 'yaml/complex-key', at: [32, 4], message: /^a mapping cannot be a mapping key/ },
  'mutant-control-char-miss.yaml': { ruleId: 'yaml/syntax', at: [69, 13], message: /^control character U\+001B/ },
  'binary-called-mapping.yaml': { ruleId: 'schema/type', at: [5, 25], message: /got binary data \(5 bytes\); the !!binary tag makes PyYAML decode base64 into bytes/ },
  'timestamp-called-mapping.yaml': { ruleId: 'schema/type', at: [5, 20], message: /got date 2024-02-01; PyYAML .* reads an unquoted date or time as a timestamp, not a string: quote it, e.g. '2024-02-01'/ },
};

for (const [file, want] of Object.entries(rejected)) {
  test(`hostile ${file}: ${want.ruleId} at ${want.at.join(':')}`, async () => {
    const loaded = await load(file);
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
    assert.equal(errors.length, 1, JSON.stringify(errors));
    const [d] = errors;
    assert.equal(d.ruleId, want.ruleId);
    assert.deepEqual([d.line, d.column], want.at);
    assert.match(d.message, want.message);
    assert.doesNotMatch(d.message, /alias bomb|parseAllDocuments|got a mapping|Maximum call stack/);
    // eslint-disable-next-line no-control-regex
    assert.doesNotMatch(d.message, /[\x00-\x08\x0b-\x1f\x7f]/, 'no raw control character echoed');
  });
}

test('hostile merge-self.yaml: a mapping that merges itself loads, as in PyYAML', async () => {
  const loaded = await load('merge-self.yaml');
  assert.deepEqual(loaded.diagnostics, []);
  assert.deepEqual((loaded.value as { router_settings: unknown }).router_settings, { num_retries: 2 });
});

test('hostile cr-only-line-ends.yaml: a lone CR is a line break (Python universal newlines)', async () => {
  const loaded = await load('cr-only-line-ends.yaml');
  assert.deepEqual(loaded.diagnostics, []);
  assert.deepEqual((loaded.value as { model_list: unknown }).model_list, [{ model_name: 'm', litellm_params: { model: 'openai/gpt-4o' } }]);
  // Positions count the CR as a line break too.
  const parsed = parseSource('cr.yaml', Buffer.from('a: 1\rb: [\r'));
  assert.equal(parsed.diagnostics[0].line, 3);
});

test('hostile y-n-not-booleans-in-pyyaml.yaml: y and n are strings to PyYAML', async () => {
  const loaded = await load('y-n-not-booleans-in-pyyaml.yaml');
  assert.deepEqual(loaded.diagnostics, []);
  assert.deepEqual((loaded.value as { model_list: { model_name: unknown }[] }).model_list.map((m) => m.model_name), ['n', 'y']);
});

test('an anchor aliased 9,000 times is refused by counting, not expanding (bench/yaml.ts has the speed ratio)', async () => {
  // The campaign's case is a 100,000-item anchor; 20,000 items (180 million values expanded) keeps
  // the test quick and still far over the limit.
  const text = `x-a: &a [${Array(20_000).fill('1').join(',')}]\nmodel_list:\n  - model_name: m\n    litellm_params:\n      model: openai/gpt-4o\nx-b: [${Array(9000).fill('*a').join(',')}]\n`;
  const loaded = await loadConfigBytes('amplification.yaml', Buffer.from(text));
  const [d, ...rest] = loaded.diagnostics.filter((x) => x.severity === 'error');
  assert.equal(rest.length, 0);
  assert.equal(d.ruleId, 'yaml/alias-limit');
  assert.deepEqual([d.line, d.column], [6, 7]);
  assert.match(d.message, /^aliases expand this file by more than 1,000,000 values/);
});

test('aliases below the expansion limit share one value instead of copies', async () => {
  const loaded = await loadConfigBytes('shared.yaml', Buffer.from('x-a: &a {k: [1, 2, 3]}\nx-b: [*a, *a, *a]\nmodel_list: []\n'));
  assert.deepEqual(loaded.diagnostics.filter((d) => d.ruleId.startsWith('yaml/')), []);
  const value = loaded.value as { 'x-a': unknown; 'x-b': unknown[] };
  assert.ok(value['x-b'].every((v) => v === value['x-a']));
});

// `array.push(...items)` passes every item as an argument: past ~120,000 items it throws
// "Maximum call stack size exceeded", which gwcfg reported as an internal error (found by a
// fresh-user check). Input-sized arrays are appended with a loop (util/append.ts).
test('150,000 duplicate keys and a merge of a 150,000-key mapping load (no stack overflow)', async () => {
  const dup = await loadConfigBytes('dup.yaml', new TextEncoder().encode('a: 1\n'.repeat(150_000)));
  // one yaml/duplicate-key per repeat, and the key itself is unknown to LiteLLM
  assert.equal(dup.diagnostics.filter((d) => d.ruleId === 'yaml/duplicate-key').length, 149_999);
  const keys = Array.from({ length: 150_000 }, (_, i) => `  k${i}: ${i}\n`).join('');
  const merged = await loadConfigBytes('merge.yaml', new TextEncoder().encode(`base: &b\n${keys}x:\n  <<: *b\n`));
  assert.equal(Object.keys((merged.value as { x: object }).x).length, 150_000);
});
