// `gwcfg generate` through the built CLI: what users see on stderr and in the exit code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../helpers/cli.js';

test('generate warns about a config with validation errors and still generates', () => {
  const r = runCli(['generate', 'rules', 'fixtures/configs/broken.yaml', '-o', '-']);
  assert.equal(r.status, 0);
  assert.match(r.stderr, /fixtures\/configs\/broken\.yaml has 5 validation error\(s\); generating anyway/);
  assert.match(r.stdout, /^groups:/m);
});

test('generate refuses a file that is not YAML, in one line with its position', () => {
  const r = runCli(['generate', 'rules', 'fixtures/corpus/mistakes/m18-yaml-syntax.yaml', '-o', '-']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^gwcfg: cannot generate from .*m18-yaml-syntax\.yaml: .*m18-yaml-syntax\.yaml:5:6 /);
  assert.equal(r.stderr.trim().split('\n').length, 1);
  assert.equal(r.stdout, '');
});
