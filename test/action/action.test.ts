// action.yml run locally: every `run:` step of the composite action, in order, with the step's
// `env:` evaluated from the test's inputs (as GitHub does for `${{ inputs.x }}` and
// `${{ github.action_path }}`), bash as GitHub runs it, and GITHUB_OUTPUT in a temp file. The
// `uses:` step (actions/setup-node) is GitHub's and is only checked, not run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { marked, type Tokens } from 'marked';
import { ROOT } from '../helpers/cli.js';

interface Step {
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  id?: string;
}
interface Action {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as Action;

function expression(text: string, inputs: Record<string, string>): string {
  return text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expr: string) => {
    if (expr === 'github.action_path') return ROOT.replace(/\/$/, '');
    const input = /^inputs\.([\w-]+)$/.exec(expr);
    if (input) return inputs[input[1]] ?? action.inputs[input[1]]?.default ?? '';
    throw new Error(`expression not modelled by the test: ${expr}`);
  });
}

/** Runs the action's steps in `cwd`; returns the last step's status, all output and GITHUB_OUTPUT. */
function runAction(cwd: string, given: Record<string, string>) {
  for (const name of Object.keys(given)) assert.ok(name in action.inputs, `unknown input ${name}`);
  const outputFile = join(cwd, '.github-output');
  const summaryFile = join(cwd, '.github-step-summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  let out = '';
  let status = 0;
  for (const step of action.runs.steps) {
    if (step.uses) continue;
    assert.equal(step.shell, 'bash');
    assert.doesNotMatch(step.run!, /\$\{\{/, 'inputs reach the script through env only');
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', GITHUB_ACTIONS: 'true', GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile, GITHUB_ACTION_PATH: ROOT };
    for (const [k, v] of Object.entries(step.env ?? {})) env[k] = expression(v, given);
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], { cwd, env, encoding: 'utf8', timeout: 120_000 });
    out += r.stdout + r.stderr;
    status = r.status ?? -1;
    if (status !== 0) break;
  }
  return { status, out, outputs: readFileSync(outputFile, 'utf8'), summary: readFileSync(summaryFile, 'utf8') };
}

function scratch(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'gwcfg-action-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const clean = 'model_list:\n  - model_name: gpt-4o\n    litellm_params:\n      model: openai/gpt-4o\n';
const broken = `${clean}router_settings:\n  num_retires: 2\n`;

test('action.yml is a composite action that sets up Node and exposes the documented inputs', () => {
  assert.equal(action.runs.using, 'composite');
  assert.match(action.runs.steps[0].uses ?? '', /^actions\/setup-node@v\d+$/);
  assert.deepEqual(Object.keys(action.inputs).sort(), ['args', 'command', 'format', 'max-warnings', 'node-version', 'paths', 'sarif-file', 'step-summary']);
  assert.match(action.outputs['exit-code'].value, /steps\.run\.outputs\.exit-code/);
});

test('the action annotates findings, writes SARIF for upload-sarif and fails with exit code 1', () => {
  const dir = scratch({ 'litellm.yaml': broken, 'other.yaml': clean });
  try {
    const r = runAction(dir, { paths: 'litellm.yaml\nother.yaml', 'sarif-file': 'gwcfg.sarif' });
    assert.equal(r.status, 1, r.out);
    assert.match(r.out, /^::error file=litellm\.yaml,line=6,/m);
    assert.match(r.outputs, /^exit-code=1$/m);
    const sarif = JSON.parse(readFileSync(join(dir, 'gwcfg.sarif'), 'utf8'));
    assert.equal(sarif.version, '2.1.0');
    assert.ok(sarif.runs[0].results.some((res: { ruleId: string }) => res.ruleId === 'schema/unknown-key'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the action passes on a clean config, and max-warnings turns warnings into a failure', () => {
  const dir = scratch({ 'litellm.yaml': `${clean}router_settings:\n  window_size: 5\n` });
  try {
    const ok = runAction(dir, { command: 'validate', paths: 'litellm.yaml' });
    assert.equal(ok.status, 0, ok.out);
    assert.match(ok.out, /^::warning file=litellm\.yaml,line=6,/m);
    assert.match(ok.outputs, /^exit-code=0$/m);
    const strict = runAction(dir, { command: 'validate', paths: 'litellm.yaml', 'max-warnings': '0', format: 'stylish' });
    assert.equal(strict.status, 1, strict.out);
    assert.match(strict.out, /litellm\.yaml:6:3 +warning/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the action refuses a command other than validate or lint (exit 2, one annotation)', () => {
  const dir = scratch({});
  try {
    const r = runAction(dir, { command: 'simulate' });
    assert.equal(r.status, 2);
    assert.match(r.out, /::error title=gwcfg action::input 'command' must be 'validate' or 'lint', not 'simulate'/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the action appends the findings as a Markdown table to the step summary (step-summary: false = none)', () => {
  const dir = scratch({ 'litellm.yaml': broken });
  try {
    const r = runAction(dir, { paths: 'litellm.yaml' });
    assert.equal(r.status, 1, r.out);
    const table = marked.lexer(r.summary).find((t): t is Tokens.Table => t.type === 'table');
    assert.ok(table, r.summary);
    assert.ok(table.rows.some((row) => row[2].text === 'schema/unknown-key'), JSON.stringify(table.rows));
    assert.doesNotMatch(r.out, /### gwcfg/, 'the log keeps its own format');
    const off = runAction(dir, { paths: 'litellm.yaml', 'step-summary': 'false' });
    assert.equal(off.status, 1);
    assert.equal(off.summary, '');
    const bad = runAction(dir, { paths: 'litellm.yaml', 'step-summary': 'yes' });
    assert.equal(bad.status, 2);
    assert.match(bad.out, /input 'step-summary' must be 'true' or 'false', not 'yes'/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
