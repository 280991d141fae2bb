import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, jsonDiagnostics, ROOT } from '../helpers/cli.js';

const GOOD = 'fixtures/configs/gateway.yaml';
const BROKEN = 'fixtures/configs/broken.yaml';

test('a valid config exits 0 with no output', () => {
  const r = runCli(['validate', GOOD]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, '');
});

test('stylish output: file:line:col severity message [rule], the source line and a caret', () => {
  const r = runCli(['validate', BROKEN]);
  assert.equal(r.status, 1);
  const lines = r.stdout.split('\n');
  const i = lines.findIndex((l) => l.startsWith(`${BROKEN}:6:12 error`));
  assert.ok(i >= 0, r.stdout);
  assert.match(lines[i], /\[schema\/type\]$/);
  assert.match(lines[i + 1], /^\s+6 \|\s+rpm: lots$/);
  assert.equal(lines[i + 2].indexOf('^'), lines[i + 1].indexOf('lots'));
  assert.equal(lines[i + 2].trim().replace(/^\|\s*/, ''), '^^^^');
  assert.match(r.stdout, /✖ 6 problems \(5 errors, 1 warning\)/);
  assert.doesNotMatch(r.stdout, /\u001b\[/, 'NO_COLOR disables colour');
});

test('json output follows Contract 2 and points at keys and values', () => {
  const r = runCli(['validate', BROKEN, '--format', 'json']);
  assert.equal(r.status, 1);
  const doc = JSON.parse(r.stdout);
  assert.equal(doc.version, 1);
  assert.deepEqual(doc.summary, { files: 1, errors: 5, warnings: 1, infos: 0 });
  const byRule = (id: string) => doc.diagnostics.filter((d: { ruleId: string }) => d.ruleId === id);
  const [typo] = byRule('schema/unknown-key').filter((d: { line: number }) => d.line === 8);
  assert.deepEqual([typo.line, typo.column, typo.endLine, typo.endColumn, typo.severity], [8, 1, 8, 15, 'error']);
  assert.match(typo.message, /did you mean 'router_settings'/);
  const [misplaced] = byRule('schema/unknown-key').filter((d: { line: number }) => d.line === 7);
  assert.match(misplaced.message, /litellm_params\.weight/);
  const [enumError] = byRule('schema/enum');
  assert.deepEqual([enumError.line, enumError.column, enumError.path], [11, 21, 'router_settings.routing_strategy']);
  assert.match(enumError.message, /did you mean 'latency-based-routing'/);
  const [range] = byRule('schema/range');
  assert.match(range.message, /must be ≥ 0, got integer -5/);
  const [extension] = byRule('schema/gwcfg-extension');
  assert.equal(extension.severity, 'warning');
  for (const d of doc.diagnostics) for (const key of ['file', 'ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'fixable']) assert.ok(key in d, key);
});

test('github format is chosen under GitHub Actions and escapes properly', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gwcfg-'));
  const file = join(dir, 'a,b:c.yaml');
  writeFileSync(file, 'model_list:\n  - model_name: "x"\n    litellm_params:\n      model: openai/gpt-4o\n      rpm: "50%\\nmore"\n');
  const r = runCli(['validate', file], { env: { GITHUB_ACTIONS: 'true' } });
  assert.equal(r.status, 1);
  const line = r.stdout.trim();
  assert.match(line, /^::error file=.*a%2Cb%3Ac\.yaml,line=5,col=12,endLine=5,endColumn=\d+,title=gwcfg schema\/type::/);
  assert.match(line, /50%25%0Amore|50%25\\nmore/);
  assert.equal(line.split('\n').length, 1);
});

test('sarif output is SARIF 2.1.0 with rules and regions', () => {
  const r = runCli(['validate', BROKEN, '-f', 'sarif']);
  const log = JSON.parse(r.stdout);
  assert.equal(log.version, '2.1.0');
  const run = log.runs[0];
  assert.equal(run.tool.driver.name, 'gwcfg');
  assert.equal(run.results.length, 6);
  const result = run.results.find((x: { ruleId: string }) => x.ruleId === 'schema/type');
  assert.equal(run.tool.driver.rules[result.ruleIndex].id, 'schema/type');
  assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 6, startColumn: 12, endLine: 6, endColumn: 16 });
  assert.equal(result.level, 'error');
});

test('junit output has one suite per file, failures for errors (not warnings) and a passing case for clean files', () => {
  const r = runCli(['validate', BROKEN, GOOD, '-f', 'junit']);
  assert.match(r.stdout, /^<\?xml/);
  assert.match(r.stdout, /<testsuite name="fixtures\/configs\/broken.yaml" tests="6" failures="5"/);
  assert.match(r.stdout, /<testsuite name="fixtures\/configs\/gateway.yaml" tests="1" failures="0"/);
  assert.match(r.stdout, /&apos;lots&apos;/);
});

