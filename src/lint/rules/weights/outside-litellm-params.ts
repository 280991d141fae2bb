// `weight` next to litellm_params is ignored: simple-shuffle reads only litellm_params.weight
// (LiteLLM LiteLLM_Params in litellm/types/router.py; simple_shuffle in litellm/router_strategy/simple_shuffle.py), so the intended split silently becomes the default pick.
import { isAlias, isMap, isScalar, Scalar, type Node } from 'yaml';
import { locate } from '../../../config/document.js';
import type { DeploymentModel } from '../../../config/model.js';
import type { Rule, TextEdit } from '../../types.js';
import { appendPoint, pairLines, valueWithComment } from '../_shared/edits.js';
import { percent } from '../_shared/values.js';
import { sharesOf } from '../_shared/weights.js';

const rule: Rule = {
  meta: {
    id: 'weights/outside-litellm-params',
    description: '`weight` written beside `litellm_params` is ignored by LiteLLM; it must be inside litellm_params',
    severity: 'error',
    fixable: true,
    docs: 'docs/rules/weights/outside-litellm-params.md',
  },
  check({ model, report }) {
    for (const d of model.deployments) {
      if (d.entry.weight === undefined) continue;
      const group = d.modelName !== undefined ? (model.groups.get(d.modelName) ?? [d]) : [d];
      const fix = fixFor(d);
      const message = typeof fix === 'string' ? `${messageFor(d, group)} (not auto-fixable: ${fix}; move it by hand)` : messageFor(d, group);
      report({ at: model.below(d.location, 'weight'), message, fix: typeof fix === 'string' ? undefined : fix });
    }
  },
};

function messageFor(d: DeploymentModel, group: readonly DeploymentModel[]): string {
  const name = d.modelName ?? `model_list[${d.index}]`;
  const inner = d.params.weight !== undefined ? ` (litellm_params already has weight ${String(d.params.weight)}, which is the one used)` : '';
  if (group.length < 2) return `'weight' beside litellm_params is ignored by LiteLLM, which reads only litellm_params.weight${inner}; move it inside litellm_params`;
  // What the author meant versus what LiteLLM does (uniform, unless inner weights exist).
  const meant = sharesOf(group.map((g) => (typeof g.entry.weight === 'number' ? g.entry.weight : null)));
  const i = group.indexOf(d);
  const actual = group.some((g) => g.params.weight !== undefined) ? 'decided by the litellm_params weights only' : `${percent(1 / group.length)} (a uniform pick among ${group.length} deployments)`;
  return `'weight' beside litellm_params is ignored by LiteLLM, which reads only litellm_params.weight${inner}: this deployment of '${name}' gets ${actual} instead of the intended ${percent(meant[i])}; move it inside litellm_params`;
}

/**
 * Deletes the entry-level line and appends `weight: N` (with its comment) to litellm_params, in
 * the file's line ending. Returns why not when no edit keeps the config's meaning otherwise:
 * a value spread over lines (a block scalar), or a litellm_params (or entry) that is anchored,
 * aliased or merged in, where the new key would reach other deployments too. Undefined when
 * litellm_params already has a weight (the message says which one is used).
 */
function fixFor(d: DeploymentModel): TextEdit[] | string | undefined {
  if (d.params.weight !== undefined) return undefined;
  const source = d.location.source;
  const entry = locate(source, d.location.path).value;
  const weight = locate(source, [...d.location.path, 'weight']);
  const params = locate(source, [...d.location.path, 'litellm_params']);
  if (!weight.pair || !params.pair || !params.value || !isMap(entry)) return undefined;
  if (!entry.items.includes(weight.pair) || !entry.items.includes(params.pair)) return 'the key comes from a merge key (<<), shared with other entries';
  if (isAlias(params.value) || (params.value as Node).anchor || entry.anchor) return 'litellm_params is shared through a YAML anchor, so the weight would apply to other deployments too';
  const value = weight.pair.value;
  if (!isScalar(value) || value.anchor || (value.type !== Scalar.PLAIN && value.type !== Scalar.QUOTE_DOUBLE && value.type !== Scalar.QUOTE_SINGLE)) return 'the value is not a one-line scalar';
  const lines = pairLines(source, weight.pair);
  const text = valueWithComment(source, weight.pair);
  const point = appendPoint(source, params.value);
  if (!lines || text === null || !point) return 'litellm_params or weight is written in flow style';
  const removed = source.text.slice(lines[0], lines[1]);
  if (removed.split('\n').length > 2) return 'the value is not a one-line scalar';
  // The moved line keeps the file's line ending (a CRLF file stays CRLF).
  const eol = (removed.endsWith('\n') ? removed : source.text).includes('\r\n') ? '\r\n' : '\n';
  const needsNewline = point.offset > 0 && source.text[point.offset - 1] !== '\n';
  const inserted = `${needsNewline ? eol : ''}${point.indent}weight: ${text}${eol}`;
  // Adjacent edits (weight right after litellm_params) become one, so they never overlap.
  if (point.offset === lines[0]) return [{ range: lines, text: inserted }];
  return [
    { range: lines, text: '' },
    { range: [point.offset, point.offset], text: inserted },
  ];
}

export default rule;
