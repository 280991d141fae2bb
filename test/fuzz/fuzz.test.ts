// Seeded mutation fuzzing of validate and lint over the real-config corpus (issue 14): whatever
// the input, no stack trace, an exit code in {0, 1, 2}, bounded time, and no planted credential
// or raw control character in any output format. GWCFG_FUZZ_CASES (default 2000) and
// GWCFG_FUZZ_SEED (default 1) choose the run; a failure names the case and keeps its mutant.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededUniform } from '../../src/sim/rng.js';
import { runCli } from '../helpers/cli.js';
import { runInProcess, type Run } from './in-process.js';
import { mutator } from './mutate.js';

const CASES = Number(process.env.GWCFG_FUZZ_CASES ?? 2000);
const SEED = Number(process.env.GWCFG_FUZZ_SEED ?? 1);
/** Every SPAWN_EVERY-th case also runs as a real process (bin/gwcfg.js), as users run it. */
const SPAWN_EVERY = 150;
const MAX_MS = 5000;
const FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit'];
const CORPUS = 'fixtures/corpus/litellm';

const STACK = /^\s+at .+(\(.*:\d+:\d+\)|:\d+:\d+)$/m;
// Output lines end in LF; nothing else below U+0020, and no DEL, C1, bidi or zero-width character.
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

function problems(run: Run, format: string, secret: string | null): string[] {
  const out: string[] = [];
  const all = run.stdout + run.stderr;
  if (![0, 1, 2].includes(run.status)) out.push(`exit code ${run.status}`);
  if (STACK.test(all) || /internal error|FATAL ERROR|node:internal/.test(all)) out.push('stack trace or internal error');
  if (run.ms > MAX_MS) out.push(`took ${Math.round(run.ms)} ms`);
  const raw = RAW.exec(all);
  if (raw) out.push(`raw U+${raw[0].codePointAt(0)!.toString(16).padStart(4, '0')} in the output`);
  if (secret) for (let i = 4; i + 8 <= secret.length; i++) if (all.includes(secret.slice(i, i + 8))) {
    out.push(`planted credential shown ('${secret.slice(i, i + 8)}')`);
    break;
  }
  if (run.status !== 2 && (format === 'json' || format === 'sarif')) {
    try {
      JSON.parse(run.stdout);
    } catch {
      out.push(`${format} output is not JSON`);
    }
  }
  return out;
}

test(`fuzz: ${CASES} mutants of the real-config corpus (seed ${SEED}) keep every output promise`, async () => {
  const seeds = readdirSync(CORPUS).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => readFileSync(join(CORPUS, f)));
  assert.ok(seeds.length > 20, 'the corpus is there');
  const random = seededUniform(SEED);
  const mutate = mutator(random, seeds);
  const dir = mkdtempSync(join(tmpdir(), 'gwcfg-fuzz-'));
  const failures: string[] = [];
  for (let id = 0; id < CASES && failures.length < 10; id++) {
    const mutant = mutate(seeds[Math.floor(random() * seeds.length)]);
    // Some file names carry control characters too.
    const name = id % 50 === 7 ? `m${id}\u001b[2K\n::error::x.yaml` : `m${id}.yaml`;
    const file = join(dir, name);
    writeFileSync(file, mutant.bytes);
    const command = random() < 0.5 ? 'validate' : 'lint';
    const format = FORMATS[Math.floor(random() * FORMATS.length)];
    const args = [command, file, '-f', format, '--no-color'];
    const runs: Run[] = [await runInProcess(args)];
    if (id % SPAWN_EVERY === 0) {
      const spawned = runCli(args);
      runs.push({ ...spawned, ms: 0 });
    }
    for (const run of runs) {
      const found = problems(run, format, mutant.secret);
      if (found.length > 0) failures.push(`case ${id} (${mutant.applied.join('+')}, ${command} -f ${format}, file ${JSON.stringify(file)}): ${found.join('; ')}\n${(run.stdout + run.stderr).slice(0, 400)}`);
    }
  }
  assert.deepEqual(failures, [], `fuzz failures (GWCFG_FUZZ_SEED=${SEED}); mutants kept in ${dir}`);
});
