// .pre-commit-hooks.yaml as pre-commit runs it: `pre-commit try-repo` installs gwcfg from this
// repository (language: node: npm install, npm pack, npm install -g of the tarball) and runs both
// hooks on a scratch git repository. Needs the `pre-commit` command (Debian package pre-commit,
// installed by .ci/run) and the npm registry or npm's cache for the dependencies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../helpers/cli.js';

const hasPreCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;

test('the hook file declares gwcfg-validate and gwcfg-lint as node hooks on LiteLLM YAML files', () => {
  const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string; files: string }[];
  assert.deepEqual(hooks.map((h) => [h.id, h.entry, h.language]), [['gwcfg-validate', 'gwcfg validate', 'node'], ['gwcfg-lint', 'gwcfg lint', 'node']]);
  // pre-commit matches `files` with Python's re.search; (?i) is a leading inline flag there.
  const files = new RegExp(hooks[0].files.replace(/^\(\?i\)/, ''), 'i');
  for (const yes of ['litellm.yaml', 'deploy/litellm/config.yaml', 'configs/LiteLLM-prod.yml']) assert.ok(files.test(yes), yes);
  for (const no of ['docker-compose.yml', 'k8s/deployment.yaml', 'litellm.json']) assert.ok(!files.test(no), no);
});

test('the README pre-commit snippet is a valid .pre-commit-config.yaml naming a hook of this repository', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const block = /```yaml\n(# \.pre-commit-config\.yaml\n[\s\S]*?)```/.exec(readme);
  assert.ok(block, 'no .pre-commit-config.yaml block in the README');
  const config = parse(block[1]) as { repos: { repo: string; rev: string; hooks: { id: string }[] }[] };
  assert.ok(Array.isArray(config.repos));
  assert.match(config.repos[0].repo, /^https:\/\//);
  assert.equal(typeof config.repos[0].rev, 'string');
  const ids = (parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string }[]).map((h) => h.id);
  assert.ok(config.repos[0].hooks.length > 0 && config.repos[0].hooks.every((h) => ids.includes(h.id)));
});

test('pre-commit try-repo installs gwcfg and runs both hooks on a scratch repository', { skip: hasPreCommit ? false : 'pre-commit is not installed (apt-get install pre-commit; .ci/run installs it)' }, () => {
  const work = mkdtempSync(join(tmpdir(), 'gwcfg-precommit-'));
  try {
    const repo = join(work, 'repo');
    mkdirSync(join(repo, 'deploy', 'litellm'), { recursive: true });
    writeFileSync(join(repo, 'deploy', 'litellm', 'config.yaml'), 'model_list:\n  - model_name: gpt-4o\n    litellm_params:\n      model: openai/gpt-4o\nrouter_settings:\n  num_retires: 2\n');
    writeFileSync(join(repo, 'litellm.yaml'), 'model_list:\n  - model_name: gpt-4o\n    litellm_params:\n      model: openai/gpt-4o\n');
    writeFileSync(join(repo, 'docker-compose.yml'), 'services:\n  proxy:\n    image: litellm\n');
    const git = (...args: string[]) => spawnSync('git', args, { cwd: repo, encoding: 'utf8' });
    git('init', '-q');
    git('add', '.');
    const env = { ...process.env, PRE_COMMIT_HOME: join(work, 'cache'), NO_COLOR: '1', GITHUB_ACTIONS: '', GWCFG_CACHE_DIR: join(work, 'v8') };
    const r = spawnSync('pre-commit', ['try-repo', ROOT, '--all-files', '--color', 'never'], { cwd: repo, env, encoding: 'utf8', timeout: 600_000 });
    const out = `${r.stdout}${r.stderr}`;
    assert.equal(r.status, 1, out);
    assert.match(out, /gwcfg validate\.+Failed/);
    assert.match(out, /gwcfg lint\.+Failed/);
    assert.match(out, /deploy\/litellm\/config\.yaml:6:3 +error .*num_retires/);
    assert.doesNotMatch(out, /docker-compose|litellm\.yaml:\d/);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
