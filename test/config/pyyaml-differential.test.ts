// Differential test of gwcfg's YAML loading against PyYAML's yaml.safe_load, which is what
// LiteLLM uses: seeded mutants of real configs go through both, and they must agree on accepting
// or rejecting each one, on the loaded value with its scalar types, and on the line of the error.
// PyYAML (Debian python3-yaml) must be installed: .ci/run installs it, and this test fails
// rather than skips without it. GWCFG_PYYAML_MUTANTS raises the count (default 3000).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gwcfgVerdict, normalize, TABLE, type Verdict } from './pyyaml-canon.js';
import { seededUniform, type Uniform } from '../../src/sim/rng.js';

const PYTHON = process.env.GWCFG_PYTHON ?? 'python3';
const ORACLE = join(import.meta.dirname, 'pyyaml-oracle.py');
const MUTANTS = Number(process.env.GWCFG_PYYAML_MUTANTS ?? 3000);
const SEED = Number(process.env.GWCFG_PYYAML_SEED ?? 20261201);

// The real-config corpus: fixtures/corpus/ when present, and the copies kept for this test.
function corpus(): string[] {
  const dirs = ['fixtures/corpus/litellm', 'test/fixtures/yaml/corpus'].filter((d) => existsSync(d));
  const texts = new Map<string, string>();
  for (const dir of dirs) for (const f of readdirSync(dir).sort()) if (/\.ya?ml$/.test(f) && !texts.has(f)) texts.set(f, readFileSync(join(dir, f), 'utf8'));
  return [...texts.values()];
}

// Tokens that exercise YAML 1.1 as PyYAML reads it.
const VALUES = [
  'y', 'n', 'yes', 'No', 'on', 'OFF', 'true', 'True', 'TRUE', 'tRUE', '0o17', '0x1F', '0b101', '017', '08', '1_000', '+12', '-0', '1:30',
  '190:20:30', '1:30.5', '1e5', '1.0e5', '1.0e+5', '.5', '1.', '.inf', '-.Inf', '.NaN', '~', 'null', 'Null', 'NULL', '', '=', '<<',
  '2024-02-01', '2024-2-1', '2024-02-30', '2001-12-14t21:59:43.10-05:00', '2001-12-14 21:59:43.10 -5', '2001-12-14 21:59:43Z',
  '!!binary aGVsbG8=', '!!binary aGVsbG8', '!!int "12"', '!!float 1', '!!str 12', '! 12', "! '12'", '!!bool yes', '!!null x',
  '!!timestamp 2020-01-01', '!!set {a, b}', '!!omap [a: 1, b: 2]', '!!pairs [a: 1]', '"quoted"', "'single'", '|\n  block\n', '>-\n  folded\n  text\n',
  '&anc value', '*anc', '[1, 2]', '{a: 1}', '{a: 1, a: 2}', '"\\x41\\u00e9"', '"\\/"', '"\\q"', '0.1_0', '1__0', '_1', '0_', '0x_', '!Ref x',
  '!!python/object:os.system x', '1.5e-3', '-1.5E+3', '0.', '-.5', '12:60', '3:25:45', '0b', '00', '+0', '!!int 0o17', '!!float .5e+1',
  '"a\\tb"', "'it''s'", '? x', '[a: 1]', '{? a}', '- - x', '{a: [b, {c: d}]}', '"\\U0001F600"', '2024-02-01T10:00:00', '100_000.5',
];
const INSERTS = [
  ':', ': ', '-', '- ', '#', ' #', '&a ', '*a', '!', '!!str ', '!Ref ', '|', '>', '"', "'", '\t', '\r', '\r\n', '[', ']', '{', '}', ',', '?',
  '? ', '%', '@', '`', '<<: *a', '---\n', '...\n', '\x1b', '\x7f', '\ufeff', ' ', '  ', '\n', '\u00a0', '&a', '*', '&', '\\', 'é',
];

function pick<T>(rnd: Uniform, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)];
}

/** A window of a config: from a top-level key, 5 to 40 lines (PyYAML is slow; mutations are local). */
function window(text: string, rnd: Uniform): string {
  const lines = text.split('\n');
  const starts = lines.map((l, i) => (/^[\w-]/.test(l) ? i : -1)).filter((i) => i >= 0);
  const start = starts.length > 0 ? pick(rnd, starts) : 0;
  return lines.slice(start, start + 5 + Math.floor(rnd() * 36)).join('\n') + '\n';
}

