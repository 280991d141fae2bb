// The model map through the CLI: no wall clock in a simulation, --model-cost-map and the
// model_cost_map key of .gwcfg.yaml on lint and simulate, and positioned errors for a bad map.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, runCli } from '../helpers/cli.js';

const FIXTURES = join(ROOT, 'test/fixtures/model-map');
const CONFIG = join(FIXTURES, 'cost-price-source.config.yaml');
const SCENARIO = join(FIXTURES, 'cost-price-source.scenario.yaml');
const TINY = join(FIXTURES, 'tiny-map.json');

function simulateAt(now: string): string {
  const r = spawnSync(process.execPath, ['--import', join(FIXTURES, 'fixed-date.mjs'), join(ROOT, 'bin/gwcfg.js'), 'simulate', CONFIG, '--scenario', SCENARIO, '--format', 'json', '--no-progress'], {
    cwd: ROOT,
    env: { ...process.env, GWCFG_TEST_NOW: now, NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

const requestsOf = (json: string) => (JSON.parse(json) as { deployments: Array<{ requests: number }> }).deployments.map((d) => d.requests);

test('the same cost-based simulation is byte-identical with the wall clock frozen at 10:00 and at 20:00 UTC (fidelity row 05)', () => {
  const morning = simulateAt('2026-11-30T10:00:00Z');
  const evening = simulateAt('2026-11-30T20:00:00Z');
  assert.equal(morning, evening);
  const [mini, deepseek] = requestsOf(morning);
  assert.equal(mini, 0, 'openai/gpt-4o-mini is not a key of LiteLLM\'s map: 5.0 + 5.0 per token');
  assert.ok(deepseek > 0, 'deepseek/deepseek-chat is priced by the map');
});

test('simulate --model-cost-map prices models from the given LiteLLM map', () => {
  const r = runCli(['simulate', CONFIG, '--scenario', SCENARIO, '--format', 'json', '--no-progress', '--model-cost-map', TINY]);
  assert.equal(r.status, 0, r.stderr);
  const [mini, deepseek] = requestsOf(r.stdout);
  assert.ok(mini > 0, 'the tiny map has openai/gpt-4o-mini at 1e-9 per token');
  assert.equal(deepseek, 0);
});

test('model_cost_map in .gwcfg.yaml selects the map for lint and simulate; --model-cost-map overrides it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gwcfg-map-'));
  try {
    copyFileSync(TINY, join(dir, 'prices.json'));
    writeFileSync(join(dir, '.gwcfg.yaml'), 'model_cost_map: prices.json\n');
    writeFileSync(
      join(dir, 'config.yaml'),
      'model_list:\n  - model_name: m\n    litellm_params: {model: openai/gpt-4o-mini}\n  - model_name: m\n    litellm_params: {model: openai/my-model}\nrouter_settings:\n  routing_strategy: cost-based-routing\n',
    );
    const unpriced = (args: string[]) => {
      const r = runCli(['lint', '--format', 'json', ...args, join(dir, 'config.yaml')]);
      return (JSON.parse(r.stdout).diagnostics as Array<{ ruleId: string; line: number }>).filter((d) => d.ruleId === 'strategies/cost-based-unpriced').map((d) => d.line);
    };
    assert.deepEqual(unpriced([]), [5], "the rc's map prices openai/gpt-4o-mini");
    assert.deepEqual(unpriced(['--no-config']), [3, 5], "gwcfg's built-in map has no key openai/gpt-4o-mini");
    const builtin = join(dir, 'builtin-like.json');
    writeFileSync(builtin, '{"gpt-4o-mini": {"litellm_provider": "openai", "input_cost_per_token": 1e-7, "output_cost_per_token": 1e-7}}');
    assert.deepEqual(unpriced(['--model-cost-map', builtin]), [3, 5], 'the flag beats the rc');
    const sim = runCli(['simulate', join(dir, 'config.yaml'), '--format', 'json', '--no-progress', '--requests', '20']);
    assert.equal(sim.status, 0, sim.stderr);
    assert.deepEqual(requestsOf(sim.stdout), [20, 0]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a model cost map that is not JSON is one positioned error line (exit 2), on lint and simulate', () => {
  for (const args of [['lint', CONFIG], ['simulate', CONFIG, '--no-progress']]) {
    const r = runCli([...args, '--model-cost-map', join(FIXTURES, 'bad-map.json')]);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /bad-map\.json:5:3: the model cost map is not valid JSON \(.+\); pass LiteLLM's model_prices_and_context_window\.json\n$/);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  }
  const missing = runCli(['lint', CONFIG, '--model-cost-map', join(FIXTURES, 'no-such-map.json')]);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /cannot read model cost map .*no-such-map\.json: no such file/);
  const notObject = runCli(['lint', CONFIG, '--model-cost-map', join(ROOT, 'package-lock.json')]);
  assert.equal(notObject.status, 0, 'any JSON object is a map (unknown keys are ignored)');
});

test('model_cost_map in .gwcfg.yaml is schema-checked like the other keys', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gwcfg-map-'));
  try {
    writeFileSync(join(dir, '.gwcfg.yaml'), 'rules: {}\nmodel_cost_map: 5\n');
    writeFileSync(join(dir, 'config.yaml'), 'model_list: []\n');
    const r = runCli(['lint', join(dir, 'config.yaml')]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /\.gwcfg\.yaml:2:17: .*string/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a FIFO or device as --model-cost-map is refused unopened instead of hanging (one line, exit 2)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gwcfg-map-fifo-'));
  try {
    const fifo = join(dir, 'map.json');
    spawnSync('mkfifo', [fifo]);
    for (const [map, why] of [[fifo, 'is a named pipe \\(FIFO\\), not a regular file'], ['/dev/zero', 'is a device, not a regular file']]) {
      for (const args of [['lint', CONFIG], ['simulate', CONFIG, '--no-progress', '--requests', '5']]) {
        // Before: openSync(map) waited for a writer forever (the timeout turned it into a null status).
        const r = spawnSync(process.execPath, [join(ROOT, 'bin/gwcfg.js'), ...args, '--model-cost-map', map], { encoding: 'utf8', timeout: 20_000 });
        assert.equal(r.status, 2, `${args[0]} ${map}: ${r.stderr}`);
        assert.match(r.stderr, new RegExp(`^gwcfg: cannot read model cost map ${map}: ${why}\\n$`));
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
