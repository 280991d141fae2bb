// Under simple-shuffle, rpm/tpm are weights, not limits, unless pre-call checks enforce them
// (LiteLLM simple_shuffle in litellm/router_strategy/simple_shuffle.py; BerriAI/litellm#5783).
import type { Rule } from '../../types.js';
import { limitOf } from '../_shared/limits.js';
import { rateLimitsEnforced, strategyOf } from '../_shared/settings.js';
import { percent } from '../_shared/values.js';
import { joinList } from '../../../util/join-list.js';
import { sharesOf, shuffleWeights } from '../_shared/weights.js';

const rule: Rule = {
  meta: {
    id: 'strategies/limits-not-enforced',
    description: 'rpm/tpm under simple-shuffle without pre-call checks only weight the random pick; nothing enforces them',
    severity: 'info',
    fixable: false,
    docs: 'docs/rules/strategies/limits-not-enforced.md',
  },
  check({ model, report }) {
    if (strategyOf(model).name !== 'simple-shuffle' || rateLimitsEnforced(model)) return;
    for (const [name, group] of model.groups) {
      const first = group.flatMap((d) => [limitOf(model, d, 'rpm'), limitOf(model, d, 'tpm')]).find((l) => l !== null && l.value !== null && l.value > 0);
      if (!first) continue;
      const weights = shuffleWeights(model, group);
      let effect = 'they limit nothing';
      if (group.length > 1 && weights && weights.source !== 'weight') {
        const shares = sharesOf(weights.entries.map((e) => e.value));
        effect = `they only split traffic: ${joinList(weights.entries.map((e, i) => `model_list[${e.deployment.index}] ${percent(shares[i])}`))}`;
      } else if (group.length > 1 && weights?.source === 'weight') effect = 'weight decides the split';
      report({
        at: first.location,
        message: `rpm/tpm on '${name}' are not enforced by simple-shuffle without enable_pre_call_checks (${effect}), so excess requests get 429s. Set router_settings.enable_pre_call_checks: true (rpm) or use usage-based-routing-v2`,
      });
    }
  },
};

export default rule;
