// Prices and context windows for well-known models. The data comes from @pydantic/genai-prices,
// distilled at build time by scripts/extract-prices.mjs into a compact table (the package itself
// is ~0.5 MB of JS; loading it made `gwcfg lint` twice as slow). The lookups below follow the
// package's calcPrice/findProvider rules for 1M input + 1M output tokens, so the answers are the
// same; test/routing/prices.test.ts checks that against the package.
import { PROVIDERS_JSON, MODELS_JSON } from './generated/price-table.js';

export interface TokenPrice {
  /** USD per input token. */
  input: number;
  /** USD per output token. */
  output: number;
}

export interface ModelFacts {
  price: TokenPrice | null;
  contextWindow: number | null;
}

/** A genai-prices match clause with short keys; string operands are already lower-case. */
type MatchClause =
  | { eq: string }
  | { sw: string }
  | { ew: string }
  | { has: string }
  | { re: string }
  | { or: MatchClause[] }
  | { and: MatchClause[] };

/** USD for 1M input and 1M output tokens, or null when genai-prices cannot price the model. */
type MillionPrice = [input: number, output: number] | null;

/** One time-dependent price: from `d` (epoch ms), or within [t0, t1) seconds of the UTC day. */
interface PriceVariant {
  p: MillionPrice;
  d?: number;
  t?: [from: number, to: number];
}

interface ModelRow {
  m: MatchClause;
  /** Flat price ... */
  p?: MillionPrice;
  /** ... or price variants, the last applicable one wins. */
  v?: PriceVariant[];
  c?: number;
}

interface ProviderRow {
  id: string;
  /** Matched against a provider id that is not an exact id. */
  pm?: MatchClause;
  /** Matched against a model id when no provider is given. */
  mm?: MatchClause;
  /** Providers whose models this one also serves. */
  fb?: string[];
  m: ModelRow[];
}

// The table ships as JSON strings, parsed on first use: string constants cost the CLI's start-up
// (and its code cache) almost nothing, while an object literal is rebuilt on every run. Each
// provider's models are parsed only when a lookup reaches that provider.
let parsedProviders: ProviderRow[] | null = null;
const providerRows = (): ProviderRow[] => (parsedProviders ??= (JSON.parse(PROVIDERS_JSON) as Omit<ProviderRow, 'm'>[]).map(withLazyModels));

function withLazyModels(header: Omit<ProviderRow, 'm'>): ProviderRow {
  let models: ModelRow[] | null = null;
  return Object.defineProperty(header, 'm', { get: () => (models ??= JSON.parse(MODELS_JSON[header.id] ?? '[]') as ModelRow[]), enumerable: true }) as ProviderRow;
}

const PER_MILLION = 1_000_000;
const cache = new Map<string, ModelFacts>();

// LiteLLM provider prefixes whose genai-prices id differs and that findProvider does not alias.
export const PROVIDER_ALIASES: Readonly<Record<string, string>> = {
  together_ai: 'together',
  fireworks_ai: 'fireworks',
  azure_ai: 'azure',
  bedrock_converse: 'aws',
  vertex_ai_beta: 'google',
  gemini: 'google',
  vertex_ai: 'google',
  bedrock: 'aws',
  xai: 'x-ai',
  text_completion_openai: 'openai',
};

const regexCache = new Map<string, RegExp>();

function compiled(pattern: string): RegExp {
  let regex = regexCache.get(pattern);
  if (!regex) {
    regex = new RegExp(pattern);
    regexCache.set(pattern, regex);
  }
  return regex;
}

/** Whether a lower-cased id satisfies a clause (regexes see the lower-cased id, as in genai-prices). */
function matches(clause: MatchClause, id: string): boolean {
  if ('or' in clause) return clause.or.some((c) => matches(c, id));
  if ('and' in clause) return clause.and.every((c) => matches(c, id));
  if ('eq' in clause) return id === clause.eq;
  if ('sw' in clause) return id.startsWith(clause.sw);
  if ('ew' in clause) return id.endsWith(clause.ew);
  if ('has' in clause) return id.includes(clause.has);
  return compiled(clause.re).test(id);
}

/** genai-prices' findProvider({ providerId }): exact id first, then provider_match. */
function providerById(providerId: string): ProviderRow | undefined {
  const wanted = providerId.toLowerCase().trim();
  return providerRows().find((p) => p.id === wanted) ?? providerRows().find((p) => p.pm !== undefined && matches(p.pm, wanted));
}

