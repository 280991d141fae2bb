import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { executeSimulate } from '../../src/sim/command.js';
import { register } from '../../src/cli/simulate.js';
import { CliError } from '../../src/cli/errors.js';

const DIR = 'fixtures/scenarios';

function sink(isTTY = false) {
  let text = '';
  const stream = { isTTY, write: (s: string) => ((text += s), true) } as unknown as NodeJS.WriteStream;
  return { stream, text: () => text };
}

async function run(config: string, options: Record<string, unknown>, env: NodeJS.ProcessEnv = {}, tty = false) {
  const out = sink(tty);
  const err = sink(tty);
  const code = await executeSimulate(config, { format: 'table', ...options }, { stdout: out.stream, stderr: err.stream, env });
  return { code, stdout: out.text(), stderr: err.text() };
}

test('register adds the simulate command with its options', () => {
  const program = new Command('gwcfg');
  register(program);
  const cmd = program.commands.find((c) => c.name() === 'simulate');
  assert.ok(cmd);
  const flags = cmd.options.map((o) => o.long);
  for (const f of ['--scenario', '--seed', '--strategy', '--compare', '--jobs', '--format', '--duration', '--requests', '--no-progress']) assert.ok(flags.includes(f), f);
});

test('--format json prints Contract 4, byte-identical across runs', async () => {
  const args = { scenario: `${DIR}/ab-split.scenario.yaml`, format: 'json', progress: false };
  const a = await run(`${DIR}/ab-split.config.yaml`, args);
  const b = await run(`${DIR}/ab-split.config.yaml`, args);
  assert.equal(a.code, 0);
  assert.equal(a.stdout, b.stdout);
  const r = JSON.parse(a.stdout);
  assert.equal(r.version, 1);
  assert.equal(r.seed, 3);
  for (const key of ['requests', 'succeeded', 'failed', 'retries', 'fallbacks', 'rate_limited', 'no_deployment', 'latency_ms', 'cost_usd']) assert.ok(key in r.totals, key);
  for (const key of ['index', 'id', 'model_name', 'model', 'requests', 'share', 'succeeded', 'failed', 'rate_limited', 'latency_ms', 'cost_usd', 'cooldowns', 'cooldown_seconds', 'circuit_opens']) assert.ok(key in r.deployments[0], key);
  assert.deepEqual(Object.keys(r.timeline[0]).slice(0, 5), ['t', 'requests', 'succeeded', 'failed', 'by_deployment']);
  assert.equal(a.stderr, '', 'no progress with --no-progress');
});

test('flags override the scenario: --seed, --duration, --requests, --strategy', async () => {
  const r = JSON.parse((await run(`${DIR}/ab-split.config.yaml`, { scenario: `${DIR}/ab-split.scenario.yaml`, format: 'json', progress: false, seed: '99', duration: '60s', strategy: 'least-busy' })).stdout);
  assert.equal(r.seed, 99);
  assert.equal(r.simulated_seconds, 60);
  assert.equal(r.strategy, 'least-busy');
  const n = JSON.parse((await run(`${DIR}/ab-split.config.yaml`, { format: 'json', progress: false, requests: '500' })).stdout);
  assert.equal(n.totals.requests, 500);
});

test('table output and plain progress lines when stdout is not a terminal (or under CI)', async () => {
  const r = await run(`${DIR}/multi-region-failover.config.yaml`, { scenario: `${DIR}/multi-region-failover.scenario.yaml` });
  assert.equal(r.code, 0);
  assert.match(r.stdout, /strategy latency-based-routing  seed 7/);
  assert.match(r.stdout, /deployment\s+calls\s+share/);
  assert.match(r.stderr, /simulate latency-based-routing \(seed 7\): 60s\/600s/);
  assert.match(r.stderr, /finished/);
  const ci = await run(`${DIR}/ab-split.config.yaml`, { scenario: `${DIR}/ab-split.scenario.yaml` }, { CI: 'true' }, true);
  assert.match(ci.stderr, /simulate simple-shuffle/, 'CI gets plain lines even on a TTY');
});

