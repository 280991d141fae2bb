// LiteLLM release keys (src/routing/releases.ts): parsing, aliases, the behaviour table kept honest
// against the tests and docs/fidelity.md, and the version-dependent behaviours without a test
// elsewhere.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
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
  // 2024 is 1.55.8: 5 s default cooldown (since 1.46.0) and the single-deployment exemption (1.44.26–1.59.0).
  assert.equal(era('2024')['cooldown-time-default-5s'], true);
  assert.equal(era('2024')['single-deployment-never-cooled'], true);
  assert.equal(era('2025')['single-deployment-never-cooled'], false);
  // 2025 is 1.80.15: the 5-request minimum (1.80.11) and the strategy check (1.80.12), not yet tpm*6.
  assert.equal(era('2025')['failure-minimum-requests'], true);
  assert.equal(era('2025')['invalid-strategy-raises'], true);
  assert.equal(era('2025')['max-parallel-tpm-times-6'], false);
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
    assert.ok(tests.includes(`test('${row.test}'`) || tests.includes(`test("${row.test}"`), `behaviour ${row.id}: no test named '${row.test}'`);
    assert.ok(doc.includes(`\`${row.id}\``), `behaviour ${row.id} is missing from docs/fidelity.md`);
    assert.ok(doc.includes(row.test), `docs/fidelity.md does not name the test of ${row.id}`);
    if (row.since !== null) parseRelease(row.since);
  }
  // and nothing in the doc's table that the module does not have
  for (const m of doc.matchAll(/^\| `([a-z0-9-]+)` \|/gm)) assert.ok(ids.has(m[1]), `docs/fidelity.md row ${m[1]} is not in releases.ts`);
});

// Router.__init__ (litellm/router.py): `allowed_fails or litellm.allowed_fails` until commit
// ce39649b2 (2024-08-05), first in 1.43.1, made it `is not None`.
test('allowed_fails 0 is kept from 1.43.1; 1.43.0 read it as the default 3', () => {
  const pair = { model_list: [dep('g', {}), dep('g', { api_base: 'b' })], router_settings: { allowed_fails: 0 } };
  const req = { model: 'g', inputTokens: 1 };
  const cooledAfter = (litellmVersion: string, failures: number) => {
    const r = router(pair, { litellmVersion });
    for (let i = 0; i < failures; i++) call(r, 0, req, err(500), i * 100);
    return r.cooldownUntil(0, failures * 100) !== null;
  };
  // Before 1.46.0 every release counts failures: allowed 0 cools on the first one, allowed 3 on the fourth.
  assert.equal(cooledAfter('1.43.1', 1), true, '1.43.1 keeps 0');
  assert.equal(cooledAfter('1.43.0', 1), false, '1.43.0: `0 or 3` is 3');
  assert.equal(cooledAfter('1.43.0', 3), false);
  assert.equal(cooledAfter('1.43.0', 4), true);
  // From 1.46.0, 0 ≠ litellm.allowed_fails (3) selects count mode with 0 allowed failures.
  assert.equal(cooledAfter('1.55.8', 1), true);
  assert.equal(cooledAfter('1.83.7', 1), true);
  // Count mode cools a single-deployment group too (from 1.61.18).
  const solo = router({ model_list: [dep('solo', {})], router_settings: { allowed_fails: 0 } }, { litellmVersion: '1.83.7' });
  call(solo, 0, { model: 'solo', inputTokens: 1 }, err(500), 0);
  assert.notEqual(solo.cooldownUntil(0, 100), null);
});

// lowest_latency.py _get_available_deployments: lowest_latency_buffer and the random pick among
// the deployments within it arrived with commit 90cdfef1c (2024-04-30), first in 1.35.34.
test('latency-based routing before 1.35.34 picks the first lowest deployment, no buffer', () => {
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
  assert.deepEqual(picks('1.35.33'), [200, 0]);
  for (const v of ['1.35.34', '1.55.8', '1.83.7']) {
    const now = picks(v);
    assert.ok(now[0] > 50 && now[1] > 50, `${v}: within the 50% buffer both serve: ${now}`);
  }
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
  // also after failed fallbacks: the primary group's latest error, not the fallback's
  const withFallback = router({ model_list: [...cfg.model_list, dep('f', {})], router_settings: { num_retries: 1, fallbacks: [{ p: ['f'] }] } });
  const d = drive(withFallback, req, (dd, _g, n) => (withFallback.deployments[dd].modelName === 'f' ? err(502) : err(n === 0 ? 500 : 503)));
  assert.ok(d.step.kind === 'fail' && d.step.status === 503 && d.step.reason === 'fallbacks-exhausted', JSON.stringify(d.step));
});

// A success's cooldown counter reads a flag on every call (CooldownTracker.recordSuccess): an
// object filled key by key turns into a hash table past a dozen keys, a hash lookup per read.
test('releases: behaviourFlags objects have fast (in-object or descriptor) properties, not a hash table', () => {
  const url = new URL('../../src/routing/releases.ts', import.meta.url).href;
  const script = `const m = await import(${JSON.stringify(url)}); const f = m.behaviourFlags(m.resolveRelease(undefined)); console.log(%HasFastProperties(f), Object.keys(f).length);`;
  const r = spawnSync(process.execPath, ['--allow-natives-syntax', '--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const [fast, keys] = r.stdout.trim().split(' ');
  assert.ok(Number(keys) > 12, 'enough flags for V8 to switch a key-by-key object to a hash table');
  assert.equal(fast, 'true');
});
