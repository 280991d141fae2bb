// litellm_settings keys become module globals (the proxy setattr's each on the litellm module,
// litellm/proxy/proxy_server.py::ProxyConfig.load_config), so a name litellm/__init__.py does not
// define is read by nothing; general_settings keys the proxy does not read are ignored. Checked
// against the keys of the LiteLLM releases in src/lint/data/litellm-settings-keys.json. Near
// misses of known keys are schema/unknown-key errors, and keys of another section are
// settings/wrong-section findings; this rule reports the rest.
import type { Rule } from '../../types.js';
import { isNearMiss } from '../../../schema/suggest.js';
import { formatRelease, compareReleases } from '../../../routing/releases.js';
import { sectionLocation } from '../_shared/locations.js';
import { isKnownKey, keyReleases, KEY_RELEASES, NEWEST_KEY_RELEASE, schemaSectionKeys, declaresKey, homesOf, type KeyedSection } from '../_shared/litellm-keys.js';

const READ_BY: Readonly<Record<KeyedSection, string>> = {
  litellm_settings: 'it becomes a litellm module global that no code reads',
  general_settings: 'the proxy never reads it from general_settings',
};

const rule: Rule = {
  meta: {
    id: 'settings/unknown-key',
    description: 'a litellm_settings or general_settings key that no LiteLLM release reads (not a near miss of a known key)',
    severity: 'warning',
    fixable: false,
    docs: 'docs/rules/settings/unknown-key.md',
  },
  check({ model, report, release }) {
    const newer = compareReleases(release, NEWEST_KEY_RELEASE) > 0;
    const version = formatRelease(release);
    const checked = `checked against LiteLLM ${KEY_RELEASES[0]} to ${NEWEST_KEY_RELEASE}${newer ? `; ${version} may have added it` : ''}`;
    const sections: Array<[KeyedSection, Record<string, unknown>]> = [
      ['litellm_settings', model.litellmSettings],
      ['general_settings', model.generalSettings],
    ];
    for (const [section, values] of sections) {
      for (const key of Object.keys(values)) {
        if (key === '<<' || isKnownKey(section, key, version) || declaresKey(section, key)) continue;
        if (isNearMiss(key, [...schemaSectionKeys(section)]) || homesOf(section, key, version).length > 0) continue;
        const readBy = keyReleases(section, key);
        const message = readBy
          ? `'${key}' is read from ${section} only by LiteLLM ${readBy}, so it has no effect in ${version}. Use a release that reads it, or remove it`
          : `'${key}' is not a ${section} setting: ${READ_BY[section]}, so it has no effect (${checked}). Remove it, or find the setting you meant in LiteLLM's docs`;
        report({ at: sectionLocation(model, section, key)!, message });
      }
    }
  },
};

export default rule;
