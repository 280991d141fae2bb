// Reading LiteLLM's request logs: CSV (psql), JSON lines and JSON arrays give the same rows;
// every input error is positioned; memory stays bounded on large logs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { spawnSync } from 'node:child_process';
import { readLogRows, parseTimestampMs, LogInputError, type LogRow } from '../../src/traffic/spend-logs.js';
import { runCli, ROOT } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'gwcfg-logs-'));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
async function rows(path: string, kind: 'spend' | 'error' = 'spend'): Promise<LogRow[]> {
  const out: LogRow[] = [];
  for await (const r of readLogRows(path, kind)) out.push(r);
  return out;
}
async function failure(path: string, kind: 'spend' | 'error' = 'spend'): Promise<string> {
  try {
    await rows(path, kind);
  } catch (e) {
    assert.ok(e instanceof LogInputError, String(e));
    return e.format();
  }
  assert.fail('expected a LogInputError');
}

test('timestamps as psql, Prisma and Python write them', () => {
  const t = Date.UTC(2026, 10, 30, 10, 0, 0, 123);
  for (const s of ['2026-11-30 10:00:00.123+00', '2026-11-30T10:00:00.123Z', '2026-11-30 10:00:00.123', '2026-11-30T11:00:00.123+01:00', '2026-11-30 05:00:00.123-05', '2026-11-30T10:00:00.123000+00:00']) {
    assert.equal(parseTimestampMs(s), t, s);
  }
  assert.ok(Number.isNaN(parseTimestampMs('30/11/2026 10:00')));
});

const ROW = { request_id: 'r1', call_type: 'acompletion', startTime: '2026-11-30 10:00:00.000+00', endTime: '2026-11-30 10:00:02.000+00', completionStartTime: '2026-11-30 10:00:00.500+00', model: 'gpt-4o', model_id: 'abc', model_group: 'chat', api_base: 'https://x', prompt_tokens: 10, completion_tokens: 20, status: 'success', extra_column: 'ignored' };

test('CSV, JSON lines and a JSON array of the same rows read alike; extra columns are ignored', async () => {
  const cols = Object.keys(ROW);
  const csv = file('a.csv', `${cols.join(',')}\n${cols.map((c) => (ROW as Record<string, unknown>)[c]).join(',')}\n`);
  const jsonl = file('a.jsonl', `${JSON.stringify(ROW)}\n\n${JSON.stringify({ ...ROW, request_id: 'r2' })}\n`);
  const array = file('a.json', JSON.stringify([ROW, { ...ROW, request_id: 'r2' }], null, 1));
  const [c] = await rows(csv);
  const [j1, j2] = await rows(jsonl);
  const [a1, a2] = await rows(array);
  const strip = (r: LogRow) => ({ ...r, row: 0 });
  assert.deepEqual(strip(c), strip(j1));
  assert.deepEqual(strip(j1), strip(a1));
  assert.equal(c.row, 2, 'CSV rows count lines, the header being line 1');
  assert.equal(j2.row, 3, 'JSON lines count lines');
  assert.equal(a2.row, 2, 'JSON array rows count elements');
  assert.equal(c.startMs, Date.UTC(2026, 10, 30, 10));
  assert.equal(c.completionTokens, 20);
  assert.equal(a2.requestId, 'r2');
});

test('a missing required column is an error at the header', async () => {
  assert.equal(await failure(file('m.csv', 'request_id,startTime\nr1,2026-11-30 10:00:00+00\n')), `${dir}/m.csv:1: missing column 'model_group' (export them from LiteLLM_SpendLogs; names are case-sensitive)`);
  assert.match(await failure(file('m.jsonl', '{"startTime":"2026-11-30 10:00:00+00"}\n'), 'error'), /m\.jsonl:1: missing columns 'model_id', 'status_code'/);
  assert.match(await failure(file('m.json', '[{"startTime":"2026-11-30 10:00:00+00"}]')), /m\.json: row 1: missing column 'model_group'/);
});

test('a bad value is an error at its line (CSV, JSON lines) or row (JSON array)', async () => {
  assert.match(await failure(file('b.csv', 'startTime,model_group\n2026-11-30 10:00:00+00,chat\nyesterday,chat\n')), /b\.csv:3: column 'startTime': cannot read 'yesterday' as a timestamp/);
  assert.match(await failure(file('b.jsonl', '{"startTime":"2026-11-30 10:00:00+00","model_group":"c"}\n{"startTime": oops}\n')), /b\.jsonl:2: not valid JSON/);
  assert.match(await failure(file('b.json', '[{"startTime":"2026-11-30 10:00:00+00","model_group":"c"},{"startTime":"x","model_group":"c"}]')), /b\.json: row 2: column 'startTime'/);
  assert.match(await failure(file('c.csv', 'startTime,model_group\n2026-11-30 10:00:00+00,chat,extra\n')), /c\.csv:2: not valid CSV/);
  assert.match(await failure(file('e.csv', '')), /e\.csv: the file is empty/);
});

test('directories and FIFOs are refused without blocking', async () => {
  assert.match(await failure(dir), /: is a directory$/);
  const fifo = join(dir, 'fifo');
  spawnSync('mkfifo', [fifo]);
  assert.match(await failure(fifo), /: is a named pipe \(FIFO\), not a regular file; save the export to a file first$/);
});

test('calibrate prints positioned log errors and exits 1', () => {
  const bad = file('bad.csv', 'startTime,model_group\nnot-a-time,chat\n');
  const r = runCli(['calibrate', 'fixtures/traffic/config.yaml', '--spend-logs', bad, '-o', '-']);
  assert.equal(r.status, 1);
  assert.equal(r.stderr.trim(), `${bad}:2: column 'startTime': cannot read 'not-a-time' as a timestamp (e.g. 2026-11-30 10:00:00.123+00)`);
  const none = runCli(['calibrate', 'fixtures/traffic/config.yaml', '--spend-logs', join(dir, 'nope.csv'), '-o', '-']);
  assert.equal(none.status, 1);
  assert.match(none.stderr, /nope\.csv: no such file/);
});

test('a log of 400,000 rows calibrates in a 64 MB heap (rows are streamed, not held)', async () => {
  const path = join(dir, 'big.csv');
  const out = createWriteStream(path);
  out.write('startTime,endTime,model_group,model_id,status\n');
  const t0 = Date.UTC(2026, 10, 30);
  for (let i = 0; i < 400_000; i++) {
    const s = new Date(t0 + i * 250).toISOString();
    const e = new Date(t0 + i * 250 + 100 + (i % 97)).toISOString();
    if (!out.write(`${s},${e},chat,chat-eu,success\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  const r = spawnSync(process.execPath, ['--max-old-space-size=64', `${ROOT}bin/gwcfg.js`, 'calibrate', 'fixtures/traffic/config.yaml', '--spend-logs', path, '-o', '-', '--format', 'json'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.status, 0, r.stderr.slice(0, 500));
  const report = JSON.parse(r.stderr.slice(r.stderr.indexOf('{')));
  assert.equal(report.rows, 400_000);
  assert.equal(report.deployments[0].calls, 400_000);
});

test('log values and file names with control characters are escaped in messages', async () => {
  const path = file('esc\u001b[2J.csv', 'startTime,model_group\n\u001b[31mred,chat\n');
  const message = await failure(path);
  assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f]/.test(message), JSON.stringify(message));
  assert.match(message, /esc.*\.csv:2: column 'startTime'/);
});
