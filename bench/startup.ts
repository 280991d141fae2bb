// Shared start-up benchmark: median wall time of a gwcfg command against bare `node -e 0`,
// interleaved in the same run so machine noise hits both alike. Reports the ratio and whether this
// run met the target (one run; the machine's noise can flip a ratio near it).
// Both run without NODE_EXTRA_CA_CERTS and NODE_OPTIONS: with extra certificates Node parses
// them at every start (here ~60 ms over a 25 ms start), which inflates the baseline and hides
// gwcfg's own cost; a user's plain `node` start is the baseline that counts.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ENV = { ...process.env };
delete ENV.NODE_EXTRA_CA_CERTS;
delete ENV.NODE_OPTIONS;

function time(args: string[]): number {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore', env: ENV });
  if (r.error) throw r.error;
  return Number(process.hrtime.bigint() - started) / 1e6;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export function benchStartup(label: string, args: string[], target: number, runs = 30): void {
  for (let i = 0; i < 3; i++) {
    time(['-e', '0']);
    time(['bin/gwcfg.js', ...args]);
  }
  const bare: number[] = [];
  const tool: number[] = [];
  for (let i = 0; i < runs; i++) {
    bare.push(time(['-e', '0']));
    tool.push(time(['bin/gwcfg.js', ...args]));
  }
  const ratio = median(tool) / median(bare);
  console.log(`${label}: median ${median(tool).toFixed(1)} ms vs bare node ${median(bare).toFixed(1)} ms -> ratio ${ratio.toFixed(2)} (target <= ${target}: ${ratio <= target ? 'met' : 'NOT met'})`);
}
