// Credentials written into the config: anyone who can read the file (repo, CI logs, image) can
// use them. LiteLLM resolves `os.environ/NAME` at load time (LiteLLM ProxyConfig._check_for_os_environ_vars in litellm/proxy/proxy_server.py), so there is no reason
// to inline them. Values are masked in messages.
import type { Rule } from '../../types.js';
import type { PathSegment } from '../../../config/document.js';
import type { GatewayModel } from '../../../config/model.js';
import { pathLocation } from '../_shared/locations.js';
import { findSecret, mask } from '../_shared/secrets.js';

const MAX_DEPTH = 32;

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

const rule: Rule = {
  meta: {
    id: 'secrets/literal-secret',
    description: 'an API key, password or other credential written literally in the config',
    severity: 'error',
    fixable: false,
    docs: 'docs/rules/secrets/literal-secret.md',
  },
  check({ model, report }) {
    const walk = (value: unknown, path: PathSegment[], depth: number) => {
      if (depth > MAX_DEPTH) return;
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
          message: `literal credential: this looks like ${finding.kind} (${mask(value)})${local}; anyone who can read the config can use it. Reference an environment variable instead, e.g. os.environ/${envName(model, path)}, and rotate the exposed value`,
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
