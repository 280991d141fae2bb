// Which deployments a requested name reaches (LiteLLM Router.async_get_available_deployment in litellm/router.py): a model_name, a model_group_alias,
// a wildcard group (`openai/*`), a model_info.id, or a litellm_params.model.
import type { DeploymentModel, GatewayModel } from '../../../config/model.js';
import { asDict } from './values.js';

export type Resolution = 'group' | 'alias' | 'wildcard' | 'id' | 'model';

export interface Resolved {
  how: Resolution;
  deployments: DeploymentModel[];
}

export function wildcardMatches(pattern: string, name: string): boolean {
  if (!pattern.includes('*')) return false;
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`).test(name);
}

/** The alias map: alias → target group (`alias: group` or `alias: {model: group}`). */
export function aliasesOf(model: GatewayModel): Map<string, string> {
  const out = new Map<string, string>();
  const raw = asDict(model.routerSettings.model_group_alias);
  if (!raw) return out;
  for (const [alias, target] of Object.entries(raw)) {
    if (typeof target === 'string') out.set(alias, target);
    else if (typeof asDict(target)?.model === 'string') out.set(alias, asDict(target)!.model as string);
  }
  return out;
}

// Memoised per model: rules resolve the same names many times, and configs can be large.
const idCache = new WeakMap<GatewayModel, Map<string, DeploymentModel>>();
const directCache = new WeakMap<GatewayModel, Map<string, Resolved | null>>();

export function deploymentIds(model: GatewayModel): Map<string, DeploymentModel> {
  let ids = idCache.get(model);
  if (!ids) {
    ids = new Map();
    for (const d of model.deployments) if (d.info.id !== undefined && d.info.id !== null && !ids.has(String(d.info.id))) ids.set(String(d.info.id), d);
    idCache.set(model, ids);
  }
  return ids;
}

/** Resolves a name without following aliases (used for alias targets). */
export function resolveDirect(model: GatewayModel, name: string): Resolved | null {
  let cache = directCache.get(model);
  if (!cache) directCache.set(model, (cache = new Map()));
  if (cache.has(name)) return cache.get(name)!;
  const found = findDirect(model, name);
  cache.set(name, found);
  return found;
}

function findDirect(model: GatewayModel, name: string): Resolved | null {
  const group = model.groups.get(name);
  if (group) return { how: 'group', deployments: group };
  const wild = model.deployments.filter((d) => d.modelName !== undefined && wildcardMatches(d.modelName, name));
  if (wild.length > 0) return { how: 'wildcard', deployments: wild };
  const byId = deploymentIds(model).get(name);
  if (byId) return { how: 'id', deployments: [byId] };
  const byModel = model.deployments.filter((d) => d.params.model === name);
  if (byModel.length > 0) return { how: 'model', deployments: byModel };
  return null;
}

/** Resolves a requested name the way the router does, aliases first. */
export function resolveName(model: GatewayModel, name: string): Resolved | null {
  const alias = aliasesOf(model).get(name);
  if (alias !== undefined) {
    const target = resolveDirect(model, alias);
    return target ? { how: 'alias', deployments: target.deployments } : null;
  }
  return resolveDirect(model, name);
}

/** Whether models may come from the database too (then a missing name may still exist). */
export function modelsFromDatabase(model: GatewayModel): boolean {
  const v = model.generalSettings.store_model_in_db;
  return v === true || v === 'true' || v === 'True';
}
