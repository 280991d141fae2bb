// gwcfg calibrate recovers the known parameters of the synthetic spend-log sample
// (scripts/make-spend-log-sample.ts) within stated tolerances, and its scenario simulates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { calibrate, baseAndPhases, type Calibration } from '../../src/calibrate/calibrate.js';
import { calibrationTarget } from '../../src/calibrate/command.js';
import { scenarioYaml } from '../../src/calibrate/scenario-writer.js';
import { makeSample, SAMPLE_PARAMETERS as P } from '../../scripts/make-spend-log-sample.js';
import { runCli } from '../helpers/cli.js';

const CONFIG = 'fixtures/traffic/config.yaml';
const SPEND = 'fixtures/traffic/spend-logs.csv';
const ERRORS = 'fixtures/traffic/error-logs.csv';
const target = () => calibrationTarget(parse(readFileSync(CONFIG, 'utf8')));

let cached: Calibration | undefined;
async function sample(): Promise<Calibration> {
  cached ??= await calibrate(target(), SPEND, ERRORS);
  return cached;
}

/** |got/want - 1| <= tolerance */
function near(got: number, want: number, tolerance: number, what: string): void {
  assert.ok(Math.abs(got / want - 1) <= tolerance, `${what}: got ${got}, want ${want} ± ${tolerance * 100}%`);
}

test('the shipped sample is exactly what the documented generator writes', () => {
  const { spend, errors } = makeSample(readFileSync(CONFIG, 'utf8'));
  assert.equal(readFileSync(SPEND, 'utf8'), spend);
  assert.equal(readFileSync(ERRORS, 'utf8'), errors);
});

test('latency fits recover ttft, per-token and whole-latency log-normals (p50 within 5 %, p99 within 10 %)', async () => {
  const c = await sample();
  for (const [i, truth] of P.deployments.entries()) {
    const d = c.deployments[i];
    if ('ttft' in truth) {
      assert.ok(d.ttft && d.perToken && d.latency === null, `deployment ${i} is fitted as streamed`);
      near(d.ttft.p50, truth.ttft[0], 0.05, `ttft p50 of ${i}`);
      near(d.ttft.p99, truth.ttft[1], 0.1, `ttft p99 of ${i}`);
      near(d.perToken!.p50, truth.perToken[0], 0.05, `per_token p50 of ${i}`);
      near(d.perToken!.p99, truth.perToken[1], 0.1, `per_token p99 of ${i}`);
      assert.ok(d.ttft.ks < 0.05, `ttft KS ${d.ttft.ks}`);
    } else {
      assert.ok(d.latency && d.ttft === null, `deployment ${i} is fitted on whole latency`);
      near(d.latency.p50, truth.latency[0], 0.05, `latency p50 of ${i}`);
      near(d.latency.p99, truth.latency[1], 0.1, `latency p99 of ${i}`);
    }
  }
});

test('error rates within 4 binomial standard deviations, with the dominant status code', async () => {
  const c = await sample();
  for (const [i, truth] of P.deployments.entries()) {
    const d = c.deployments[i];
    const n = d.calls + d.failures;
    const sd = Math.sqrt((truth.errorRate * (1 - truth.errorRate)) / n);
    assert.ok(Math.abs(d.errorRate - truth.errorRate) <= 4 * sd + 1e-12, `error rate of ${i}: ${d.errorRate} vs ${truth.errorRate}`);
    if (truth.errorRate > 0) assert.equal(d.errorStatus, truth.errorStatus);
  }
});

test('without --error-logs the failures come from the spend log status column, once', async () => {
  const withErrors = await sample();
  const spendOnly = await calibrate(target(), SPEND, null);
  assert.deepEqual(spendOnly.deployments.map((d) => d.failures), withErrors.deployments.map((d) => d.failures));
  assert.deepEqual(spendOnly.deployments.map((d) => d.errorStatus), [null, null, null]);
});

