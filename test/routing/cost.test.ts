// LiteLLM router-test behaviour E.28 (cost-based-routing) as lowest_cost.py prices deployments,
// and fidelity rows 05 and 06 (shared/fidelity): LiteLLM's model map, looked up by the exact
// litellm_params.model (LiteLLM main of 2026-07, issue #35787), base-tier prices, 5.0 default.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { call, countPicks, ok, router } from './helpers.js';

const cost = { routing_strategy: 'cost-based-routing' };
const req = { model: 'm', inputTokens: 10 };
const group = (...params: Array<Record<string, unknown>>) => ({
  model_list: params.map((p) => ({ model_name: 'm', litellm_params: p.litellm_params ?? p, ...(p.model_info ? { model_info: p.model_info } : {}) })),
  router_settings: cost,
});

test('behaviour 28: cheapest deployment wins (map price, litellm_params override, unknown = 5.0 per token, rpm respected)', () => {
  const r = router(group({ model: 'gpt-4o' }, { model: 'gpt-4o-mini' }, { model: 'my/unknown-model' }));
  assert.deepEqual(countPicks(r, req, 20), [0, 20, 0], 'gpt-4o-mini is cheaper than gpt-4o; unknown is expensive');
  assert.equal(r.deployments[2].routingCostPerToken, 10, 'an unknown model scores 5.0 + 5.0');

  const override = router(group({ model: 'gpt-4o-mini' }, { model: 'gpt-4o', input_cost_per_token: 1e-9, output_cost_per_token: 1e-9 }));
  assert.deepEqual(countPicks(override, req, 20), [0, 20], 'litellm_params prices override the map');

  const limited = router({ model_list: [{ model_name: 'm', litellm_params: { model: 'gpt-4o', rpm: 1 } }], router_settings: cost });
  call(limited, 0, req, ok({ inputTokens: 10, outputTokens: 0 }), 0);
  assert.deepEqual(limited.usage(0, 1), { rpm: 1, tpm: 10, inFlight: 0 }, '0 completion tokens still count prompt tokens and +1 rpm');
  assert.equal(limited.pick(req, 1).ok, false, 'rpm_used + 1 > rpm');

  const ties = router(group({ model: 'x/a', input_cost_per_token: 1, output_cost_per_token: 1 }, { model: 'x/b', input_cost_per_token: 1, output_cost_per_token: 1 }));
  assert.deepEqual(countPicks(ties, req, 20), [20, 0], 'ties go to the earlier deployment');
});

test('LiteLLM lowest_cost (main 2026-07): litellm_params.model is an exact model-map key, so openai/gpt-4o-mini is unpriced (5.0 + 5.0) and gpt-4o wins (row 05)', () => {
  const r = router(group({ model: 'openai/gpt-4o-mini' }, { model: 'gpt-4o' }));
  assert.equal(r.deployments[0].routingCostPerToken, 10);
  assert.equal(r.deployments[1].routingCostPerToken, 2.5e-6 + 1e-5);
  assert.deepEqual(countPicks(r, req, 10), [0, 10]);
  const deepseek = router(group({ model: 'openai/gpt-4o-mini' }, { model: 'deepseek/deepseek-chat' }));
  assert.equal(deepseek.deployments[1].routingCostPerToken, 2.8e-7 + 4.2e-7, "deepseek/deepseek-chat is a key of LiteLLM's map");
  assert.deepEqual(countPicks(deepseek, req, 10), [0, 10]);
});

test('LiteLLM lowest_cost (main 2026-07): base-tier prices only, so claude-sonnet-4-5-20250929 and claude-sonnet-4-20250514 tie and the first listed wins (row 05)', () => {
  const r = router(group({ model: 'claude-sonnet-4-5-20250929' }, { model: 'claude-sonnet-4-20250514' }));
  assert.equal(r.deployments[0].routingCostPerToken, 3e-6 + 1.5e-5);
  assert.equal(r.deployments[1].routingCostPerToken, 3e-6 + 1.5e-5);
  assert.deepEqual(countPicks(r, req, 10), [10, 0]);
});

test('LiteLLM lowest_cost (main 2026-07): model_info.base_model is not read, so an Azure deployment name is unpriced (row 05)', () => {
  const r = router(group({ litellm_params: { model: 'azure/prod-mini-eastus', api_base: 'https://x.openai.azure.com' }, model_info: { base_model: 'azure/gpt-4o-mini' } }, { model: 'gpt-4o' }));
  assert.equal(r.deployments[0].routingCostPerToken, 10);
  assert.deepEqual(countPicks(r, req, 10), [0, 10]);
  // Simulated cost (the cost calculator) does use base_model.
  assert.equal(r.deployments[0].inputCostPerToken, 1.65e-7);
});

test('LiteLLM lowest_cost (main 2026-07): a partial custom price keeps 5.0 for the missing half, so gpt-4o-mini beats an input-only priced vLLM model (row 06)', () => {
  const r = router(group({ model: 'gpt-4o-mini' }, { model: 'openai/my-vllm-llama', api_base: 'http://vllm:8000/v1', input_cost_per_token: 0.0000001 }));
  assert.equal(r.deployments[1].routingCostPerToken, 0.0000001 + 5);
  assert.deepEqual(countPicks(r, req, 10), [10, 0]);
  // The cost calculator charges the custom half and the map's other half (none for an unknown model).
  assert.equal(r.deployments[1].inputCostPerToken, 0.0000001);
  assert.equal(r.deployments[1].outputCostPerToken, null);
  const known = router(group({ model: 'gpt-4o-mini', input_cost_per_token: 1e-7 }));
  assert.equal(known.deployments[0].outputCostPerToken, 6e-7, "output from LiteLLM's map, not 0");
});

test('LiteLLM lowest_cost: a falsy litellm_params price (0) is ignored and the map price used; model_info prices count only under the exact key register_model stores them', () => {
  const zero = router(group({ model: 'gpt-4o', input_cost_per_token: 0, output_cost_per_token: 0 }));
  assert.equal(zero.deployments[0].routingCostPerToken, 2.5e-6 + 1e-5);
  const bare = router(group({ litellm_params: { model: 'gpt-4o' }, model_info: { input_cost_per_token: 1e-9, output_cost_per_token: 1e-9 } }));
  assert.equal(bare.deployments[0].routingCostPerToken, 2e-9, 'registered under gpt-4o, read under gpt-4o');
  const prefixed = router(group({ litellm_params: { model: 'openai/gpt-4o' }, model_info: { input_cost_per_token: 1e-9, output_cost_per_token: 1e-9 } }));
  assert.equal(prefixed.deployments[0].routingCostPerToken, 10, 'registered under gpt-4o, read under openai/gpt-4o');
  const custom = router(group({ litellm_params: { model: 'openai/my-model' }, model_info: { input_cost_per_token: 1e-9, output_cost_per_token: 1e-9 } }));
  assert.equal(custom.deployments[0].routingCostPerToken, 2e-9, 'an unmapped name is registered as written');
});
