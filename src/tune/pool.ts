// tune's simulations on -j threads: this thread and j - 1 worker threads (src/sim/worker.ts).
//
// Why not JobPool (src/sim/compare.ts) as it is: it runs every job in a worker, so -j 2 pays two
// worker start-ups (loading the simulator's bundle and warming it up, a few hundred ms each)
// before the first result, and leaves this thread idle; at small budgets that made -j 2 slower
// than -j 1. Here the workers start when the pool is made and get jobs only once they answer
// (their module loaded); until then, and all along, this thread runs jobs too. It runs them in
// slices of simulated time and hands the next job to an idle worker between slices, so a worker
// never waits long for work.
//
// Idle threads and reuse: the search asks for small batches, each waiting for its slowest job,
// so with few threads a batch's tail leaves threads idle. A batch may name spare jobs, those
// likely to be asked for next (the next rung of candidates sure to survive halving, the leader's
// hold-out seeds, ...): a thread with nothing of the batch left runs one of them, and its outcome
// is kept, keyed by the job's `key` (equal keys: equal jobs, the caller's promise), so that a
// later batch asking for it takes it from there, or from the worker or the paused run on this
// thread that has it under way. A spare run on this thread that is not done when its batch is
// stops at the end of a slice and waits, paused, for the next idle moment or the batch that
// asks for it. What is kept is bounded (CACHE_SIZE outcomes, PARKED_MAX paused runs).
//
// At a batch's end, rather than wait long for a job still running in a worker, this thread runs
// that job too and keeps the first result (a backup task, as MapReduce does for stragglers), so
// a cold or starved worker cannot make a batch much slower than this thread alone: it first
// spends at most one job's worth of slices on spare work, then backs the straggler up.
//
// Results come back in job order whoever ran them, and a run gives exactly the same result in
// one call or in slices (SimulationRun.advance), now or later, so the output does not depend on
// -j or on what ran speculatively. No wall clock is read.
import type { Worker } from 'node:worker_threads';
import { ask, spawnWorker } from '../sim/compare.js';
import { createRun, runJob, type JobOutcome, type SimJob } from '../sim/job.js';
import { buildResult } from '../sim/result.js';
import type { SimulationRun } from '../sim/run.js';

/** A job for the pool; jobs with the same `key` must be the same job (their outcome is reused). */
export type PoolJob = SimJob & { key?: string };

/** A spare job: its key, and the job itself, made only if it runs. */
export interface SpareJob {
  key: string;
  job: () => SimJob;
}

/** Spare jobs for idle threads, likeliest to be needed first; `partial`: the batch's outcomes so far. */
export type Spare = (partial: readonly (JobOutcome | undefined)[]) => readonly SpareJob[];

interface Lane {
  worker: Worker;
  /** Answered the ping: its module is loaded. */
  ready: boolean;
  busy: boolean;
  broken: boolean;
}

/** A run on this thread, in slices: `next` is the slice to run next (1..SLICES). */
interface Sliced {
  run: SimulationRun | null;
  next: number;
  /** Set when creating the run failed. */
  error?: string;
}

/** Slices of simulated time per run on this thread (a worker waits at most one slice for work). */
const SLICES = 32;
/** Outcomes kept for later requests (a SimResult is tens of kB). */
export const CACHE_SIZE = 128;
/** Spare runs paused on this thread at most. */
const PARKED_MAX = 2;

export class TunePool {
  private readonly lanes: Lane[] = [];
  /** Hands queued and spare jobs to idle workers; set while a batch runs. */
  private feed: (() => void) | null = null;
  /** Jobs run on this thread and in workers so far, spare ones included; `reused`: a batch's outcomes that came from a spare run or an earlier batch (for tests and benchmarks; never in the output). */
  readonly ran = { here: 0, workers: 0, spare: 0, reused: 0 };
  private readonly cache = new Map<string, JobOutcome>();
  /** Keyed jobs running in a worker (batch or spare). */
  private readonly inflight = new Map<string, Promise<JobOutcome>>();
  /** Spare runs on this thread paused at a slice's end, oldest first. */
  private readonly parked = new Map<string, Sliced>();
  /** The spare job this thread is running now. */
  private spareHere: string | null = null;