function mutate(text: string, rnd: Uniform): string {
  let out = window(text, rnd);
  const n = 1 + Math.floor(rnd() * 3);
  for (let k = 0; k < n; k++) {
    const lines = out.split('\n');
    const li = Math.floor(rnd() * lines.length);
    const op = Math.floor(rnd() * 8);
    if (op === 0) {
      const at = Math.floor(rnd() * (out.length + 1));
      out = out.slice(0, at) + pick(rnd, INSERTS) + out.slice(at);
    } else if (op === 1) {
      const at = Math.floor(rnd() * out.length);
      out = out.slice(0, at) + out.slice(at + 1 + Math.floor(rnd() * 6));
    } else if (op === 2) {
      lines.splice(li, 0, lines[Math.floor(rnd() * lines.length)]);
      out = lines.join('\n');
    } else if (op === 3) {
      lines.splice(li, 1);
      out = lines.join('\n');
    } else if (op === 4) {
      const delta = pick(rnd, [-2, -1, 1, 2]);
      lines[li] = delta > 0 ? ' '.repeat(delta) + lines[li] : lines[li].replace(new RegExp(`^ {1,${-delta}}`), '');
      out = lines.join('\n');
    } else if (op === 5 || op === 6) {
      // Replace a value after `key: ` (most mutants keep the structure and change a type).
      const candidates = lines.map((l, i) => (/^\s*-?\s*[\w.-]+: \S/.test(l) ? i : -1)).filter((i) => i >= 0);
      if (candidates.length === 0) continue;
      const i = pick(rnd, candidates);
      const indent = ' '.repeat(lines[i].length - lines[i].trimStart().length + 2);
      lines[i] = lines[i].replace(/: .*$/, `: ${pick(rnd, VALUES).replaceAll('\n', `\n${indent}`)}`.trimEnd());
      out = lines.join('\n');
    } else {
      // An anchor on one mapping value and an alias or merge of it elsewhere.
      const keys = lines.map((l, i) => (/^\s*-?\s*[\w.-]+:\s*$/.test(l) ? i : -1)).filter((i) => i >= 0);
      if (keys.length < 1) continue;
      const a = pick(rnd, keys);
      lines[a] += ' &a';
      const b = Math.floor(rnd() * lines.length);
      const indent = lines[b].length - lines[b].trimStart().length;
      lines.splice(b + 1, 0, `${' '.repeat(indent)}${pick(rnd, ['<<: *a', 'x_alias: *a', '<<: [*a]', '- *a'])}`);
      out = lines.join('\n');
    }
  }
  return out;
}

/** Runs the oracle in two python3 processes (CI has 2 cores), many documents each. */
async function pyyamlVerdicts(docs: Buffer[]): Promise<Verdict[]> {
  const runOne = (ids: number[]): Promise<string> =>
    new Promise((resolve, reject) => {
      const child = spawn(PYTHON, [ORACLE], { stdio: ['pipe', 'pipe', 'pipe'] });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout.on('data', (c: Buffer) => out.push(c));
      child.stderr.on('data', (c: Buffer) => err.push(c));
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve(Buffer.concat(out).toString('utf8')) : reject(new Error(`PyYAML oracle exited ${code} (is python3-yaml installed? apt-get install python3-yaml): ${Buffer.concat(err).toString('utf8').slice(0, 500)}`))));
      child.stdin.end(ids.map((id) => JSON.stringify({ id, b64: docs[id].toString('base64') })).join('\n') + '\n');
    });
  const ids = docs.map((_, i) => i);
  const outputs = await Promise.all([ids.filter((i) => i % 2 === 0), ids.filter((i) => i % 2 === 1)].map(runOne));
  const verdicts: Verdict[] = [];
  for (const line of outputs.join('').trim().split('\n')) {
    const r = JSON.parse(line) as Verdict & { id: number };
    verdicts[r.id] = r.value === undefined ? r : { value: normalize(r.value) };
  }
  return verdicts;
}

test('PyYAML is installed (the differential test needs it; .ci/run installs python3-yaml)', () => {
  const run = spawnSync(PYTHON, ['-c', 'import yaml; print(yaml.__version__)'], { encoding: 'utf8' });
  assert.equal(run.status, 0, `python3 cannot import yaml: ${run.stderr || run.error?.message}; install it with apt-get install python3-yaml`);
});

