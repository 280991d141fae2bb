// Generates src/config/litellm-config.generated.ts from schemas/litellm-config.schema.json.
// `--check` exits 1 when the committed file is stale (run by the test suite).
import { compile } from 'json-schema-to-typescript';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const target = `${root}src/config/litellm-config.generated.ts`;

export async function generate() {
  const schema = JSON.parse(readFileSync(`${root}schemas/litellm-config.schema.json`, 'utf8'));
  const banner = '/* Generated from schemas/litellm-config.schema.json by scripts/gen-types.mjs. Do not edit; run `npm run gen:types`. */';
  return compile(schema, 'LitellmConfig', { bannerComment: banner, additionalProperties: false, strictIndexSignatures: false, format: true, unreachableDefinitions: false, cwd: `${root}schemas` });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const text = await generate();
  if (process.argv.includes('--check')) {
    const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
    if (current !== text) {
      console.error('src/config/litellm-config.generated.ts is stale; run `npm run gen:types`');
      process.exit(1);
    }
  } else {
    writeFileSync(target, text);
    console.log('wrote src/config/litellm-config.generated.ts');
  }
}
