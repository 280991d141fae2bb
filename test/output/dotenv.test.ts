// A --dotenv parse error names the file and line, never the line's content (issue 14).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';

test('a dotenv line that is not KEY=VALUE: file:line only, none of the key', () => {
  const r = runCli(['lint', 'config.yaml', '--dotenv', 'bad.env'], { cwd: 'test/fixtures/hygiene/dotenv' });
  assert.equal(r.status, 2);
  assert.equal(r.stderr, 'gwcfg: bad.env:1: expected KEY=VALUE (the line is not shown: dotenv files hold secrets)\n');
  assert.equal(r.stdout, '');
});

test('unclosed quotes and text after a closing quote name neither the variable nor the value', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gwcfg-dotenv-'));
  writeFileSync(join(dir, 'a.yaml'), 'model_list: []\n');
  writeFileSync(join(dir, 'open.env'), 'OK=1\nSECRET_NAME_X="sk-live-abcdef\n');
  writeFileSync(join(dir, 'after.env'), 'SECRET_NAME_Y="v" sk-live-abcdef\n');
  const open = runCli(['lint', 'a.yaml', '--dotenv', 'open.env'], { cwd: dir });
  assert.equal(open.stderr, 'gwcfg: open.env:2: unclosed " quote in a value\n');
  const after = runCli(['lint', 'a.yaml', '--dotenv', 'after.env'], { cwd: dir });
  assert.equal(after.stderr, 'gwcfg: after.env:1: unexpected text after the closing quote of a value\n');
});
