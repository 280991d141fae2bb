// ESLint-style RuleTester for gwcfg lint rules: valid cases must produce no finding of the rule;
// invalid cases must produce exactly the listed findings (rule id, line, column, message
// fragment) and, with `output`, the text after applying every fix.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfigBytes } from '../../src/config/load.js';
import { runRules, type RuleSetting } from '../../src/lint/engine.js';
import type { Rule } from '../../src/lint/types.js';
import type { Diagnostic } from '../../src/diagnostics/types.js';
import { applyEdits } from '../../src/lint/rules/_shared/edits.js';
import { resolveRelease } from '../../src/routing/releases.js';

export interface CaseOptions {
  /** Rule options (merged over the defaults). */
  options?: Record<string, unknown>;
  /** Environment for env rules; omitted = not asked for. */
  env?: Record<string, string> | null;
  /** LiteLLM release to lint against (e.g. '1.60'); default: the engine's. */
  release?: string;
  /** Proxy replicas declared in `.gwcfg.yaml`; default: not declared. */
  replicas?: number;
  name?: string;
}

export interface ValidCase extends CaseOptions {
  code: string;
}

export interface ExpectedError {
  line: number;
  column: number;
  messageIncludes?: string | string[];
  severity?: 'error' | 'warning' | 'info';
}

export interface InvalidCase extends CaseOptions {
  code: string;
  errors: ExpectedError[];
  /** Text after applying all fixes; null = no fix offered. Omitted = not checked. */
  output?: string | null;
}

/** Strips the common indentation and the first newline, so YAML can be written inline. */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '');
  const lines = raw.replace(/^\n/, '').replace(/\n[ \t]*$/, '\n').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

export async function lintWith(rule: Rule, code: string, c: CaseOptions = {}): Promise<Diagnostic[]> {
  const loaded = await loadConfigBytes('test.yaml', new TextEncoder().encode(code));
  assert.ok(loaded.source?.value !== undefined, `test YAML must parse: ${loaded.diagnostics.map((d) => d.message).join('; ')}`);
  const settings = new Map<string, RuleSetting>();
  if (c.options) settings.set(rule.meta.id, { severity: rule.meta.severity, options: c.options });
  const env = c.env === undefined || c.env === null ? null : new Map(Object.entries(c.env));
  return runRules(loaded, { rules: [rule], settings, env, release: c.release === undefined ? undefined : resolveRelease(c.release), replicas: c.replicas });
}

const show = (ds: Diagnostic[]) => ds.map((d) => `${d.line}:${d.column} ${d.ruleId} ${d.message}`).join('\n') || '(none)';

export function ruleTester(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(rule.meta.id, () => {
    cases.valid.forEach((c, i) => {
      it(`valid #${i + 1}${c.name ? `: ${c.name}` : ''}`, async () => {
        const found = await lintWith(rule, c.code, c);
        assert.equal(found.length, 0, `expected no findings, got:\n${show(found)}`);
      });
    });
    cases.invalid.forEach((c, i) => {
      it(`invalid #${i + 1}${c.name ? `: ${c.name}` : ''}`, async () => {
        const found = await lintWith(rule, c.code, c);
        const sorted = [...found].sort((a, b) => a.line - b.line || a.column - b.column);
        const expected = [...c.errors].sort((a, b) => a.line - b.line || a.column - b.column);
        assert.equal(sorted.length, expected.length, `expected ${expected.length} finding(s), got:\n${show(sorted)}`);
        sorted.forEach((d, k) => {
          const e = expected[k];
          assert.equal(d.ruleId, rule.meta.id);
          assert.deepEqual({ line: d.line, column: d.column }, { line: e.line, column: e.column }, `position of finding ${k + 1}:\n${show(sorted)}`);
          for (const fragment of [e.messageIncludes ?? []].flat()) assert.ok(d.message.includes(fragment), `message ${JSON.stringify(d.message)} should include ${JSON.stringify(fragment)}`);
          if (e.severity) assert.equal(d.severity, e.severity);
        });
        if (c.output !== undefined) {
          const edits = sorted.flatMap((d) => d.fix ?? []);
          if (c.output === null) assert.equal(edits.length, 0, 'expected no fix');
          else assert.equal(applyEdits(c.code, edits), c.output);
        }
      });
    });
  });
}
