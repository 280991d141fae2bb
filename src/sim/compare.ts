// --compare: the same job under several strategies, in parallel worker threads (at most `jobs`
// at once). Results come back in the order of the strategy list, whatever order they finish in.
import { Worker } from 'node:worker_threads';
import type { StrategyName } from '../routing/types.js';
import { runJob, type JobOutcome, type SimJob } from './job.js';

export interface CompareProgress {
  (strategy: StrategyName, finished: number, total: number): void;
}

/** Worker entry next to this module (worker.ts under tsx, worker.js when built). */
function workerUrl(): URL {
  return new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.js', import.meta.url);
}

function spawn(): Worker {
  return new Worker(workerUrl(), { execArgv: process.execArgv });
}

export async function runCompare(job: SimJob, strategies: readonly StrategyName[], jobs: number, onDone?: CompareProgress): Promise<JobOutcome[]> {
  const outcomes: JobOutcome[] = new Array(strategies.length);
  let finished = 0;
  const report = (i: number, outcome: JobOutcome) => {
    outcomes[i] = outcome;
    finished++;
    onDone?.(strategies[i], finished, strategies.length);
  };
  const threads = Math.max(1, Math.min(jobs, strategies.length));
  if (threads === 1) {
    for (const [i, strategy] of strategies.entries()) report(i, runJob({ ...job, strategy }));
    return outcomes;
  }
  let next = 0;
  const lane = async (): Promise<void> => {
    let worker: Worker | null = null;
    let broken = false;
    try {
      worker = spawn();
      while (next < strategies.length) {
        const i = next++;
        const one: SimJob = { ...job, strategy: strategies[i] };
        // A worker that cannot start (e.g. a bundle without the worker entry) falls back to in-process.
        const outcome = broken ? runJob(one) : await ask(worker, one).catch(() => ((broken = true), runJob(one)));
        report(i, outcome);
      }
    } finally {
      await worker?.terminate();
    }
  };
  await Promise.all(Array.from({ length: threads }, lane));
  return outcomes;
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
