// `os.environ/NAME` references whose variable is not set: LiteLLM resolves them to None without
// an error (LiteLLM ProxyConfig._check_for_os_environ_vars in litellm/proxy/proxy_server.py), so the deployment runs without its key or endpoint. Only runs when
// the user asked (`--env-file` / `--check-env`).
import type { Rule } from '../../types.js';
import type { PathSegment } from '../../../config/document.js';
import { pathLocation } from '../_shared/locations.js';
import { asDict } from '../_shared/values.js';

import { ENV_REF as REF } from '../_shared/env-refs.js';
const MAX_DEPTH = 32;

const rule: Rule = {
  meta: {
    id: 'env/unset-variable',
    description: 'an os.environ/ reference to a variable that is not set (with --env-file or --check-env)',
    severity: 'error',
    fixable: false,
    docs: 'docs/rules/env/unset-variable.md',
  },
  check({ model, report, env }) {
    if (!env) return;
    // environment_variables in the config are exported before anything is resolved.
    const own = new Set(Object.keys(asDict(model.value.environment_variables) ?? {}));
    const walk = (value: unknown, path: PathSegment[], depth: number) => {
      if (depth > MAX_DEPTH) return;
      if (typeof value === 'string') {
        const match = REF.exec(value.trim());
        if (!match || env.has(match[1]) || own.has(match[1])) return;
        const at = pathLocation(model, path);
        if (!at) return;
        const key = String([...path].reverse().find((p) => typeof p === 'string') ?? 'value');
        report({
          at,
          on: 'value',
          message: `environment variable ${match[1]} is not set: LiteLLM resolves os.environ/${match[1]} to None without any error, so ${key} is empty at run time${/key|secret|token|password/i.test(key) ? ' and calls fail with authentication errors' : ''}. Set ${match[1]} in the environment or the env file`,
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
