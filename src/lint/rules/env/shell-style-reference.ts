// `${NAME}` and `$NAME` are never expanded by LiteLLM, which resolves only `os.environ/NAME`
// (litellm/proxy/proxy_server.py::ProxyConfig._check_for_os_environ_vars and
// Router.set_model_list; read in 1.55.0 and 1.80.15). The text stays literal: an api_key of
// "${OPENAI_API_KEY}", a master_key anyone can guess, and in environment_variables
// (ProxyConfig._load_environment_variables: os.environ[key] = str(value)) the real variable
// overwritten with the reference text itself.
import { isScalar } from 'yaml';
import { locate, type PathSegment } from '../../../config/document.js';
import type { Rule, TextEdit } from '../../types.js';
import { pathLocation } from '../_shared/locations.js';
import { forEachString, lastKey } from '../_shared/walk.js';
import { shellRefName } from '../_shared/env-refs.js';
import type { GatewayModel } from '../../../config/model.js';

/** `${NAME}` inside a longer value (`https://${HOST}/v1`); a bare `$` inside text may be a password. */
const EMBEDDED = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?:[:?+-][^}]*)?\}/;
const TEMPLATED = 'turn this rule off if envsubst or Helm fills the file in first';

function consequence(path: readonly PathSegment[], name: string): { effect: string; fix: string; fixable: boolean } {
  if (path[0] === 'environment_variables') {
    return { effect: `${String(path[1])} is overwritten with the literal text`, fix: `Remove the entry (the variable is already set) or write os.environ/${name}`, fixable: false };
  }
  if (path[0] === 'general_settings' && path[1] === 'master_key') {
    return { effect: "the proxy's admin key is that literal text, usable by anyone who reads the config", fix: `Write os.environ/${name}`, fixable: true };
  }
  return { effect: `LiteLLM passes the text itself as ${lastKey(path)}`, fix: `Write os.environ/${name}`, fixable: true };
}

/** Replaces the whole scalar (quotes included) by `os.environ/NAME`. */
function fixFor(model: GatewayModel, path: readonly PathSegment[], name: string): TextEdit[] | undefined {
  const at = pathLocation(model, path);
  if (!at) return undefined;
  const node = locate(at.source, at.path).value;
  if (!isScalar(node) || !node.range) return undefined;
  return [{ range: [node.range[0], node.range[1]], text: `os.environ/${name}` }];
}

const rule: Rule = {
  meta: {
    id: 'env/shell-style-reference',
    description: 'a ${VAR} or $VAR reference, which LiteLLM never expands (only os.environ/VAR is resolved)',
    severity: 'warning',
    fixable: true,
    docs: 'docs/rules/env/shell-style-reference.md',
  },
  check({ model, report }) {
    forEachString(model, (value, path) => {
      // Both forms need a `$`: most values have none, and V8 compiles a regular expression on its
      // first use (start-up).
      if (!value.includes('$')) return;
      const whole = shellRefName(value);
      const name = whole ?? EMBEDDED.exec(value)?.[1];
      if (!name) return;
      const at = pathLocation(model, path);
      if (!at) return;
      const effect = consequence(path, name);
      const what = whole ? `'${value.trim()}'` : `the \${${name}} in this value`;
      report({
        at,
        on: 'value',
        message: `${what} is not expanded (LiteLLM resolves only os.environ/NAME), so ${effect.effect}. ${effect.fix} (${TEMPLATED})`,
        fix: whole && effect.fixable ? fixFor(model, path, name) : undefined,
      });
    });
  },
};

export default rule;
