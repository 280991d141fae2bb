// tune's pool (src/tune/pool.ts): this thread and -j - 1 workers, results in job order and equal
// to a single in-process run whoever ran them (this thread runs its jobs in slices).
import { test } from 'node:test';
import { Worker } from 'node:worker_threads';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { runJob, type SimJob } from '../../src/sim/job.js';
import { TunePool } from '../../src/tune/pool.js';

// Workers load the built simulator (npm test builds dist/ first): under tsx a worker cannot load
// the TypeScript entry, and the pool then runs everything on this thread.
const builtWorker = () => new Worker(new URL('../../bin/gwcfg.js', import.meta.url), { argv: ['--gwcfg-worker'] });

const DIR = 'test/fixtures/tune';
const jobs = (seeds: number[]): SimJob[] =>
  seeds.map((seed) => ({ config: parse(readFileSync(`${DIR}/flaky.config.yaml`, 'utf8')), scenario: { file: `${DIR}/flaky.scenario.yaml`, text: readFileSync(`${DIR}/flaky.scenario.yaml`, 'utf8') }, seed }));

test('TunePool: outcomes in job order, identical to runJob, with 1, 2 or 3 threads', async () => {
  const batch = jobs([1, 2, 3, 4, 5, 6]);
  const expected = batch.map((job) => runJob(job));
  for (const threads of [1, 2, 3]) {
    const pool = new TunePool(threads, builtWorker);
    try {
      // Until workers have run some of them too (they load meanwhile), so both kinds of lane are compared.
      const until = Date.now() + 60_000;
      do assert.deepEqual(await pool.run(batch), expected, `${threads} thread(s)`);
      while (threads > 1 && pool.ran.workers === 0 && Date.now() < until);
      if (threads > 1) assert.ok(pool.ran.workers > 0 && pool.ran.here > 0);
      assert.deepEqual(await pool.run(batch.slice(0, 1)), expected.slice(0, 1));
      assert.deepEqual(await pool.run([]), []);
    } finally {
      await pool.close();
    }
  }
});

test('TunePool -j 2: this thread starts on the first jobs while the worker loads, and the worker takes jobs once it has', async () => {
  // The old pool ran every job in a worker: -j 2 waited for two worker start-ups before the
  // first result and left this thread idle, which made small budgets slower than -j 1.
  const pool = new TunePool(2, builtWorker);
  try {
    await pool.run(jobs([1, 2, 3]));
    assert.ok(pool.ran.here >= 1, 'the first batch does not wait for the worker');
    // The worker loads meanwhile (give it time on a busy machine).
    const until = Date.now() + 60_000;
    for (let round = 0; pool.ran.workers === 0 && Date.now() < until; round++) {
      await pool.run(jobs([10 + round, 60 + round]));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.ok(pool.ran.workers > 0, 'the worker took jobs once it had loaded');
  } finally {
    await pool.close();
  }
});

test('TunePool: a job stuck in a worker is run here too at the end of the batch (backup), so a slow worker never holds a batch up', async () => {
  // A worker that loads, answers the ping, and never finishes a job: the batch still completes,
  // with the same outcomes, on this thread.
  const stuck = () => new Worker("const { parentPort } = require('node:worker_threads'); parentPort.on('message', (m) => { if (m === 'ping') parentPort.postMessage('pong'); });", { eval: true });
  const pool = new TunePool(2, stuck);
  try {
    const until = Date.now() + 60_000;
    while (pool.workersReady === 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(pool.workersReady, 1);
    const batch = jobs([1, 2, 3]);
    // The worker takes job 0 and never answers; this thread runs 1 and 2, then job 0 as its backup.
    assert.deepEqual(await pool.run(batch), batch.map((job) => runJob(job)));
    assert.equal(pool.ran.here, 3);
    assert.equal(pool.ran.workers, 0);
  } finally {
    await pool.close();
  }
});
