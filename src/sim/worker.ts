// Worker-thread entry for --compare and tune: runs one job per message and posts the result back.
import { parentPort } from 'node:worker_threads';
import { runJob, type SimJob } from './job.js';

// 'ping' is answered with 'pong' once this module has loaded: tune's pool (src/tune/pool.ts)
// hands a worker jobs only from then on.
parentPort?.on('message', (job: SimJob | 'ping') => {
  parentPort!.postMessage(job === 'ping' ? 'pong' : runJob(job));
});
