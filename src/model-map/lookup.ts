// What LiteLLM reads from its model map for one deployment: the price cost-based routing sorts
// by, the context window of the pre-call checks, and the per-token prices its cost calculator
// charges. Pure functions of the map and the deployment's litellm_params / model_info.
import { numberOf } from './distil.js';
import { getModelInfo, providerOf, type ModelMap } from './map.js';

type Obj = Record<string, unknown>;

/**
 * lowest_cost.py's price of a model it cannot find: `model_cost_map.get("input_cost_per_token", 5.0)`
 * (and the same for output), so an unpriced deployment scores 10.0 USD per token.
 * Source: litellm/router_strategy/lowest_cost.py LowestCostLoggingHandler.async_get_available_deployments.
 */
export const LOWEST_COST_DEFAULT_PER_TOKEN = 5.0;

/** Python float() of a YAML value as lowest_cost reads it; null where float() raises. */
function pyFloat(value: unknown): number | null {
  if (typeof value === 'number') return value;
  if (value === true) return 1;
  if (value === false) return 0;
  if (typeof value === 'string') {
    const t = value.trim();
    if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return Number(t);
    if (/^[+-]?(inf|infinity)$/i.test(t)) return t.startsWith('-') ? -Infinity : Infinity;
  }
  return null;
}

/** Python truthiness of a YAML value (0, '', empty collections and null are falsy). */
function truthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === 0 || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

function objOf(value: unknown): Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Obj) : {};
}