test('--max-warnings turns warnings into a failing exit code', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gwcfg-'));
  const file = join(dir, 'warn.yaml');
  writeFileSync(file, 'model_list:\n  - model_name: a\n    litellm_params:\n      model: openai/gpt-4o\nrouter_settings:\n  window_size: 10\n');
  assert.equal(runCli(['validate', file]).status, 0);
  assert.equal(runCli(['validate', file, '--max-warnings', '1']).status, 0);
  const r = runCli(['validate', file, '--max-warnings', '0']);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /too many warnings/);
  const quiet = runCli(['validate', file, '--quiet', '--format', 'json']);
  assert.equal(JSON.parse(quiet.stdout).diagnostics.length, 0);
  assert.equal(runCli(['validate', file, '--max-warnings', 'x']).status, 2);
});

test('stdin, directories and globs', () => {
  const text = readFileSync(join(ROOT, BROKEN), 'utf8');
  const stdin = runCli(['validate', '-', '--format', 'json'], { input: text });
  assert.equal(stdin.status, 1);
  assert.equal(jsonDiagnostics(stdin)[0].file, '<stdin>');
  const dir = runCli(['validate', 'fixtures/configs', '--format', 'json']);
  const files = new Set(jsonDiagnostics(dir).map((d) => d.file));
  assert.ok(files.has('fixtures/configs/broken.yaml'));
  assert.equal(JSON.parse(dir.stdout).summary.files >= 2, true);
  const glob = runCli(['validate', 'fixtures/configs/g*.yaml', '--format', 'json']);
  assert.equal(glob.status, 0);
  assert.equal(JSON.parse(glob.stdout).summary.files, 1);
});

test('unreadable input: one line on stderr, exit 2, no stack trace', () => {
  const missing = runCli(['validate', 'no/such/file.yaml']);
  assert.equal(missing.status, 2);
  assert.equal(missing.stderr, 'gwcfg: cannot read no/such/file.yaml: no such file or directory\n');
  const dir = mkdtempSync(join(tmpdir(), 'gwcfg-'));
  mkdirSync(join(dir, 'empty'));
  const empty = runCli(['validate', join(dir, 'empty')]);
  assert.equal(empty.status, 2);
  assert.match(empty.stderr, /^gwcfg: no YAML files/);
  assert.equal(empty.stderr.split('\n').length, 2);
  const badFlag = runCli(['validate', GOOD, '--format', 'xml']);
  assert.equal(badFlag.status, 2);
  assert.doesNotMatch(badFlag.stderr, /at .*\.js:\d+/);
});

test('bad input files are findings (exit 1) with a position, never a stack trace', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gwcfg-'));
  const cases: Record<string, [string | Buffer, string]> = {
    'empty.yaml': ['', 'yaml/empty'],
    'list.yaml': ['- a\n', 'yaml/not-a-mapping'],
    'latin1.yaml': [Buffer.from([0x61, 0x3a, 0x20, 0xe9, 0x0a]), 'yaml/encoding'],
    'binary.yaml': [Buffer.from([0, 1, 2, 3]), 'yaml/binary'],
    'tabs.yaml': ['model_list:\n\t- a\n', 'yaml/syntax'],
    'quote.yaml': ['general_settings:\n  database_url: "postgres://x\n', 'yaml/syntax'],
  };
  for (const [name, [content, ruleId]] of Object.entries(cases)) {
    writeFileSync(join(dir, name), content);
    const r = runCli(['validate', join(dir, name), '--format', 'json']);
    assert.equal(r.status, 1, name);
    assert.equal(r.stderr, '', name);
    const [d] = jsonDiagnostics(r);
    assert.equal(d.ruleId, ruleId, name);
    assert.ok(d.line >= 1 && d.column >= 1);
  }
});

test('colour: --color forces it, NO_COLOR and --no-color turn it off', () => {
  assert.match(runCli(['--color', 'validate', BROKEN]).stdout, /\u001b\[/);
  assert.match(runCli(['validate', BROKEN], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } }).stdout, /\u001b\[/);
  assert.doesNotMatch(runCli(['--no-color', 'validate', BROKEN], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } }).stdout, /\u001b\[/);
});

test('gwcfg schema prints the config schema', () => {
  const r = runCli(['schema']);
  assert.equal(r.status, 0);
  const schema = JSON.parse(r.stdout);
  assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.ok(schema.properties.model_list);
});

test('--version matches package.json', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  assert.equal(runCli(['--version']).stdout.trim(), pkg.version);
});

test('usage errors from option parsing read like every gwcfg error: "gwcfg: ...", exit 2', () => {
  for (const args of [['lint', '--bogus', 'x.yaml'], ['simulate', 'fixtures/configs/gateway.yaml', '--format', 'bogus'], ['bogus']]) {
    const r = runCli(args);
    assert.equal(r.status, 2, args.join(' '));
    assert.match(r.stderr, /^gwcfg: (unknown option '--bogus'|option '-f, --format <name>' argument 'bogus' is invalid|unknown command 'bogus')/, r.stderr);
    assert.doesNotMatch(r.stderr, /^error:/m);
  }
});
