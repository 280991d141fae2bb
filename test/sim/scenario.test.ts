import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { prepareScenario } from '../../src/sim/prepare.js';

const DIR = 'fixtures/scenarios';
const CONFIG = {
  model_list: [
    { model_name: 'gpt-4o', litellm_params: { model: 'openai/gpt-4o', rpm: 600 } },
    { model_name: 'gpt-4o', litellm_params: { model: 'azure/gpt-4o', api_base: 'https://eu.example.com' } },
  ],
};

function errorsOf(text: string) {
  const r = prepareScenario(CONFIG, { file: 'scenario.yaml', text });
  assert.equal(r.ok, false, 'expected diagnostics');
  return (r as { ok: false; diagnostics: { ruleId: string; line: number; column: number; message: string; path?: string }[] }).diagnostics;
}

test('every example scenario is valid against its config', () => {
  const scenarios = readdirSync(DIR).filter((f) => f.endsWith('.scenario.yaml'));
  assert.ok(scenarios.length >= 6);
  for (const config of readdirSync(DIR).filter((f) => f.endsWith('.config.yaml'))) {
    const stem = config.replace(/(-order|-fallbacks)?\.config\.yaml$/, '');
    const text = readFileSync(`${DIR}/${stem}.scenario.yaml`, 'utf8');
    const r = prepareScenario(parse(readFileSync(`${DIR}/${config}`, 'utf8')), { file: stem, text });
    assert.ok(r.ok, `${config}: ${JSON.stringify(!r.ok && r.diagnostics)}`);
  }
});

test('an unknown key is reported at the key, with a did-you-mean', () => {
  const d = errorsOf('duration: 1m\ntraffic:\n  - model: gpt-4o\n    rate: 5/s\n    phasse: []\n');
  assert.equal(d.length, 1);
  assert.equal(d[0].line, 5);
  assert.equal(d[0].column, 5);
  assert.match(d[0].message, /phasse/);
  assert.match(d[0].message, /phases/);
});

test('a malformed duration is reported at the value', () => {
  const d = errorsOf('duration: 5 minutes\ntraffic:\n  - { model: gpt-4o, rate: 5 }\n');
  assert.equal(d[0].line, 1);
  assert.equal(d[0].column, 11);
  assert.equal(d[0].path, 'duration');
  assert.match(d[0].message, /must be a duration: .*30s, 5m/, 'the format is named in words, not as a regex');
});

test('a missing required key is reported on the item that lacks it', () => {
  const d = errorsOf('traffic:\n  - model: gpt-4o\n');
  assert.equal(d[0].ruleId, 'schema/required');
  assert.equal(d[0].line, 2);
  assert.match(d[0].message, /rate/);
});

test('a distribution with the wrong parameters is reported', () => {
  const d = errorsOf('traffic:\n  - model: gpt-4o\n    rate: 1\ndeployments:\n  - match: { index: 0 }\n    latency: { dist: lognormal, p50: 1s }\n');
  assert.ok(d.length >= 1);
  assert.equal(d[0].line, 6);
});

test('references to the config are checked: unknown model group, match selecting nothing', () => {
  const d = errorsOf('traffic:\n  - model: gpt-5\n    rate: 1\ndeployments:\n  - match: { model: openai/gpt-4o }\n  - match: { api_base: https://nowhere.example.com }\n    error_rate: 0.1\n');
  assert.deepEqual(
    d.map((x) => [x.ruleId, x.line, x.column]),
    [
      ['scenario/invalid-reference', 2, 12],
      ['scenario/invalid-reference', 6, 5],
    ],
  );
  assert.match(d[0].message, /gpt-5/);
});

test('windows must end after they start; warm-up must be shorter than the run', () => {
  const d = errorsOf('duration: 1m\nwarmup: 2m\ntraffic:\n  - model: gpt-4o\n    rate: 1\n    phases:\n      - { from: 30s, to: 10s, multiplier: 2 }\n');
  assert.deepEqual(d.map((x) => x.line).sort(), [2, 7]);
});

