// Worker-thread entry for --compare and tune: runs one job per message and posts the result back.
import { parentPort } from 'node:worker_threads';
import { runJob, type SimJob } from './job.js';

/** Set by bin/gwcfg.js: writes the code cache of this bundle (a worker ends by terminate(), with no 'exit' event). */
const launcher = globalThis as { __gwcfgWriteCodeCaches?: () => void };

if (parentPort === null) {
  // `gwcfg --gwcfg-worker` typed on a command line: the flag is for gwcfg's own worker threads.
  process.stderr.write('gwcfg: --gwcfg-worker is internal (the entry of gwcfg\'s worker threads); run gwcfg --help for the commands\n');
  process.exitCode = 2;
} else {
  const port = parentPort;
  let first = true;
  // 'ping' is answered with 'pong' once this module has loaded: tune's pool (src/tune/pool.ts)
  // hands a worker jobs only from then on.
  port.on('message', (job: SimJob | 'ping') => {
    if (job === 'ping') return port.postMessage('pong');
    const outcome = runJob(job);
    // After the first job the cache holds the simulator's functions, compiled by that run. It is
    // written before the result goes out: once the last result is in, the process may end, and a
    // write cut short would leave a temporary file behind.
    if (first) launcher.__gwcfgWriteCodeCaches?.();
    first = false;
    port.postMessage(outcome);
  });
}
