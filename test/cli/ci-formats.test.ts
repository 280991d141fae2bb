// CI formats as CI tools read them: SARIF valid against the OASIS SARIF 2.1.0 schema (a copy in
// test/fixtures/sarif/) with real rule descriptions and absolute help links, JUnit where only
// errors fail, and the -o / --stdin-filename options of validate and lint.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import formats from 'ajv-formats';
import { ROOT, runCli } from '../helpers/cli.js';
import { REPOSITORY_URL } from '../../src/cli/version.js';

const schema = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8'));
// CommonJS default exports under NodeNext: the classes sit on `.default`.
const ajv = new AjvDraft04.default({ allErrors: true, strict: false });
formats.default(ajv);
const validateSarif = ajv.compile(schema);

const BROKEN = 'fixtures/configs/broken.yaml';
const MISTAKES = ['fixtures/corpus/mistakes/m01-weight-beside-params.yaml', 'fixtures/corpus/mistakes/m07-literal-key.yaml', 'fixtures/corpus/mistakes/m18-yaml-syntax.yaml'];
const WARNINGS_ONLY = 'model_list:\n  - model_name: a\n    litellm_params:\n      model: openai/gpt-4o\nrouter_settings:\n  window_size: 10\n';

interface SarifRule {
  id: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  helpUri: string;
}

for (const [name, args] of [
  ['validate', ['validate', BROKEN, 'fixtures/configs/gateway.yaml']],
  ['lint', ['lint', '--no-config', ...MISTAKES]],
] as const) {
  test(`${name} --format sarif with findings validates against the OASIS SARIF 2.1.0 schema`, () => {
    const r = runCli([...args, '-f', 'sarif']);
    assert.equal(r.status, 1, r.stderr);
    const log = JSON.parse(r.stdout);
    assert.ok(log.runs[0].results.length > 3);
    assert.ok(validateSarif(JSON.parse(r.stdout)), ajv.errorsText(validateSarif.errors));
    const driver = log.runs[0].tool.driver;
    assert.equal(driver.informationUri, REPOSITORY_URL);
    for (const rule of driver.rules as SarifRule[]) {
      assert.equal(rule.helpUri, `${REPOSITORY_URL}/blob/main/docs/rules/${rule.id}.md`);
      assert.ok(existsSync(join(ROOT, 'docs/rules', `${rule.id}.md`)), `${rule.id}: helpUri points at a page that does not exist`);
      assert.notEqual(rule.shortDescription.text, rule.id);
      assert.match(rule.shortDescription.text, /\S\.$/);
      assert.ok(rule.fullDescription.text.length > rule.shortDescription.text.length, `${rule.id}: fullDescription is not the page's explanation`);
    }
  });
}

test('the SARIF repository URL is the package.json repository', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  assert.equal(pkg.repository.url, `git+${REPOSITORY_URL}.git`);
  assert.equal(pkg.homepage, `${REPOSITORY_URL}#readme`);
});

test('junit: warnings pass unless --junit-warnings-as-failures; test cases carry file and line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gwcfg-junit-'));
  const file = join(dir, 'warn.yaml');
  writeFileSync(file, WARNINGS_ONLY);
  const plain = runCli(['validate', file, '-f', 'junit']);
  assert.equal(plain.status, 0);
  assert.doesNotMatch(plain.stdout, /<failure/);
  assert.match(plain.stdout, /<testsuites name="gwcfg" tests="1" failures="0">/);
  assert.match(plain.stdout, new RegExp(`<testcase name="schema/gwcfg-extension 6:3" classname="${file}" file="${file}" line="6">\\n\\s+<system-out>`));
  const strict = runCli(['validate', file, '-f', 'junit', '--junit-warnings-as-failures']);
  assert.equal(strict.status, 0, 'the exit code does not change');
  assert.match(strict.stdout, /<testsuites name="gwcfg" tests="1" failures="1">/);
  assert.match(strict.stdout, /<failure type="warning" message="/);
  const errors = runCli(['validate', BROKEN, '-f', 'junit']);
  assert.match(errors.stdout, /<testcase name="schema\/type 6:12" classname="fixtures\/configs\/broken.yaml" file="fixtures\/configs\/broken.yaml" line="6">\n\s+<failure type="error"/);
});

test('-o writes the report to a file (replacing it), stdout stays empty; an unwritable path is one line, exit 2', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gwcfg-out-'));
  const out = join(dir, 'report.sarif');
  writeFileSync(out, 'old');
  const r = runCli(['lint', '--no-config', BROKEN, '-f', 'sarif', '-o', out]);
  assert.equal(r.status, 1);
  assert.equal(r.stdout, '');
  assert.equal(JSON.parse(readFileSync(out, 'utf8')).version, '2.1.0');
  const v = runCli(['validate', BROKEN, '--output-file', join(dir, 'report.txt')]);
  assert.equal(v.stdout, '');
  assert.match(readFileSync(join(dir, 'report.txt'), 'utf8'), /^fixtures\/configs\/broken\.yaml:6:12 +error/m);
  assert.doesNotMatch(readFileSync(join(dir, 'report.txt'), 'utf8'), /\u001b\[/);
  const bad = runCli(['validate', BROKEN, '-o', join(dir, 'missing', 'r.txt')]);
  assert.equal(bad.status, 2);
  assert.equal(bad.stderr, `gwcfg: cannot write ${join(dir, 'missing', 'r.txt')}: no such directory (nothing was written)\n`);
});

test('--stdin-filename names stdin in findings for validate and lint', () => {
  const input = readFileSync(join(ROOT, BROKEN));
  const v = runCli(['validate', '-', '--stdin-filename', 'deploy/litellm.yaml', '-f', 'json'], { input });
  assert.ok(JSON.parse(v.stdout).diagnostics.every((d: { file: string }) => d.file === 'deploy/litellm.yaml'));
  const l = runCli(['lint', '--no-config', '-', '--stdin-filename', 'deploy/litellm.yaml'], { input });
  assert.match(l.stdout, /^deploy\/litellm\.yaml:6:12 +error/m);
  assert.doesNotMatch(l.stdout, /<stdin>/);
});
