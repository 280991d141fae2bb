// Preloaded by bench/tune.ts (node --import): writes the process's CPU time (every thread: this
// one, tune's worker threads, V8's compiler and GC helpers) to $GWCFG_BENCH_CPU_FILE at exit, so
// the benchmark can report CPU utilisation, which depends less on other load than wall time does.
import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const file = process.env.GWCFG_BENCH_CPU_FILE;
if (isMainThread && file) {
  process.on('exit', () => {
    const { user, system } = process.cpuUsage();
    writeFileSync(file, JSON.stringify({ cpuMs: (user + system) / 1000 }));
  });
}
