// simulate says what it does not simulate: config keys whose effect it leaves out are named on
// stderr with their position and listed as not_simulated in the JSON result.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findNotSimulated } from '../../src/sim/not-simulated.js';
import { runCli } from '../helpers/cli.js';

test('findNotSimulated names affinity, caching, custom callbacks, guardrails, budgets, provider SDK retries and team models; built-in logging callbacks are fine', () => {
  const found = findNotSimulated({
    model_list: [
      { model_name: 'm', litellm_params: { model: 'gpt-4o', max_retries: 2 }, model_info: { team_id: 't' } },
      { model_name: 'm', litellm_params: { model: 'gpt-4o-mini', max_retries: 0 } },
    ],
    router_settings: { optional_pre_call_checks: ['prompt_caching'], deployment_affinity_ttl_seconds: 60, enable_tag_filtering: false, num_retries: 2 },
    litellm_settings: { callbacks: ['prometheus'], success_callback: ['custom_callbacks.handler'], cache: true, max_budget: 0 },
    guardrails: [{ guardrail_name: 'g' }],
  }).map((f) => f.key);
  assert.deepEqual(found, [
    'router_settings.optional_pre_call_checks',
    'router_settings.deployment_affinity_ttl_seconds',
    'litellm_settings.cache',
    'litellm_settings.success_callback',
    'guardrails',
    'model_list[0].litellm_params.max_retries',
    'model_list[0].model_info.team_id',
  ]);
  assert.deepEqual(findNotSimulated({ model_list: [{ model_name: 'm', litellm_params: { model: 'gpt-4o' } }], router_settings: { routing_strategy: 'simple-shuffle' } }), []);
});

test('simulate prints a positioned notice per not-simulated key on stderr and lists them as not_simulated in the JSON', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gwcfg-ns-'));
  try {
    const config = join(dir, 'config.yaml');
    writeFileSync(
      config,
      [
        'model_list:',
        '  - model_name: chat',
        '    litellm_params: {model: gpt-4o-mini}',
        'router_settings:',
        '  optional_pre_call_checks: [prompt_caching]',
        'litellm_settings:',
        '  cache: true',
        '',
      ].join('\n'),
    );
    const r = runCli(['simulate', config, '--format', 'json', '--no-progress', '--requests', '10']);
    assert.equal(r.status, 0, r.stderr);
    const notices = r.stderr.split('\n').filter((l) => l.startsWith('gwcfg: notice:'));
    assert.equal(notices.length, 2, r.stderr);
    assert.match(notices[0], /config\.yaml:5:3: router_settings\.optional_pre_call_checks is not simulated \(.*affinity.*\); the result leaves it out$/);
    assert.match(notices[1], /config\.yaml:7:3: litellm_settings\.cache is not simulated/);
    const result = JSON.parse(r.stdout);
    assert.deepEqual(
      result.not_simulated.map((n: { key: string; file: string; line: number; column: number }) => [n.key, n.file, n.line, n.column]),
      [
        ['router_settings.optional_pre_call_checks', config, 5, 3],
        ['litellm_settings.cache', config, 7, 3],
      ],
    );
    assert.deepEqual(Object.keys(result).slice(0, 7), ['version', 'seed', 'strategy', 'simulated_seconds', 'warmup_seconds', 'bucket_seconds', 'not_simulated']);
    const compare = runCli(['simulate', config, '--format', 'json', '--no-progress', '--requests', '10', '--compare', 'simple-shuffle,least-busy', '--jobs', '1']);
    assert.equal(compare.status, 0, compare.stderr);
    for (const run of JSON.parse(compare.stdout).runs) assert.equal(run.not_simulated.length, 2);
    writeFileSync(config, 'model_list:\n  - model_name: chat\n    litellm_params: {model: gpt-4o-mini}\n');
    const clean = runCli(['simulate', config, '--format', 'json', '--no-progress', '--requests', '10']);
    assert.deepEqual(JSON.parse(clean.stdout).not_simulated, []);
    assert.doesNotMatch(clean.stderr, /notice/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
