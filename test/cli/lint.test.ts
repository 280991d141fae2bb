import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync, readFileSync, copyFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, jsonDiagnostics, ROOT } from '../helpers/cli.js';

const WEIGHTS = join(ROOT, 'fixtures/seed/06-weighted-round-robin.yaml');

/** A temporary project: a directory holding .git (so the rc search stops there) and files. */
/** A repository (a directory holding .git) with these files, made in `parent` (default: a new temporary directory's place). */
function project(files: Record<string, string>, parent = tmpdir()): string {
  const dir = mkdtempSync(join(parent, 'gwcfg-lint-'));
  mkdirSync(join(dir, '.git'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const CLEAN = `model_list:
  - model_name: gpt-4o
    litellm_params:
      model: openai/gpt-4o
      api_key: os.environ/OPENAI_API_KEY
`;
const TYPO = `model_list:
  - model_name: gpt-4o
    litellm_params:
      model: openai/gpt-4o
router_settings:
  num_retires: 3
`;
const LITERAL_KEY = CLEAN.replace('os.environ/OPENAI_API_KEY', 'sk-proj-9fQ2xT7LmZ4wR8vN3kJ6hB1yC5dE0aG');

test('exit codes: 0 when clean, 1 for errors (schema or rule), 2 for usage errors with one line', () => {
  const dir = project({ 'clean.yaml': CLEAN, 'typo.yaml': TYPO, 'key.yaml': LITERAL_KEY });
  const clean = runCli(['lint', 'clean.yaml'], { cwd: dir });
  assert.equal(clean.status, 0, clean.stdout + clean.stderr);
  assert.equal(clean.stdout, '');
  assert.equal(runCli(['lint', 'typo.yaml'], { cwd: dir }).status, 1);
  const key = runCli(['lint', 'key.yaml', '-f', 'json'], { cwd: dir });
  assert.equal(key.status, 1);
  assert.ok(jsonDiagnostics(key).some((d) => d.ruleId === 'secrets/literal-secret' && d.line === 5 && d.severity === 'error'));
  for (const args of [['--rule', 'weights/partal:off'], ['--rule', 'weights/partial'], ['--config', 'missing.yaml'], ['--dotenv', 'missing.env'], ['--fix', '--fix-dry-run']]) {
    const r = runCli(['lint', 'clean.yaml', ...args], { cwd: dir });
    assert.equal(r.status, 2, args.join(' '));
    assert.equal(r.stderr.split('\n').filter(Boolean).length, 1, r.stderr);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  }
});

test('json output: Contract 2 with schema and rule findings, fixable flag, summary', () => {
  const r = runCli(['lint', WEIGHTS, '--no-config', '--format', 'json']);
  assert.equal(r.status, 1);
  const doc = JSON.parse(r.stdout);
  assert.equal(doc.version, 1);
  const moved = doc.diagnostics.filter((d: { ruleId: string }) => d.ruleId === 'weights/outside-litellm-params');
  assert.deepEqual(
    moved.map((d: { line: number; column: number; endColumn: number; fixable: boolean }) => [d.line, d.column, d.endColumn, d.fixable]),
    [
      [6, 5, 11, true],
      [13, 5, 11, true],
    ],
  );
  assert.ok(doc.diagnostics.some((d: { ruleId: string }) => d.ruleId === 'schema/gwcfg-extension'), 'lint includes validate findings');
  // The rule restates the schema's unknown-key warning at the same key, so only the rule's finding stays.
  assert.ok(!doc.diagnostics.some((d: { ruleId: string; line: number }) => d.ruleId === 'schema/unknown-key' && (d.line === 6 || d.line === 13)));
  assert.equal(doc.summary.files, 1);
  assert.equal(doc.summary.errors, doc.diagnostics.filter((d: { severity: string }) => d.severity === 'error').length);
  for (const d of doc.diagnostics) assert.ok(!('fix' in d), 'edits are not part of the JSON contract');
});

test('stylish, sarif and github formats; --quiet', () => {
  const stylish = runCli(['lint', WEIGHTS, '--no-config']);
  assert.match(stylish.stdout, /06-weighted-round-robin\.yaml:6:5 error .* \[weights\/outside-litellm-params\]\n\s+6 \|     weight: 70 # 70% of traffic\n\s+\|     \^\^\^\^\^\^/);
  assert.match(stylish.stdout, /2 can be fixed with --fix/);
  const sarif = JSON.parse(runCli(['lint', WEIGHTS, '--no-config', '-f', 'sarif']).stdout);
  const rule = sarif.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'weights/outside-litellm-params');
  assert.match(JSON.stringify(rule), /docs\/rules\/weights\/outside-litellm-params\.md/);
  const github = runCli(['lint', WEIGHTS, '--no-config'], { env: { GITHUB_ACTIONS: 'true' } });
  assert.match(github.stdout, /^::error file=.*,line=6,col=5,.*weights\/outside-litellm-params::/m);
  const quiet = runCli(['lint', WEIGHTS, '--no-config', '--quiet', '-f', 'json']);
  assert.ok(jsonDiagnostics(quiet).every((d) => d.severity === 'error'));
});

test('--fix rewrites a copy with minimal edits, idempotently; --fix-dry-run prints a diff and writes nothing', () => {
  const dir = project({});
  const file = join(dir, 'weights.yaml');
  copyFileSync(WEIGHTS, file);
  const before = readFileSync(file, 'utf8');
  const dry = runCli(['lint', 'weights.yaml', '--fix-dry-run'], { cwd: dir });
  assert.equal(readFileSync(file, 'utf8'), before, 'dry run writes nothing');
  assert.match(dry.stdout, /^--- weights\.yaml\n\+\+\+ weights\.yaml\n@@ /);
  assert.match(dry.stdout, /\n-    weight: 70 # 70% of traffic\n\+      weight: 70 # 70% of traffic\n/);
  assert.doesNotMatch(dry.stdout, /outside-litellm-params\]/, 'the report shows what would remain');
  const dryJson = runCli(['lint', 'weights.yaml', '--fix-dry-run', '-f', 'json'], { cwd: dir });
  assert.doesNotThrow(() => JSON.parse(dryJson.stdout), 'json stays parseable: the diff goes to stderr');
  assert.match(dryJson.stderr, /^--- weights\.yaml/);

  const fixed = runCli(['lint', 'weights.yaml', '--fix', '-f', 'json'], { cwd: dir });
  const after = readFileSync(file, 'utf8');
  assert.notEqual(after, before);
  assert.equal(after, before.replace('    weight: 70', '      weight: 70').replace('    weight: 30', '      weight: 30'));
  assert.ok(!jsonDiagnostics(fixed).some((d) => d.ruleId === 'weights/outside-litellm-params'));
  const mtime = statSync(file).mtimeMs;
  const again = runCli(['lint', 'weights.yaml', '--fix'], { cwd: dir });
  assert.equal(readFileSync(file, 'utf8'), after, 'a second --fix changes nothing');
  assert.equal(statSync(file).mtimeMs, mtime, 'and does not rewrite the file');
  assert.equal(again.status, fixed.status);
  assert.equal(runCli(['lint', '-', '--fix'], { input: before }).status, 2, '--fix cannot write to stdin');
});

test('directives suppress findings by id; unused and unknown directives are reported', () => {
  const text = TYPO.replace('  num_retires: 3', '  # gwcfg-disable-next-line schema/unknown-key -- wrapper reads it\n  num_retires: 3\n  num_retries: 2 # gwcfg-disable-line retries/too-many\n  # gwcfg-disable-next-line schema/unkown-key\n  timeout: 30');
  const dir = project({ 'a.yaml': text });
  const r = runCli(['lint', 'a.yaml', '-f', 'json'], { cwd: dir });
  const ds = jsonDiagnostics(r);
  assert.ok(!ds.some((d) => d.ruleId === 'schema/unknown-key'));
  assert.deepEqual(
    ds.map((d) => [d.ruleId, d.line]),
    [
      ['gwcfg/unused-directive', 8],
      ['gwcfg/unknown-rule', 9],
    ],
  );
  assert.match(ds[1].message, /did you mean 'schema\/unknown-key'/);
  assert.equal(r.status, 0, 'both are warnings');
});

test('.gwcfg.yaml: found upward, stops at .git, overrides by glob; --config and --no-config', () => {
  // The repository sits in a directory of its own, whose .gwcfg.yaml (outside the repository) is
  // never used; in the shared temporary directory that file would apply to every other test's
  // files there.
  const outside = mkdtempSync(join(tmpdir(), 'gwcfg-lint-outside-'));
  writeFileSync(join(outside, '.gwcfg.yaml'), 'rules: {}\n');
  const dir = project(
    {
      '.gwcfg.yaml': 'rules:\n  schema/unknown-key: off\noverrides:\n  - files: ["prod/**"]\n    rules:\n      schema/unknown-key: error\n',
      'dev/a.yaml': TYPO,
      'prod/eu/a.yaml': TYPO,
      'strict.yaml': 'rules:\n  schema/unknown-key: warning\n',
    },
    outside,
  );
  const dev = runCli(['lint', 'dev/a.yaml'], { cwd: dir });
  assert.equal(dev.status, 0, dev.stdout);
  const prod = runCli(['lint', 'prod/eu/a.yaml', '-f', 'json'], { cwd: dir });
  assert.equal(prod.status, 1);
  assert.equal(jsonDiagnostics(prod)[0].ruleId, 'schema/unknown-key');
  const fromSub = runCli(['lint', 'a.yaml'], { cwd: join(dir, 'dev') });
  assert.equal(fromSub.status, 0, 'found from the file directory, not the cwd');
  const explicit = runCli(['lint', 'prod/eu/a.yaml', '--config', 'strict.yaml', '-f', 'json'], { cwd: dir });
  assert.equal(explicit.status, 0);
  assert.equal(jsonDiagnostics(explicit)[0].severity, 'warning');
  assert.equal(runCli(['lint', 'dev/a.yaml', '--no-config'], { cwd: dir }).status, 1);
  assert.equal(runCli(['lint', 'dev/a.yaml', '--rule', 'schema/unknown-key:error'], { cwd: dir }).status, 1, '--rule wins');
});

test('.gwcfg.yaml mistakes are usage errors with file:line:col', () => {
  const dir = project({ 'a.yaml': CLEAN, '.gwcfg.yaml': 'rules:\n  retries/too-many: [error, { max: -1 }]\n' });
  const bad = runCli(['lint', 'a.yaml'], { cwd: dir });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /^gwcfg: .*\.gwcfg\.yaml:2:21: invalid options for rule 'retries\/too-many': option 'max' must be >= 0\n$/);
  writeFileSync(join(dir, '.gwcfg.yaml'), 'rules:\n  secrets/literal-secret: [error, { nope: 1 }]\n');
  assert.match(runCli(['lint', 'a.yaml'], { cwd: dir }).stderr, /takes no options/);
  writeFileSync(join(dir, '.gwcfg.yaml'), 'rules:\n  retries/too-many: [error, { max: 1 }]\n');
  const ok = runCli(['lint', 'a.yaml'], { cwd: dir });
  assert.equal(ok.status, 0, ok.stderr);
  writeFileSync(join(dir, '.gwcfg.yaml'), 'rules:\n  weights/partail: off\n');
  const unknown = runCli(['lint', 'a.yaml'], { cwd: dir });
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /\.gwcfg\.yaml:2:3: unknown rule 'weights\/partail'; did you mean 'weights\/partial'\?/);
  writeFileSync(join(dir, '.gwcfg.yaml'), 'rules:\n  weights/partial: sometimes\n');
  assert.match(runCli(['lint', 'a.yaml'], { cwd: dir }).stderr, /\.gwcfg\.yaml:2:20: /);
});

test('--max-warnings and --quiet', () => {
  const warn = 'model_list:\n  - model_name: a\n    litellm_params:\n      model: openai/gpt-4o\nrouter_settings:\n  window_size: 10\n';
  const dir = project({ 'w.yaml': warn });
  assert.equal(runCli(['lint', 'w.yaml'], { cwd: dir }).status, 0);
  const over = runCli(['lint', 'w.yaml', '--max-warnings', '0'], { cwd: dir });
  assert.equal(over.status, 1);
  assert.match(over.stderr, /too many warnings/);
  assert.equal(runCli(['lint', 'w.yaml', '--max-warnings', '5'], { cwd: dir }).status, 0);
});

test('--env-file and --check-env feed env/unset-variable', () => {
  const dir = project({ 'a.yaml': CLEAN, 'ok.env': '# keys\nOPENAI_API_KEY="sk-x"\n', 'other.env': 'OTHER=1\n' });
  assert.equal(runCli(['lint', 'a.yaml'], { cwd: dir }).status, 0, 'no env check unless asked');
  assert.equal(runCli(['lint', 'a.yaml', '--env-file', 'ok.env'], { cwd: dir }).status, 0);
  assert.equal(runCli(['lint', 'a.yaml', '--dotenv', 'ok.env'], { cwd: dir }).status, 0);
  const unset = runCli(['lint', 'a.yaml', '--env-file', 'other.env', '-f', 'json'], { cwd: dir });
  assert.equal(unset.status, 1);
  const [d] = jsonDiagnostics(unset);
  assert.deepEqual([d.ruleId, d.line], ['env/unset-variable', 5]);
  assert.equal(runCli(['lint', 'a.yaml', '--check-env'], { cwd: dir, env: { OPENAI_API_KEY: 'x' } }).status, 0);
  assert.equal(runCli(['lint', 'a.yaml', '--check-env'], { cwd: dir, env: { OPENAI_API_KEY: undefined } }).status, 1);
  writeFileSync(join(dir, 'bad.env'), 'A=1\nthis is not a pair\n');
  const bad = runCli(['lint', 'a.yaml', '--dotenv', 'bad.env'], { cwd: dir });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /bad\.env:2: expected KEY=VALUE/);
});

