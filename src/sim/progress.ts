// Progress as plain lines (non-TTY, CI): one line per tenth of the simulated time.
import { seconds } from './limits.js';
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
  // The measured window (the JSON's simulated_seconds), not the clock of the last event: a run cut
  // by --requests ended its window at the last arrival but printed the scenario's whole duration.
  write(`simulate ${title}: finished, ${s.completed} requests, ${s.failed} failed in ${seconds(run.simulatedMs)} simulated`);
}
