// scripts/compile-schemas.mjs replaces the error-reporting code ajv's standalone output repeats at
// each place that can fail by calls of two helpers (start-up: less code compiled and cached). The
// generated validators must still report exactly what ajv's own validator of the same schema
// reports, in the same order: compared here on every YAML file under fixtures/ and on each of
// them with every value replaced, one at a time, by values of other types.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import validateConfig from '../../src/schema/generated/litellm-config.js';
import validateScenario from '../../src/schema/generated/scenario.js';
import validateRc from '../../src/schema/generated/gwcfgrc.js';
import configIndex from '../../src/schema/generated/litellm-config.index.json' with { type: 'json' };
import scenarioIndex from '../../src/schema/generated/scenario.index.json' with { type: 'json' };
import rcIndex from '../../src/schema/generated/gwcfgrc.index.json' with { type: 'json' };

type Validate = ((data: unknown) => boolean) & { errors?: unknown[] | null };

/** Ajv's own validator, compiled as scripts/compile-schemas.mjs compiles it (without the standalone output). */
function ajvValidator(schema: object): Validate {
  const ajv = new Ajv2020.default({ allErrors: true, strict: true, allowUnionTypes: true, inlineRefs: false, messages: false, code: { optimize: true }, verbose: false });
  addFormats.default(ajv);
  const keywords = new Set<string>();
  (function collect(node: unknown) {
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('x-gwcfg-')) keywords.add(key);
      collect(value);
    }
  })(schema);
  for (const keyword of keywords) ajv.addKeyword({ keyword, schemaType: ['string', 'object', 'boolean', 'array'] });
  return ajv.compile(schema) as Validate;
}

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...yamlFiles(path));
    else if (/\.ya?ml$/.test(entry.name)) out.push(path);
  }
  return out.sort();
}

const root = new URL('../../', import.meta.url).pathname;
const documents: unknown[] = [];
for (const file of [...yamlFiles(join(root, 'fixtures')), ...yamlFiles(join(root, 'test', 'fixtures'))]) {
  try {
    documents.push(parse(readFileSync(file, 'utf8'), { merge: true, maxAliasCount: 100, uniqueKeys: false, logLevel: 'silent' }));
  } catch {
    // not YAML these tests can use (hostile inputs): skip
  }
}

const REPLACEMENTS: unknown[] = [null, -1, 'x', ['x'], { a: 1 }];

/** The document with each value (at depth ≤ 5), one at a time, replaced by each replacement. */
function* variants(document: unknown): Generator<unknown> {
  yield document;
  const paths: Array<Array<string | number>> = [];
  (function walk(value: unknown, path: Array<string | number>) {
    if (path.length > 0) paths.push(path);
    if (path.length >= 5 || !value || typeof value !== 'object') return;
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]));
    else for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
  })(document, []);
  for (const path of paths) {
    for (const replacement of REPLACEMENTS) {
      const copy = structuredClone(document) as Record<string | number, unknown>;
      let parent = copy;
      for (const seg of path.slice(0, -1)) parent = parent[seg] as Record<string | number, unknown>;
      parent[path[path.length - 1]] = replacement;
      yield copy;
    }
  }
}

for (const [name, generated, index] of [
  ['litellm-config', validateConfig, configIndex],
  ['scenario', validateScenario, scenarioIndex],
  ['gwcfgrc', validateRc, rcIndex],
] as Array<[string, Validate, object]>) {
  test(`the generated ${name} validator reports what ajv reports`, () => {
    const reference = ajvValidator(index);
    let compared = 0;
    let failing = 0;
    for (const document of documents) {
      for (const value of variants(document)) {
        const ok = generated(value);
        assert.equal(ok, reference(value));
        assert.deepEqual(generated.errors ?? null, reference.errors ?? null);
        assert.equal(JSON.stringify(generated.errors ?? null), JSON.stringify(reference.errors ?? null)); // key order too
        compared++;
        if (!ok) failing++;
      }
    }
    assert.ok(compared > 5_000 && failing > 1_000, `${compared} values, ${failing} with errors`);
  });
}

test('the generated validators report errors through the two helpers', () => {
  for (const name of ['litellm-config', 'scenario', 'gwcfgrc']) {
    const code = readFileSync(join(root, 'src', 'schema', 'generated', `${name}.js`), 'utf8');
    const helperCalls = code.split('__gwcfgError(').length - 1;
    const leftInline = code.split('if(vErrors === null){vErrors = [').length - 1;
    assert.ok(helperCalls > 2 * leftInline, `${name}: ${helperCalls} helper calls, ${leftInline} inline error sites`);
  }
});
