// Every scenario ends in bounded time and memory: absurd values are refused with a positioned
// message that states the limit, and what no check can foresee is capped at run time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { executeSimulate } from '../../src/sim/command.js';
import { prepareScenario } from '../../src/sim/prepare.js';
import { SimulationRun } from '../../src/sim/run.js';
import { LIMITS } from '../../src/sim/limits.js';
import { constant } from '../../src/sim/distributions.js';
import { CliError } from '../../src/cli/errors.js';

const DIR = 'test/fixtures/sim/hostile';
const CONFIG = parse(readFileSync(`${DIR}/config.yaml`, 'utf8'));

type Diag = { ruleId: string; line: number; column: number; message: string };

function diagnostics(text: string, overrides = {}): Diag[] {
  const r = prepareScenario(CONFIG, { file: 's.yaml', text }, overrides);
  return r.ok ? [] : (r.diagnostics as Diag[]);
}

const HOSTILE: Array<[file: string, line: number, column: number, message: RegExp]> = [
  ['duration-1e12.scenario.yaml', 1, 11, /'duration' is .* at most 86,400 s \(24 h\) per run/],
  ['requests-1e12.scenario.yaml', 1, 11, /'requests' is 1,000,000,000,000; .* at most 5,000,000 client requests per run/],
  ['rate-1e12.scenario.yaml', 4, 11, /rate is 1,000,000,000,000\/s; .* at most 100,000 requests\/s per traffic source/],
  ['phase-multiplier-1e9.scenario.yaml', 6, 42, /'multiplier' is 1,000,000,000; at most 1,000/],
  ['unknown-keys-silently-dropped.scenario.yaml', 2, 1, /unknown key 'spike_at' at the top level of the scenario/],
  ['empty.scenario.yaml', 1, 1, /a scenario needs at least 'traffic'/],
  ['scenario-status-200.scenario.yaml', 8, 37, /status' must be ≥ 400/],
];

for (const [file, line, column, message] of HOSTILE) {
  test(`hostile scenario ${file}: refused at ${line}:${column}, fast, saying why`, async () => {
    const text = readFileSync(`${DIR}/${file}`, 'utf8');
    const d = diagnostics(text);
    assert.ok(d.length >= 1, 'refused');
    assert.equal(d[0].line, line);
    assert.equal(d[0].column, column);
    assert.match(d[0].message, message);
    for (const x of d) assert.doesNotMatch(x.message, /LiteLLM/, 'a scenario is gwcfg\'s file, not LiteLLM\'s');
    let out = '';
    const sink = { isTTY: false, write: (s: string) => ((out += s), true) } as unknown as NodeJS.WriteStream;
    const code = await executeSimulate(`${DIR}/config.yaml`, { scenario: `${DIR}/${file}`, progress: false, format: 'table' }, { stdout: sink, stderr: sink, env: {} });
    assert.equal(code, 1);
    assert.match(out, new RegExp(`${file.replace(/\./g, '\\.')}:${line}:${column} error`));
  });
}

test('scenario keys that are not near misses are errors at the key, not dropped', () => {
  const d = diagnostics(readFileSync(`${DIR}/unknown-keys-silently-dropped.scenario.yaml`, 'utf8'));
  assert.deepEqual(d.map((x) => [x.line, x.column, x.ruleId]), [[2, 1, 'schema/unknown-key'], [6, 5, 'schema/unknown-key']]);
  assert.match(d[1].message, /unknown key 'burst' in 'traffic\[0\]' of the scenario; known keys here: model, arrival, rate, phases/);
  // Open maps stay open: any litellm_params key may be matched.
  assert.deepEqual(diagnostics('traffic:\n  - {model: claude-3-haiku, rate: 1/s}\ndeployments:\n  - match: {aws_region_name: us-east-1}\n    error_rate: 0.1\n'), []);
});

test('the expected work of a scenario (rates x phases x duration) is checked, with the flags that change it', () => {
  const text = 'duration: 1h\ntraffic:\n  - {model: claude-3-haiku, rate: 1000/s}\n  - {model: claude-3.5-sonnet, rate: 500/s, phases: [{from: 10m, to: 20m, multiplier: 3}]}\n';
  const d = diagnostics(text);
  assert.equal(d.length, 1);
  assert.equal(d[0].line, 1);
  assert.match(d[0].message, /about 6,000,000 client requests over 3,600 s \(1 h\); gwcfg simulates at most 5,000,000 per run: lower the rates or the duration, or set 'requests'/);
  assert.deepEqual(diagnostics(text, { requests: 100_000 }), [], '--requests bounds the work');
  assert.deepEqual(diagnostics(text, { durationMs: 60_000 }), [], '--duration bounds the work');
  assert.equal(diagnostics('traffic:\n  - {model: claude-3-haiku, rate: 20000/s}\n').length, 1, 'the default 5 minutes count too');
});

test('latency and token parameters past the limits are refused at the parameter', () => {
  const base = 'traffic:\n  - {model: claude-3-haiku, rate: 1/s, output_tokens: {dist: constant, value: 2e7}}\n';
  assert.match(diagnostics(base)[0].message, /constant value is 20,000,000 tokens; gwcfg simulates at most 10,000,000 tokens per request/);
  const slow = 'traffic:\n  - {model: claude-3-haiku, rate: 1/s}\ndeployments:\n  - match: {index: 0}\n    latency: {dist: lognormal, mu: 2, sigma: 9}\n';
  const d = diagnostics(slow);
  assert.equal(d[0].line, 5);
  assert.match(d[0].message, /lognormal sigma is .* gwcfg simulates calls of at most 3,600 s \(1 h\)/);
  const many = `traffic:\n  - model: claude-3-haiku\n    rate: 1/s\n    phases:\n${'      - {from: 1s, to: 2s, multiplier: 2}\n'.repeat(LIMITS.windows + 1)}`;
  assert.match(diagnostics(many)[0].message, /101 phases; gwcfg simulates at most 100/);
  const bucket = 'duration: 1h\nbucket: 1s\ntraffic:\n  - {model: claude-3-haiku, rate: 1/s}\n';
  assert.match(diagnostics(bucket)[0].message, /3,600 timeline buckets; at most 2,000: use a bucket of at least 2s/);
});

test('--duration and --requests past the limits are usage errors', async () => {
  const sink = { isTTY: false, write: () => true } as unknown as NodeJS.WriteStream;
  const run = (options: Record<string, string>) => executeSimulate(`${DIR}/config.yaml`, { progress: false, ...options }, { stdout: sink, stderr: sink, env: {} });
  await assert.rejects(run({ duration: '2d' }), CliError);
  await assert.rejects(run({ duration: '1000000' }), (e: Error) => e instanceof CliError && /--duration must be at most 86,400 s/.test(e.message));
  await assert.rejects(run({ requests: '6000000' }), (e: Error) => e instanceof CliError && /--requests must be at most 5,000,000/.test(e.message));
});

const ONE = { model_list: [{ model_name: 'q', litellm_params: { model: 'openai/q' } }], router_settings: { num_retries: 0, disable_cooldowns: true } };

function run(behaviour: object, extra: object = {}): SimulationRun {
  return new SimulationRun({
    config: ONE,
    seed: 1,
    scenario: {
      warmupMs: 0,
      durationMs: 60_000,
      traffic: [{ model: 'q', arrival: 'poisson', ratePerSec: 5, phases: [], inputTokens: constant(1e15), outputTokens: constant(1), stream: false }],
      deployments: [{ match: { index: 0 }, segments: [], behaviour }],
    },
    ...extra,
  });
}

test('at run time, sampled latencies and token counts never exceed the limits (distribution tails, brown-outs)', () => {
  const r = run({ latency: constant(1e15), errorRate: 0, capacity: 1_000_000 });
  r.advance(Infinity);
  assert.ok(r.done);
  const d = r.metrics.deployments[0];
  assert.ok(d.calls > 100);
  assert.ok(d.latency.max <= LIMITS.latencyMs, `max ${d.latency.max}`);
  assert.ok(d.inputTokens <= d.succeeded * LIMITS.tokens, 'input tokens capped per request');
  assert.ok(r.sim.now <= 60_000 + LIMITS.latencyMs, 'the run ends within the window plus one capped call');
});

test('a request count past the limit is cut to it, and work past the budget stops the run with a notice', () => {
  assert.equal(run({}, { requests: 6_000_000 }).requestLimit, LIMITS.requests);
  // Neither duration nor requests: the 5-minute default, not "until the request limit".
  const neither = new SimulationRun({ config: ONE, seed: 1, scenario: { warmupMs: 0, traffic: [], deployments: [] } });
  assert.equal(neither.arrivalEndMs, 300_000);
  const heavy = run({ latency: constant(100), errorRate: 0 });
  heavy.sim.budget = 500;
  heavy.advance(Infinity);
  assert.ok(heavy.done, 'the run ends');
  assert.equal(heavy.notices.length, 1);
  assert.match(heavy.notices[0], /^stopped after 60,000,000 events at \d+ s of simulated time \(gwcfg's limit per run\)/);
});
