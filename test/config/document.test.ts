import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { loadConfigBytes } from '../../src/config/load.js';
import { firstInvalidUtf8 } from '../../src/config/document.js';

const load = (text: string | Uint8Array) => loadConfigBytes('config.yaml', typeof text === 'string' ? Buffer.from(text) : text);
const errors = async (text: string | Uint8Array) => (await load(text)).diagnostics.filter((d) => d.severity === 'error');

test('empty file is one error at 1:1', async () => {
  const [d, ...rest] = await errors('');
  assert.equal(rest.length, 0);
  assert.equal(d.ruleId, 'yaml/empty');
  assert.deepEqual([d.line, d.column], [1, 1]);
});

test('a file with only comments is empty', async () => {
  const [d] = await errors('# nothing here\n\n# still nothing\n');
  assert.equal(d.ruleId, 'yaml/empty');
});

test('a top-level list or scalar is not a config', async () => {
  const [list] = await errors('- a\n- b\n');
  assert.equal(list.ruleId, 'yaml/not-a-mapping');
  assert.match(list.message, /a list/);
  const [scalar] = await errors('just text\n');
  assert.equal(scalar.ruleId, 'yaml/not-a-mapping');
});

test('invalid UTF-8 is reported at the bad byte', async () => {
  const bytes = Buffer.concat([Buffer.from('model_list:\n  - model_name: caf'), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]);
  const [d] = await errors(bytes);
  assert.equal(d.ruleId, 'yaml/encoding');
  assert.deepEqual([d.line, d.column], [2, 20]);
  assert.match(d.message, /0xc3/);
});

test('binary data is refused', async () => {
  const [d] = await errors(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00]));
  assert.equal(d.ruleId, 'yaml/binary');
});

test('tab indentation is a syntax error at the tab', async () => {
  const [d] = await errors('model_list:\n\t- model_name: a\n');
  assert.equal(d.ruleId, 'yaml/syntax');
  assert.equal(d.line, 2);
  assert.match(d.message, /tab/);
});

test('an unclosed quote points at the opening quote', async () => {
  const [d] = await errors('general_settings:\n  master_key: sk-1\n  database_url: " # oops\n');
  assert.equal(d.ruleId, 'yaml/syntax');
  assert.deepEqual([d.line, d.column], [3, 17]);
  assert.match(d.message, /unclosed double quote/);
});

test('an alias bomb is stopped, quickly, with a position', async () => {
  const levels = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
  for (let i = 1; i < 9; i++) {
    const prev = String.fromCharCode(96 + i);
    const name = String.fromCharCode(97 + i);
    levels.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(',')}]`);
  }
  const started = Date.now();
  const [d] = await errors(`x-bomb:\n  ${levels.join('\n  ')}\n`);
  assert.equal(d.ruleId, 'yaml/alias-limit');
  assert.ok(d.line >= 2);
  assert.ok(Date.now() - started < 10_000);
});

test('very deep nesting is refused before the parser recurses', async () => {
  const [flow] = await errors(`x-deep: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`);
  assert.equal(flow.ruleId, 'yaml/too-deep');
  assert.equal(flow.line, 1);
  let block = 'x-deep:\n';
  for (let i = 1; i < 2000; i++) block += `${' '.repeat(i)}k${i}:\n`;
  const [deep] = await errors(block);
  assert.equal(deep.ruleId, 'yaml/too-deep');
});

test('a byte-order mark and CRLF line ends are fine, and positions stay exact', async () => {
  const text = '\ufeffmodel_list:\r\n  - model_name: a\r\n    litellm_params:\r\n      model: openai/gpt-4o\r\n      rpm: lots\r\n';
  const diagnostics = await errors(text);
  assert.equal(diagnostics.length, 1);
  assert.equal(diagnostics[0].ruleId, 'schema/type');
  assert.deepEqual([diagnostics[0].line, diagnostics[0].column], [5, 12]);
});

test('decoding: two leading byte-order marks are dropped, a view into a larger buffer reads only its bytes, multibyte text keeps columns', async () => {
  const text = '\ufeffmodel_list:\r\n  - model_name: a\r\n    litellm_params:\r\n      model: openai/gpt-4o\r\n      rpm: lots\r\n';
  const at = (ds: { ruleId: string; line: number; column: number }[]) => ds.map((d) => `${d.ruleId} ${d.line}:${d.column}`);
  const one = at(await errors(text));
  assert.deepEqual(at(await errors(`\ufeff${text}`)), one);
  const padded = Buffer.from(`# x\n${text}tail`);
  assert.deepEqual(at(await errors(padded.subarray(4, padded.length - 4))), one);
  // columns count UTF-16 code units (😀 is two), as before
  const wide = at(await errors('model_list:\n  - model_name: "café 😀"\n    litellm_params: {model: "café 😀", rpm: lots}\n'));
  assert.deepEqual(wide, ['schema/type 3:45']);
});

test('duplicate keys warn (PyYAML keeps the last value) and point at the second key', async () => {
  const loaded = await load('litellm_settings:\n  success_callback: ["prometheus"]\n  drop_params: true\n  success_callback: ["s3"]\n');
  const [d] = loaded.diagnostics;
  assert.equal(d.ruleId, 'yaml/duplicate-key');
  assert.equal(d.severity, 'warning');
  assert.deepEqual([d.line, d.column], [4, 3]);
  assert.match(d.message, /line 2/);
  assert.deepEqual((loaded.value as { litellm_settings: { success_callback: string[] } }).litellm_settings.success_callback, ['s3']);
});

test('YAML 1.1 like PyYAML: 20_000 is an integer, yes/no are booleans', async () => {
  const loaded = await load('model_list:\n  - model_name: a\n    litellm_params:\n      model: azure/gpt\n      tpm: 20_000\n    model_info:\n      supports_vision: yes\n');
  assert.deepEqual(loaded.diagnostics, []);
  const entry = (loaded.value as { model_list: { litellm_params: { tpm: unknown }; model_info: { supports_vision: unknown } }[] }).model_list[0];
  assert.equal(entry.litellm_params.tpm, 20000);
  assert.equal(entry.model_info.supports_vision, true);
});

test('anchors and merge keys from x- sections work, and errors point where the value is written', async () => {
  const text = [
    'x-defaults: &defaults',
    '  rpm: lots',
    '  api_key: os.environ/OPENAI_API_KEY',
    'model_list:',
    '  - model_name: a',
    '    litellm_params:',
    '      <<: *defaults',
    '      model: openai/gpt-4o',
    '',
  ].join('\n');
  const loaded = await load(text);
  const [d] = loaded.diagnostics;
  assert.equal(loaded.diagnostics.length, 1);
  assert.equal(d.ruleId, 'schema/type');
  assert.deepEqual([d.line, d.column], [2, 8]);
  assert.equal(d.path, 'model_list[0].litellm_params.rpm');
});

test('firstInvalidUtf8 agrees with the fatal TextDecoder on arbitrary bytes', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
      let valid = true;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        valid = false;
      }
      assert.equal(firstInvalidUtf8(bytes) === -1, valid);
    }),
    { numRuns: 2000 },
  );
});

test('a 40k-deployment config validates with no findings', async () => {
  let text = 'model_list:\n';
  for (let i = 0; i < 40_000; i++) text += `  - model_name: group-${i % 100}\n    litellm_params:\n      model: openai/gpt-4o\n      api_key: os.environ/KEY_${i}\n      rpm: ${100 + i}\n`;
  const loaded = await load(text);
  assert.deepEqual(loaded.diagnostics, []);
  assert.equal((loaded.value as { model_list: unknown[] }).model_list.length, 40_000);
});
