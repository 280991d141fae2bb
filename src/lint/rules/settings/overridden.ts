// The same setting in router_settings and litellm_settings: the Router takes its own value, so
// the litellm_settings one is dead for routing (LiteLLM ProxyConfig.load_config in litellm/proxy/proxy_server.py).
import type { Rule } from '../../types.js';
import { sectionLocation } from '../_shared/locations.js';
import { LITELLM_FALLBACK_KEYS } from '../_shared/settings.js';

const show = (v: unknown) => {
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
};

const rule: Rule = {
  meta: {
    id: 'settings/overridden',
    description: 'a routing setting in litellm_settings that router_settings overrides with a different value',
    severity: 'warning',
    fixable: false,
    docs: 'docs/rules/settings/overridden.md',
  },
  check({ model, report }) {
    for (const [routerKey, globalKey] of Object.entries(LITELLM_FALLBACK_KEYS)) {
      if (!Object.hasOwn(model.litellmSettings, globalKey) || !Object.hasOwn(model.routerSettings, routerKey)) continue;
      const own = model.routerSettings[routerKey];
      const global = model.litellmSettings[globalKey];
      if (own === null || own === undefined || (Array.isArray(own) && own.length === 0)) continue; // empty router list = unset
      if (JSON.stringify(own) === JSON.stringify(global)) continue;
      report({
        at: sectionLocation(model, 'litellm_settings', globalKey)!,
        message: `litellm_settings.${globalKey} (${show(global)}) has no effect on routing: router_settings.${routerKey} (${show(own)}) overrides it. Keep one of them`,
      });
    }
  },
};

export default rule;
