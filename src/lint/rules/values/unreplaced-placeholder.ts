// Template placeholders left in a config (`azure/<your-azure-deployment-name>`,
// `<replace_with_your_key>`): LiteLLM does no templating, so the text is sent as written and every
// call to that deployment fails (404 for a model or deployment name, 401 for a credential).
import type { Rule } from '../../types.js';
import { pathLocation } from '../_shared/locations.js';
import { forEachString, lastKey } from '../_shared/walk.js';

/** `<…>` whose text reads like an instruction or a blank to fill in; not `<s>` or `<|im_start|>`. */
const PLACEHOLDER = /<((?:your|replace|insert|enter|add|put|fill|my|the|paste)[-_ ][^<>]{1,80}|[^<>|]{1,80}[-_ ](?:here|name|key|id|deployment|endpoint|url|base|region|project|secret|token|password|resource|account|version))>/i;

const rule: Rule = {
  meta: {
    id: 'values/unreplaced-placeholder',
    description: 'a template placeholder such as <your-azure-deployment> left in a value, which LiteLLM sends as written',
    severity: 'warning',
    fixable: false,
    docs: 'docs/rules/values/unreplaced-placeholder.md',
  },
  check({ model, report }) {
    forEachString(model, (value, path) => {
      // PLACEHOLDER needs a '<': most strings skip the regular expression (and its compilation)
      const match = value.includes('<') ? PLACEHOLDER.exec(value) : null;
      if (!match) return;
      const at = pathLocation(model, path);
      if (!at) return;
      const key = lastKey(path);
      report({
        at,
        on: 'value',
        message: `'<${match[1].slice(0, 60)}>' is a template placeholder that was never filled in: LiteLLM does no templating and sends ${key} exactly as written, so calls that use it fail. Replace it with the real value, or an os.environ/NAME reference for credentials`,
      });
    });
  },
};

export default rule;
