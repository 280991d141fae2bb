// tune's simulations on -j threads: this thread and j - 1 worker threads (src/sim/worker.ts).
//
// Why not JobPool (src/sim/compare.ts) as it is: it runs every job in a worker, so -j 2 pays two
// worker start-ups (loading the simulator's bundle and warming it up, a few hundred ms each)
// before the first result, and leaves this thread idle; at small budgets that made -j 2 slower
// than -j 1. Here the workers start when the pool is made and get jobs only once they answer
// (their module loaded); until then, and all along, this thread runs jobs too. It runs them in
// slices of simulated time and hands the next job to an idle worker between slices, so a worker
// never waits long for work. Results come back in job order whoever ran them, and a run gives
// exactly the same result in one call or in slices (SimulationRun.advance), so the output does
// not depend on -j. No wall clock is read.
import type { Worker } from 'node:worker_threads';
import { spawnWorker } from '../sim/compare.js';
import { createRun, runJob, type JobOutcome, type SimJob } from '../sim/job.js';
import { buildResult } from '../sim/result.js';

interface Lane {
  worker: Worker;
  /** Answered the ping: its module is loaded. */
  ready: boolean;
  busy: boolean;
  broken: boolean;
}

/** Slices of simulated time per run on this thread (a worker waits at most one slice for work). */
const SLICES = 32;

export class TunePool {
  private readonly lanes: Lane[] = [];
  /** Hands queued jobs to idle workers; set while a batch runs. */
  private feed: (() => void) | null = null;
  /** Jobs run on this thread and in workers so far (for tests and benchmarks; never in the output). */
  readonly ran = { here: 0, workers: 0 };

  /** `spawn`: how a worker starts (tests pass one that loads the built worker, dist/worker.js). */
  constructor(readonly threads: number, spawn: () => Worker = spawnWorker) {
    for (let k = 1; k < threads; k++) {
      let worker: Worker;
      try {
        worker = spawn();
      } catch {
        break;
      }
      const lane: Lane = { worker, ready: false, busy: false, broken: false };
      worker.once('message', () => {
        lane.ready = true;
        this.feed?.();
      });
      worker.on('error', () => (lane.broken = true));
      worker.postMessage('ping');
      this.lanes.push(lane);
    }
  }

  /** Runs the jobs; outcomes in the order of `jobs`. */
  async run(jobs: readonly SimJob[]): Promise<JobOutcome[]> {
    if (jobs.length === 0) return [];
    if (this.lanes.length === 0) {
      this.ran.here += jobs.length;
      return jobs.map((job) => runJob(job));
    }
    const outcomes: JobOutcome[] = new Array(jobs.length);
    const queue = jobs.map((_, i) => i);
    let pending = jobs.length;
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    const complete = (i: number, outcome: JobOutcome) => {
      outcomes[i] = outcome;
      if (--pending === 0) finish();
    };
    const feed = () => {
      for (const lane of this.lanes) {
        if (queue.length === 0) return;
        if (!lane.ready || lane.busy || lane.broken) continue;
        const i = queue.shift()!;
        lane.busy = true;
        ask(lane.worker, jobs[i]).then(
          (outcome) => {
            lane.busy = false;
            this.ran.workers++;
            complete(i, outcome);
            feed();
          },
          () => {
            // A worker that fails (it could not load, or died) is not used again; its job runs here.
            lane.busy = false;
            lane.broken = true;
            complete(i, runJob(jobs[i]));
          },
        );
      }
    };
    this.feed = feed;
    feed();
    while (queue.length > 0) {
      const i = queue.shift()!;
      this.ran.here++;
      complete(i, await runHere(jobs[i], feed));
    }
    await finished;
    this.feed = null;
    return outcomes;
  }

  async close(): Promise<void> {
    const lanes = this.lanes.splice(0);
    await Promise.all(lanes.map((l) => l.worker.terminate()));
  }
}

/** runJob on this thread, in slices of simulated time, letting `between` hand out work between them. */
async function runHere(job: SimJob, between: () => void): Promise<JobOutcome> {
  try {
    const run = createRun(job);
    const end = run.expectedEndMs;
    if (Number.isFinite(end) && end > 0) {
      for (let k = 1; k < SLICES; k++) {
        if (run.advance((end * k) / SLICES)) break;
        await new Promise<void>((resolve) => setImmediate(resolve));
        between();
      }
    }
    run.advance(Infinity);
    return { ok: true, result: buildResult(run), notices: run.notices };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

function ask(worker: Worker, job: SimJob): Promise<JobOutcome> {
  return new Promise((resolve, reject) => {
    const onMessage = (outcome: JobOutcome) => {
      cleanup();
      resolve(outcome);
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onExit = () => onError(new Error('worker exited'));
    const cleanup = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(job);
  });
}
