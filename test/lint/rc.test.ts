import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseRc, findRc, settingsFor, checkRcIds, parseRuleFlags, type KnownRules } from '../../src/lint/rc.js';
import { globToRegExp } from '../../src/lint/glob.js';
import { parseDotenv, buildEnv } from '../../src/lint/env.js';

const known: KnownRules = { ruleIds: new Set(['weights/partial', 'secrets/literal']), builtinIds: new Set(['schema/unknown-key']) };
const rc = (text: string, file = '/proj/.gwcfg.yaml') => parseRc(file, new TextEncoder().encode(text));

test('rc: severities, [severity, options], warn alias, overrides by glob', () => {
  const config = rc(`rules:
  weights/partial: off
  secrets/literal: [error, { minEntropy: 3.5 }]
  schema/unknown-key: warn
overrides:
  - files: ["prod/**"]
    rules:
      weights/partial: error
  - files: "*.staging.yaml"
    rules:
      secrets/literal: warning
`);
  const base = settingsFor('/proj/dev/a.yaml', config);
  assert.deepEqual(Object.fromEntries([...base].map(([k, v]) => [k, [v.severity, v.options]])), {
    'weights/partial': ['off', undefined],
    'secrets/literal': ['error', { minEntropy: 3.5 }],
    'schema/unknown-key': ['warning', undefined],
  });
  const prod = settingsFor('/proj/prod/eu/a.yaml', config);
  assert.equal(prod.get('weights/partial')!.severity, 'error');
  const staging = settingsFor('/proj/x/y/app.staging.yaml', config);
  assert.deepEqual([staging.get('secrets/literal')!.severity, staging.get('secrets/literal')!.options], ['warning', { minEntropy: 3.5 }], 'severity-only override keeps the options');
  const cli = settingsFor('/proj/prod/a.yaml', config, parseRuleFlags(['weights/partial:warn'], known));
  assert.equal(cli.get('weights/partial')!.severity, 'warning', '--rule wins over overrides');
});

test('rc errors are one line with file:line:col of the bad key or value', () => {
  assert.throws(() => rc('rules:\n  weights/partial: offf\n'), /^CliError: \/proj\/\.gwcfg\.yaml:2:20: .*must be/);
  assert.throws(() => rc('rulez:\n  weights/partial: off\n'), (e: Error) => /^\/proj\/\.gwcfg\.yaml:1:1: unknown key 'rulez'.*did you mean 'rules'/.test(e.message) && !e.message.includes('LiteLLM'));
  assert.throws(() => rc('overrides:\n  - rules: {}\n'), /\.gwcfg\.yaml:2:\d+: .*missing required key 'files'/);
  assert.throws(() => rc('rules: [\n'), /\.gwcfg\.yaml:\d+:\d+: .*\[yaml\/syntax\]/);
  assert.throws(() => checkRcIds(rc('rules:\n  weights/partail: off\n'), known), /^CliError: \/proj\/\.gwcfg\.yaml:2:3: unknown rule 'weights\/partail'; did you mean 'weights\/partial'\?/);
  assert.throws(() => checkRcIds(rc('rules:\n  schema/unknown-key: [error, {a: 1}]\n'), known), /built-in check and takes no options/);
  assert.throws(() => parseRuleFlags(['weights/partial'], known), /expected <rule>:<severity>/);
  assert.throws(() => parseRuleFlags(['weights/partal:off'], known), /did you mean 'weights\/partial'/);
  assert.deepEqual(rc('# only comments\n').rules, []);
});

test('rc: litellm_version names the LiteLLM release rules check against; a bad one is a usage error at its position', () => {
  assert.equal(rc('litellm_version: 1.80\n').release?.minor, 80);
  assert.equal(rc('litellm_version: "2025"\n').release?.patch, 15, 'year alias');
  assert.equal(rc('rules: {}\n').release, undefined);
  assert.throws(() => rc('rules: {}\nlitellm_version: banana\n'), /^CliError: \/proj\/\.gwcfg\.yaml:2:18: litellm_version: expected a LiteLLM release/);
});

test('findRc searches upward and stops at a directory holding .git', () => {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'gwcfg-rc-')));
  mkdirSync(join(root, 'repo/.git'), { recursive: true });
  mkdirSync(join(root, 'repo/configs/prod'), { recursive: true });
  writeFileSync(join(root, '.gwcfg.yaml'), 'rules: {}\n');
  return (async () => {
    assert.equal(await findRc(join(root, 'repo/configs/prod')), null, 'the rc above the repository root is not used');
    writeFileSync(join(root, 'repo/.gwcfg.yaml'), 'rules: {}\n');
    assert.equal(await findRc(join(root, 'repo/configs/prod')), join(root, 'repo/.gwcfg.yaml'));
    writeFileSync(join(root, 'repo/configs/.gwcfg.yml'), 'rules: {}\n');
    assert.equal(await findRc(join(root, 'repo/configs/prod')), join(root, 'repo/configs/.gwcfg.yml'));
  })();
});

