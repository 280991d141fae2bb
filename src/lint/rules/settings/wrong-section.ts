// A key written in the wrong place: litellm_settings sets module globals, so a name the release's
// litellm/__init__.py does not define is read by nothing (litellm/proxy/proxy_server.py::
// ProxyConfig.load_config; cooldown_time there is ignored: Router.__init__ takes it only from its
// own arguments); the Router drops keys it does not take, and general_settings ignores router
// keys (litellm/router.py::Router.__init__ takes named arguments only). Says where the key belongs: another section, the top level (mcp_servers) or
// each deployment's litellm_params (additional_drop_params).
import type { Rule } from '../../types.js';
import { formatRelease } from '../../../routing/releases.js';
import { sectionLocation } from '../_shared/locations.js';
import { homesOf, SECTIONS, type Home, type Section } from '../_shared/litellm-keys.js';

const EFFECT: Readonly<Record<Section, string>> = {
  router_settings: 'the Router drops keys it does not take, so it has no effect',
  litellm_settings: 'LiteLLM sets it as a litellm module global that nothing reads, so it has no effect',
  general_settings: 'the proxy never reads it there, so it has no effect',
};

const WHERE: Readonly<Record<Home, string>> = {
  router_settings: 'router_settings',
  litellm_settings: 'litellm_settings',
  general_settings: 'general_settings',
  'top level': 'the top level of the config (a section of its own)',
  litellm_params: "each deployment's litellm_params",
};

const rule: Rule = {
  meta: {
    id: 'settings/wrong-section',
    description: 'a setting written in a section where LiteLLM does not read it, while another place has it',
    severity: 'warning',
    fixable: false,
    docs: 'docs/rules/settings/wrong-section.md',
  },
  check({ model, report, release }) {
    const values: Record<Section, Record<string, unknown>> = { router_settings: model.routerSettings, litellm_settings: model.litellmSettings, general_settings: model.generalSettings };
    const version = formatRelease(release);
    for (const section of SECTIONS) {
      for (const key of Object.keys(values[section])) {
        if (key === '<<') continue;
        // Health-check keys in router_settings have their own rule.
        if (section === 'router_settings' && /^(background_health_checks|health_check_)/.test(key)) continue;
        const homes = homesOf(section, key, version);
        if (homes.length === 0) continue;
        report({
          at: sectionLocation(model, section, key)!,
          message: `'${key}' is not a ${section} setting: ${EFFECT[section]}. Move it to ${homes.map((h) => WHERE[h]).join(' or ')}`,
        });
      }
    }
  },
};

export default rule;
