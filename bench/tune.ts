// Benchmark of `gwcfg tune` (issue 12), through the built CLI as users run it (`npm run bench`
// builds it first): the same search with -j 2 against -j 1 (wall-time ratio, target < 0.8 on 2
// idle cores; the outputs must be byte-identical), the same at a budget of 24 (target <= 1.05: -j 2
// is never slower beyond noise; each side's fastest of 21 runs), the first as the median of 11 alternating pairs, and a wall-clock --budget against the time the command really took
// (overshoot ratio, target <= 1.1). Each line also gives the CPU utilisation of the runs, CPU
// time (all threads, V8's GC and compiler helpers included) over wall time × threads: wall-time
// ratios swing with whatever else the cores run, utilisation much less. -j 1 reads above 1
// (V8's helpers run on the second core); -j 2 below 1 by the time its threads wait.
//
//   node --import tsx bench/tune.ts [budget-seconds]   (default 60)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { SOLO_BELOW } from '../src/tune/command.js';

const BUDGET_S = Number(process.argv[2] ?? 60);
const ARGS = ['fixtures/scenarios/multi-region-failover.config.yaml', '-s', 'fixtures/scenarios/multi-region-failover.scenario.yaml', '--slo', 'success>=99.9%,p95<=4s', '--seeds', '2', '--format', 'json', '--no-progress'];

const dir = mkdtempSync(join(tmpdir(), 'gwcfg-bench-tune-'));
const cpuFile = join(dir, 'cpu.json');
const preload = new URL('./cpu-usage.mjs', import.meta.url).href;

function timed(extra: string[]): { ms: number; stdout: string; utilisation: number } {
  const start = performance.now();
  const r = spawnSync(process.execPath, ['--import', preload, 'bin/gwcfg.js', 'tune', ...ARGS, ...extra], { encoding: 'utf8', env: { ...process.env, GWCFG_BENCH_CPU_FILE: cpuFile } });
  const ms = performance.now() - start;
  if (r.status !== 0 && r.status !== 1) throw new Error(`gwcfg tune failed: ${r.stderr}`);
  // The threads the run used: -j, but one for a count budget under SOLO_BELOW (command.ts tuneThreads).
  const budget = extra[extra.indexOf('--budget') + 1];
  const threads = /^\d+$/.test(budget) && Number(budget) < SOLO_BELOW ? 1 : Number(extra[extra.indexOf('-j') + 1]);
  const { cpuMs } = JSON.parse(readFileSync(cpuFile, 'utf8')) as { cpuMs: number };
  return { ms, stdout: r.stdout, utilisation: cpuMs / (ms * threads) };
}
const use = (a: { utilisation: number }, b: { utilisation: number }) => `CPU use ${a.utilisation.toFixed(2)} / ${b.utilisation.toFixed(2)} of wall × threads`;

console.log(`tune bench: multi-region-failover, ${availableParallelism()} cores, load average ${loadavg()[0].toFixed(2)}`);
timed(['--budget', '10', '-j', '1']); // warm-up (code cache, disk), not measured; 10 = the least --budget for 2 seeds

/**
 * PAIRS pairs of runs, -j 1 and -j 2, at a count budget: the median wall-time ratio (each
 * pair's own ratio; a pair's two runs see much the same machine), and whether every output was
 * byte-identical.
 */
// 11, not 3: one pair's ratio ranges widely on this 2-core VM (17 pairs at --budget 200 on
// 2026-12-01: 0.66-0.97, median 0.76; two identical -j 1 runs at --budget 24: 0.89-1.24), so a
// median of 3 landed on either side of a target by chance; a median of 11 varies half as much.
// At --budget 24 the two sides do the same work on one thread: its median of 11 ranged 0.97-1.18
// over a day's bench runs; its pairs are short (~1.7 s), so it takes 21 (and is judged on each
// side's fastest run, below).
const PAIRS = 11;
const SMALL_PAIRS = 21;
function pairs(budget: string, count = PAIRS) {
  const runs = Array.from({ length: count }, (_, k) => {
    // Every other pair runs -j 2 first (ABBA order): the runs follow each other without a pause,
    // and a fixed order would give any lasting effect of a run on the next to one side.
    const run = (jobs: string) => timed(['--budget', budget, '-j', jobs]);
    const [one, two] = k % 2 === 0 ? [run('1'), run('2')] : [run('2'), run('1')].reverse();
    return { one, two, ratio: two.ms / one.ms };
  });
  const sorted = [...runs].sort((a, b) => a.ratio - b.ratio);
  const median = sorted[Math.floor(count / 2)];
  const same = runs.every((r) => r.one.stdout === runs[0].one.stdout && r.two.stdout === runs[0].one.stdout);
  // Each side's fastest run: what it costs when nothing else slowed it down.
  const best = { one: Math.min(...runs.map((r) => r.one.ms)), two: Math.min(...runs.map((r) => r.two.ms)) };
  return { median, best, ratios: runs.map((r) => r.ratio.toFixed(2)).join(' '), same };
}

const big = pairs('200');
const ratio = big.median.ratio;
console.log(`-j 1: ${(big.median.one.ms / 1000).toFixed(1)} s, -j 2: ${(big.median.two.ms / 1000).toFixed(1)} s (--budget 200); median ratio of ${PAIRS} pairs ${ratio.toFixed(2)} [${big.ratios}] (target < 0.8 on 2 idle cores); ${use(big.median.one, big.median.two)}`);
if (!big.same) {
  console.log('FAIL: -j 1 and -j 2 printed different results');
  process.exitCode = 1;
}
// The smallest budgets: worker start-up used to dominate there (ratio > 1). -j 2 must not be
// slower; under --budget 40 it runs on one thread (command.ts SOLO_BELOW), so this compares two
// single-thread runs of the same work, and the target allows 5 %. What it guards against is a
// cost -j 2 adds (a worker's start costs about 30 simulations of CPU, more than this whole search),
// so it compares each side's fastest of the 21 runs: the two sides do the same work, so a pair's
// ratio is only what else the machine ran (0.81-1.60 in one run), and interference only ever adds
// time; the median of the pairs' ratios, printed beside, still fell on either side of 1.05 by chance.
const small = pairs('24', SMALL_PAIRS);
const smallRatio = small.best.two / small.best.one;
console.log(`-j 1: ${(small.best.one / 1000).toFixed(2)} s, -j 2: ${(small.best.two / 1000).toFixed(2)} s (--budget 24, under ${SOLO_BELOW}: one thread either way, fastest of ${SMALL_PAIRS} runs each): ratio ${smallRatio.toFixed(2)} (target <= 1.05 on 2 idle cores); median ratio of the pairs ${small.median.ratio.toFixed(2)} [${small.ratios}]; ${use(small.median.one, small.median.two)}`);
if (!small.same) {
  console.log('FAIL: -j 1 and -j 2 printed different results (--budget 24)');
  process.exitCode = 1;
}
const budget = timed(['--budget', `${BUDGET_S}s`, '-j', '2']);
const overshoot = budget.ms / (BUDGET_S * 1000);
console.log(`--budget ${BUDGET_S}s took ${(budget.ms / 1000).toFixed(1)} s (${JSON.parse(budget.stdout).search.simulations} simulations): ratio ${overshoot.toFixed(2)} (target <= 1.1); CPU use ${budget.utilisation.toFixed(2)}, load average ${loadavg()[0].toFixed(2)}`);
rmSync(dir, { recursive: true, force: true });
if (overshoot > 1.1 || (availableParallelism() >= 2 && (ratio >= 0.8 || smallRatio > 1.05))) process.exitCode = 1;