test('globs: *, **, ?, {a,b}, [..], bare names match at any depth, trailing / means below', () => {
  const m = (glob: string, path: string) => globToRegExp(glob).test(path);
  assert.ok(m('prod/**', 'prod/a.yaml') && m('prod/**', 'prod/x/y.yaml') && !m('prod/**', 'staging/prod.yaml'));
  assert.ok(m('*.yaml', 'a.yaml') && m('*.yaml', 'x/y/a.yaml') && !m('*.yaml', 'a.yml'));
  assert.ok(m('configs/*.y?ml', 'configs/a.yaml') && !m('configs/*.yaml', 'configs/x/a.yaml'));
  assert.ok(m('**/prod-*.{yaml,yml}', 'a/b/prod-eu.yml') && m('**/prod-*.{yaml,yml}', 'prod-eu.yaml'));
  assert.ok(m('env[0-9].yaml', 'env3.yaml') && !m('env[!0-9].yaml', 'env3.yaml'));
  assert.ok(m('prod/', 'prod/a/b.yaml') && m('./prod/*.yaml', 'prod/a.yaml'));
  assert.ok(m('a.b+c(d).yaml', 'a.b+c(d).yaml') && !m('a.b.yaml', 'aXb.yaml'));
  // .gitignore: a directory pattern with only a trailing slash matches at any depth; one with a
  // slash inside is anchored to where it is read from.
  assert.ok(m('legacy/', 'proj/legacy/old.yaml') && m('legacy/', 'legacy/old.yaml') && !m('legacy/', 'proj/legacy.yaml'));
  assert.ok(m('proj/legacy/', 'proj/legacy/old.yaml') && !m('proj/legacy/', 'x/proj/legacy/old.yaml'));
});

test('property: a glob without wildcards matches exactly its own path', () => {
  fc.assert(
    fc.property(fc.array(fc.stringMatching(/^[a-z0-9_+()$^-][a-z0-9._+()$^-]{0,7}$/), { minLength: 1, maxLength: 4 }), fc.stringMatching(/^[a-z]{1,3}$/), (segments, other) => {
      const path = segments.join('/');
      assert.ok(globToRegExp(path).test(path));
      assert.ok(!globToRegExp(path).test(`${path}${other}`));
    }),
  );
});

test('dotenv: comments, export, quotes, escapes, inline comments, multi-line values', () => {
  const env = parseDotenv(`# comment
OPENAI_API_KEY=sk-abc # inline
export AZURE_KEY = "a b"
SINGLE='x # y \\n'
DOUBLE="line\\nnext \\"q\\""
EMPTY=
MULTI="one
two"
URL=http://h/#frag
`);
  assert.deepEqual(Object.fromEntries(env), {
    OPENAI_API_KEY: 'sk-abc',
    AZURE_KEY: 'a b',
    SINGLE: 'x # y \\n',
    DOUBLE: 'line\nnext "q"',
    EMPTY: '',
    MULTI: 'one\ntwo',
    URL: 'http://h/#frag',
  });
  assert.throws(() => parseDotenv('A=1\nnot a line\n'), (e: Error & { line?: number }) => e.line === 2);
  assert.throws(() => parseDotenv('A="open\n'), /unclosed " quote/);
});

test('property: dotenv round-trips simple KEY=VALUE pairs', () => {
  fc.assert(
    fc.property(fc.dictionary(fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,10}$/), fc.stringMatching(/^[A-Za-z0-9/:._-]{0,20}$/)), (vars) => {
      const text = Object.entries(vars).map(([k, v], i) => (i % 2 ? `${k}=${v}` : `${k}="${v}"`)).join('\n');
      assert.deepEqual(Object.fromEntries(parseDotenv(text)), { ...vars });
    }),
  );
});

test('buildEnv: null unless asked; --env-file values win over process.env', async () => {
  assert.equal(await buildEnv(undefined, false), null);
  const dir = mkdtempSync(join(tmpdir(), 'gwcfg-env-'));
  writeFileSync(join(dir, '.env'), 'A=file\nB=2\n');
  const env = await buildEnv(join(dir, '.env'), true, { A: 'proc', C: '3' });
  assert.deepEqual(Object.fromEntries(env!), { A: 'file', B: '2', C: '3' });
  await assert.rejects(buildEnv(join(dir, 'missing.env'), false), /cannot read .*missing\.env: no such file/);
});
