// Files pulled in by include: that are not LiteLLM configs never have their content printed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';

const FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit'];

test('an included .env file and /etc/passwd give one line each and none of their content, in every format', () => {
  for (const command of ['validate', 'lint']) {
    for (const format of FORMATS) {
      const r = runCli([command, 'config.yaml', '-f', format], { cwd: 'test/fixtures/hygiene/include-leak' });
      assert.equal(r.status, 1, r.stderr);
      const out = r.stdout + r.stderr;
      for (const leak of ['OPENAI_API_KEY', 'Zq8v', 'root:', '/bin/', 'sk-a']) assert.ok(!out.includes(leak), `${command} -f ${format} shows '${leak}':\n${out}`);
      if (format === 'json') {
        const found = JSON.parse(r.stdout).diagnostics.map((d: { file: string; ruleId: string; line: number }) => `${d.file}:${d.line} ${d.ruleId}`);
        assert.deepEqual(found, ['config.yaml:6 schema/include-not-config', 'config.yaml:7 schema/include-not-config']);
      }
    }
  }
});

test('a service-account key is not a config; a config with a typo in its section still is', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gwcfg-include-'));
  const pem = '-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\\n-----END PRIVATE KEY-----\\n';
  writeFileSync(join(dir, 'sa.json'), `{\n  "type": "service_account",\n  "private_key_id": "0123456789abcdef",\n  "private_key": "${pem}",\n  "client_email": "x@p.iam.gserviceaccount.com"\n}\n`);
  writeFileSync(join(dir, 'typo.yaml'), 'model_lst: []\n');
  writeFileSync(join(dir, 'config.yaml'), 'model_list: []\ninclude: [sa.json, typo.yaml]\n');
  const r = runCli(['validate', 'config.yaml', '-f', 'json'], { cwd: dir });
  const found = JSON.parse(r.stdout).diagnostics;
  assert.deepEqual(
    found.map((d: { file: string; ruleId: string }) => `${d.file} ${d.ruleId}`),
    ['config.yaml schema/include-not-config', 'typo.yaml schema/unknown-key'],
  );
  assert.match(found[0].message, /^included file 'sa\.json' is not a LiteLLM config \(none of its top-level keys is a config section\)/);
  assert.ok(!r.stdout.includes('service_account') && !r.stdout.includes('MIIE'), r.stdout);
});
