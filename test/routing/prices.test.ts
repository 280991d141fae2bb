// The compact price table (scripts/extract-prices.mjs) must answer exactly like
// @pydantic/genai-prices itself. The oracle below is gwcfg's former library-based lookup; it is the
// only place gwcfg still loads the package.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { glob } from 'tinyglobby';
import { parse } from 'yaml';
import { calcPrice, findProvider, waitForUpdate, type MatchLogic, type Provider } from '@pydantic/genai-prices';
import { contextWindow, modelFactsAt, pricePerToken, PROVIDER_ALIASES, type ModelFacts } from '../../src/routing/prices.js';
import priceTable from '../../src/routing/generated/price-table.json' with { type: 'json' };

// ---- oracle: the lookup prices.ts did before the table existed ----------------------------------

const PER_MILLION = 1_000_000;

/** The old lookup with the instant made explicit (and Object.hasOwn, see the test at the end). */
function oracle(model: string, at: Date): ModelFacts {
  const slash = model.indexOf('/');
  const prefix = slash > 0 ? model.slice(0, slash) : null;
  const bare = slash > 0 ? model.slice(slash + 1) : model;
  const usage = { input_tokens: PER_MILLION, output_tokens: PER_MILLION };
  const attempts: Array<[string, string | undefined]> = [];
  if (prefix !== null) {
    const providerId = Object.hasOwn(PROVIDER_ALIASES, prefix) ? PROVIDER_ALIASES[prefix] : prefix;
    if (findProvider({ providerId })) attempts.push([bare, providerId]);
  }
  attempts.push([bare, undefined]);
  if (prefix !== null) attempts.push([model, undefined]);
  for (const [modelId, providerId] of attempts) {
    let result;
    try {
      result = calcPrice(usage, modelId, providerId ? { providerId, timestamp: at } : { timestamp: at });
    } catch {
      result = null;
    }
    if (result) {
      return {
        price: { input: result.input_price / PER_MILLION, output: result.output_price / PER_MILLION },
        contextWindow: result.model.context_window ?? null,
      };
    }
  }
  return { price: null, contextWindow: null };
}

// ---- inputs ------------------------------------------------------------------------------------

const providers: Provider[] = (await waitForUpdate()) ?? [];

/** Every literal string a match clause compares with (the model's aliases); regexes excluded. */
function matchStrings(clause: MatchLogic): string[] {
  if ('or' in clause) return clause.or.flatMap(matchStrings);
  if ('and' in clause) return clause.and.flatMap(matchStrings);
  if ('regex' in clause) return [];
  return Object.values(clause) as string[];
}

/** Model ids, their aliases and provider ids, exactly as spelled in genai-prices. */
const dataIds = [...new Set(providers.flatMap((p) => [p.id, ...p.models.flatMap((m) => [m.id, ...matchStrings(m.match)])]))].sort();

/** LiteLLM prefixes: the alias table's, plus common ones that need no alias, plus ones no provider has. */
const prefixes = [
  ...Object.keys(PROVIDER_ALIASES),
  ...['openai', 'anthropic', 'azure', 'groq', 'mistral', 'deepseek', 'openrouter', 'cohere', 'litellm', 'hosted_vllm'],
];

const ROOT = new URL('../../', import.meta.url);
const corpusFiles = [
  ...(await glob('fixtures/**/*.yaml', { cwd: fileURLToPath(ROOT), absolute: true })),
].sort();

/** `litellm_params.model` strings anywhere in a parsed config. */
function deploymentModels(node: unknown, out: Set<string>): Set<string> {
  if (Array.isArray(node)) node.forEach((item) => deploymentModels(item, out));
  else if (node !== null && typeof node === 'object') {
    const params = (node as Record<string, unknown>).litellm_params;
    if (params !== null && typeof params === 'object' && typeof (params as { model?: unknown }).model === 'string') {
      out.add((params as { model: string }).model);
    }
    Object.values(node).forEach((value) => deploymentModels(value, out));
  }
  return out;
}

function corpusModels(): string[] {
  const models = new Set<string>();
  for (const file of corpusFiles) {
    let doc: unknown;
    try {
      doc = parse(readFileSync(file, 'utf8'), { version: '1.1', merge: true });
    } catch {
      continue; // fixtures of broken YAML
    }
    deploymentModels(doc, models);
  }
  return [...models].sort();
}

/** Instants around every start date and time-of-day boundary of the time-dependent prices. */
function pricingInstants(): Date[] {
  const day = Date.UTC(2026, 10, 24);
  const instants = [Date.now(), Date.UTC(2020, 0, 1), Date.UTC(2030, 0, 1, 12)];
  for (const provider of providers) {
    for (const model of provider.models) {
      if (!Array.isArray(model.prices)) continue;
      for (const { constraint } of model.prices) {
        if (constraint?.type === 'start_date') {
          const start = Date.parse(constraint.start_date);
          instants.push(start - 1, start, start + 9 * 3600_000);
        } else if (constraint?.type === 'time_of_date') {
          for (const time of [constraint.start_time, constraint.end_time]) {
            const t = Date.parse(`2026-11-24T${time}`);
            instants.push(t - 1000, t - 1, t, t + 1, t + 3600_000);
          }
        }
      }
    }
  }
  instants.push(day);
  return [...new Set(instants)].sort((a, b) => a - b).map((ms) => new Date(ms));
}

