// Deployment labels name what tells deployments of one group apart; percentages never round a
// failure away.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deploymentLabels, regionInHost } from '../../src/sim/labels.js';
import { pct, ratio } from '../../src/sim/report/format.js';

const entry = (model_name: string, litellm_params: Record<string, unknown>, model_info?: Record<string, unknown>) => ({ model_name, litellm_params, ...(model_info ? { model_info } : {}) });

test('labels: region, host, model, model_info.id, order tier, or position; single deployments by group name', () => {
  const cases: [string, unknown[], string[]][] = [
    ['aws_region_name', [entry('c', { model: 'bedrock/x', aws_region_name: 'us-west-2' }), entry('c', { model: 'bedrock/x', aws_region_name: 'eu-west-1' })], ['c [us-west-2]', 'c [eu-west-1]']],
    ['vertex_location', [entry('g', { model: 'vertex_ai/g', vertex_location: 'us-central1' }), entry('g', { model: 'vertex_ai/g', vertex_location: 'europe-west4' })], ['g [us-central1]', 'g [europe-west4]']],
    ['region in the api_base host', [entry('a', { model: 'azure/gpt', api_base: 'https://acme-eastus2.openai.azure.com/' }), entry('a', { model: 'azure/gpt', api_base: 'https://acme-swedencentral.openai.azure.com' })], ['a [eastus2]', 'a [swedencentral]']],
    ['host when regions are alike', [entry('h', { model: 'openai/m', api_base: 'https://one.example.com/v1' }), entry('h', { model: 'openai/m', api_base: 'os.environ/SECOND_BASE' })], ['h [one.example.com]', 'h [env:SECOND_BASE]']],
    ['model', [entry('m', { model: 'openai/gpt-4o' }), entry('m', { model: 'azure/gpt-4o' })], ['m [openai/gpt-4o]', 'm [azure/gpt-4o]']],
    ['model_info.id and order', [entry('t', { model: 'openai/x', order: 1 }, { id: 'primary' }), entry('t', { model: 'openai/x', order: 2 }, { id: 'backup' })], ['t [primary, order 1]', 't [backup, order 2]']],
    ['identical: position in the group', [entry('i', { model: 'openai/x' }), entry('other', { model: 'openai/y' }), entry('i', { model: 'openai/x' })], ['i [#1]', 'other', 'i [#2]']],
  ];
  for (const [name, modelList, expected] of cases) assert.deepEqual(deploymentLabels({ model_list: modelList }), expected, name);
});

test('labels: malformed entries and config text are safe (no control characters, credentials masked)', () => {
  assert.deepEqual(deploymentLabels({ model_list: [null, 'x', entry('a\u001b[2J', { model: 'm' })] }), ['a\\x1b[2J']);
  assert.deepEqual(deploymentLabels(null), []);
  const labels = deploymentLabels({ model_list: [entry('s', { model: 'm', api_base: 'https://user:sk-abcdefghijklmnop1234@h1.example.com' }), entry('s', { model: 'm', api_base: 'https://h2.example.com' })] });
  assert.deepEqual(labels, ['s [h1.example.com]', 's [h2.example.com]']);
});

test('regionInHost finds AWS, GCP and Azure regions, nothing in a plain host', () => {
  assert.equal(regionInHost('bedrock-runtime.us-east-1.amazonaws.com'), 'us-east-1');
  assert.equal(regionInHost('us-central1-aiplatform.googleapis.com'), 'us-central1');
  assert.equal(regionInHost('my-westeurope.openai.azure.com'), 'westeurope');
  assert.equal(regionInHost('api.openai.com'), null);
  assert.equal(regionInHost('museum.example.com'), null);
});

test('percentages keep the digits that show a failure: 3 in 11,414 is 99.97%, never 100.0%', () => {
  assert.equal(ratio(11_411, 11_414), '99.97%');
  assert.equal(ratio(9_999_999, 10_000_000), '99.99999%');
  assert.equal(ratio(1, 10_000_000), '0.00001%');
  assert.equal(pct(1 - 1e-12), '>99.999999%');
  assert.equal(pct(1e-12), '<0.000001%');
  assert.equal(pct(1), '100.0%');
  assert.equal(pct(0), '0.0%');
  assert.equal(pct(0.5), '50.0%');
  assert.equal(pct(0.9995), '99.95%');
  assert.equal(ratio(0, 0), '100.0%');
  for (let failed = 1; failed < 2000; failed += 7) assert.notEqual(ratio(1_000_000 - failed, 1_000_000), '100.0%');
});
