// What a scenario may refer to in a config: requestable names and deployments with their params.
import type { Router } from '../routing/router.js';
import type { ConfigTargets } from './scenario.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function wildcardToRegExp(pattern: string): RegExp {
  return new RegExp(`^${pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
}

export function configTargets(config: unknown, router: Router): ConfigTargets {
  const list = isObj(config) && Array.isArray(config.model_list) ? config.model_list.filter(isObj) : [];
  const groups = new Set(router.deployments.map((d) => d.modelName));
  const ids = new Set(router.deployments.map((d) => d.id));
  const aliases = router.config.settings.modelGroupAlias;
  const patterns = router.deployments.filter((d) => d.isWildcard).map((d) => wildcardToRegExp(d.modelName));
  return {
    isRoutable: (name) => groups.has(name) || ids.has(name) || aliases.has(name) || patterns.some((p) => p.test(name)),
    deployments: router.deployments.map((d) => ({
      index: d.index,
      id: d.id,
      modelName: d.modelName,
      params: isObj(list[d.index]?.litellm_params) ? (list[d.index].litellm_params as Obj) : {},
    })),
  };
}
