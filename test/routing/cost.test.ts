// LiteLLM router-test behaviour E.28 (cost-based-routing) and the price table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { call, countPicks, ok, router } from './helpers.js';
import { pricePerToken } from '../../src/routing/prices.js';

const cost = { routing_strategy: 'cost-based-routing' };
const req = { model: 'm', inputTokens: 10 };

test('behaviour 28: cheapest deployment wins (override, provider-prefixed table lookup, unknown = expensive, rpm respected)', () => {
  const r = router({
    model_list: [
      { model_name: 'm', litellm_params: { model: 'openai/gpt-4o' } },
      { model_name: 'm', litellm_params: { model: 'openai/gpt-4o-mini' } },
      { model_name: 'm', litellm_params: { model: 'my/unknown-model' } },
    ],
    router_settings: cost,
  });
  assert.deepEqual(countPicks(r, req, 20), [0, 20, 0], 'gpt-4o-mini is cheaper than gpt-4o; unknown is expensive');

  const override = router({
    model_list: [
      { model_name: 'm', litellm_params: { model: 'openai/gpt-4o-mini' } },
      { model_name: 'm', litellm_params: { model: 'openai/gpt-4o', input_cost_per_token: 1e-9, output_cost_per_token: 1e-9 } },
    ],
    router_settings: cost,
  });
  assert.deepEqual(countPicks(override, req, 20), [0, 20], 'litellm_params prices override the table');

  const limited = router({ model_list: [{ model_name: 'm', litellm_params: { model: 'openai/gpt-4o', rpm: 1 } }], router_settings: cost });
  call(limited, 0, req, ok({ inputTokens: 10, outputTokens: 0 }), 0);
  assert.deepEqual(limited.usage(0, 1), { rpm: 1, tpm: 10, inFlight: 0 }, '0 completion tokens still count prompt tokens and +1 rpm');
  assert.equal(limited.pick(req, 1).ok, false, 'rpm_used + 1 > rpm');

  const ties = router({
    model_list: [
      { model_name: 'm', litellm_params: { model: 'x/a', input_cost_per_token: 1, output_cost_per_token: 1 } },
      { model_name: 'm', litellm_params: { model: 'x/b', input_cost_per_token: 1, output_cost_per_token: 1 } },
    ],
    router_settings: cost,
  });
  assert.deepEqual(countPicks(ties, req, 20), [20, 0], 'ties go to the earlier deployment');
});

test('pricePerToken reads the bundled genai-prices data', () => {
  const p = pricePerToken('openai/gpt-4o');
  assert.ok(p && p.input > 0 && p.output > p.input);
  assert.deepEqual(pricePerToken('gpt-4o'), p);
  assert.equal(pricePerToken('nobody/no-such-model-xyz'), null);
});