test('the PyYAML table (test/fixtures/yaml/pyyaml-table.json, checked by pyyaml-table.test.ts) holds what PyYAML says', async () => {
  const verdicts = await pyyamlVerdicts(TABLE.map((row) => Buffer.from(row.yaml)));
  TABLE.forEach((row, i) => {
    const { lines: _lines, id: _id, ...actual } = verdicts[i] as Verdict & { id?: number };
    const recorded = row.pyyaml.value === undefined ? row.pyyaml : { value: normalize(row.pyyaml.value) };
    assert.deepEqual(actual, recorded, `table row "${row.name}": PyYAML says ${JSON.stringify(actual)}; run node scripts/pyyaml-table.mjs`);
  });
});

test(`gwcfg loads YAML exactly as PyYAML safe_load: ${MUTANTS} seeded mutants of real configs`, async () => {
  const texts = corpus();
  assert.ok(texts.length >= 10, 'the real-config corpus is missing');
  const rnd = seededUniform(SEED);
  const docs = texts.map((t) => Buffer.from(t));
  for (let i = 0; i < MUTANTS; i++) docs.push(Buffer.from(mutate(pick(rnd, texts), rnd)));
  const expected = await pyyamlVerdicts(docs);
  const disagreements: string[] = [];
  const counts = { accepted: 0, rejected: 0, recursive: 0 };
  docs.forEach((doc, i) => {
    const py = expected[i];
    let ours: Verdict;
    try {
      ours = gwcfgVerdict(doc);
    } catch (error) {
      ours = { error: `gwcfg threw ${(error as Error).message}` };
    }
    let problem = '';
    if (py.recursive || ours.recursive) {
      // A value that contains itself: PyYAML builds it, gwcfg refuses it on purpose (docs/yaml.md);
      // when PyYAML fails on something else in the same file, both reject.
      counts.recursive++;
      if (!(ours.recursive && (py.recursive || py.error))) problem = `recursive: pyyaml ${JSON.stringify(py)} gwcfg ${JSON.stringify(ours)}`;
    } else if ((py.error === undefined) !== (ours.error === undefined)) {
      problem = py.error ? `PyYAML rejects (${py.error}, line ${py.lines}), gwcfg accepts` : `gwcfg rejects (${ours.error}, line ${ours.line}), PyYAML accepts`;
    } else if (py.error) {
      counts.rejected++;
      // Scanner, parser and composer errors must be on a line PyYAML names, or between its context
      // mark ("while parsing a block mapping" here) and its problem mark. For constructor
      // errors PyYAML marks the anchored node an alias refers to; gwcfg points at the alias or
      // `<<` instead, so there the kind of error must agree.
      if (py.error.startsWith('ConstructorError') || py.error.startsWith('ValueError')) {
        if (!/^yaml\/(unknown-tag|bad-merge|complex-key|bad-value):/.test(ours.error!)) problem = `PyYAML cannot construct a value (${py.error}), gwcfg says ${ours.error}`;
      } else if (py.lines?.length && !(ours.line! >= Math.min(...py.lines) && ours.line! <= Math.max(...py.lines))) problem = `both reject, but at line ${ours.line} (${ours.error}) vs PyYAML line ${py.lines.join(' or ')} (${py.error})`;
    } else {
      counts.accepted++;
      try {
        assert.deepStrictEqual(ours.value, py.value);
      } catch {
        problem = `values differ: gwcfg ${JSON.stringify(ours.value).slice(0, 300)} PyYAML ${JSON.stringify(py.value).slice(0, 300)}`;
      }
    }
    if (problem) disagreements.push(`mutant ${i}: ${problem}\n--- input ---\n${JSON.stringify(doc.toString('utf8'))}`);
  });
  // GWCFG_PYYAML_REPORT=FILE writes every disagreement with its input, for debugging.
  if (process.env.GWCFG_PYYAML_REPORT) writeFileSync(process.env.GWCFG_PYYAML_REPORT, disagreements.join('\n\n'));
  assert.ok(counts.accepted > MUTANTS / 10 && counts.rejected > MUTANTS / 10, `mutants should mix accepted and rejected: ${JSON.stringify(counts)}`);
  assert.equal(disagreements.length, 0, `${disagreements.length} disagreements with PyYAML (${JSON.stringify(counts)}); first ones:\n${disagreements.slice(0, 5).join('\n\n')}`);
});
