// Command-line conventions shared by every command: -v/--version, global options listed in each
// subcommand's help, list options without "(default: [])", one "gwcfg: warning:" prefix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, runCli } from '../helpers/cli.js';

const COMMANDS = ['validate', 'lint', 'simulate', 'calibrate', 'generate', 'check-metrics', 'rules', 'explain', 'schema'];

test('-v and --version print the package version', () => {
  const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
  for (const flag of ['-v', '--version']) {
    const r = runCli([flag]);
    assert.equal(r.status, 0);
    assert.equal(r.stdout, `${version}\n`);
  }
});

test('every subcommand help lists the global options and no empty list defaults', () => {
  for (const command of COMMANDS) {
    const r = runCli([command, '--help']);
    assert.equal(r.status, 0, command);
    assert.match(r.stdout, /Global Options:[\s\S]*--color[\s\S]*--no-color[\s\S]*--debug/, command);
    assert.doesNotMatch(r.stdout, /\(default: \[\]\)/, command);
  }
});

test('generate warnings carry the same gwcfg: warning: prefix as every other warning', () => {
  const r = runCli(['generate', 'rules', 'fixtures/configs/gateway.yaml', '-o', '-', '--latency-slo-ms', '1234']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /^gwcfg: warning: --latency-slo-ms 1234: /m);
  for (const line of r.stderr.trim().split('\n')) assert.match(line, /^gwcfg: /);
});

test('a config the Router refuses is reported at the file the user passed, with line and column', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gwcfg-polish-'));
  const file = join(dir, 'edge-gateway.yaml');
  writeFileSync(file, 'model_list:\n  - model_name: a\n    litellm_params:\n      model: openai/gpt-4o\nrouter_settings:\n  routing_strategy: least-bussy\n');
  const r = runCli(['simulate', file, '--requests', '10', '--no-progress']);
  assert.equal(r.status, 2, r.stderr);
  const last = r.stderr.trim().split('\n').at(-1)!;
  assert.ok(last.startsWith(`gwcfg: cannot simulate ${file}:6:21: Invalid routing_strategy 'least-bussy'`), last);
  assert.match(last, /Did you mean 'least-busy'\? Set router_settings\.routing_strategy to one of them\.$/);
  assert.doesNotMatch(r.stderr, /config\.yaml/);
});

test('a dist/ left by an older build is one line and exit 2, not a stack trace', () => {
  // The launcher runs the bundle as one wrapped expression; an unwrapped bundle from before that
  // change (a clone after `git pull`, not rebuilt) used to throw "require is not defined".
  const dir = mkdtempSync(join(tmpdir(), 'gwcfg-stale-'));
  mkdirSync(join(dir, 'bin'));
  mkdirSync(join(dir, 'dist'));
  for (const f of readdirSync(join(ROOT, 'bin'))) copyFileSync(join(ROOT, 'bin', f), join(dir, 'bin', f));
  writeFileSync(join(dir, 'dist/gwcfg.cjs'), "// gwcfg-build 0123456789abcdef\nconst u = require('node:url');\n");
  const r = spawnSync(process.execPath, [join(dir, 'bin/gwcfg.js'), '--version'], { encoding: 'utf8', env: { ...process.env, GWCFG_NO_CODE_CACHE: '1' } });
  assert.equal(r.status, 2);
  assert.equal(r.stderr, 'gwcfg: dist/gwcfg.cjs was built by another version of gwcfg; in a clone run `npm run build` (or `npm ci`)\n');
});

test('a command bundle left by an older build is one line and exit 2, not a stack trace', () => {
  // The command bundles (simulate.cjs, ...) run as wrapped expressions too (bin/gwcfg.js runBundle).
  const dir = mkdtempSync(join(tmpdir(), 'gwcfg-stale-'));
  mkdirSync(join(dir, 'bin'));
  mkdirSync(join(dir, 'dist'));
  for (const f of readdirSync(join(ROOT, 'bin'))) copyFileSync(join(ROOT, 'bin', f), join(dir, 'bin', f));
  for (const f of readdirSync(join(ROOT, 'dist'))) copyFileSync(join(ROOT, 'dist', f), join(dir, 'dist', f));
  writeFileSync(join(dir, 'dist/simulate.cjs'), "// gwcfg-build 0123456789abcdef\nconst u = require('node:url');\n");
  const r = spawnSync(process.execPath, [join(dir, 'bin/gwcfg.js'), 'simulate', join(ROOT, 'fixtures/configs/gateway.yaml'), '--requests', '5'], { encoding: 'utf8', env: { ...process.env, GWCFG_NO_CODE_CACHE: '1' } });
  assert.equal(r.status, 2);
  assert.equal(r.stderr, 'gwcfg: dist/simulate.cjs was built by another version of gwcfg; in a clone run `npm run build` (or `npm ci`)\n');
});
