// The package as users get it: `npm pack` (its prepack build) in a copy of the project, then
// `npm install -g <tarball>` into an empty prefix, and every command run from an unrelated folder.
// One pack and one install per test run; the copy keeps the project's own dist/ untouched while
// other test files run the CLI.
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { ROOT } from '../helpers/cli.js';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let work = '';
let tarball = '';
let packStdout = '';
let prefix = '';
let cacheDir = '';

function run(cmd: string, args: string[], options: SpawnSyncOptions = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 240_000, ...options });
  return { status: r.status ?? -1, stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? '') };
}

/** The project without tests, benches, the corpus, build output and node_modules (linked). */
function copyProject(to: string): void {
  const skip = new Set(['node_modules', 'dist', '.git', 'test', 'bench', 'corpus']);
  cpSync(ROOT, to, { recursive: true, filter: (src) => !relative(ROOT, src).split(sep).some((part) => skip.has(part)) });
  symlinkSync(join(ROOT, 'node_modules'), join(to, 'node_modules'), 'dir');
}

before(() => {
  work = mkdtempSync(join(tmpdir(), 'gwcfg-pack-'));
  const project = join(work, 'project');
  copyProject(project);
  const packed = run(npm, ['pack', '--pack-destination', work], { cwd: project });
  assert.equal(packed.status, 0, packed.stderr);
  packStdout = packed.stdout;
  tarball = join(work, packed.stdout.trim());
  prefix = join(work, 'prefix');
  cacheDir = join(work, 'cache');
  const installed = run(npm, ['install', '-g', tarball, '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund'], { cwd: work });
  assert.equal(installed.status, 0, installed.stderr);
});

after(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

test('npm pack prints only the tarball name on stdout (the prepack build talks on stderr)', () => {
  assert.match(packStdout, /^gwcfg-\d+\.\d+\.\d+\.tgz\n$/);
});

test('the tarball holds the CLI, schemas and rule docs, and no tests, sources or code cache', () => {
  const list = run('tar', ['-tzf', tarball]).stdout.split('\n').filter(Boolean).map((f) => f.replace(/^package\//, ''));
  for (const needed of ['bin/gwcfg.js', 'dist/gwcfg.cjs', 'dist/model-map.txt', 'dist/simulate.cjs', 'schemas/litellm-config.schema.json', 'docs/rules/weights/partial.md', 'package.json', 'README.md', 'LICENSE']) {
    assert.ok(list.includes(needed), `${needed} missing from the tarball`);
  }
  const unwanted = list.filter((f) => /^(test|bench|src|fixtures|scripts|\.ci)\/|\.cache$|\.v8cache$|\.test\./.test(f));
  assert.deepEqual(unwanted, []);
});

test('every command of the installed package works from an unrelated folder', () => {
  const bin = join(prefix, process.platform === 'win32' ? 'gwcfg.cmd' : join('bin', 'gwcfg'));
  const elsewhere = mkdtempSync(join(work, 'elsewhere-'));
  const config = join(elsewhere, 'litellm.yaml');
  writeFileSync(
    config,
    'model_list:\n  - model_name: gpt-4o\n    litellm_params:\n      model: openai/gpt-4o\n      api_key: os.environ/OPENAI_API_KEY\n      rpm: 60\n  - model_name: gpt-4o\n    litellm_params:\n      model: azure/gpt-4o\n      api_key: os.environ/AZURE_API_KEY\n      rpm: 60\nrouter_settings:\n  routing_strategy: simple-shuffle\n  num_retires: 2\n',
  );
  const env = { ...process.env, NO_COLOR: '1', GITHUB_ACTIONS: '', GWCFG_CACHE_DIR: cacheDir };
  const gwcfg = (...args: string[]) => run(bin, args, { cwd: elsewhere, env });

  const version = gwcfg('--version');
  assert.equal(version.status, 0, version.stderr);
  assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
  // The first run made the V8 code cache in the cache directory, not in the package.
  assert.ok(existsSync(cacheDir) && readdirSync(cacheDir).some((f) => f.endsWith('.v8cache')), 'no code cache written');

  const validate = gwcfg('validate', 'litellm.yaml');
  assert.equal(validate.status, 1);
  assert.match(validate.stdout, /^litellm\.yaml:14:3 +error .*num_retires.*did you mean 'num_retries'/m);

  const lint = gwcfg('lint', 'litellm.yaml', '-f', 'json');
  assert.equal(lint.status, 1);
  assert.ok(JSON.parse(lint.stdout).diagnostics.some((d: { ruleId: string }) => d.ruleId === 'schema/unknown-key'));

  const simulate = gwcfg('simulate', 'litellm.yaml', '--requests', '200', '-f', 'json', '--no-progress');
  assert.equal(simulate.status, 0, simulate.stderr);
  assert.equal(JSON.parse(simulate.stdout).totals.requests, 200);

  const generate = gwcfg('generate', 'rules', 'litellm.yaml', '-o', '-');
  assert.equal(generate.status, 0, generate.stderr);
  assert.match(generate.stdout, /^groups:/m);

  const explain = gwcfg('explain', 'weights/partial');
  assert.equal(explain.status, 0, explain.stderr);
  assert.match(explain.stdout, /^weights\/partial\n/);

  const schema = gwcfg('schema');
  assert.equal(schema.status, 0);
  assert.equal(JSON.parse(schema.stdout).$schema, 'https://json-schema.org/draft/2020-12/schema');
});
