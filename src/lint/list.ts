// `gwcfg rules` and `gwcfg explain`: the rule catalogue and each rule's docs page, rendered as
// plain text. Docs pages are read at run time from <package>/docs/rules/<id>.md, which ships with the package.
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CliError } from '../cli/errors.js';
import { closest } from '../schema/suggest.js';
import { markdownToText } from '../util/markdown-text.js';
import { builtinChecks } from './builtin.js';
import type { Rule } from './types.js';

async function loadRules(): Promise<readonly Rule[]> {
  return (await import('./rules/index.js')).rules;
}

interface Row {
  id: string;
  severity: string;
  fixable: boolean;
  description: string;
  docs: string;
  builtin: boolean;
}

async function rows(all: boolean): Promise<Row[]> {
  const rules = [...(await loadRules())].sort((a, b) => a.meta.id.localeCompare(b.meta.id));
  const out: Row[] = rules.map((r) => ({ id: r.meta.id, severity: r.meta.severity, fixable: r.meta.fixable, description: r.meta.description, docs: r.meta.docs, builtin: false }));
  if (all) out.push(...builtinChecks.map((c) => ({ id: c.id, severity: c.severity, fixable: false, description: c.description, docs: `docs/rules/${c.id}.md`, builtin: true })));
  return out;
}

export async function listRules(format: 'text' | 'json', all: boolean): Promise<string> {
  const list = await rows(all);
  if (format === 'json') {
    return JSON.stringify({ version: 1, rules: list.map(({ id, severity, fixable, description, docs, builtin }) => ({ id, severity, fixable, description, docs, builtin })) }, null, 2) + '\n';
  }
  const width = Math.max(4, ...list.map((r) => r.id.length));
  const lines = [`${'RULE'.padEnd(width)}  SEVERITY  FIX  DESCRIPTION`];
  for (const r of list) lines.push(`${r.id.padEnd(width)}  ${r.severity.padEnd(8)}  ${(r.fixable ? '✓' : '').padEnd(3)}  ${r.description}`);
  lines.push('', `${list.length} ${all ? 'rules and checks' : 'rules'}; gwcfg explain <rule> prints a rule's documentation${all ? '' : '; --all adds the built-in yaml/, schema/ and gwcfg/ checks'}`);
  return lines.join('\n') + '\n';
}

/** docs/rules of the installed package: next to dist/ (bundle), or two levels up (src/, dist/chunks/). */
export function docsRoot(): string | null {
  for (const rel of ['../docs/rules/', '../../docs/rules/', '../../../docs/rules/']) {
    const dir = fileURLToPath(new URL(rel, import.meta.url));
    const info = statSync(dir, { throwIfNoEntry: false });
    if (info?.isDirectory()) return dir;
  }
  return null;
}

export async function explain(id: string): Promise<string> {
  const list = await rows(true);
  const row = list.find((r) => r.id === id);
  if (!row) {
    const ids = list.map((r) => r.id);
    const near = closest(id, ids);
    const prefixed = near ? [] : ids.filter((r) => r.startsWith(id) || r.split('/')[1]?.startsWith(id));
    const hint = near ? `; did you mean '${near}'?` : prefixed.length > 0 && prefixed.length <= 5 ? `; did you mean ${prefixed.map((r) => `'${r}'`).join(' or ')}?` : '';
    throw new CliError(`unknown rule '${id}'${hint} (gwcfg rules --all lists them)`);
  }
  const root = docsRoot();
  const page = root ? `${root}${id}.md` : null;
  let text: string | null = null;
  try {
    if (page) text = readFileSync(page, 'utf8');
  } catch {
    text = null;
  }
  if (text === null) throw new CliError(`no documentation page for '${id}' (expected ${page ?? `docs/rules/${id}.md in the gwcfg package`}); the installation may be incomplete`);
  return markdownToText(text);
}

/**
 * The first explanatory paragraph of a rule's docs page as plain text (the paragraph after the
 * "Default severity" line, skipping headings), or undefined when the page is not installed.
 */
export function ruleDetails(id: string): string | undefined {
  const root = docsRoot();
  if (!root) return undefined;
  let text: string;
  try {
    text = readFileSync(`${root}${id}.md`, 'utf8');
  } catch {
    return undefined;
  }
  const paragraphs = markdownToText(text).split(/\n{2,}/).map((p) => p.trim());
  const start = paragraphs.findIndex((p) => p.startsWith('Default severity'));
  const details = paragraphs.slice(start + 1).find((p) => p !== '' && p !== p.toUpperCase());
  return details?.replace(/\s*\n\s*/g, ' ');
}