test('arrival rate per group: base rate within 4 Poisson sd, the surge phase found within 10 s and 15 %', async () => {
  const c = await sample();
  const chat = c.groups.find((g) => g.model === 'chat')!;
  const truth = P.groups.chat;
  const baseSeconds = (P.durationMs - (truth.phase.toMs - truth.phase.fromMs)) / 1000;
  assert.ok(Math.abs(chat.ratePerSec - truth.ratePerSec) <= 4 * Math.sqrt(truth.ratePerSec / baseSeconds), `base rate ${chat.ratePerSec}`);
  assert.equal(chat.phases.length, 1, JSON.stringify(chat.phases));
  const [phase] = chat.phases;
  assert.ok(Math.abs(phase.fromMs - truth.phase.fromMs) <= 10_000, `phase start ${phase.fromMs}`);
  assert.ok(Math.abs(phase.toMs - truth.phase.toMs) <= 10_000, `phase end ${phase.toMs}`);
  near(phase.ratePerSec / chat.ratePerSec, truth.phase.multiplier, 0.15, 'multiplier');
  const embed = c.groups.find((g) => g.model === 'embed')!;
  assert.equal(embed.phases.length, 0);
  assert.equal(embed.streamShare, 0);
  assert.equal(chat.streamShare, 1);
  near(chat.inputTokens!.p50, truth.input[0], 0.05, 'input tokens p50');
  near(chat.outputTokens!.p50, truth.output[0], 0.05, 'output tokens p50');
});

test('a constant rate gives no phases; a step gives one', () => {
  const flat = baseAndPhases([
    { fromMs: 0, toMs: 400_000, ratePerSec: 1.95 },
    { fromMs: 400_000, toMs: 1_000_000, ratePerSec: 2.02 },
  ]);
  assert.equal(flat.phases.length, 0);
  assert.ok(Math.abs(flat.ratePerSec - (1.95 * 400 + 2.02 * 600) / 1000) < 1e-9);
  const step = baseAndPhases([
    { fromMs: 0, toMs: 600_000, ratePerSec: 2 },
    { fromMs: 600_000, toMs: 700_000, ratePerSec: 8 },
  ]);
  assert.deepEqual(step.phases.map((p) => p.fromMs), [600_000]);
});

test('the written scenario validates and simulates with no hand-typed numbers', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gwcfg-cal-'));
  const out = join(dir, 'scenario.yaml');
  const r = runCli(['calibrate', CONFIG, '--spend-logs', SPEND, '--error-logs', ERRORS, '-o', out]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /KS 0\.0\d\d/);
  const text = readFileSync(out, 'utf8');
  assert.equal(text, scenarioYaml(await sample()).replaceAll(SPEND, SPEND));
  const sim = runCli(['simulate', CONFIG, '--scenario', out, '--requests', '2000', '--format', 'json', '--no-progress']);
  assert.equal(sim.status, 0, sim.stderr);
  const result = JSON.parse(sim.stdout);
  assert.equal(result.totals.requests, 2000);
  // Refuses to overwrite without --force, and writes nothing.
  const again = runCli(['calibrate', CONFIG, '--spend-logs', SPEND, '-o', out]);
  assert.equal(again.status, 2);
  assert.equal(readFileSync(out, 'utf8'), text);
});

test('--format json reports fit quality per deployment and what was not fitted', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gwcfg-cal-'));
  const log = join(dir, 'extra.csv');
  writeFileSync(log, `${readFileSync(SPEND, 'utf8')}req-x,acompletion,2026-11-30 10:05:00.000+00,2026-11-30 10:05:01.000+00,,claude,,unknown-group,https://x,1,1,success,0\n`);
  const r = runCli(['calibrate', CONFIG, '--spend-logs', log, '-o', join(dir, 's.yaml'), '--format', 'json']);
  assert.equal(r.status, 0, r.stderr);
  const report = JSON.parse(r.stdout);
  assert.equal(report.deployments.length, 3);
  assert.ok(report.deployments[0].ttft.ks < 0.05);
  assert.ok(report.not_fitted.some((s: string) => s.includes("'unknown-group'")), report.not_fitted.join('\n'));
  assert.ok(report.not_fitted.some((s: string) => s.includes('match no deployment')));
});
