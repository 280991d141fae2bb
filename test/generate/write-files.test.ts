import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { CliError } from '../../src/cli/errors.js';
import { runGenerate } from '../../src/generate/index.js';
import { writeFilesAtomic } from '../../src/util/write-files.js';
import { FIXTURES } from './promtool-helpers.js';

function withDir(fn: (dir: string) => Promise<void>): () => Promise<void> {
  return async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gwcfg-write-'));
    try {
      await fn(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

const gateway = new URL('gateway.yaml', FIXTURES).pathname;

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t: string) => void out.push(t), stderr: (t: string) => void err.push(t) };
}

describe('writeFilesAtomic', () => {
  test('writes every file, creating the directory', withDir(async (dir) => {
    const target = join(dir, 'nested', 'out');
    await writeFilesAtomic([{ path: join(target, 'a.txt'), content: 'A' }, { path: join(target, 'b.txt'), content: 'B' }]);
    assert.equal(readFileSync(join(target, 'a.txt'), 'utf8'), 'A');
    assert.equal(readFileSync(join(target, 'b.txt'), 'utf8'), 'B');
  }));

  test('property: when any target exists, nothing is written and the error names it (exit 2)', withDir(async (dir) => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }), async (existing) => {
        const sub = mkdtempSync(join(dir, 'case-'));
        const files = existing.map((_, i) => ({ path: join(sub, `f${i}.txt`), content: `new ${i}` }));
        existing.forEach((e, i) => e && writeFileSync(files[i].path, 'old'));
        const anyExisting = existing.some(Boolean);
        if (anyExisting) {
          await assert.rejects(writeFilesAtomic(files), (e) => {
            assert.ok(e instanceof CliError && e.exitCode === 2);
            existing.forEach((ex, i) => assert.equal(e.message.includes(`f${i}.txt`), ex));
            return true;
          });
          existing.forEach((e, i) => assert.equal(existsSync(files[i].path) ? readFileSync(files[i].path, 'utf8') : undefined, e ? 'old' : undefined));
        } else {
          await writeFilesAtomic(files);
        }
        // --force always writes everything.
        await writeFilesAtomic(files, { force: true });
        files.forEach((f, i) => assert.equal(readFileSync(f.path, 'utf8'), `new ${i}`));
        assert.deepEqual(readdirSync(sub).sort(), files.map((_, i) => `f${i}.txt`)); // no temp files left behind
      }),
      { numRuns: 30 },
    );
  }));
});

describe('runGenerate', () => {
  test('writes the three files, then refuses to overwrite without --force', withDir(async (dir) => {
    const s = io();
    await runGenerate({ kind: 'all', configFile: gateway, output: dir, force: false, options: {}, ...s });
    assert.deepEqual(readdirSync(dir).sort(), ['litellm-dashboard.json', 'litellm.rules.yml', 'prometheus.yml']);
    const before = readFileSync(join(dir, 'litellm.rules.yml'), 'utf8');
    await assert.rejects(
      runGenerate({ kind: 'rules', configFile: gateway, output: dir, force: false, options: { errorRatio: 0.2 }, ...io() }),
      (e) => e instanceof CliError && e.exitCode === 2 && e.message.includes('litellm.rules.yml') && e.message.includes('--force'),
    );
    assert.equal(readFileSync(join(dir, 'litellm.rules.yml'), 'utf8'), before);
    await runGenerate({ kind: 'rules', configFile: gateway, output: dir, force: true, options: { errorRatio: 0.2 }, ...io() });
    assert.notEqual(readFileSync(join(dir, 'litellm.rules.yml'), 'utf8'), before);
  }));

  test('-o - prints to stdout and writes nothing; warnings go to stderr', withDir(async (dir) => {
    const s = io();
    const minimal = new URL('minimal.yaml', FIXTURES).pathname;
    await runGenerate({ kind: 'all', configFile: minimal, output: '-', force: false, options: {}, ...s });
    assert.match(s.out.join(''), /^# ---- gwcfg: prometheus\.yml ----\n/);
    assert.match(s.err.join(''), /warning: .*prometheus/);
    assert.deepEqual(readdirSync(dir), []);
  }));

  test('usage errors are CliErrors (exit 2)', async () => {
    const cases: [string, string, object][] = [
      ['nagios', gateway, {}],
      ['all', '/nonexistent/config.yaml', {}],
      ['all', gateway, { scheme: 'gopher' }],
    ];
    for (const [kind, configFile, options] of cases) {
      await assert.rejects(runGenerate({ kind, configFile, output: '-', force: false, options, ...io() }), (e) => e instanceof CliError && e.exitCode === 2);
    }
  });
});
