// LiteLLM release keys (src/routing/releases.ts): parsing, aliases, the behaviour table kept honest
// against the tests and docs/fidelity.md, and the version-dependent behaviours without a test
// elsewhere.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  BEHAVIOURS,
  NEWEST_RELEASE,
  YEAR_ALIASES,
  behaviourFlags,
  compareReleases,
  formatRelease,
  parseRelease,
  resolveRelease,
} from '../../src/routing/releases.js';
import { normalizeConfig } from '../../src/routing/config.js';
import { call, dep, drive, err, ok, router } from './helpers.js';

test('releases: 1.N means the newest known 1.N patch; year values are aliases; newer than verified is refused', () => {
  assert.equal(formatRelease(resolveRelease(undefined)), NEWEST_RELEASE);
  assert.equal(formatRelease(parseRelease('1.80')), '1.80.15');
  assert.equal(formatRelease(parseRelease('v1.81.3-stable')), '1.81.3');
  assert.equal(formatRelease(parseRelease('1.42')), '1.42.0', 'a line without notes in the index starts at .0');
  for (const [year, release] of Object.entries(YEAR_ALIASES)) assert.equal(formatRelease(resolveRelease(year)), release);
  assert.ok(compareReleases('1.9.0', '1.10.0') < 0, 'numeric, not lexical');
  assert.throws(() => resolveRelease('banana'), /expected a LiteLLM release such as 1\.80/);
  assert.throws(() => resolveRelease('1.99'), /newer than the newest release gwcfg models/);
  assert.equal(normalizeConfig({}, { litellmVersion: '2025' }).settings.release, YEAR_ALIASES['2025']);
});

test('releases: year aliases keep the behaviour eras of the old --litellm-version values', () => {
  const era = (v: string) => behaviourFlags(resolveRelease(v));
  assert.equal(era('2024')['cooldown-time-default-5s'], false);
  assert.equal(era('2025')['cooldown-time-default-5s'], true);
  assert.equal(era('2025')['order-always-applied'], false);
  assert.equal(era('2026')['order-always-applied'], true);
  assert.equal(era('1.81.0')['order-always-applied'], true);
  assert.equal(era('1.80.15')['order-always-applied'], false);
});

function testTitles(dir: string): string {
  let text = '';
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) text += testTitles(path);
    else if (entry.name.endsWith('.test.ts')) text += readFileSync(path, 'utf8');
  }
  return text;
}

test('releases: every behaviour row names an existing test and appears in docs/fidelity.md', () => {
  const tests = testTitles('test');
  const doc = readFileSync('docs/fidelity.md', 'utf8');
  const ids = new Set<string>();
  for (const row of BEHAVIOURS) {
    assert.ok(!ids.has(row.id), `duplicate behaviour id ${row.id}`);
    ids.add(row.id);
    assert.ok(tests.includes(`test('${row.test}'`), `behaviour ${row.id}: no test named '${row.test}'`);
    assert.ok(doc.includes(`\`${row.id}\``), `behaviour ${row.id} is missing from docs/fidelity.md`);
    assert.ok(doc.includes(row.test), `docs/fidelity.md does not name the test of ${row.id}`);
    if (row.since !== null) parseRelease(row.since);
  }
  // and nothing in the doc's table that the module does not have
  for (const m of doc.matchAll(/^\| `([a-z0-9-]+)` \|/gm)) assert.ok(ids.has(m[1]), `docs/fidelity.md row ${m[1]} is not in releases.ts`);
});

test('allowed_fails 0 is kept; 1.55 read it as the default 3', () => {
  const cfg = { model_list: [dep('solo', {})], router_settings: { allowed_fails: 0 } };
  const req = { model: 'solo', inputTokens: 1 };
  // Count mode (allowed_fails ≠ 3) has no single-deployment exemption: the first failure cools.
  const now = router(cfg, { litellmVersion: '1.83.7' });
  call(now, 0, req, err(500), 0);
  assert.notEqual(now.cooldownUntil(0, 100), null);
  // 1.55: `allowed_fails or 3` → percentage mode, which exempts a single-deployment group.
  const old = router(cfg, { litellmVersion: '1.55.8' });
  call(old, 0, req, err(500), 0);
  assert.equal(old.cooldownUntil(0, 100), null);
});

test('latency-based routing before 1.57 picks the first lowest deployment, no buffer', () => {
  const cfg = {
    model_list: [dep('g', {}), dep('g', { api_base: 'b' })],
    router_settings: { routing_strategy: 'latency-based-routing', routing_strategy_args: { lowest_latency_buffer: 0.5 } },
  };
  const req = { model: 'g', inputTokens: 1 };
  const picks = (litellmVersion: string) => {
    const r = router(cfg, { litellmVersion });
    call(r, 0, req, ok({ latencyMs: 1000 }), 0);
    call(r, 1, req, ok({ latencyMs: 1100 }), 0);
    const counts = [0, 0];
    for (let i = 0; i < 200; i++) {
      const p = r.pick(req, 5000);
      if (p.ok) counts[p.deployment]++;
    }
    return counts;
  };
  assert.deepEqual(picks('1.55.8'), [200, 0]);
  const now = picks('1.83.7');
  assert.ok(now[0] > 50 && now[1] > 50, `within the 50% buffer both serve: ${now}`);
});

test('retry_policy DefaultRetries and policy precedence from 1.81', () => {
  const cfg = { model_list: [dep('g', {}), dep('g', { api_base: 'b' })], router_settings: { num_retries: 3, disable_cooldowns: true, retry_policy: { DefaultRetries: 1 } } };
  const req = { model: 'g', inputTokens: 1 };
  assert.equal(drive(router(cfg, { litellmVersion: '1.81.0' }), req, () => err(500)).retries, 1);
  assert.equal(drive(router(cfg, { litellmVersion: '1.80' }), req, () => err(500)).retries, 3, 'before 1.81 DefaultRetries is not a key');
});

test('fallback targets already attempted are skipped from 1.81', () => {
  const cfg = {
    model_list: [dep('a', {}), dep('b', {}), dep('c', {})],
    router_settings: { num_retries: 0, fallbacks: [{ a: ['b', 'c'] }, { b: ['c'] }] },
  };
  const req = { model: 'a', inputTokens: 1 };
  const callsToC = (litellmVersion: string) =>
    drive(router(cfg, { litellmVersion }), req, () => err(500)).calls.filter((c) => c.group === 'c').length;
  assert.equal(callsToC('1.83.7'), 1);
  assert.equal(callsToC('1.80'), 2);
});

test('the client sees the latest retry error from 1.81', () => {
  const cfg = { model_list: [dep('p', {}), dep('p', { api_base: 'b' })], router_settings: { num_retries: 1 } };
  const req = { model: 'p', inputTokens: 1 };
  const status = (litellmVersion: string) => {
    const d = drive(router(cfg, { litellmVersion }), req, (_d, _g, n) => err(n === 0 ? 500 : 503));
    return d.step.kind === 'fail' ? d.step.status : 0;
  };
  assert.equal(status('1.83.7'), 503);
  assert.equal(status('1.80'), 500);
});