test('gwcfg rules lists every rule; --format json; gwcfg explain prints docs or suggests', () => {
  const text = runCli(['rules']);
  assert.equal(text.status, 0);
  assert.match(text.stdout, /^weights\/outside-litellm-params\s+error\s+✓\s+\S/m);
  const json = JSON.parse(runCli(['rules', '--format', 'json']).stdout);
  const ids = json.rules.map((r: { id: string }) => r.id);
  assert.ok(ids.includes('env/unset-variable') && !ids.includes('schema/type'));
  assert.ok(JSON.parse(runCli(['rules', '--all', '-f', 'json']).stdout).rules.some((r: { id: string }) => r.id === 'schema/type'));
  const explain = runCli(['explain', 'schema/unknown-key']);
  assert.equal(explain.status, 0);
  assert.match(explain.stdout, /^schema\/unknown-key\n/);
  assert.doesNotMatch(explain.stdout, /`|^#|\*\*/m, 'explain prints plain text, not Markdown');
  const unknown = runCli(['explain', 'schema/unknwn-key']);
  assert.equal(unknown.status, 2);
  assert.equal(unknown.stderr, "gwcfg: unknown rule 'schema/unknwn-key'; did you mean 'schema/unknown-key'? (gwcfg rules --all lists them)\n");
  // A rule named without its category, or only its first words, is suggested too.
  assert.match(runCli(['explain', 'literal-secret']).stderr, /did you mean 'secrets\/literal-secret'\?/);
  assert.match(runCli(['explain', 'weights/outside']).stderr, /did you mean 'weights\/outside-litellm-params'\?/);
});

test('lint --litellm-version: a release gwcfg does not know is a usage error (exit 2, one line)', () => {
  const dir = project({ 'clean.yaml': CLEAN });
  const good = runCli(['lint', '--litellm-version', '1.80', 'clean.yaml'], { cwd: dir });
  assert.equal(good.status, 0, good.stdout + good.stderr);
  const bad = runCli(['lint', '--litellm-version', 'banana', 'clean.yaml'], { cwd: dir });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--litellm-version: expected a LiteLLM release such as 1\.80/);
  assert.equal(bad.stderr.trim().split('\n').length, 1);
});

test('.gwcfg.yaml replicas: declared replicas turn on replicas/unshared-limits; a bad value is a usage error at its position', () => {
  const config = 'model_list:\n  - model_name: chat\n    litellm_params:\n      model: openai/gpt-4o\n      rpm: 60\nrouter_settings:\n  routing_strategy: usage-based-routing-v2\n';
  const dir = project({ 'a.yaml': config, '.gwcfg.yaml': 'replicas: 4\n' });
  const r = runCli(['lint', 'a.yaml', '--format', 'json'], { cwd: dir });
  const found = jsonDiagnostics(r).filter((d) => d.ruleId === 'replicas/unshared-limits');
  assert.equal(found.length, 1, r.stdout + r.stderr);
  assert.match(found[0].message, /up to 240 rpm/);
  const none = project({ 'a.yaml': config });
  assert.equal(jsonDiagnostics(runCli(['lint', 'a.yaml', '--format', 'json'], { cwd: none })).filter((d) => d.ruleId === 'replicas/unshared-limits').length, 0);
  const bad = project({ 'a.yaml': config, '.gwcfg.yaml': 'replicas: 0\n' });
  const b = runCli(['lint', 'a.yaml'], { cwd: bad });
  assert.equal(b.status, 2);
  assert.match(b.stderr, /\.gwcfg\.yaml:1:11: /);
});
