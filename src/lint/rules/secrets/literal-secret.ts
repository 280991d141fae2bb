// Credentials written into the config: anyone who can read the file (repo, CI logs, image) can
// use them. LiteLLM resolves `os.environ/NAME` at load time (LiteLLM ProxyConfig._check_for_os_environ_vars in litellm/proxy/proxy_server.py), so there is no reason
// to inline them. Values are masked in messages.
import type { Rule } from '../../types.js';
import type { PathSegment } from '../../../config/document.js';
import type { GatewayModel } from '../../../config/model.js';
import { pathLocation, sectionLocation } from '../_shared/locations.js';
import { findSecret, mask } from '../_shared/secrets.js';
import { SHELL_REF } from '../_shared/env-refs.js';

const MAX_DEPTH = 32;

/** Not an os.environ/ reference, and not a ${VAR}/$VAR reference (env/shell-style-reference says what those do). */
function isLiteralMasterKey(value: string): boolean {
  const text = value.trim();
  return text !== '' && !text.startsWith('os.environ/') && !SHELL_REF.test(text);
}

/** A variable name to suggest: PROVIDER_API_KEY for a deployment's api_key, else the key name. */
function envName(model: GatewayModel, path: readonly PathSegment[]): string {
  const key = String([...path].reverse().find((p) => typeof p === 'string') ?? 'secret');
  const upper = (s: string) => s.replace(/[^A-Za-z0-9]+/g, '_').toUpperCase();
  if (path[0] === 'model_list' && typeof path[1] === 'number' && path[2] === 'litellm_params') {
    const m = model.deployments[path[1]]?.params.model;
    if (typeof m === 'string' && m.includes('/')) return `${upper(m.slice(0, m.indexOf('/')))}_${upper(key)}`;
  }
  return upper(key);
}

/** " (sk-a…)" for messages; nothing when the mask shows no character of the value. */
const shown = (masked: string) => (masked === '…' ? '' : ` (${masked})`);

const rule: Rule = {
  meta: {
    id: 'secrets/literal-secret',
    description: 'an API key, password or other credential written literally in the config',
    severity: 'error',
    fixable: false,
    docs: 'docs/rules/secrets/literal-secret.md',
  },
  check({ model, report }) {
    const master = model.generalSettings.master_key;
    const masterAt = sectionLocation(model, 'general_settings', 'master_key');
    if (masterAt && (typeof master === 'string' || typeof master === 'number') && isLiteralMasterKey(String(master))) {
      // The proxy's admin credential (litellm/proxy/proxy_server.py::ProxyConfig.load_config reads
      // general_settings["master_key"]): any literal value, however short, grants admin access.
      // A random-looking key is a leaked credential (error); `sk-1234` is LiteLLM's documented example
      // and a warning, but the proxy accepts exactly that string as its admin key.
      const leaked = findSecret('master_key', String(master)) !== null;
      report({
        at: masterAt,
        on: 'value',
        severity: leaked ? 'error' : 'warning',
        message: `general_settings.master_key is written literally${shown(mask(String(master)))}: it is the proxy's admin key, so anyone who can read this config can create keys, read spend and change models, whatever its length. Use os.environ/LITELLM_MASTER_KEY and rotate the exposed value`,
      });
    }
    const walk = (value: unknown, path: PathSegment[], depth: number) => {
      if (depth > MAX_DEPTH) return;
      if (path.length === 2 && path[0] === 'general_settings' && path[1] === 'master_key') return;
      if (typeof value === 'string') {
        const key = String([...path].reverse().find((p) => typeof p === 'string') ?? '');
        const finding = findSecret(key, value);
        if (!finding) return;
        const at = pathLocation(model, path);
        if (!at) return;
        const local = finding.severity === 'warning' ? ' (it only reaches a local host, so this is a warning)' : '';
        report({
          at,
          on: 'value',
          severity: finding.severity === 'warning' ? 'warning' : undefined,
          message: `literal credential: this looks like ${finding.kind} (${mask(value)})${local}, and anyone who can read the config can use it. Reference an environment variable instead, e.g. os.environ/${envName(model, path)}, and rotate the exposed value`,
        });
        return;
      }
      if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i], depth + 1));
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...path, k], depth + 1);
    };
    walk(model.value, [], 0);
  },
};

export default rule;
