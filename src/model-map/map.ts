// LiteLLM's model map (`litellm.model_cost`) and the key resolution of `litellm.get_model_info`.
// Pure: no I/O and no clock; the built-in copy parses on first use.
import type { ModelIndex, ModelIndexText, ModelRow } from './distil.js';

/** Where a map came from, for messages and the docs. */
export interface ModelMapSource {
  /** e.g. "built-in" or the --model-cost-map path. */
  name: string;
  /** The map's own `last_updated`-style date when known, else null. */
  date: string | null;
}

/** Row lookups over a distilled map (see indexedTable and textTable). */
export interface ModelTable {
  get(key: string): ModelRow | undefined;
  /** utils._get_model_cost_key's `{k.lower(): k}` entry for a lower-cased key, where the key differs from it. */
  lowerKey(lower: string): string | undefined;
  readonly providers: readonly string[];
  readonly size: number;
}

/** A table over an index held in memory (a user's copy). */
export function indexedTable(index: ModelIndex): ModelTable {
  const rows = new Map<string, ModelRow>();
  for (const row of index.rows) rows.set(row[0], row);
  const lower = new Map(index.lower);
  return { get: (key) => rows.get(key), lowerKey: (key) => lower.get(key), providers: index.providers, size: rows.size };
}

/**
 * A table over the built-in copy's text form (ModelIndexText): a row is parsed when first looked
 * up, found by its line's start `\n["key",`.
 */
export function textTable(text: ModelIndexText): ModelTable {
  const found = new Map<string, ModelRow | undefined>();
  let lower: Map<string, string> | null = null;
  return {
    get(key) {
      if (found.has(key)) return found.get(key);
      const start = text.rows.indexOf(`\n[${JSON.stringify(key)},`);
      const row = start === -1 ? undefined : (JSON.parse(text.rows.slice(start + 1, text.rows.indexOf('\n', start + 1))) as ModelRow);
      found.set(key, row);
      return row;
    },
    lowerKey: (key) => (lower ??= new Map(JSON.parse(text.lower) as Array<[string, string]>)).get(key),
    providers: text.providers,
    size: text.size,
  };
}

export class ModelMap {
  private rows: ModelTable | null = null;
  private providerSet: Set<string> | null = null;

  /** `load` returns the map's rows; it runs once, on the first lookup. */
  constructor(
    readonly source: ModelMapSource,
    private readonly load: () => ModelTable,
  ) {}

  private table(): ModelTable {
    return (this.rows ??= this.load());
  }

  /** Number of keys. */
  get size(): number {
    return this.table().size;
  }

  /** `litellm.model_cost.get(key)`: exact, case-sensitive. */
  exact(key: string): ModelRow | undefined {
    return this.table().get(key);
  }

  /**
   * utils._get_model_cost_key: the exact key, else the key equal to it ignoring case (of equal
   * spellings the last, as LiteLLM's `{k.lower(): k}` map keeps).
   */
  matchKey(candidate: string): string | null {
    const table = this.table();
    if (table.get(candidate) !== undefined) return candidate;
    const lower = candidate.toLowerCase();
    return table.lowerKey(lower) ?? (table.get(lower) !== undefined ? lower : null);
  }

  /** Provider prefixes get_llm_provider splits off (see providerOf). */
  providers(): ReadonlySet<string> {
    if (!this.providerSet) {
      this.providerSet = new Set(KNOWN_PROVIDERS);
      for (const p of this.table().providers) if (!p.includes('-')) this.providerSet.add(p);
    }
    return this.providerSet;
  }
}

// Provider prefixes of LiteLLM's `provider_list` (types/utils.py LlmProviders) that own no key in
// the map (OpenAI-compatible servers and proxies); the map's own litellm_provider values are added.
const KNOWN_PROVIDERS = [
  'openai', 'azure', 'azure_ai', 'anthropic', 'bedrock', 'bedrock_converse', 'sagemaker', 'sagemaker_chat', 'vertex_ai',
  'vertex_ai_beta', 'gemini', 'custom_openai', 'openai_like', 'hosted_vllm', 'vllm', 'ollama', 'ollama_chat', 'lm_studio',
  'litellm_proxy', 'huggingface', 'text-completion-openai', 'text-completion-codestral', 'custom', 'llamafile', 'xinference',
  'triton', 'github', 'github_copilot', 'nvidia_nim', 'databricks', 'watsonx', 'watsonx_text', 'cloudflare', 'petals',
  'oobabooga', 'baseten', 'predibase', 'friendliai', 'aiohttp_openai', 'infinity', 'jina_ai', 'voyage', 'topaz',
];

