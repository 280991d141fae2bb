// Benchmark of `gwcfg tune` (issue 12), through the built CLI as users run it (`npm run bench`
// builds it first): the same search with -j 2 against -j 1 (wall-time ratio, target < 0.8 on 2
// idle cores; the outputs must be byte-identical), the same at a budget of 24 (target <= 1.0: -j 2
// is never slower), and a wall-clock --budget against the time the command really took
// (overshoot ratio, target <= 1.1).
//
//   node --import tsx bench/tune.ts [budget-seconds]   (default 60)
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

const BUDGET_S = Number(process.argv[2] ?? 60);
const ARGS = ['fixtures/scenarios/multi-region-failover.config.yaml', '-s', 'fixtures/scenarios/multi-region-failover.scenario.yaml', '--slo', 'success>=99.9%,p95<=4s', '--seeds', '2', '--format', 'json', '--no-progress'];

function timed(extra: string[]): { ms: number; stdout: string } {
  const start = performance.now();
  const r = spawnSync(process.execPath, ['bin/gwcfg.js', 'tune', ...ARGS, ...extra], { encoding: 'utf8' });
  const ms = performance.now() - start;
  if (r.status !== 0 && r.status !== 1) throw new Error(`gwcfg tune failed: ${r.stderr}`);
  return { ms, stdout: r.stdout };
}

console.log(`tune bench: multi-region-failover, ${availableParallelism()} cores`);
timed(['--budget', '10', '-j', '1']); // warm-up (code cache, disk), not measured; 10 = the least --budget for 2 seeds
const one = timed(['--budget', '200', '-j', '1']);
const two = timed(['--budget', '200', '-j', '2']);
const ratio = two.ms / one.ms;
console.log(`-j 1: ${(one.ms / 1000).toFixed(1)} s, -j 2: ${(two.ms / 1000).toFixed(1)} s (--budget 200); ratio ${ratio.toFixed(2)} (target < 0.8 on 2 idle cores)`);
if (one.stdout !== two.stdout) {
  console.log('FAIL: -j 1 and -j 2 printed different results');
  process.exitCode = 1;
}
// The smallest budgets: worker start-up used to dominate there (ratio > 1). -j 2 must not be slower.
const small1 = timed(['--budget', '24', '-j', '1']);
const small2 = timed(['--budget', '24', '-j', '2']);
const smallRatio = small2.ms / small1.ms;
console.log(`-j 1: ${(small1.ms / 1000).toFixed(1)} s, -j 2: ${(small2.ms / 1000).toFixed(1)} s (--budget 24); ratio ${smallRatio.toFixed(2)} (target <= 1.0 on 2 idle cores)`);
if (small1.stdout !== small2.stdout) {
  console.log('FAIL: -j 1 and -j 2 printed different results (--budget 24)');
  process.exitCode = 1;
}
const budget = timed(['--budget', `${BUDGET_S}s`, '-j', '2']);
const overshoot = budget.ms / (BUDGET_S * 1000);
console.log(`--budget ${BUDGET_S}s took ${(budget.ms / 1000).toFixed(1)} s (${JSON.parse(budget.stdout).search.simulations} simulations): ratio ${overshoot.toFixed(2)} (target <= 1.1)`);
if (overshoot > 1.1 || (availableParallelism() >= 2 && (ratio >= 0.8 || smallRatio > 1.0))) process.exitCode = 1;