/** The provider calcPrice guesses from a (normalised) model id when none is given. */
function providerForModel(modelId: string): ProviderRow | undefined {
  if (modelId === '') return undefined;
  return providerRows().find((p) => p.mm !== undefined && matches(p.mm, modelId));
}

/** First model of the provider that matches, else of its fallback providers (one level deep). */
function modelOf(provider: ProviderRow, modelId: string, withFallbacks: boolean): ModelRow | undefined {
  const own = provider.m.find((row) => matches(row.m, modelId));
  if (own || !withFallbacks) return own;
  for (const id of provider.fb ?? []) {
    const fallback = providerRows().find((p) => p.id === id);
    const found = fallback && modelOf(fallback, modelId, false);
    if (found) return found;
  }
  return undefined;
}

const COMPACT_DATE = /(-)(20\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=-|:|$)/g;

/** `-20240513` becomes `-2024-05-13` when it is a real calendar date (genai-prices' second try). */
function withDashedDates(modelId: string): string {
  return modelId.replace(COMPACT_DATE, (whole: string, dash: string, year: string, month: string, day: string) => {
    const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
    const real = date.getUTCFullYear() === Number(year) && date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day);
    return real ? `${dash}${year}-${month}-${day}` : whole;
  });
}

function findModel(provider: ProviderRow, modelId: string): ModelRow | undefined {
  const found = modelOf(provider, modelId, true);
  if (found) return found;
  const dashed = withDashedDates(modelId);
  return dashed === modelId ? undefined : modelOf(provider, dashed, true);
}

function variantApplies(variant: PriceVariant, at: Date): boolean {
  if (variant.d !== undefined) return at.getTime() >= variant.d;
  if (variant.t === undefined) return true;
  const [from, to] = variant.t;
  const second = at.getUTCHours() * 3600 + at.getUTCMinutes() * 60 + at.getUTCSeconds() + at.getUTCMilliseconds() / 1000;
  return to < from ? second >= from || second < to : second >= from && second < to;
}

/** The model's price at an instant: the last variant that applies, else the first. */
function priceAt(model: ModelRow, at: Date): MillionPrice {
  if (!model.v) return model.p ?? null;
  for (let i = model.v.length - 1; i >= 0; i--) {
    if (variantApplies(model.v[i], at)) return model.v[i].p;
  }
  return model.v[0].p;
}

/** calcPrice(1M in + 1M out, modelId, { providerId }) reduced to the facts gwcfg uses; null = no answer. */
function priceModel(modelId: string, providerId: string | undefined, at: Date): ModelFacts | null {
  const id = modelId.toLowerCase().trim();
  const provider = providerId !== undefined ? providerById(providerId) : providerForModel(id);
  const model = provider && findModel(provider, id);
  const price = model ? priceAt(model, at) : null;
  if (!model || !price) return null;
  return {
    price: { input: price[0] / PER_MILLION, output: price[1] / PER_MILLION },
    contextWindow: model.c ?? null,
  };
}

/**
 * Facts about a LiteLLM model string at an instant (some prices depend on the date or time of
 * day). Tries the prefix as a provider, then the bare model id, then the whole string. Uncached.
 */
export function modelFactsAt(model: string, at: Date): ModelFacts {
  const slash = model.indexOf('/');
  const prefix = slash > 0 ? model.slice(0, slash) : null;
  const bare = slash > 0 ? model.slice(slash + 1) : model;
  const attempts: Array<[string, string | undefined]> = [];
  if (prefix !== null) {
    const providerId = Object.hasOwn(PROVIDER_ALIASES, prefix) ? PROVIDER_ALIASES[prefix] : prefix;
    if (providerById(providerId)) attempts.push([bare, providerId]);
  }
  attempts.push([bare, undefined]);
  if (prefix !== null) attempts.push([model, undefined]);
  for (const [modelId, providerId] of attempts) {
    const found = priceModel(modelId, providerId, at);
    if (found) return found;
  }
  return { price: null, contextWindow: null };
}

function facts(model: string): ModelFacts {
  let found = cache.get(model);
  if (!found) {
    found = modelFactsAt(model, new Date());
    cache.set(model, found);
  }
  return found;
}

/** Price per token of a LiteLLM model string (`openai/gpt-4o`, `gpt-4o`, ...), or null if unknown. */
export function pricePerToken(model: string): TokenPrice | null {
  return facts(model).price;
}

/** Context window (tokens) of a well-known model, or null if unknown. */
export function contextWindow(model: string): number | null {
  return facts(model).contextWindow;
}
