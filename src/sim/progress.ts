// Progress as plain lines (non-TTY, CI): one line per tenth of the simulated time.
import type { SimulationRun } from './run.js';

export function runWithPlainProgress(run: SimulationRun, title: string, write: (line: string) => void): void {
  const end = Number.isFinite(run.expectedEndMs) ? run.expectedEndMs : 0;
  for (let tenth = 1; tenth <= 10 && end > 0; tenth++) {
    if (run.advance((end * tenth) / 10)) break;
    const s = run.snapshot();
    write(`simulate ${title}: ${(s.nowMs / 1000).toFixed(0)}s/${(end / 1000).toFixed(0)}s, ${s.completed} requests done, ${s.failed} failed`);
  }
  run.advance(Infinity);
  const s = run.snapshot();
  write(`simulate ${title}: finished at ${(s.nowMs / 1000).toFixed(0)}s, ${s.completed} requests, ${s.failed} failed`);
}
