// Streams that fail after their first chunk (scenario midstream_error_rate / midstream_status),
// per LiteLLM release (releases.ts `midstream-fallback`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { simulate } from './helpers.js';

const CONFIG = {
  model_list: [
    { model_name: 'chat', litellm_params: { model: 'openai/gpt-4o' } },
    { model_name: 'chat-backup', litellm_params: { model: 'anthropic/claude-sonnet-4-20250514' } },
  ],
  router_settings: { num_retries: 2, fallbacks: [{ chat: ['chat-backup'] }] },
};

const SCENARIO = `
seed: 3
duration: 60s
traffic:
  - model: chat
    rate: 20/s
    stream: true
defaults:
  error_rate: 0
  ttft: { dist: constant, value: 200ms }
  per_token: { dist: constant, value: 5ms }
deployments:
  - match: { model_name: chat }
    midstream_error_rate: 0.2
    midstream_status: 503
`;

test('simulate: mid-stream failures reach the client before 1.74.13 and are rescued by the fallback from it; reported as cause midstream', () => {
  const old = simulate(CONFIG, SCENARIO, { litellmVersion: '1.74.9' });
  const t = old.totals;
  assert.ok(t.midstream_errors! > 0.1 * t.requests && t.midstream_errors! < 0.3 * t.requests, `about 20 % of streams break: ${t.midstream_errors} of ${t.requests}`);
  assert.equal(t.failure_causes.midstream, t.failed, 'every client failure is a mid-stream one');
  assert.equal(t.failure_reasons['midstream-error'], t.failed);
  assert.equal(t.midstream_errors, t.failed, 'no mid-stream failure is rescued');
  assert.equal(t.fallbacks, 0);
  assert.equal(t.retries, 0, 'a broken stream is not retried');
  assert.equal(old.deployments[1].requests, 0, 'the backup is never called');
  assert.equal(old.deployments[0].failed_by_status['503'], t.midstream_errors);

  const now = simulate(CONFIG, SCENARIO, { litellmVersion: '1.83.7' });
  assert.ok(now.totals.midstream_errors! > 0);
  assert.equal(now.totals.failed, 0, 'the fallback rescues every broken stream');
  assert.equal(now.totals.fallbacks, now.totals.midstream_errors);
  assert.equal(now.totals.retries, 0);
  assert.equal(now.deployments[1].requests, now.totals.midstream_errors);
});

test('simulate: totals.midstream_errors is absent when the scenario sets no midstream_error_rate', () => {
  const r = simulate(CONFIG, SCENARIO.replace(/\s+midstream_error_rate: 0\.2\n\s+midstream_status: 503\n/, '\n    error_rate: 0\n'));
  assert.equal(r.totals.midstream_errors, undefined);
  assert.equal(r.totals.failed, 0);
});
