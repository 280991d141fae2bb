// An alias with the same name as a real group: the router resolves aliases first (LiteLLM Router.async_get_available_deployment in litellm/router.py),
// so that group's own deployments are unreachable by name.
import type { Rule } from '../../types.js';
import { sectionLocation } from '../_shared/locations.js';
import { aliasesOf } from '../_shared/resolve.js';

const rule: Rule = {
  meta: {
    id: 'aliases/shadows-group',
    description: 'a model_group_alias has the same name as a model group, hiding that group',
    severity: 'warning',
    fixable: false,
    docs: 'docs/rules/aliases/shadows-group.md',
  },
  check({ model, report }) {
    for (const [alias, target] of aliasesOf(model)) {
      if (alias === target || !model.groups.has(alias)) continue;
      report({
        at: sectionLocation(model, 'router_settings', 'model_group_alias', alias)!,
        message: `alias '${alias}' has the same name as a model group: LiteLLM resolves aliases first, so requests for '${alias}' go to '${target}' and the ${model.groups.get(alias)!.length} deployment(s) named '${alias}' are never reached by name. Rename the alias or the group`,
      });
    }
  },
};

export default rule;
