// tune's simulations on -j threads: this thread and j - 1 worker threads (src/sim/worker.ts).
//
// Why not JobPool (src/sim/compare.ts) as it is: it runs every job in a worker, so -j 2 pays two
// worker start-ups (loading the simulator's bundle and warming it up, a few hundred ms each)
// before the first result, and leaves this thread idle; at small budgets that made -j 2 slower
// than -j 1. Here the workers start when the pool is made and get jobs only once they answer
// (their module loaded); until then, and all along, this thread runs jobs too. It runs them in
// slices of simulated time and hands the next job to an idle worker between slices, so a worker
// never waits long for work. At a batch's end, rather than wait for a job still running in a
// worker, it runs that job too and keeps the first result (a backup task, as MapReduce does for
// stragglers), so a cold or starved worker cannot make a batch slower than this thread alone.
// Results come back in job order whoever ran them, and a run gives
// exactly the same result in one call or in slices (SimulationRun.advance), so the output does
// not depend on -j. No wall clock is read.
import type { Worker } from 'node:worker_threads';
import { ask, spawnWorker } from '../sim/compare.js';
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

  /** Workers that have loaded and are usable. */
  get workersReady(): number {
    return this.lanes.filter((l) => l.ready && !l.broken).length;
  }

  /** Runs the jobs; outcomes in the order of `jobs`. */

  async run(jobs: readonly SimJob[]): Promise<JobOutcome[]> {
    if (jobs.length === 0) return [];
    if (this.lanes.length === 0) {
      this.ran.here += jobs.length;
      return jobs.map((job) => runJob(job));
    }
    const outcomes: (JobOutcome | undefined)[] = new Array(jobs.length);
    const queue = jobs.map((_, i) => i);
    /** Jobs running in a worker, oldest first (a Map keeps insertion order). */
    const inWorker = new Map<number, Lane>();
    const backedUp = new Set<number>();
    let pending = jobs.length;
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    // The first outcome of a job counts; a backed-up job's second one (the same result) is dropped.
    const complete = (i: number, outcome: JobOutcome) => {
      if (outcomes[i] !== undefined) return;
      outcomes[i] = outcome;
      inWorker.delete(i);
      if (--pending === 0) finish();
    };
    const feed = () => {
      for (const lane of this.lanes) {
        if (queue.length === 0) return;
        if (!lane.ready || lane.busy || lane.broken) continue;
        const i = queue.shift()!;
        lane.busy = true;
        inWorker.set(i, lane);
        ask(lane.worker, jobs[i]).then(
          (outcome) => {
            lane.busy = false;
            if (outcomes[i] === undefined) this.ran.workers++;
            complete(i, outcome);
            // The batch running now (a later one, when this job's result came too late to count).
            this.feed?.();
          },
          () => {
            // A worker that fails (it could not load, or died) is not used again; its job runs here.
            lane.busy = false;
            lane.broken = true;
            if (outcomes[i] === undefined) complete(i, runJob(jobs[i]));
          },
        );
      }
    };
    this.feed = feed;
    feed();
    for (;;) {
      if (queue.length > 0) {
        const i = queue.shift()!;
        this.ran.here++;
        complete(i, (await runHere(jobs[i], feed, () => false))!);
        continue;
      }
      // The batch's tail: rather than wait for a job still running in a worker (one that started
      // cold, or on a busy machine), run it here too and keep whichever result comes first; both
      // are the same, so the output cannot tell. A batch then never takes much longer than this
      // thread alone would.
      const i = [...inWorker.keys()].find((k) => !backedUp.has(k));
      if (i === undefined) break;
      backedUp.add(i);
      const outcome = await runHere(jobs[i], feed, () => outcomes[i] !== undefined);
      if (outcome !== null && outcomes[i] === undefined) {
        this.ran.here++;
        complete(i, outcome);
      }
    }
    await finished;
    this.feed = null;
    return outcomes as JobOutcome[];
  }

  async close(): Promise<void> {
    const lanes = this.lanes.splice(0);
    await Promise.all(lanes.map((l) => l.worker.terminate()));
  }
}

/**
 * runJob on this thread, in slices of simulated time, letting `between` hand out work between
 * them; null when `abandon()` says, between slices, that the result is no longer needed.
 */
async function runHere(job: SimJob, between: () => void, abandon: () => boolean): Promise<JobOutcome | null> {
  try {
    const run = createRun(job);
    const end = run.expectedEndMs;
    if (Number.isFinite(end) && end > 0) {
      for (let k = 1; k < SLICES; k++) {
        if (run.advance((end * k) / SLICES)) break;
        await new Promise<void>((resolve) => setImmediate(resolve));
        between();
        if (abandon()) return null;
      }
    }
    run.advance(Infinity);
    return { ok: true, result: buildResult(run), notices: run.notices };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}
