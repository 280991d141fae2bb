// model_group_alias pointing at a group that does not exist: every request for the alias fails
// (LiteLLM Router._common_checks_available_deployment in litellm/router.py; BerriAI/litellm#10317).
import type { Rule } from '../../types.js';
import { closest } from '../../../schema/suggest.js';
import { sectionLocation } from '../_shared/locations.js';
import { aliasesOf, modelsFromDatabase, resolveDirect } from '../_shared/resolve.js';
import { asDict } from '../_shared/values.js';

const rule: Rule = {
  meta: {
    id: 'aliases/unknown-group',
    description: 'a model_group_alias points at a model group that the config does not define',
    severity: 'error',
    fixable: false,
    docs: 'docs/rules/aliases/unknown-group.md',
  },
  check({ model, report }) {
    const raw = asDict(model.routerSettings.model_group_alias);
    if (!raw) return;
    const fromDb = modelsFromDatabase(model);
    for (const [alias, target] of aliasesOf(model)) {
      if (resolveDirect(model, target)) continue;
      const near = closest(target, [...model.groups.keys()]);
      const at = sectionLocation(model, 'router_settings', 'model_group_alias', alias, ...(typeof raw[alias] === 'string' ? [] : ['model']))!;
      report({
        at,
        on: 'value',
        severity: fromDb ? 'warning' : undefined,
        message: `model_group_alias '${alias}' points at '${target}', which is not a model group in this config${fromDb ? ' (unless it is stored in the database)' : ''}: every request for '${alias}' fails with "no deployments for this model"${near ? `; did you mean '${near}'?` : ''}`,
      });
    }
  },
};

export default rule;
