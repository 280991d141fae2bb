import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  ALL_METRICS,
  emittedIn,
  exposedSeries,
  familyByName,
  LATENCY_BUCKETS,
  NOT_EMITTED,
  resolveLogical,
  seriesByName,
  type LogicalMetric,
} from '../../src/generate/metrics-catalog.js';
import { compareVersions } from '../../src/generate/version.js';

const LOGICAL = [...new Set(ALL_METRICS.flatMap((m) => (m.logical ? [m.logical] : [])))] as LogicalMetric[];
const version = fc.tuple(fc.constant(1), fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 30 })).map((v) => v.join('.'));

describe('metrics catalogue', () => {
  test('family names are unique, litellm_-prefixed, and counters are exposed with _total', () => {
    const families = ALL_METRICS.map((m) => m.family);
    assert.equal(new Set(families).size, families.length);
    for (const m of ALL_METRICS) {
      assert.match(m.family, /^litellm_[a-z0-9_]+$/);
      assert.ok(!m.family.endsWith('_total'), `${m.family}: counters are registered without _total`);
      if (m.type === 'counter') assert.equal(exposedSeries(m)[0].name, `${m.family}_total`);
    }
    assert.equal(seriesByName().size, ALL_METRICS.reduce((n, m) => n + exposedSeries(m).length, 0));
  });

  test('the source document\'s names are not in the catalogue, and their replacements are', () => {
    for (const [bad, good] of Object.entries(NOT_EMITTED)) {
      assert.ok(!seriesByName().has(bad), bad);
      assert.ok(seriesByName().has(good) || familyByName(good)?.type === 'histogram', good);
    }
  });

  test('property: every logical metric resolves to exactly one family in every version', () => {
    fc.assert(
      fc.property(version, (v) => {
        for (const logical of LOGICAL) {
          const emitting = ALL_METRICS.filter((m) => m.logical === logical && emittedIn(m, v));
          assert.equal(emitting.length, 1, `${logical} in ${v}`);
          assert.equal(resolveLogical(logical, v), emitting[0]);
        }
      }),
    );
  });

  test('the documented renames', () => {
    assert.equal(resolveLogical('totalTokens', '1.74.9').family, 'litellm_total_tokens');
    assert.equal(resolveLogical('totalTokens', '1.75.0').family, 'litellm_total_tokens_metric');
    assert.equal(resolveLogical('remainingRequests', '1.80.9').family, 'litellm_remaining_requests');
    assert.equal(resolveLogical('remainingRequests', undefined).family, 'litellm_remaining_requests_metric');
    assert.equal(resolveLogical('remainingTokens', '1.81.0').family, 'litellm_remaining_tokens_metric');
  });

  test('latency buckets match LiteLLM (strictly increasing, 0.005 … 300)', () => {
    assert.equal(LATENCY_BUCKETS.length, 35);
    assert.ok(LATENCY_BUCKETS.every((b, i) => i === 0 || b > LATENCY_BUCKETS[i - 1]));
    assert.deepEqual([LATENCY_BUCKETS[0], LATENCY_BUCKETS[7], LATENCY_BUCKETS[25], LATENCY_BUCKETS.at(-1)], [0.005, 1, 10, 300]);
  });

  test('property: version comparison is a total order consistent with numeric tuples', () => {
    fc.assert(
      fc.property(version, version, (a, b) => {
        assert.equal(Math.sign(compareVersions(a, b)) + Math.sign(compareVersions(b, a)), 0);
        assert.equal(compareVersions(`v${a}-stable`, a), 0);
      }),
    );
  });
});

test('generate accepts the same --litellm-version forms as simulate (one release parser)', async () => {
  const { normalizeVersion } = await import('../../src/generate/version.js');
  const { resolveRelease, formatRelease } = await import('../../src/routing/releases.js');
  for (const v of ['2025', '1.80', 'v1.81.3-stable', '1.83.7']) assert.equal(normalizeVersion(v), formatRelease(resolveRelease(v)), v);
  assert.equal(normalizeVersion('latest'), undefined);
  assert.throws(() => normalizeVersion('1.99'), /^Error: --litellm-version: LiteLLM 1\.99\.0 is newer than the newest release gwcfg models/);
  assert.throws(() => normalizeVersion('banana'), /^Error: --litellm-version: expected a LiteLLM release/);
});
