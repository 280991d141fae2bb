// The result must not depend on how the run is driven: in one go (pipe, --no-progress), in tenths
// (plain progress lines) or in wall-clock-sized slices (the terminal view).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRun, type SimJob } from '../../src/sim/job.js';
import { buildResult } from '../../src/sim/result.js';
import { resultJson } from '../../src/sim/report/json.js';
import { runWithPlainProgress } from '../../src/sim/progress.js';
import { driveInSlices } from '../../src/ui/live.js';
import { fixture } from './helpers.js';

// A capacity-1 provider with a long call timeout: its queue-timeout timer fires far after the
// arrival window, and requests stop before the expected end (count mode).
const SATURATED = {
  model_list: [{ model_name: 'q', litellm_params: { model: 'openai/q', timeout: 20000 } }],
  router_settings: { num_retries: 0, disable_cooldowns: true },
};
const SATURATED_SCENARIO = `duration: 60s
traffic:
  - { model: q, rate: 5/s }
deployments:
  - { match: { index: 0 }, capacity: 1, error_rate: 0, latency: { dist: constant, value: 1s } }
`;

const JOBS: Array<[string, SimJob]> = [
  ['failover fixture', { config: fixture('multi-region-failover.config.yaml').config, scenario: { file: 's', text: fixture('multi-region-failover.scenario.yaml').text } }],
  ['saturated queue with a far-off timeout', { config: SATURATED, scenario: { file: 's', text: SATURATED_SCENARIO } }],
  ['request count that ends early', { config: SATURATED, scenario: { file: 's', text: SATURATED_SCENARIO }, requests: 40 }],
];

for (const [name, job] of JOBS) {
  test(`JSON is byte-identical whether progress is off, plain lines or live slices (${name})`, async () => {
    const quiet = createRun(job);
    quiet.advance(Infinity);
    const expected = resultJson(buildResult(quiet));

    const plain = createRun(job);
    const lines: string[] = [];
    runWithPlainProgress(plain, 't', (l) => lines.push(l));
    assert.ok(lines.length >= 2);
    assert.equal(resultJson(buildResult(plain)), expected, 'plain progress changed the result');

    const live = createRun(job);
    let slices = 0;
    await driveInSlices(live, () => {
      slices++;
      live.snapshot();
    });
    assert.ok(slices >= 1);
    assert.equal(resultJson(buildResult(live)), expected, 'live slices changed the result');
  });
}

test('a saturated capacity-1 provider is busy for the whole window, queue timeouts or not', () => {
  const run = createRun({ config: SATURATED, scenario: { file: 's', text: SATURATED_SCENARIO } });
  run.advance(Infinity);
  const r = buildResult(run);
  assert.equal(r.simulated_seconds, 60);
  assert.ok(r.deployments[0].utilization > 0.97 && r.deployments[0].utilization <= 1, `utilization ${r.deployments[0].utilization}`);
  const timedOut = createRun({ config: { ...SATURATED, model_list: [{ model_name: 'q', litellm_params: { model: 'openai/q', timeout: 5 } }] }, scenario: { file: 's', text: SATURATED_SCENARIO } });
  timedOut.advance(Infinity);
  const t = buildResult(timedOut);
  assert.ok(t.deployments[0].timeouts > 100, 'calls time out in the queue');
  assert.ok(t.deployments[0].utilization > 0.97 && t.deployments[0].utilization <= 1, `utilization with timeouts ${t.deployments[0].utilization}`);
});

// script(1) (util-linux) gives the command a pseudo-terminal.
test('simulate --format json prints the same bytes on a terminal as into a pipe', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gwcfg-tty-'));
  const config = join(dir, 'c.yaml');
  const scenario = join(dir, 's.yaml');
  writeFileSync(config, JSON.stringify(SATURATED));
  writeFileSync(scenario, SATURATED_SCENARIO);
  const args = ['bin/gwcfg.js', 'simulate', config, '-s', scenario, '--format', 'json'];
  const piped = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, CI: '' } });
  assert.equal(piped.status, 0, piped.stderr);
  const command = [process.execPath, ...args].map((a) => `'${a}'`).join(' ');
  const tty = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', env: { ...process.env, CI: '', TERM: 'xterm' } });
  assert.equal(tty.status, 0, tty.stderr);
  // The live view paints first; the JSON follows it (the terminal turns \n into \r\n).
  const out = tty.stdout.replace(/\r\n/g, '\n');
  const json = out.slice(out.lastIndexOf('{\n  "version"'));
  assert.ok(out.includes('simulat'), 'the terminal run showed the live view');
  assert.equal(json, piped.stdout);
});

// The last plain progress line gave the clock of the last event: this run, cut short by its
// request count, said "finished at 20001s" (its 20,000 s call timeout fires long after the
// window) where its JSON said simulated_seconds 9.788.
test('the last plain progress line gives the measured window, as simulated_seconds does', () => {
  const job = JOBS[2][1];
  const run = createRun(job);
  const lines: string[] = [];
  runWithPlainProgress(run, 't', (l) => lines.push(l));
  const result = buildResult(run);
  assert.ok(result.simulated_seconds < 60, `window ${result.simulated_seconds}`);
  assert.equal(lines.at(-1), `simulate t: finished, ${result.totals.requests} requests, ${result.totals.failed} failed in ${Math.round(result.simulated_seconds)} s simulated`);
});
