// Dev harness: validates every corpus config against schemas/litellm-config.schema.json and prints
// the ajv errors per file. The schema is compiled the same way scripts/compile-schemas.mjs does it
// (Ajv2020, strict, allErrors, gwcfg annotation keywords), so a schema that passes here compiles there.
//
// Usage: node scripts/check-schema-corpus.mjs [corpus-dir]   (default: fixtures/corpus)
//   --quiet     only print files with errors and the summary
// Exit code: 0 always (this is a report, not a gate); the summary says what to look at.
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const quiet = args.includes('--quiet');
const corpus = args.find((a) => !a.startsWith('--')) ?? fileURLToPath(new URL('../fixtures/corpus', import.meta.url));

const GWCFG_KEYWORDS = ['x-gwcfg-extension', 'x-gwcfg-extension-values', 'x-gwcfg-open', 'x-gwcfg-deprecated'];
const schema = JSON.parse(readFileSync(join(root, 'schemas', 'litellm-config.schema.json'), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, verbose: false });
addFormats(ajv);
for (const keyword of GWCFG_KEYWORDS) ajv.addKeyword({ keyword, schemaType: ['string', 'object', 'boolean', 'array'] });
const validate = ajv.compile(schema);

/** PyYAML / YAML 1.1 semantics. A duplicate key is a loader matter (last wins in PyYAML), so retry without the check. */
function parseConfig(text) {
  try {
    return { value: parse(text, { version: '1.1', merge: true }), note: '' };
  } catch (err) {
    if (/Map keys must be unique/.test(String(err))) {
      return { value: parse(text, { version: '1.1', merge: true, uniqueKeys: false }), note: 'duplicate key (parsed last-wins)' };
    }
    throw err;
  }
}

function yamlFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f) && statSync(join(dir, f)).isFile())
    .sort()
    .map((f) => join(dir, f));
}

/** The unknown key an additionalProperties error names, as a dotted path. */
function describe(error) {
  if (error.keyword === 'additionalProperties') return `unknown key ${error.instancePath}/${error.params.additionalProperty}`;
  return `${error.instancePath || '/'}: ${error.keyword} ${error.message}`;
}

const groups = ['litellm', 'litellm/includes', 'mistakes', 'litellm-invalid'];
const summary = [];
for (const group of groups) {
  console.log(`\n## ${group}`);
  for (const file of yamlFiles(join(corpus, group))) {
    const name = relative(corpus, file);
    let parsed;
    try {
      parsed = parseConfig(readFileSync(file, 'utf8'));
    } catch (err) {
      console.log(`${name}: YAML error: ${String(err.message).split('\n')[0]}`);
      summary.push({ group, name, yaml: true, errors: [] });
      continue;
    }
    const value = parsed.value ?? {};
    validate(value);
    const errors = validate.errors ?? [];
    // anyOf wrappers repeat their branches' errors; keep the leaf errors.
    const leaves = errors.filter((e) => e.keyword !== 'anyOf');
    const unknown = leaves.filter((e) => e.keyword === 'additionalProperties');
    const hard = leaves.filter((e) => e.keyword !== 'additionalProperties');
    summary.push({ group, name, yaml: false, errors: leaves, unknown, hard });
    if (quiet && leaves.length === 0) continue;
    const note = parsed.note ? ` [${parsed.note}]` : '';
    console.log(`${name}: ${hard.length} error(s), ${unknown.length} unknown key(s)${note}`);
    for (const e of leaves) console.log(`    ${describe(e)}`);
  }
}

console.log('\n## summary');
for (const group of groups) {
  const rows = summary.filter((r) => r.group === group);
  const withHard = rows.filter((r) => r.hard?.length);
  const withUnknown = rows.filter((r) => r.unknown?.length);
  const yaml = rows.filter((r) => r.yaml);
  console.log(
    `${group}: ${rows.length} files, ${withHard.length} with errors, ${withUnknown.length} with unknown keys, ${yaml.length} YAML failures` +
      (withHard.length ? ` -> ${withHard.map((r) => r.name).join(', ')}` : ''),
  );
}
