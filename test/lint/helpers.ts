// Test rules with fixes, defined here so the engine can be tested apart from the real rules.
import { isScalar } from 'yaml';
import { locate } from '../../src/config/document.js';
import { loadConfigBytes, type LoadedConfig } from '../../src/config/load.js';
import type { Rule } from '../../src/lint/types.js';

/** `rpm: "600"` (a quoted number) → `rpm: 600`, as a fix replacing just the scalar. */
export function quotedNumberRule(key: string): Rule {
  return {
    meta: { id: `test/quoted-${key}`, description: `${key} written as a quoted number`, severity: 'warning', fixable: true, docs: `docs/rules/test/quoted-${key}.md` },
    check(ctx) {
      for (const d of ctx.model.deployments) {
        const value = d.params[key];
        if (typeof value !== 'string' || !/^\d+$/.test(value)) continue;
        const at = ctx.model.below(d.location, 'litellm_params', key);
        const node = locate(at.source, at.path).value;
        if (!isScalar(node) || !node.range) continue;
        ctx.report({ at, on: 'value', message: `${key} is a quoted number`, fix: [{ range: [node.range[0], node.range[1]], text: value }] });
      }
    },
  };
}

/** Overlaps quotedNumberRule('rpm'): rewrites the whole `rpm: "600"` pair, to exercise conflicts. */
export const rpmPairRule: Rule = {
  meta: { id: 'test/rpm-pair', description: 'rpm pair with a quoted number', severity: 'info', fixable: true, docs: 'docs/rules/test/rpm-pair.md' },
  check(ctx) {
    for (const d of ctx.model.deployments) {
      const value = d.params.rpm;
      if (typeof value !== 'string' || !/^\d+$/.test(value)) continue;
      const at = ctx.model.below(d.location, 'litellm_params', 'rpm');
      const found = locate(at.source, at.path);
      if (!found.key?.range || !found.value?.range) continue;
      ctx.report({ at, message: 'rpm pair', fix: [{ range: [found.key.range[0], found.value.range[1]], text: `rpm: ${value}` }] });
    }
  },
};

/** Reports every deployment without tpm (not fixable); for directive tests. */
export const noTpmRule: Rule = {
  meta: { id: 'test/no-tpm', description: 'deployment without tpm', severity: 'error', fixable: false, docs: 'docs/rules/test/no-tpm.md', options: { type: 'object', properties: { min: { type: 'integer', minimum: 0 } }, additionalProperties: false }, defaults: { min: 0 } },
  check(ctx) {
    for (const d of ctx.model.deployments) if (d.params.tpm === undefined) ctx.report({ at: d.location, message: `deployment ${d.index} has no tpm` });
  },
};

export function load(text: string, file = 'test.yaml'): Promise<LoadedConfig> {
  return loadConfigBytes(file, new TextEncoder().encode(text));
}
