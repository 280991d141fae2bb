// Drives a SimulationRun in slices so the terminal can repaint between them. ink and React are
// imported here only, and this module is itself loaded only on an interactive terminal.
import type { SimulationRun } from '../sim/run.js';

/** Wall-clock budget of one slice before repainting. */
const SLICE_WALL_MS = 60;

export interface LiveOptions {
  title: string;
  stdout?: NodeJS.WriteStream;
}

export async function runWithInk(run: SimulationRun, options: LiveOptions): Promise<void> {
  const [{ render }, React, { SimView }] = await Promise.all([import('ink'), import('react'), import('./SimView.js')]);
  const started = performance.now();
  const view = (finished: boolean) => {
    const elapsedS = (performance.now() - started) / 1000;
    const snapshot = run.snapshot();
    return React.createElement(SimView, {
      snapshot,
      title: options.title,
      requestsPerSecond: elapsedS > 0 ? snapshot.completed / elapsedS : 0,
      finished,
      columns: (options.stdout ?? process.stdout).columns,
    });
  };
  const app = render(view(false), { stdout: options.stdout ?? process.stdout, patchConsole: false, exitOnCtrlC: true });
  await driveInSlices(run, () => app.rerender(view(false)));
  app.rerender(view(true));
  app.unmount();
  await app.waitUntilExit();
}

/**
 * Advances the run in steps of simulated time, adapting the step so each takes about
 * SLICE_WALL_MS, and yields to the event loop between steps.
 */
export async function driveInSlices(run: SimulationRun, onSlice: () => void): Promise<void> {
  let stepMs = Math.max(1, run.expectedEndMs / 200);
  while (!run.done) {
    const t0 = performance.now();
    run.advance(run.sim.now + stepMs);
    const took = performance.now() - t0;
    stepMs = took > 0 ? Math.max(1, Math.min(stepMs * 4, (stepMs * SLICE_WALL_MS) / took)) : stepMs * 2;
    onSlice();
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
