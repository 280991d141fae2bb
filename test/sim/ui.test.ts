import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createElement as h } from 'react';
import { render } from 'ink-testing-library';
import { SimView, progressBar } from '../../src/ui/SimView.js';
import { driveInSlices } from '../../src/ui/live.js';
import { createRun } from '../../src/sim/job.js';
import { fixture } from './helpers.js';
import type { LiveSnapshot } from '../../src/sim/run.js';

const SNAPSHOT: LiveSnapshot = {
  nowMs: 150_000,
  endMs: 600_000,
  requests: 3000,
  completed: 2990,
  succeeded: 2980,
  failed: 10,
  deployments: [
    { index: 0, name: 'claude#0 bedrock/us-west-2', calls: 100, share: 0.25, errors: 7, p95: 2100.4, state: 'cooldown' },
    { index: 1, name: 'claude#1 bedrock/us-east-1', calls: 300, share: 0.75, errors: 0, p95: 1800, state: 'healthy' },
  ],
};

test('progress bar fills in proportion', () => {
  assert.equal(progressBar(0.25, 8), '██░░░░░░');
  assert.equal(progressBar(2, 4), '████');
});

test('the live view shows simulated time, throughput and one row per deployment with its state', () => {
  const { lastFrame, unmount } = render(h(SimView, { snapshot: SNAPSHOT, requestsPerSecond: 41234.6, title: 'latency-based-routing', width: 20 }));
  const frame = lastFrame() ?? '';
  assert.match(frame, /simulating latency-based-routing/);
  assert.match(frame, /150s \/ 600s simulated/);
  assert.match(frame, /2990 requests/);
  assert.match(frame, /41235 req\/s/);
  assert.match(frame, /█████░{15}/);
  const rows = frame.split('\n').filter((l) => l.includes('bedrock/'));
  assert.equal(rows.length, 2);
  assert.match(rows[0], /25\.0%\s+7\s+2100\s+cooldown/);
  assert.match(rows[1], /75\.0%\s+0\s+1800\s+healthy/);
  unmount();
});

test('a live run repaints between slices with fresh snapshots and finishes the whole run', async () => {
  const run = createRun({ config: fixture('multi-region-failover.config.yaml').config, scenario: { file: 's', text: fixture('multi-region-failover.scenario.yaml').text } });
  const { lastFrame, rerender, unmount } = render(h(SimView, { snapshot: run.snapshot(), requestsPerSecond: 0, title: 't' }));
  const times: number[] = [];
  let sawCooldown = false;
  await driveInSlices(run, () => {
    const s = run.snapshot();
    times.push(s.nowMs);
    if (s.deployments.some((d) => d.state === 'cooldown')) sawCooldown = true;
    rerender(h(SimView, { snapshot: s, requestsPerSecond: 0, title: 't' }));
  });
  assert.ok(run.done);
  assert.ok(times.length >= 2, 'several repaints');
  assert.deepEqual([...times].sort((a, b) => a - b), times, 'simulated time only moves forward');
  assert.match(lastFrame() ?? '', /us-west-2|bedrock/);
  unmount();
  // Where the slices fall depends on wall-clock speed (a fast run takes big steps and can step
  // over the cooldowns): look at the live table once inside the first cooldown (180.7 s to 210.7 s).
  if (!sawCooldown) {
    const at = createRun({ config: fixture('multi-region-failover.config.yaml').config, scenario: { file: 's', text: fixture('multi-region-failover.scenario.yaml').text } });
    at.advance(200_000);
    const view = render(h(SimView, { snapshot: at.snapshot(), requestsPerSecond: 0, title: 't' }));
    sawCooldown = /cooldown/.test(view.lastFrame() ?? '');
    view.unmount();
  }
  assert.ok(sawCooldown, 'the outage shows up as a cooldown in the live table');
});

test('past the arrival window the live view shows the window end, not a time beyond it', () => {
  const { lastFrame, unmount } = render(h(SimView, { snapshot: { ...SNAPSHOT, nowMs: 725_870 }, requestsPerSecond: 1, title: 't', width: 10 }));
  const frame = lastFrame() ?? '';
  assert.match(frame, /600s \/ 600s simulated/);
  assert.match(frame, /finishing calls in flight/);
  assert.doesNotMatch(frame, /726s/);
  unmount();
});

test('the live view fits the terminal: names are abbreviated keeping their region, no row is wider', () => {
  const long = { ...SNAPSHOT, deployments: SNAPSHOT.deployments.map((d, i) => ({ ...d, name: `claude-3-5-sonnet-very-long-group-name [${i === 0 ? 'us-west-2' : 'us-east-1'}]` })) };
  const { lastFrame, unmount } = render(h(SimView, { snapshot: long, requestsPerSecond: 1, title: 't', width: 20, columns: 60 }));
  const rows = (lastFrame() ?? '').split('\n').filter((l) => l.includes('claude'));
  assert.equal(rows.length, 2);
  for (const row of rows) assert.ok(row.trimEnd().length <= 60, row);
  assert.match(rows[0], /… \[us-west-2\]/);
  assert.match(rows[1], /… \[us-east-1\]/);
  unmount();
});
