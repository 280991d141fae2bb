// Build step: distil the price data bundled with @pydantic/genai-prices (~0.5 MB of JS) into the
// compact table src/routing/prices.ts reads (src/routing/generated/price-table.json), so looking up
// a price or context window no longer loads the whole package.
//
// Kept per provider: id, provider_match (findProvider by id), model_match (provider guessed from
// the model), fallback_model_providers and, per model, its match clause, its context window and
// what calcPrice charges for 1M input + 1M output tokens. Prices that change over time (start
// dates, time-of-day discounts) keep one entry per variant with its constraint, because calcPrice
// picks the variant at call time.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { calcPrice, findProvider, waitForUpdate } from '@pydantic/genai-prices';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outFile = join(root, 'src', 'routing', 'generated', 'price-table.json');
const ONE_MILLION = { input_tokens: 1_000_000, output_tokens: 1_000_000 };
/** Model id the single-model probe provider answers to (see pricesFor). */
const PROBE_ID = 'gwcfg-probe';

/** Library match-clause keys and the short keys the table uses for them. */
const MATCH_KEYS = { equals: 'eq', starts_with: 'sw', ends_with: 'ew', contains: 'has', regex: 're', or: 'or', and: 'and' };

/**
 * A match clause with short keys. The library lower-cases both sides of every string test except
 * regex, so the strings are lower-cased here once; regexes are kept verbatim.
 */
function compactMatch(clause) {
  const keys = Object.keys(clause);
  if (keys.length !== 1 || !(keys[0] in MATCH_KEYS)) throw new Error(`unsupported match clause: ${JSON.stringify(clause)}`);
  const [key] = keys;
  const value = clause[key];
  if (key === 'or' || key === 'and') return { [MATCH_KEYS[key]]: value.map(compactMatch) };
  if (key === 'regex') {
    new RegExp(value); // fail the build, not a lint run, on a pattern this Node cannot compile
    return { re: value };
  }
  return { [MATCH_KEYS[key]]: value.toLowerCase() };
}

/**
 * [input, output] USD that calcPrice charges for 1M + 1M tokens at these prices, or null when
 * calcPrice throws for them (gwcfg then tries its next lookup, as it did with the library).
 * The model is wrapped in a one-model provider so calcPrice prices exactly this price set.
 */
function pricesFor(provider, model, modelPrices) {
  const probe = { ...provider, models: [{ ...model, match: { equals: PROBE_ID }, prices: modelPrices }] };
  let result;
  try {
    result = calcPrice(ONE_MILLION, PROBE_ID, { provider: probe });
  } catch {
    return null;
  }
  if (!result) throw new Error(`the price probe of ${provider.id}/${model.id} found no model`);
  return [result.input_price, result.output_price];
}

/** Seconds after UTC midnight of an `HH:MM:SS[.fff](Z|±HH:MM)` time of day. */
function secondsOfDay(time) {
  const m = /^(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|([+-])(\d{2}):(\d{2}))$/.exec(time);
  if (!m) throw new Error(`unsupported time of day: ${time}`);
  const [, h, min, s, fraction = '', zone, sign, offH = '00', offM = '00'] = m;
  const local = Number(h) * 3600 + Number(min) * 60 + Number(s) + Number(`0.${fraction}`);
  const offset = zone === 'Z' ? 0 : (sign === '+' ? 1 : -1) * (Number(offH) * 60 + Number(offM)) * 60;
  return (local - offset + 86400) % 86400;
}

/** One price variant: `p` as in pricesFor, plus `d` (start, epoch ms) or `t` ([from, to) seconds of the UTC day). */
function compactVariant(provider, model, variant) {
  const row = { p: pricesFor(provider, model, variant.prices) };
  const constraint = variant.constraint;
  if (constraint === undefined) return row;
  if (constraint.type === 'start_date') {
    const start = Date.parse(constraint.start_date);
    if (!Number.isFinite(start)) throw new Error(`bad start_date on ${provider.id}/${model.id}`);
    return { ...row, d: start };
  }
  if (constraint.type === 'time_of_date') {
    return { ...row, t: [secondsOfDay(constraint.start_time), secondsOfDay(constraint.end_time)] };
  }
  throw new Error(`unsupported price constraint on ${provider.id}/${model.id}: ${JSON.stringify(constraint)}`);
}

/** `{ m, p | v, c? }`: match, flat price or time-dependent variants, context window. */
function compactModel(provider, model) {
  const row = { m: compactMatch(model.match) };
  if (Array.isArray(model.prices)) row.v = model.prices.map((variant) => compactVariant(provider, model, variant));
  else row.p = pricesFor(provider, model, model.prices);
  if (model.context_window !== undefined) row.c = model.context_window;
  return row;
}

function compactProvider(provider) {
  const row = { id: provider.id };
  if (provider.provider_match) row.pm = compactMatch(provider.provider_match);
  if (provider.model_match) row.mm = compactMatch(provider.model_match);
  if (provider.fallback_model_providers?.length) row.fb = provider.fallback_model_providers;
  row.m = provider.models.map((model) => compactModel(provider, model));
  return row;
}

// waitForUpdate resolves to the bundled provider list while updatePrices has never been called.
const providers = await waitForUpdate();
if (!Array.isArray(providers) || providers.length === 0) throw new Error('genai-prices exposed no bundled provider data');
// calcPrice re-routes `litellm` provider ids; prices.ts does not, which is only right while no
// provider answers to that id.
if (findProvider({ providerId: 'litellm' })) {
  throw new Error('genai-prices now has a litellm provider: prices.ts must handle calcPrice\'s litellm re-routing');
}

const version = JSON.parse(readFileSync(join(dirname(createRequire(import.meta.url).resolve('@pydantic/genai-prices')), '..', 'package.json'), 'utf8')).version;
const table = { source: `@pydantic/genai-prices@${version}`, providers: providers.map(compactProvider) };
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, `${JSON.stringify(table)}\n`);
// The same table as a module of strings: what src/routing/prices.ts imports. Providers without
// their models parse on first use; each provider's models only when a lookup reaches it.
const header = table.providers.map(({ m: _models, ...rest }) => rest);
const modelsById = Object.fromEntries(table.providers.map((p) => [p.id, JSON.stringify(p.m)]));
writeFileSync(
  outFile.replace(/\.json$/, '.ts'),
  `// Generated by scripts/extract-prices.mjs; do not edit.\nexport const PROVIDERS_JSON = ${JSON.stringify(JSON.stringify(header))};\nexport const MODELS_JSON: Record<string, string> = ${JSON.stringify(modelsById)};\n`,
);
const models = table.providers.reduce((n, p) => n + p.m.length, 0);
console.log(`price table: ${table.providers.length} providers, ${models} models, ${Buffer.byteLength(JSON.stringify(table))} bytes`);
