// LiteLLM's model map as gwcfg reads it: get_model_info's key resolution, the pre-call context
// window (fidelity row 10), the cost calculator's long-context tiers, and the distilled data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinModelMap, getModelInfo, modelMapFromRows } from '../../src/model-map/index.js';
import { callCost, callPrices, contextWindowOf, deploymentFacts } from '../../src/model-map/lookup.js';
import { distilModelMap, type ModelRow } from '../../src/model-map/distil.js';
import { BUILTIN_MAP_TEXT } from '../../src/model-map/builtin-data.js';
import { countPicks, router } from '../routing/helpers.js';

const map = builtinModelMap();
const facts = (litellm_params: Record<string, unknown>, model_info: Record<string, unknown> = {}) => deploymentFacts({ litellm_params, model_info });

test('get_model_info resolution (LiteLLM utils._get_model_info_helper): provider/model, model, stripped names, bare model, provider must match', () => {
  const cases: Array<[string, string | null]> = [
    ['openai/gpt-4o', 'gpt-4o'],
    ['gpt-4o', 'gpt-4o'],
    ['GPT-4O', 'gpt-4o'], // case-insensitive (_get_model_cost_key)
    ['deepseek/deepseek-chat', 'deepseek/deepseek-chat'],
    ['anthropic/claude-sonnet-4-20250514', 'claude-sonnet-4-20250514'],
    ['azure/gpt-4o-mini', 'azure/gpt-4o-mini'],
    ['gemini/gemini-2.5-flash', 'gemini/gemini-2.5-flash'],
    ['anthropic/gpt-4o', null], // gpt-4o is OpenAI's: the provider does not match
    ['nobody/no-such-model-xyz', null],
    ['ft:gpt-4o-mini-2024-07-18:my-org:custom:abc123', 'ft:gpt-4o-mini-2024-07-18'],
  ];
  for (const [model, key] of cases) assert.equal(getModelInfo(map, model)?.key ?? null, key, model);
});

test('LiteLLM pre-call context window (Router.get_router_model_info): max_input_tokens of the map, gpt-5 272k and claude-sonnet-4-20250514 1M (row 10)', () => {
  assert.equal(contextWindowOf(map, facts({ model: 'openai/gpt-5' })), 272_000);
  assert.equal(contextWindowOf(map, facts({ model: 'anthropic/claude-sonnet-4-20250514' })), 1_000_000);
  assert.equal(contextWindowOf(map, facts({ model: 'gpt-4o' }, { max_input_tokens: 5000 })), 5000, 'model_info wins');
  assert.equal(contextWindowOf(map, facts({ model: 'azure/prod-eastus' }, { base_model: 'azure/gpt-4o-mini' })), 128_000, 'Azure: base_model');
  assert.equal(contextWindowOf(map, facts({ model: 'azure/prod-eastus' }, { max_input_tokens: 5000 })), null, 'Azure without base_model is never checked');
  assert.equal(contextWindowOf(map, facts({ model: 'openai/gpt-4o' }, { base_model: 'gpt-3.5-turbo' })), 128_000, 'non-Azure: base_model is not read');
});

test('LiteLLM pre-call checks route a 300k-token request to claude-sonnet-4-20250514 (1M), not gpt-5 (272k) (row 10)', () => {
  const r = router({
    model_list: [
      { model_name: 'long', litellm_params: { model: 'openai/gpt-5' } },
      { model_name: 'long', litellm_params: { model: 'anthropic/claude-sonnet-4-20250514' } },
    ],
    router_settings: { enable_pre_call_checks: true },
  });
  assert.deepEqual(countPicks(r, { model: 'long', inputTokens: 300_000 }, 20), [0, 20]);
  assert.deepEqual(countPicks(r, { model: 'long', inputTokens: 1_000_001 }, 5), [0, 0]);
});

test('LiteLLM cost calculator (_get_token_base_cost): above-threshold prices apply to the whole call only above the threshold; custom prices have no tiers', () => {
  const sonnet = callPrices(map, facts({ model: 'claude-sonnet-4-20250514' }));
  assert.deepEqual(sonnet.tiers, [{ threshold: 200_000, input: 6e-6, output: 2.25e-5 }]);
  assert.equal(callCost(sonnet, 200_000, 1000), 200_000 * 3e-6 + 1000 * 1.5e-5);
  assert.equal(callCost(sonnet, 200_001, 1000), 200_001 * 6e-6 + 1000 * 2.25e-5);
  const custom = callPrices(map, facts({ model: 'claude-sonnet-4-20250514', input_cost_per_token: 1e-6 }));
  assert.deepEqual(custom.tiers, []);
  assert.equal(custom.output, 1.5e-5);
});

test('distilModelMap keeps provider, mode, base prices, windows and every tier; numeric strings become numbers', () => {
  const rows = distilModelMap({
    'x/a': { litellm_provider: 'x', mode: 'chat', input_cost_per_token: '3e-07', output_cost_per_token: 1e-6, max_input_tokens: 1000, max_output_tokens: 'lots', input_cost_per_token_above_128k_tokens: 2e-6, input_cost_per_token_above_128k_tokens_priority: 9 },
    last_updated: '2026-07-24',
  });
  assert.deepEqual(rows, [['x/a', 'x', 'chat', 3e-7, 1e-6, 1000, null, [['128k', 2e-6, null]]]]);
  const own = modelMapFromRows('mine.json', null, rows);
  assert.equal(contextWindowOf(own, facts({ model: 'x/a' })), 1000);
});

test("the built-in map is LiteLLM's 2026-07-24 snapshot (2,984 keys)", () => {
  assert.equal(map.size, 2984);
  assert.equal(map.source.date, '2026-07-24T18:23:43.215560+00:00');
  assert.deepEqual(map.exact('gpt-4o-mini')?.slice(1, 7), ['openai', 'chat', 1.5e-7, 6e-7, 128_000, 16_384]);
});

test('the built-in map finds each row in its text form exactly as a fully indexed copy of the same rows does', () => {
  // The built-in copy parses one line per lookup (textTable); a user's copy indexes every row.
  const rows = BUILTIN_MAP_TEXT.rows.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as ModelRow);
  const indexed = modelMapFromRows('same rows', null, rows);
  assert.equal(rows.length, map.size);
  for (const row of rows) {
    assert.deepEqual(map.exact(row[0]), row);
    for (const spelling of [row[0], row[0].toUpperCase(), row[0].toLowerCase()]) assert.equal(map.matchKey(spelling), indexed.matchKey(spelling), spelling);
  }
  for (const missing of ['no-such-model', 'gpt-4o-mini"', '"gpt-4o-mini', 'gpt-4o-', '']) {
    assert.equal(map.exact(missing), undefined);
    assert.equal(map.matchKey(missing), indexed.matchKey(missing));
  }
  assert.deepEqual([...map.providers()].sort(), [...indexed.providers()].sort());
});
