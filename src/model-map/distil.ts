// Distils LiteLLM's model map (model_prices_and_context_window.json, i.e. `litellm.model_cost`)
// into the few fields gwcfg reads, in a compact form that parses quickly on first use.
// Used by scripts/refresh-model-map.mts (the built-in copy) and by --model-cost-map (a user's copy).

/**
 * One model-map key, distilled:
 * [key, litellm_provider, mode, input_cost_per_token, output_cost_per_token, max_input_tokens,
 *  max_output_tokens, tiers]. Prices are USD per token; token counts are tokens; null = absent.
 * `tiers` lists every `input_cost_per_token_above_<N>[k]_tokens` key as [threshold label (e.g.
 * "200k"), input price, output price or null], in the map's key order.
 */
export type ModelRow = [
  key: string,
  provider: string | null,
  mode: string | null,
  input: number | null,
  output: number | null,
  maxInput: number | null,
  maxOutput: number | null,
  tiers: Array<[label: string, input: number, output: number | null]> | null,
];

const ABOVE = /^input_cost_per_token_above_(\d+k?)_tokens$/;

/** A finite number; LiteLLM's register_model also turns numeric strings ("3e-07") into numbers. */
export function numberOf(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(value.trim())) return Number(value);
  return null;
}

function textOf(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** The row of one map entry (an object), or null when the entry is not an object. */
export function distilEntry(key: string, entry: unknown): ModelRow | null {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return null;
  const e = entry as Record<string, unknown>;
  const tiers: Array<[string, number, number | null]> = [];
  for (const name of Object.keys(e)) {
    const m = ABOVE.exec(name);
    const price = m ? numberOf(e[name]) : null;
    if (m && price !== null) tiers.push([m[1], price, numberOf(e[`output_cost_per_token_above_${m[1]}_tokens`])]);
  }
  return [
    key,
    textOf(e.litellm_provider),
    textOf(e.mode),
    numberOf(e.input_cost_per_token),
    numberOf(e.output_cost_per_token),
    numberOf(e.max_input_tokens),
    numberOf(e.max_output_tokens),
    tiers.length > 0 ? tiers : null,
  ];
}

/** Every object entry of a parsed model map, in file order (LiteLLM's `sample_spec` documentation key included: it is a key of litellm.model_cost too). */
export function distilModelMap(raw: unknown): ModelRow[] {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error('a model map is a JSON object of model name -> facts');
  const rows: ModelRow[] = [];
  for (const [key, entry] of Object.entries(raw)) {
    const row = distilEntry(key, entry);
    if (row) rows.push(row);
  }
  return rows;
}

/**
 * Rows plus what lookups would otherwise compute on first use: the case-insensitive aliases of
 * utils._get_model_cost_key (`{k.lower(): k}`, last key wins; only entries whose key is not
 * already the lower-cased spelling) and the map's provider names.
 */
export interface ModelIndex {
  rows: ModelRow[];
  /** [lower-cased key, key] where they differ. */
  lower: Array<[string, string]>;
  providers: string[];
}

export function indexModelRows(rows: ModelRow[]): ModelIndex {
  const lower = new Map<string, string>();
  const providers = new Set<string>();
  for (const row of rows) {
    lower.set(row[0].toLowerCase(), row[0]);
    if (row[1] !== null) providers.add(row[1]);
  }
  return { rows, lower: [...lower].filter(([l, k]) => l !== k), providers: [...providers].sort() };
}

/**
 * The built-in copy's form (scripts/refresh-model-map.mts): `rows` has one row per line as JSON,
 * between newlines, so a lookup finds and parses one line instead of the whole map (lint reads a
 * few models; parsing all ~3,000 rows would cost milliseconds of every run). `lower` is the JSON of
 * ModelIndex.lower.
 */
export interface ModelIndexText {
  rows: string;
  lower: string;
  providers: string[];
  size: number;
}

export function modelIndexText(index: ModelIndex): ModelIndexText {
  return { rows: `\n${index.rows.map((row) => JSON.stringify(row)).join('\n')}\n`, lower: JSON.stringify(index.lower), providers: index.providers, size: index.rows.length };
}