  /** `spawn`: how a worker starts (tests pass one that loads the built worker, dist/worker.js). */
  constructor(
    readonly threads: number,
    spawn: () => Worker = spawnWorker,
  ) {
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

  /** Outcomes kept, and spare runs paused on this thread (for tests). */
  get cached(): number {
    return this.cache.size;
  }

  get paused(): number {
    return this.parked.size;
  }

  private keep(key: string | undefined, outcome: JobOutcome): void {
    if (key !== undefined) setBounded(this.cache, key, outcome, CACHE_SIZE);
  }

  /** Whether a keyed job is done, under way or paused somewhere. */
  private known(key: string): boolean {
    return this.cache.has(key) || this.inflight.has(key) || this.parked.has(key) || this.spareHere === key;
  }

  /** Sends a job to a worker; its outcome is kept when keyed. */
  private dispatch(lane: Lane, job: PoolJob): Promise<JobOutcome> {
    lane.busy = true;
    const key = job.key;
    const promise = ask(lane.worker, plainJob(job)).then(
      (outcome) => {
        lane.busy = false;
        this.ran.workers++;
        if (key !== undefined) {
          this.inflight.delete(key);
          this.keep(key, outcome);
        }
        // The batch running now (a later one, when this job's batch no longer waits for it).
        this.feed?.();
        return outcome;
      },
      (error: unknown) => {
        // A worker that fails (it could not load, or died) is not used again.
        lane.busy = false;
        lane.broken = true;
        if (key !== undefined) this.inflight.delete(key);
        throw error;
      },
    );
    if (key !== undefined) this.inflight.set(key, promise);
    return promise;
  }

  /** Runs the jobs; outcomes in the order of `jobs`. Idle threads may run `spare` jobs meanwhile. */
  async run(jobs: readonly PoolJob[], spare?: Spare): Promise<JobOutcome[]> {
    const outcomes: (JobOutcome | undefined)[] = new Array(jobs.length);
    let pending = jobs.length;
    for (const [i, job] of jobs.entries()) {
      const done = job.key === undefined ? undefined : this.cache.get(job.key);
      if (done === undefined) continue;
      outcomes[i] = done;
      this.ran.reused++;
      pending--;
    }
    if (pending === 0) return outcomes as JobOutcome[];
    if (this.lanes.length === 0) {
      for (const [i, job] of jobs.entries()) {
        if (outcomes[i] !== undefined) continue;
        outcomes[i] = runJob(plainJob(job));
        this.ran.here++;
        this.keep(job.key, outcomes[i]);
      }
      return outcomes as JobOutcome[];
    }
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    // The first outcome of a job counts; a backed-up job's second one (the same result) is dropped.
    const complete = (i: number, outcome: JobOutcome) => {
      if (outcomes[i] !== undefined) return;
      outcomes[i] = outcome;
      this.keep(jobs[i].key, outcome);
      inWorker.delete(i);
      if (--pending === 0) finish();
    };
    /** Batch jobs running in a worker, oldest first (a Set keeps insertion order). */
    const inWorker = new Set<number>();
    const backedUp = new Set<number>();
    const queue: number[] = [];
    const wait = (i: number, promise: Promise<JobOutcome>) => {
      inWorker.add(i);
      promise.then(
        (outcome) => complete(i, outcome),
        // Its worker failed: the job runs here (now, as that is rare).
        () => {
          if (outcomes[i] !== undefined) return;
          this.ran.here++;
          complete(i, runJob(plainJob(jobs[i])));
        },
      );
    };
    for (const [i, job] of jobs.entries()) {
      if (outcomes[i] !== undefined) continue;
      const running = job.key === undefined ? undefined : this.inflight.get(job.key);
      if (running) {
        this.ran.reused++;
        wait(i, running);
      } else if (job.key !== undefined && this.parked.has(job.key)) {
        this.ran.reused++;
        queue.unshift(i); // paused here: resumed first
      } else queue.push(i);
    }
    const batchKeys = new Set(jobs.map((j) => j.key));
    // The spare list, asked for again only when another of the batch's outcomes has come (feed
    // runs between every two slices).
    let spares: readonly SpareJob[] = [];
    let sparesAt = -1;
    /** The next spare job nobody has run or started, or null. */
    const nextSpare = (): PoolJob | null => {
      if (!spare) return null;
      if (sparesAt !== pending) {
        spares = spare(outcomes);
        sparesAt = pending;
      }
      for (const s of spares) if (!this.known(s.key) && !batchKeys.has(s.key)) return { ...s.job(), key: s.key };
      return null;
    };
    const feed = () => {
      for (const lane of this.lanes) {
        if (!lane.ready || lane.busy || lane.broken) continue;
        if (queue.length > 0) {
          // A job paused here is resumed here, not started again in a worker.
          const at = queue.findIndex((i) => jobs[i].key === undefined || !this.parked.has(jobs[i].key!));
          if (at >= 0) {
            const [i] = queue.splice(at, 1);
            wait(i, this.dispatch(lane, jobs[i]));
            continue;
          }
        }
        if (pending === 0) return;
        const job = nextSpare();
        if (job === null) return;
        this.ran.spare++;
        this.dispatch(lane, job).catch(() => {});
      }
    };
    this.feed = feed;
    feed();
    /** Slices of spare work this thread did while the batch waited on workers. */
    let patience = SLICES;
    for (;;) {
      if (pending === 0) break;
      if (queue.length > 0) {
        const i = queue.shift()!;
        const job = jobs[i];
        const sliced = (job.key !== undefined && this.takeParked(job.key)) || start(job);
        complete(i, (await this.slices(sliced, feed, () => false))!);
        this.ran.here++;
        continue;
      }
      // The batch's tail: every job left runs in a worker. Spare work first, paused when the
      // batch completes; then, rather than wait for a worker's job (one that started cold, or on
      // a busy machine), run it here too and keep whichever result comes first: both are the
      // same, so the output cannot tell, and a batch never takes much longer than this thread alone.
      if (patience > 0) {
        const paused = this.parked.size > 0 ? [...this.parked.keys()][0] : null;
        const job = paused === null ? nextSpare() : null;
        if (paused !== null || job !== null) {
          const key = paused ?? job!.key!;
          const sliced = paused !== null ? this.takeParked(paused)! : start(job!);
          if (job !== null) this.ran.spare++;
          const before = sliced.next;
          this.spareHere = key;
          const outcome = await this.slices(sliced, feed, () => pending === 0 || this.cache.has(key));
          this.spareHere = null;
          patience -= sliced.next - before + 1;
          if (outcome !== null) {
            this.ran.here++;
            this.keep(key, outcome);
          } else if (!this.cache.has(key)) this.park(key, sliced);
          continue;
        }
      }
      const i = [...inWorker].find((k) => !backedUp.has(k));
      if (i === undefined) break;
      backedUp.add(i);
      const outcome = await this.slices(start(jobs[i]), feed, () => outcomes[i] !== undefined);
      if (outcome !== null && outcomes[i] === undefined) {
        this.ran.here++;
        complete(i, outcome);
      }
    }
    await finished;
    this.feed = null;
    return outcomes as JobOutcome[];
  }

  private takeParked(key: string): Sliced | null {
    const sliced = this.parked.get(key) ?? null;
    this.parked.delete(key);
    return sliced;
  }

  private park(key: string, sliced: Sliced): void {
    setBounded(this.parked, key, sliced, PARKED_MAX);
  }

  /**
   * Runs a sliced run on this thread to its end, letting `between` hand out work between slices;
   * null when `stop()` says, between slices, to stop (the run can go on later from there).
   */
  private async slices(sliced: Sliced, between: () => void, stop: () => boolean): Promise<JobOutcome | null> {
    if (sliced.run === null) return { ok: false, error: sliced.error! };
    const run = sliced.run;
    try {
      const end = run.expectedEndMs;
      if (Number.isFinite(end) && end > 0) {
        for (; sliced.next < SLICES; sliced.next++) {
          if (run.advance((end * sliced.next) / SLICES)) break;
          await new Promise<void>((resolve) => setImmediate(resolve));
          between();
          if (stop()) {
            sliced.next++;
            return null;
          }
        }
      }
      run.advance(Infinity);
      sliced.next = SLICES;
      return { ok: true, result: buildResult(run), notices: run.notices };
    } catch (error) {
      return { ok: false, error: (error as Error).message };
    }
  }

  async close(): Promise<void> {
    this.parked.clear();
    const lanes = this.lanes.splice(0);
    await Promise.all(lanes.map((l) => l.worker.terminate()));
  }
}

/** Sets `key` as the map's newest entry, dropping the oldest beyond `max` entries. */
function setBounded<V>(map: Map<string, V>, key: string, value: V, max: number): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > max) map.delete(map.keys().next().value!);
}

/** The job as a worker gets it (no key). */
function plainJob(job: PoolJob): SimJob {
  if (job.key === undefined) return job;
  const { key: _key, ...plain } = job;
  return plain;
}

/** A job's run on this thread, not yet advanced. */
function start(job: PoolJob): Sliced {
  try {
    return { run: createRun(job), next: 1 };
  } catch (error) {
    return { run: null, next: 1, error: (error as Error).message };
  }
}
