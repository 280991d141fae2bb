// Which files validate and lint check: YAML below a directory that is clearly not a LiteLLM
// config is skipped with a count on stderr, a named file is always checked, and ignore patterns
// (--ignore-pattern, `ignore:` in .gwcfg.yaml) drop files wherever they come from.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runCli } from '../helpers/cli.js';

const CONFIG = 'model_list:\n  - model_name: a\n    litellm_params:\n      model: openai/gpt-4o\n';
const BROKEN = `${CONFIG}router_settings:\n  num_retires: 2\n`;

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'gwcfg-select-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const files = (stdout: string) => [...new Set((JSON.parse(stdout).diagnostics as { file: string }[]).map((d) => d.file))].sort();

test('directory mode skips YAML that is not a LiteLLM config, with a count; a named file is always checked', () => {
  const dir = project({
    'deploy/litellm.yaml': BROKEN,
    'deploy/proxy.yml': '"general_settings": {}\n',
    'deploy/docker-compose.yml': 'services:\n  proxy:\n    image: ghcr.io/berriai/litellm\n',
    'deploy/k8s/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\n',
  });
  for (const command of ['validate', 'lint']) {
    const r = runCli([command, 'deploy', '-f', 'json'], { cwd: dir });
    assert.equal(r.status, 1, r.stderr);
    assert.deepEqual(files(r.stdout), ['deploy/litellm.yaml']);
    assert.equal(JSON.parse(r.stdout).summary.files, 2, 'litellm.yaml and proxy.yml are checked');
    assert.match(r.stderr, /^gwcfg: skipped 2 YAML file\(s\) in deploy with none of model_list, router_settings, litellm_settings, general_settings, include at the top level/m);
  }
  const named = runCli(['validate', 'deploy/docker-compose.yml', '-f', 'json'], { cwd: dir });
  assert.deepEqual(files(named.stdout), ['deploy/docker-compose.yml']);
  assert.doesNotMatch(named.stderr, /skipped/);
  const onlyOthers = runCli(['validate', 'deploy/k8s'], { cwd: dir });
  assert.equal(onlyOthers.status, 2);
  assert.match(onlyOthers.stderr, /^gwcfg: no LiteLLM configs found in directory deploy\/k8s \(1 other YAML file\(s\) skipped\)$/m);
});

test('--ignore-pattern drops matching files from directories, globs and the command line', () => {
  const dir = project({ 'configs/prod/litellm.yaml': BROKEN, 'configs/legacy/litellm.yaml': BROKEN, 'configs/dev.yaml': CONFIG });
  const r = runCli(['validate', 'configs', '--ignore-pattern', 'configs/legacy/', '--ignore-pattern', 'configs/prod/*', '-f', 'json'], { cwd: dir });
  assert.equal(r.status, 0, r.stdout);
  assert.equal(JSON.parse(r.stdout).summary.files, 1);
  assert.match(r.stderr, /^gwcfg: 2 file\(s\) not checked: they match an ignore pattern$/m);
  const named = runCli(['lint', 'configs/legacy/litellm.yaml', '--ignore-pattern', '**/legacy/**'], { cwd: dir });
  assert.equal(named.status, 0);
  assert.equal(named.stdout, '');
  const help = runCli(['validate', '--help']);
  assert.match(help.stdout, /--ignore-pattern <glob>/);
  assert.doesNotMatch(help.stdout, /\(default: \[\]\)/);
});

test('ignore: in .gwcfg.yaml is schema-checked and makes lint skip those files', () => {
  const dir = project({ '.gwcfg.yaml': 'ignore:\n  - legacy/\n', 'legacy/litellm.yaml': BROKEN, 'litellm.yaml': CONFIG });
  const r = runCli(['lint', '.', '-f', 'json'], { cwd: dir });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.equal(JSON.parse(r.stdout).summary.files, 1);
  assert.match(r.stderr, /1 file\(s\) not checked: they match an ignore pattern/);
  const bad = project({ '.gwcfg.yaml': 'ignore: legacy/\n', 'litellm.yaml': CONFIG });
  const e = runCli(['lint', 'litellm.yaml'], { cwd: bad });
  assert.equal(e.status, 2);
  assert.match(e.stderr, /^gwcfg: \S*\.gwcfg\.yaml:1:9: 'ignore' must be a list/m);
});