test('--compare runs strategies side by side on identical traffic', async () => {
  const r = await run(`${DIR}/cost-performance-tiering.config.yaml`, {
    scenario: `${DIR}/cost-performance-tiering.scenario.yaml`, compare: 'cost-based-routing,latency-based-routing', jobs: '2', format: 'json', progress: false,
  });
  const out = JSON.parse(r.stdout);
  assert.equal(out.version, 1);
  assert.deepEqual(out.runs.map((x: { strategy: string }) => x.strategy), ['cost-based-routing', 'latency-based-routing']);
  assert.equal(out.runs[0].totals.requests, out.runs[1].totals.requests);
  const table = await run(`${DIR}/cost-performance-tiering.config.yaml`, { scenario: `${DIR}/cost-performance-tiering.scenario.yaml`, compare: 'cost-based-routing,simple-shuffle', jobs: '1', progress: false });
  assert.match(table.stdout, /strategy\s+requests\s+success/);
  assert.match(table.stdout, /cost-based-routing/);
});

test('an invalid scenario exits 1 with positioned diagnostics (Contract 2 JSON under --format json)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gwcfg-sim-'));
  const file = join(dir, 'bad.yaml');
  writeFileSync(file, 'traffic:\n  - model: claude-experiment\n    rate: fast\n');
  const r = await run(`${DIR}/ab-split.config.yaml`, { scenario: file, format: 'json', progress: false });
  const code = r.code;
  const captured = r.stdout;
  assert.equal(code, 1);
  const d = JSON.parse(captured).diagnostics;
  assert.equal(d[0].file, file);
  assert.equal(d[0].line, 3);
  assert.equal(d[0].column, 11);
  const stylish = await run(`${DIR}/ab-split.config.yaml`, { scenario: file, progress: false });
  assert.equal(stylish.code, 1);
  assert.match(stylish.stdout, /bad\.yaml:3:11/);
});

test('usage errors are CliErrors (exit 2)', async () => {
  await assert.rejects(run(`${DIR}/ab-split.config.yaml`, { strategy: 'fastest' }), (e: unknown) => e instanceof CliError && /unknown strategy 'fastest'/.test(e.message));
  await assert.rejects(run(`${DIR}/ab-split.config.yaml`, { duration: 'soon' }), CliError);
  await assert.rejects(run(`${DIR}/nope.yaml`, {}), (e: unknown) => e instanceof CliError && /cannot read/.test(e.message));
  await assert.rejects(run(`${DIR}/ab-split.config.yaml`, { scenario: `${DIR}/nope.yaml` }), CliError);
  await assert.rejects(run(`${DIR}/ab-split.config.yaml`, { compare: 'simple-shuffle', strategy: 'least-busy' }), CliError);
  await assert.rejects(run(`${DIR}/ab-split.config.yaml`, { litellmVersion: '2023' }), (e: unknown) => e instanceof CliError && /--litellm-version: expected a LiteLLM release such as 1\.80/.test(e.message));
  await assert.rejects(run(`${DIR}/ab-split.config.yaml`, { litellmVersion: '1.99' }), (e: unknown) => e instanceof CliError && /newer than the newest release gwcfg models/.test(e.message));
});

test('simulate with gateway replicas: the Redis keys are simulated (no not-simulated notice), a redis_host without redis_port gets a note', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gwcfg-replicas-'));
  const config = join(dir, 'config.yaml');
  writeFileSync(config, 'model_list:\n  - model_name: chat\n    litellm_params: { model: openai/gpt-4o, rpm: 60 }\nrouter_settings:\n  routing_strategy: usage-based-routing-v2\n  redis_host: redis\n');
  const one = await run(config, { format: 'json', requests: '50' });
  assert.match(one.stderr, /router_settings\.redis_host is not simulated/);
  const scenario = join(dir, 'scenario.yaml');
  writeFileSync(scenario, 'duration: 30s\ntraffic: [{ model: chat, rate: 5/s }]\ngateway: { replicas: 3 }\n');
  const three = await run(config, { format: 'json', scenario });
  assert.equal(three.code, 0);
  assert.doesNotMatch(three.stderr, /is not simulated/);
  assert.match(three.stderr, /gwcfg: note: router_settings\.redis_host without redis_port: .*the 3 replicas share nothing/);
  const result = JSON.parse(three.stdout);
  assert.deepEqual(result.not_simulated, []);
  assert.equal(result.gateway.replicas, 3);
  assert.equal(result.gateway.redis, false);
});
