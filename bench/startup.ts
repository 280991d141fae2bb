// Shared start-up benchmark: wall time of a gwcfg command against bare `node -e 0`, interleaved in
// the same run so machine noise hits both alike. Judged on the median of the rounds' own ratios
// (each gwcfg run over its round's bare run, the run just before it), printed with the ratio of the two medians
// beside; reports whether this run met the target (one run; noise can still flip a ratio near it).
//
// The target (issues 2 and 5: <= 1.3) was set in this environment against a reference, "a bundled
// yaml + precompiled-ajv prototype [that] reached 1.2 on these machines". That reference is
// rebuilt here (startup-reference.ts) and measured in the same rounds, so each run shows what the
// target's own yardstick scores today. These machines set NODE_EXTRA_CA_CERTS, and Node parses
// those certificates at every start (~40-60 ms over a ~25 ms start): the target's 1.3 is a ratio
// to that start. When the variable is set, the bench also measures every side without it, as a
// user's plain `node` starts, and prints those ratios beside (not judged: the reference itself
// scores ~1.45 there, see docs/architecture.md "Start-up").
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The environment as it is (NODE_OPTIONS aside, which is not part of a bare start). */
const AS_IS = { ...process.env };
delete AS_IS.NODE_OPTIONS;
/** A plain Node start: no extra certificates to parse. */
const CLEAN = { ...AS_IS };
delete CLEAN.NODE_EXTRA_CA_CERTS;
const HAS_EXTRA_CERTS = AS_IS.NODE_EXTRA_CA_CERTS !== undefined && AS_IS.NODE_EXTRA_CA_CERTS !== '';

function time(args: string[], env: NodeJS.ProcessEnv): number {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore', env });
  if (r.error) throw r.error;
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/**
 * Interleaved rounds per line. Identical runs of this VM vary by up to ~25 % (docs/architecture.md,
 * Start-up), and with 25-30 rounds a line's ratio moved by up to ±0.06 from one bench run to the
 * next (lint of gateway.yaml 1.22-1.34 over one day); 45 rounds (~20 s per line) narrow that by
 * about a quarter (as 1/sqrt(n)).
 */
const ROUNDS = 45;

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * The median over rounds of `tool[i] / bare[i]` (ms over ms, two runs of round i: gwcfg right
 * after bare node, the reference one run later): the ratio the start-up lines are judged on. Bare node's start drifts slowly on these
 * machines (60-100 ms within one run, from the certificates' parse, see docs/architecture.md "The
 * benchmark's baseline"); a round's two runs see much the same machine, so pairing them cancels
 * the drift that the ratio of two medians keeps. Over 200 rounds of validate both estimators gave
 * 1.24, but over blocks of 45 rounds the ratio of medians spread with a standard deviation of
 * 0.050 and the paired median with 0.027. Throws when the lists differ in length or are empty.
 */
export function pairedRatio(tool: readonly number[], bare: readonly number[]): number {
  if (tool.length !== bare.length || tool.length === 0) throw new Error(`pairedRatio: ${tool.length} runs against ${bare.length} bare runs`);
  return median(tool.map((t, i) => t / bare[i]));
}

let reference: string | null = null;
/** The reference prototype, bundled into a temporary directory with a launcher that code-caches it. */
function referenceLauncher(): string {
  if (reference !== null) return reference;
  const dir = mkdtempSync(join(tmpdir(), 'gwcfg-startup-reference-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  buildSync({
    entryPoints: [join(ROOT, 'bench', 'startup-reference.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    minify: true,
    outfile: join(dir, 'bundle.cjs'),
    // the yaml package's ES build, as gwcfg's start-up bundle takes it (scripts/build.mjs)
    alias: { yaml: join(ROOT, 'node_modules', 'yaml', 'browser', 'dist', 'index.js') },
    logLevel: 'warning',
  });
  const launcher = join(dir, 'launch.cjs');
  writeFileSync(
    launcher,
    [
      "'use strict';",
      "const { readFileSync, writeFileSync } = require('node:fs');",
      "const vm = require('node:vm');",
      "const file = require('node:path').join(__dirname, 'bundle.cjs');",
      "const cacheFile = file + '.v8cache';",
      "const source = '(function (exports, require, module, __filename, __dirname) {' + readFileSync(file, 'latin1') + '\\n})';",
      'let cachedData;',
      'try { cachedData = readFileSync(cacheFile); } catch {}',
      'const script = new vm.Script(source, { filename: file, cachedData });',
      'const m = { exports: {} };',
      'script.runInThisContext().call(m.exports, m.exports, require, m, file, __dirname);',
      "if (!cachedData || script.cachedDataRejected) process.once('exit', () => writeFileSync(cacheFile, script.createCachedData()));",
    ].join('\n'),
  );
  reference = launcher;
  return launcher;
}

/**
 * Prints `label`'s ratio to bare `node -e 0` over `runs` interleaved rounds (pairedRatio), judged against
 * `target`; with a reference line (the prototype the target was set against, on the same input as
 * the command's last argument) and, when NODE_EXTRA_CA_CERTS is set, the ratios without it.
 */
export function benchStartup(label: string, args: string[], target: number, runs = ROUNDS): void {
  const sides: { args: string[]; env: NodeJS.ProcessEnv; times: number[] }[] = [];
  const side = (a: string[], env: NodeJS.ProcessEnv) => {
    const s = { args: a, env, times: [] as number[] };
    sides.push(s);
    return s;
  };
  const ref = [referenceLauncher(), args[args.length - 1]];
  const bare = side(['-e', '0'], AS_IS);
  const tool = side(['bin/gwcfg.js', ...args], AS_IS);
  const proto = side(ref, AS_IS);
  const clean = HAS_EXTRA_CERTS ? { bare: side(['-e', '0'], CLEAN), tool: side(['bin/gwcfg.js', ...args], CLEAN), proto: side(ref, CLEAN) } : null;
  for (let i = 0; i < 3; i++) for (const s of sides) time(s.args, s.env); // warm-up (and code caches)
  for (let i = 0; i < runs; i++) for (const s of sides) s.times.push(time(s.args, s.env));
  const ratio = pairedRatio(tool.times, bare.times);
  const ofMedians = median(tool.times) / median(bare.times);
  console.log(
    `${label}: median ${median(tool.times).toFixed(1)} ms vs bare node ${median(bare.times).toFixed(1)} ms -> ratio ${ratio.toFixed(2)} (median of ${runs} rounds' ratios; ratio of the medians ${ofMedians.toFixed(2)}) (target <= ${target}: ${ratio <= target ? 'met' : 'NOT met'})`,
  );
  console.log(`  reference (issue 2's bundled yaml + precompiled-ajv prototype, same input): ratio ${pairedRatio(proto.times, bare.times).toFixed(2)}`);
  if (clean !== null) {
    const b = median(clean.bare.times);
    console.log(`  without NODE_EXTRA_CA_CERTS (bare node ${b.toFixed(1)} ms): gwcfg ${pairedRatio(clean.tool.times, clean.bare.times).toFixed(2)}, reference ${pairedRatio(clean.proto.times, clean.bare.times).toFixed(2)} (not judged)`);
  }
}
