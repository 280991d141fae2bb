// --compare: the same job under several strategies, in parallel worker threads (at most `jobs`
// at once). Results come back in the order of the strategy list, whatever order they finish in.
// JobPool is the worker pool itself, also used by `gwcfg tune` for its candidate evaluations.
import { Worker } from 'node:worker_threads';
import type { StrategyName } from '../routing/types.js';
import { runJob, type JobOutcome, type SimJob } from './job.js';

export interface CompareProgress {
  (strategy: StrategyName, finished: number, total: number): void;
}

/**
 * A worker thread running src/sim/worker.ts (also used by tune's pool, src/tune/pool.ts): under
 * tsx the module next to this one; when built, bin/gwcfg.js with --gwcfg-worker, which runs
 * dist/worker.cjs with its code cache (docs/architecture.md, Start-up).
 */
export function spawnWorker(): Worker {
  if (import.meta.url.endsWith('.ts')) return new Worker(new URL('./worker.ts', import.meta.url), { execArgv: process.execArgv });
  return new Worker(new URL('../bin/gwcfg.js', import.meta.url), { argv: ['--gwcfg-worker'], execArgv: process.execArgv });
}

/**
 * Up to `threads` worker threads, started on first use and kept until close(), so a caller with
 * many batches pays the start-up once. With one thread, jobs run in-process.
 */
export class JobPool {
  private readonly workers: (Worker | null)[] = [];
  private broken = false;

  constructor(readonly threads: number) {}

  /** Runs the jobs; outcomes in the order of `jobs`. `onDone(i, finished, total)` as each finishes. */
  async run(jobs: readonly SimJob[], onDone?: (index: number, finished: number, total: number) => void): Promise<JobOutcome[]> {
    const outcomes: JobOutcome[] = new Array(jobs.length);
    let finished = 0;
    const report = (i: number, outcome: JobOutcome) => {
      outcomes[i] = outcome;
      finished++;
      onDone?.(i, finished, jobs.length);
    };
    const lanes = Math.max(1, Math.min(this.threads, jobs.length));
    if (this.threads <= 1) {
      for (const [i, job] of jobs.entries()) report(i, runJob(job));
      return outcomes;
    }
    let next = 0;
    const lane = async (k: number): Promise<void> => {
      while (next < jobs.length) {
        const i = next++;
        // A worker that cannot start (e.g. a bundle without the worker entry) falls back to in-process.
        const worker = this.broken ? null : (this.workers[k] ??= spawnWorker());
        const outcome = worker === null ? runJob(jobs[i]) : await ask(worker, jobs[i]).catch(() => ((this.broken = true), runJob(jobs[i])));
        report(i, outcome);
      }
    };
    await Promise.all(Array.from({ length: lanes }, (_, k) => lane(k)));
    return outcomes;
  }

  async close(): Promise<void> {
    const workers = this.workers.splice(0);
    await Promise.all(workers.map((w) => w?.terminate()));
  }
}

export async function runCompare(job: SimJob, strategies: readonly StrategyName[], jobs: number, onDone?: CompareProgress): Promise<JobOutcome[]> {
  const pool = new JobPool(Math.min(jobs, strategies.length));
  try {
    return await pool.run(strategies.map((strategy) => ({ ...job, strategy })), (i, finished, total) => onDone?.(strategies[i], finished, total));
  } finally {
    await pool.close();
  }
}

/** Sends one job to a worker; resolves with its outcome, rejects when the worker fails or exits first. */
export function ask(worker: Worker, job: SimJob): Promise<JobOutcome> {
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