/** An entry resolved by getModelInfo: the key it was found under and its row. */
export interface ResolvedModel {
  key: string;
  row: ModelRow;
}

/**
 * get_llm_provider's split of `provider/model`: the prefix when it is a provider LiteLLM knows,
 * else the litellm_provider of the bare key when the map has it (LiteLLM's per-provider model
 * lists are built from the map), else null (LiteLLM raises "LLM Provider NOT provided").
 * Source: litellm/litellm_core_utils/get_llm_provider_logic.py get_llm_provider.
 */
export function providerOf(map: ModelMap, model: string, customProvider: string | null = null): { model: string; provider: string | null } {
  if (customProvider) return { model: model.startsWith(`${customProvider}/`) ? model.slice(customProvider.length + 1) : model, provider: customProvider };
  const slash = model.indexOf('/');
  if (slash > 0 && map.providers().has(model.slice(0, slash))) return { model: model.slice(slash + 1), provider: model.slice(0, slash) };
  const row = map.exact(model);
  return { model, provider: row?.[1] ?? null };
}

/** utils._strip_model_name: bedrock region/route prefixes, vertex/gemini/databricks `-NNN` versions, OpenAI `ft:` suffixes. */
function stripModelName(model: string, provider: string | null): string {
  if (provider === 'bedrock' || provider === 'bedrock_converse') return baseBedrockModel(model);
  if (provider === 'vertex_ai' || provider === 'gemini' || provider === 'databricks') return model.replace(/-\d+$/, '');
  if (model.includes('ft:')) return model.replace(/(:[^:]+){3}$/, '');
  return model;
}

// BedrockModelInfo.get_base_model: drops a route (converse/, invoke/, ...) and a cross-region
// inference prefix (us., eu., apac., global., ...), keeping the provider.model-version id.
const BEDROCK_ROUTES = /^(?:converse|invoke|llama|deepseek_r1|nova|openai|qwen2|qwen3|moonshot|twelvelabs|async_invoke)\//;
const BEDROCK_REGIONS = /^(?:us-gov|us|eu|apac|ap|au|jp|ca|global)\./;
function baseBedrockModel(model: string): string {
  return model.replace(BEDROCK_ROUTES, '').replace(BEDROCK_REGIONS, '');
}

/** utils._check_provider_match: an entry of another provider does not answer for this one. */
function providerMatches(row: ModelRow, provider: string | null): boolean {
  const own = row[1];
  if (!provider || own === null || own === provider) return true;
  if (provider === 'vertex_ai' && own.startsWith('vertex_ai')) return true;
  if (provider === 'fireworks_ai' && own.startsWith('fireworks_ai')) return true;
  if (provider.startsWith('bedrock') && own.startsWith('bedrock')) return true;
  if (provider === 'litellm_proxy' || provider === 'github') return true;
  return provider === 'azure_ai' && (own === 'azure' || own === 'openai');
}

/**
 * `litellm.get_model_info(model, custom_llm_provider)`'s entry: tries `provider/model`, `model`,
 * `provider/stripped`, `stripped`, then the bare model (each case-insensitively, each only when
 * its provider matches), or null where LiteLLM raises "This model isn't mapped yet".
 * Source: litellm/utils.py _get_model_info_helper and _get_potential_model_names (LiteLLM 1.80,
 * main of 2026-07). Not modelled: huggingface (LiteLLM fetches config.json from the Hub) and
 * unmapped ollama models (LiteLLM asks the Ollama server).
 */
export function getModelInfo(map: ModelMap, model: string, customProvider: string | null = null): ResolvedModel | null {
  let split: string;
  let provider: string | null;
  let combined: string;
  let stripped: string;
  let combinedStripped: string;
  if (customProvider === null) {
    ({ model: split, provider } = providerOf(map, model));
    combined = model;
    stripped = stripModelName(model, provider);
    combinedStripped = stripped;
  } else {
    provider = customProvider === 'vertex_ai_beta' ? 'vertex_ai' : customProvider;
    const prefixed = model.startsWith(`${provider}/`);
    split = prefixed ? model.slice(provider.length + 1) : model;
    combined = prefixed ? model : `${provider}/${model}`;
    stripped = stripModelName(split, provider);
    combinedStripped = `${provider}/${stripped}`;
  }
  for (const candidate of [combined, model, combinedStripped, stripped, split]) {
    const key = map.matchKey(candidate);
    const row = key === null ? undefined : map.exact(key);
    if (key !== null && row && providerMatches(row, provider)) return { key, row };
  }
  return null;
}