test('YAML syntax errors come back as yaml/ diagnostics with a position', () => {
  const d = errorsOf('traffic:\n  - model: "gpt-4o\n    rate: 1\n');
  assert.match(d[0].ruleId, /^yaml\//);
  assert.ok(d[0].line >= 2);
});

test('units and defaults are normalised to milliseconds', () => {
  const r = prepareScenario(CONFIG, {
    file: 's.yaml',
    text: 'duration: 90s\nwarmup: 250ms\ntraffic:\n  - { model: gpt-4o, rate: 1200/min, phases: [{ from: 1m, to: 2m, multiplier: 3 }] }\ndeployments:\n  - match: { index: 1 }\n    latency: { dist: constant, value: 2 }\n    queue: 5\n',
  });
  assert.ok(r.ok);
  const s = r.scenario;
  assert.equal(s.durationMs, 90_000);
  assert.equal(s.warmupMs, 250);
  assert.equal(s.traffic[0].ratePerSec, 20);
  assert.deepEqual(s.traffic[0].phases, [{ fromMs: 60_000, toMs: 120_000, multiplier: 3 }]);
  assert.equal(s.deployments[0].behaviour.latency!.mean, 2000);
  assert.equal(s.deployments[0].behaviour.queue, 5);
  assert.deepEqual(s.deployments[0].matched, [1]);
});

// tune and --compare load one scenario text for many configs, and the text's parse is kept
// (scenario.ts parsedText): what depends on the config must still be checked per config, and no
// run may see another's scenario objects.
test('a scenario text loaded for several configs is checked against each of them', () => {
  const text = 'duration: 1m\ntraffic:\n  - model: gpt-4o\n    rate: 5/s\n';
  const other = { model_list: [{ model_name: 'claude', litellm_params: { model: 'anthropic/claude-3-haiku-20240307' } }] };
  const first = prepareScenario(CONFIG, { file: 'scenario.yaml', text });
  assert.ok(first.ok);
  const second = prepareScenario(other, { file: 'scenario.yaml', text });
  assert.equal(second.ok, false);
  const d = (second as { ok: false; diagnostics: { ruleId: string; line: number }[] }).diagnostics;
  assert.deepEqual([d[0].ruleId, d[0].line], ['scenario/invalid-reference', 3]);
  const third = prepareScenario(CONFIG, { file: 'scenario.yaml', text });
  assert.ok(third.ok && first.ok);
  assert.notEqual(third.scenario, first.scenario);
  assert.notEqual(third.scenario.traffic, first.scenario.traffic);
  assert.equal(JSON.stringify(third.scenario), JSON.stringify(first.scenario));
  // The same text under another file name reports that file.
  const renamed = prepareScenario(other, { file: 'renamed.yaml', text });
  assert.equal(!renamed.ok && renamed.diagnostics[0].file, 'renamed.yaml');
  // A caller changing the diagnostics it got does not change the next caller's.
  const bad = 'duration: 1m\ntraffic:\n  - model: gpt-4o\n    rat: 5/s\n';
  const a = prepareScenario(CONFIG, { file: 'bad.yaml', text: bad });
  assert.ok(!a.ok);
  const count = a.diagnostics.length;
  a.diagnostics.length = 0;
  const b = prepareScenario(CONFIG, { file: 'bad.yaml', text: bad });
  assert.equal(!b.ok && b.diagnostics.length, count);
});

// An outage's "one of status, latency_multiplier or error_rate" (anyOf branches that declare keys
// but no additionalProperties) made the outage look open: a misspelled key beside a valid one
// passed unreported, and one alone gave three "missing required key" errors.
test('a misspelled outage key is an unknown key with a did-you-mean, beside a valid key or alone', () => {
  const outage = (keys: string) => `duration: 1m\ntraffic:\n  - model: gpt-4o\n    rate: 5/s\ndeployments:\n  - match: { index: 0 }\n    outages:\n      - { from: 10s, to: 20s, ${keys} }\n`;
  const beside = errorsOf(outage('status: 503, latency_multiplyer: 2'));
  assert.deepEqual(beside.map((d) => [d.ruleId, d.line, d.column]), [['schema/unknown-key', 8, 44]]);
  assert.match(beside[0].message, /unknown key 'latency_multiplyer'.*did you mean 'latency_multiplier'\?/);
  const alone = errorsOf(outage('latency_multiplyer: 2'));
  assert.deepEqual(alone.map((d) => d.ruleId).sort(), ['schema/required', 'schema/unknown-key']);
  assert.equal(alone.find((d) => d.ruleId === 'schema/required')!.message, "'deployments[0].outages[0]' needs one of 'status', 'latency_multiplier' or 'error_rate'");
});
