// Prices and context windows for well-known models, from the data bundled with
// @pydantic/genai-prices (never fetched at run time: updatePrices is not called).
import { createRequire } from 'node:module';

type GenaiPrices = typeof import('@pydantic/genai-prices');
let genai: GenaiPrices | null = null;

/** The price table is large (~0.5 MB): load it on first use, not when lint or routing load. */
function prices(): GenaiPrices {
  genai ??= createRequire(import.meta.url)('@pydantic/genai-prices') as GenaiPrices;
  return genai;
}

export interface TokenPrice {
  /** USD per input token. */
  input: number;
  /** USD per output token. */
  output: number;
}

interface ModelFacts {
  price: TokenPrice | null;
  contextWindow: number | null;
}

const PER_MILLION = 1_000_000;
const cache = new Map<string, ModelFacts>();

// LiteLLM provider prefixes whose genai-prices id differs and that findProvider does not alias.
const PROVIDER_ALIASES: Record<string, string> = {
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

function lookup(model: string): ModelFacts {
  const slash = model.indexOf('/');
  const prefix = slash > 0 ? model.slice(0, slash) : null;
  const bare = slash > 0 ? model.slice(slash + 1) : model;
  const usage = { input_tokens: PER_MILLION, output_tokens: PER_MILLION };
  const attempts: Array<[string, string | undefined]> = [];
  if (prefix !== null) {
    const providerId = PROVIDER_ALIASES[prefix] ?? prefix;
    if (prices().findProvider({ providerId })) attempts.push([bare, providerId]);
  }
  attempts.push([bare, undefined]);
  if (prefix !== null) attempts.push([model, undefined]);
  for (const [modelId, providerId] of attempts) {
    let result;
    try {
      result = prices().calcPrice(usage, modelId, providerId ? { providerId } : undefined);
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

function facts(model: string): ModelFacts {
  let found = cache.get(model);
  if (!found) {
    found = lookup(model);
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