function assertSame(model: string, at: Date): void {
  assert.deepEqual(modelFactsAt(model, at), oracle(model, at), `${JSON.stringify(model)} at ${at.toISOString()}`);
}

// ---- tests -------------------------------------------------------------------------------------

test('the table was extracted from the installed genai-prices', () => {
  const entry = createRequire(import.meta.url).resolve('@pydantic/genai-prices');
  const { version } = JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version: string };
  assert.equal(priceTable.source, `@pydantic/genai-prices@${version}`, 'run `node scripts/extract-prices.mjs`');
  assert.equal(priceTable.providers.length, providers.length);
});

test('every genai-prices model id and alias, bare and under each LiteLLM prefix, prices the same', (t) => {
  const at = new Date();
  let compared = 0;
  let known = 0;
  for (const id of dataIds) {
    for (const model of [id, id.toUpperCase(), ` ${id} `, ...prefixes.map((prefix) => `${prefix}/${id}`)]) {
      assertSame(model, at);
      compared++;
      if (oracle(model, at).price) known++;
    }
  }
  // Many strings name a priced model: the comparison is not mostly between two "unknown"s.
  t.diagnostic(`${dataIds.length} ids and aliases, ${compared} model strings compared, ${known} of them priced`);
  assert.ok(dataIds.length > 2000 && known > compared / 4, `${dataIds.length} ids, ${known}/${compared} priced`);
});

test('time-dependent prices switch at the same instants (start dates, time-of-day discounts)', (t) => {
  const timed = providers.flatMap((p) =>
    p.models.filter((m) => Array.isArray(m.prices)).flatMap((m) => [m.id, ...matchStrings(m.match)].flatMap((id) => [id, `${p.id}/${id}`])),
  );
  assert.ok(timed.length > 20);
  const seen = new Set<string>();
  const instants = pricingInstants();
  t.diagnostic(`${timed.length} model strings x ${instants.length} instants`);
  for (const at of instants) {
    for (const model of timed) {
      assertSame(model, at);
      seen.add(JSON.stringify(modelFactsAt(model, at).price));
    }
  }
  assert.ok(seen.size > 10, 'the instants reach several price variants');
});

test('model strings of every corpus and fixture deployment price the same', (t) => {
  const models = corpusModels();
  t.diagnostic(`${models.length} deployment model strings from ${corpusFiles.length} files, ${models.filter((m) => oracle(m, new Date()).price).length} priced`);
  assert.ok(corpusFiles.length > 50 && models.length > 50, `${corpusFiles.length} files, ${models.length} models`);
  const at = new Date();
  for (const model of models) assertSame(model, at);
});

test('the cached public lookups agree with the oracle at the time of the call', () => {
  for (const model of corpusModels().slice(0, 200).concat(['deepseek/deepseek-chat', 'deepseek-v4-pro', 'gpt-4o', 'nope/nothing'])) {
    const before = new Date();
    const price = pricePerToken(model);
    const window = contextWindow(model);
    const after = new Date();
    const expected = [oracle(model, before), oracle(model, after)];
    assert.ok(
      expected.some((facts) => isDeepStrictEqual(facts, { price, contextWindow: window })),
      `${model}: ${JSON.stringify({ price, window })} vs ${JSON.stringify(expected)}`,
    );
    assert.equal(pricePerToken(model), price, 'cached');
  }
});

const knownIds = dataIds.filter((_, i) => i % 3 === 0);

test('property: random strings price the same', () => {
  const at = new Date();
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (model) => assertSame(model, at)),
    { numRuns: 1500 },
  );
});

test('property: mangled well-known ids (case, spaces, suffixes, dates, prefixes) price the same', () => {
  const at = new Date();
  const mangled = fc
    .tuple(
      fc.constantFrom('', ...prefixes.map((p) => `${p}/`), 'Together_AI/', ' openai/', 'huggingface/', 'amazon/', 'x/'),
      fc.constantFrom(...knownIds),
      fc.constantFrom('', '-latest', '-20250514', '-2025-05-14', '-20251301', ':free', 'x', '/v1', '-preview-0409'),
      fc.constantFrom('none', 'upper', 'title', 'pad'),
    )
    .map(([prefix, id, suffix, casing]) => {
      const text = `${prefix}${id}${suffix}`;
      if (casing === 'upper') return text.toUpperCase();
      if (casing === 'title') return text.replace(/(^|[-/])([a-z])/g, (_, sep: string, c: string) => sep + c.toUpperCase());
      if (casing === 'pad') return `\t${text} `;
      return text;
    });
  fc.assert(fc.property(mangled, (model) => assertSame(model, at)), { numRuns: 3000 });
});

test('a prefix named like an Object.prototype member is an unknown provider, not a crash', () => {
  // The old lookup read PROVIDER_ALIASES[prefix] without an own-property check and threw for these.
  const at = new Date();
  for (const prefix of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
    assertSame(`${prefix}/gpt-4o`, at);
    assert.notEqual(modelFactsAt(`${prefix}/gpt-4o`, at).price, null, 'falls back to the bare model id');
  }
});
