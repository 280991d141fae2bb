// general_settings values are read with .get() and None means unset
// (litellm/proxy/proxy_server.py::ProxyConfig.load_config), so an explicit null is not a type error there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfigBytes } from '../../src/config/load.js';

const errors = async (text: string) => (await loadConfigBytes('t.yaml', new TextEncoder().encode(text))).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.ruleId} ${d.line}:${d.column}`);

const cases: Array<{ name: string; code: string; expected: string[] }> = [
  { name: 'null database_url and allowed_ips switch them off', code: 'general_settings:\n  database_url: null\n  allowed_ips: null\n', expected: [] },
  { name: 'a wrong non-null type is still an error', code: 'general_settings:\n  allowed_ips: 5\n', expected: ['schema/type 2:16'] },
  { name: 'null in a nested general_settings value is still checked', code: 'general_settings:\n  allowed_ips: [null]\n', expected: ['schema/type 2:17'] },
];

for (const c of cases) {
  test(`schema: ${c.name}`, async () => {
    assert.deepEqual(await errors(c.code), c.expected);
  });
}
