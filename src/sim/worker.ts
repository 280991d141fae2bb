// Worker-thread entry for --compare: runs one job per message and posts the result back.
import { parentPort } from 'node:worker_threads';
import { runJob, type SimJob } from './job.js';

parentPort?.on('message', (job: SimJob) => {
  parentPort!.postMessage(runJob(job));
});
