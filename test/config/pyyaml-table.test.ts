// Named cases where gwcfg once loaded YAML differently from PyYAML's safe_load (found by the
// differential test over many seeds, cut down), with PyYAML's verdict kept as data in
// test/fixtures/yaml/pyyaml-table.json: the value as typed JSON, "recursive" for a value that
// contains itself, or the error and its problem mark ([line, column] from 1; errors such as
// ValueError have none). pyyaml-differential.test.ts checks every recorded verdict against the
// real PyYAML on each CI run; this file needs no Python. A row's optional "gwcfg" says where
// gwcfg deliberately differs (docs/yaml.md): `recursive` (gwcfg refuses such a value) or `at`
// (PyYAML marks the anchored node an alias refers to, gwcfg the alias). Most rows failed before
// gwcfg modelled them; a few are neighbours that already held and guard the fix from going too
// far (a block entry in [...] still fails, a two-line first key still fails at its ':').
// Add a row: name and yaml, then `node scripts/pyyaml-table.mjs` fills in PyYAML's verdict.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gwcfgVerdict, normalize, TABLE, type Verdict } from './pyyaml-canon.js';

const CONSTRUCTOR_RULES = /^yaml\/(unknown-tag|bad-merge|complex-key|bad-value):/;
const SYNTAX_RULES = /^yaml\/(syntax|multi-document):/;

for (const row of TABLE) {
  const py = row.pyyaml;
  const verdict = py.value !== undefined ? 'loads' : py.recursive ? 'builds a self-referencing value' : `fails (${py.error}${py.problem ? ` at ${py.problem.join(':')}` : ''})`;
  test(`PyYAML table: ${row.name}: PyYAML ${verdict}`, () => {
    const ours: Verdict = gwcfgVerdict(Buffer.from(row.yaml));
    if (py.value !== undefined) {
      assert.equal(ours.error, undefined, `gwcfg rejects what PyYAML loads: ${ours.error} at ${ours.line}:${ours.column}`);
      assert.equal(ours.recursive, undefined, 'gwcfg calls the value recursive');
      assert.deepEqual(ours.value, normalize(py.value));
      return;
    }
    if (py.recursive) {
      assert.equal(ours.recursive, true, `PyYAML builds a value that contains itself, which gwcfg refuses as yaml/recursive-alias; gwcfg says ${JSON.stringify(ours)}`);
      return;
    }
    assert.ok(ours.error, `PyYAML rejects (${py.error}), gwcfg accepts`);
    const constructor = /^(ConstructorError|ValueError|IndexError|TypeError)/.test(py.error!);
    assert.match(ours.error!, constructor ? CONSTRUCTOR_RULES : SYNTAX_RULES);
    const at = row.gwcfg?.at ?? py.problem;
    if (at) assert.deepEqual([ours.line, ours.column], at, `gwcfg: ${ours.error}`);
  });
}
