// A key written in the wrong section: litellm_settings sets module globals the Router never
// reads, the Router drops keys it does not take, and general_settings ignores router keys
// (LiteLLM ProxyConfig.load_config in litellm/proxy/proxy_server.py). Says where the key belongs.
import type { Rule } from '../../types.js';
import { configSchemaIndex } from '../../../schema/config-schema.js';
import { sectionLocation } from '../_shared/locations.js';

type Section = 'router_settings' | 'litellm_settings' | 'general_settings';
const SECTIONS: readonly Section[] = ['router_settings', 'litellm_settings', 'general_settings'];

let cached: Map<Section, Set<string>> | null = null;

/** Keys each section declares (gwcfg-only extension keys excluded: they are no one's home). */
function sectionKeys(): Map<Section, Set<string>> {
  if (cached) return cached;
  const index = configSchemaIndex;
  const top = index.properties(index.root, {});
  cached = new Map();
  for (const section of SECTIONS) {
    const schema = index.resolve(top.get(section));
    const keys = new Set<string>();
    for (const [key, sub] of index.properties(schema, {})) {
      if (typeof (sub as Record<string, unknown>)['x-gwcfg-extension'] === 'string') continue;
      keys.add(key);
    }
    cached.set(section, keys);
  }
  return cached;
}

const EFFECT: Readonly<Record<Section, string>> = {
  router_settings: 'the Router drops keys it does not take, so it has no effect',
  litellm_settings: 'LiteLLM sets it as a litellm module global that nothing reads, so it has no effect',
  general_settings: 'the proxy never reads it there, so it has no effect',
};

const rule: Rule = {
  meta: {
    id: 'settings/wrong-section',
    description: 'a setting written in a section where LiteLLM does not read it, while another section has it',
    severity: 'warning',
    fixable: false,
    docs: 'docs/rules/settings/wrong-section.md',
  },
  check({ model, report }) {
    const keys = sectionKeys();
    const values: Record<Section, Record<string, unknown>> = { router_settings: model.routerSettings, litellm_settings: model.litellmSettings, general_settings: model.generalSettings };
    for (const section of SECTIONS) {
      for (const key of Object.keys(values[section])) {
        if (keys.get(section)!.has(key) || key === '<<') continue;
        // Health-check keys in router_settings have their own rule.
        if (section === 'router_settings' && /^(background_health_checks|health_check_)/.test(key)) continue;
        const homes = SECTIONS.filter((s) => s !== section && keys.get(s)!.has(key));
        if (homes.length === 0) continue;
        report({
          at: sectionLocation(model, section, key)!,
          message: `'${key}' is not a ${section} setting: ${EFFECT[section]}. Move it to ${homes.join(' or ')}`,
        });
      }
    }
  },
};

export default rule;