function stringOf(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** The parts of a model_list entry these lookups read. */
export interface DeploymentFacts {
  litellm_params: Obj;
  model_info: Obj;
}

export function deploymentFacts(entry: unknown): DeploymentFacts {
  const e = objOf(entry);
  return { litellm_params: objOf(e.litellm_params), model_info: objOf(e.model_info) };
}

/**
 * Prices Router._create_deployment registers: `register_model({model: model_info})` for every
 * deployment (model = litellm_params.model, prefixed with litellm_params.custom_llm_provider when
 * set). The entry lands under the key get_model_info resolves it to (or the name itself when the
 * map lacks it), and the model_info cost fields overwrite that key's prices for every deployment.
 * Source: litellm/router.py Router._create_deployment; litellm/utils.py register_model.
 */
export type RegisteredPrices = ReadonlyMap<string, { input?: number; output?: number }>;

export function registeredPrices(map: ModelMap, deployments: readonly DeploymentFacts[]): RegisteredPrices {
  const out = new Map<string, { input?: number; output?: number }>();
  for (const { litellm_params: params, model_info: info } of deployments) {
    const model = stringOf(params.model);
    if (model === null) continue;
    const provider = stringOf(params.custom_llm_provider);
    const name = provider ? `${provider}/${model}` : model;
    const input = numberOf(info.input_cost_per_token);
    const output = numberOf(info.output_cost_per_token);
    if (input === null && output === null) continue;
    const key = getModelInfo(map, name)?.key ?? name;
    const slot = out.get(key) ?? {};
    if (input !== null) slot.input = input;
    if (output !== null) slot.output = output;
    out.set(key, slot);
  }
  return out;
}

/** Where each half of a routing price came from. */
export type PriceOrigin = 'litellm_params' | 'model map' | 'model_info' | 'default';

export interface RoutingPrice {
  /** USD per token, as lowest_cost adds them (input + output). */
  input: number;
  output: number;
  inputFrom: PriceOrigin;
  outputFrom: PriceOrigin;
}

/**
 * The per-token price cost-based routing sorts a deployment by: each of litellm_params
 * input_cost_per_token / output_cost_per_token when truthy and float()-able, else that field of
 * `litellm.model_cost.get(litellm_params.model)` (an exact, case-sensitive key: `openai/gpt-4o`
 * is not the map's `gpt-4o`; LiteLLM issue #35787), else 5.0. model_info prices count only through
 * what register_model stored under that exact key.
 * Source: litellm/router_strategy/lowest_cost.py async_get_available_deployments (main of 2026-07).
 */
export function routingPrice(map: ModelMap, registered: RegisteredPrices, d: DeploymentFacts): RoutingPrice {
  const params = d.litellm_params;
  const model = typeof params.model === 'string' ? params.model : '';
  const row = map.exact(model);
  const reg = registered.get(model);
  const half = (field: 'input_cost_per_token' | 'output_cost_per_token', regValue: number | undefined, mapValue: number | null | undefined) => {
    const own = truthy(params[field]) ? pyFloat(params[field]) : null;
    if (own !== null) return { price: own, from: 'litellm_params' as const };
    if (regValue !== undefined) return { price: regValue, from: 'model_info' as const };
    if (mapValue !== null && mapValue !== undefined) return { price: mapValue, from: 'model map' as const };
    return { price: LOWEST_COST_DEFAULT_PER_TOKEN, from: 'default' as const };
  };
  const input = half('input_cost_per_token', reg?.input, row?.[3]);
  const output = half('output_cost_per_token', reg?.output, row?.[4]);
  return { input: input.price, output: output.price, inputFrom: input.from, outputFrom: output.from };
}

/** The model name and provider Router.get_router_model_info looks a deployment up by, or null. */
function routerModelInfoName(map: ModelMap, d: DeploymentFacts): string | null {
  const params = d.litellm_params;
  const base = stringOf(d.model_info.base_model) ?? stringOf(params.base_model);
  const { model, provider } = providerOf(map, stringOf(params.model) ?? '', stringOf(params.custom_llm_provider));
  if (provider === null) return null; // get_llm_provider raises
  // Azure deployment names say nothing about the model: only base_model is looked up.
  const name = provider === 'azure' ? base : model;
  if (name === null) return null;
  return name.startsWith(`${provider}/`) ? name : `${provider}/${name}`;
}

/**
 * max_input_tokens for the pre-call context-window check: model_info.max_input_tokens, else the
 * map entry get_model_info finds for `provider/model` (Azure: `azure/<base_model>`; an Azure
 * deployment without base_model is never checked); null = not checked.
 * Source: litellm/router.py Router.get_router_model_info and Router._pre_call_checks.
 */
export function contextWindowOf(map: ModelMap, d: DeploymentFacts): number | null {
  const name = routerModelInfoName(map, d);
  if (name === null) return null;
  const own = numberOf(d.model_info.max_input_tokens);
  if (own !== null) return own;
  return getModelInfo(map, name)?.row[5] ?? null;
}

/** One long-context price tier: above `threshold` input tokens, these prices apply to the whole call. */
export interface PriceTier {
  threshold: number;
  input: number;
  output: number;
}

/** Per-token prices LiteLLM's cost calculator charges a deployment's calls; null halves are unknown. */
export interface CallPrices {
  input: number | null;
  output: number | null;
  /** Highest threshold first, as _get_token_base_cost scans them. */
  tiers: readonly PriceTier[];
}

// The tier thresholds ModelInfoBase carries (utils._get_model_info_helper copies only these).
const CALCULATOR_TIERS = new Set(['128k', '200k', '272k']);

/**
 * Prices for simulated cost: litellm_params, else model_info custom prices (per half), else the
 * map entry get_model_info finds for base_model (model_info, then litellm_params) or
 * litellm_params.model, with its long-context tiers (custom prices have none).
 * Source: litellm/cost_calculator.py cost_per_token and
 * litellm/litellm_core_utils/llm_cost_calc/utils.py _get_token_base_cost.
 */
export function callPrices(map: ModelMap, d: DeploymentFacts): CallPrices {
  const params = d.litellm_params;
  const info = d.model_info;
  const customIn = numberOf(params.input_cost_per_token) ?? numberOf(info.input_cost_per_token);
  const customOut = numberOf(params.output_cost_per_token) ?? numberOf(info.output_cost_per_token);
  const name = stringOf(info.base_model) ?? stringOf(params.base_model) ?? stringOf(params.model);
  const found = name === null ? null : getModelInfo(map, name, stringOf(params.custom_llm_provider));
  const row = found?.row;
  const tiers: PriceTier[] = [];
  if (row?.[7] && customIn === null && customOut === null) {
    for (const [label, input, output] of [...row[7]].sort((a, b) => (a[0] < b[0] ? 1 : -1))) {
      if (!CALCULATOR_TIERS.has(label)) continue;
      tiers.push({ threshold: Number(label.replace('k', '')) * (label.endsWith('k') ? 1000 : 1), input, output: output ?? row[4] ?? 0 });
    }
  }
  return { input: customIn ?? row?.[3] ?? null, output: customOut ?? row?.[4] ?? null, tiers };
}

/** USD of one call: the first tier (highest threshold) whose threshold the input exceeds, else the base prices. */
export function callCost(prices: CallPrices, inputTokens: number, outputTokens: number): number {
  for (const tier of prices.tiers) if (inputTokens > tier.threshold) return inputTokens * tier.input + outputTokens * tier.output;
  return inputTokens * (prices.input ?? 0) + outputTokens * (prices.output ?? 0);
}
