// general_settings.completion_model replaces the model of every request the proxy's common
// request path handles (chat/completions and the other LLM routes) before routing:
// data["model"] = general_settings.get("completion_model") or ... or data.get("model")
// (litellm/proxy/common_request_processing.py, read in 1.55.0 and 1.80.15). Naming a missing group
// breaks every call; naming an existing one makes every other group unreachable through it.
import type { Rule } from '../../types.js';
import { closest } from '../../../schema/suggest.js';
import { sectionLocation } from '../_shared/locations.js';
import { modelsFromDatabase, resolveName } from '../_shared/resolve.js';
import { nameList } from '../_shared/values.js';

const rule: Rule = {
  meta: {
    id: 'settings/completion-model',
    description: "general_settings.completion_model, which overrides the model of every request (an unknown name breaks them all)",
    severity: 'warning',
    fixable: false,
    docs: 'docs/rules/settings/completion-model.md',
  },
  check({ model, report }) {
    const value = model.generalSettings.completion_model;
    if (typeof value !== 'string' || value.trim() === '') return;
    const at = sectionLocation(model, 'general_settings', 'completion_model')!;
    const target = resolveName(model, value);
    if (!target) {
      const fromDb = modelsFromDatabase(model);
      const near = closest(value, [...model.groups.keys()]);
      report({
        at,
        on: 'value',
        severity: fromDb ? 'warning' : 'error',
        message: `completion_model '${value}' is not a model group of this config${fromDb ? ' (unless it is stored in the database)' : ''}, and the proxy sends every request to it whatever model the client asks for, so every call fails with an invalid-model error and no fallback runs. Remove completion_model, or name an existing group${near ? ` (did you mean '${near}'?)` : ''}`,
      });
      return;
    }
    const others = [...model.groups.keys()].filter((name) => name !== value && !target.deployments.some((d) => d.modelName === name));
    if (others.length === 0) return;
    report({
      at,
      on: 'value',
      message: `completion_model '${value}' overrides the model of every request, so ${others.length === 1 ? 'group' : 'groups'} ${nameList(others)} can never be reached by the clients' model names. Remove completion_model to route by the requested model`,
    });
  },
};

export default rule;
