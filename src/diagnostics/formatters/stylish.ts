import { Chalk } from 'chalk';
import { summarize } from '../types.js';
import type { Formatter } from './types.js';
import { safeLine } from '../../util/safe-text.js';

/** `file:line:col severity message [ruleId]`, the source line and a caret under the fault. */
export const formatStylish: Formatter = (diagnostics, context) => {
  const c = new Chalk({ level: context.color ? 1 : 0 });
  const lines: string[] = [];
  const linesOf = new Map<string, string[]>();
  for (const d of diagnostics) {
    const colour = d.severity === 'error' ? c.red : d.severity === 'warning' ? c.yellow : c.blue;
    lines.push(`${c.bold(`${d.file}:${d.line}:${d.column}`)} ${colour(d.severity)} ${d.message} ${c.dim(`[${d.ruleId}]`)}`);
    const text = context.texts.get(d.file);
    if (text === undefined) continue;
    if (!linesOf.has(d.file)) linesOf.set(d.file, text.split(/\r?\n/));
    const source = linesOf.get(d.file)![d.line - 1];
    if (source === undefined) continue;
    // Credentials masked and control characters escaped; the caret follows the shown columns.
    const line = safeLine(source.replace(/\t/g, ' '));
    const shown = line.text;
    const start = line.column(d.column);
    const width = d.endLine === d.line ? Math.max(1, line.column(d.endColumn) - start) : Math.max(1, shown.length - start + 1);
    lines.push(`  ${c.dim(String(d.line).padStart(4))} | ${shown.length > 200 ? shown.slice(0, 200) + '…' : shown}`);
    lines.push(`       | ${' '.repeat(Math.max(0, start - 1))}${colour('^'.repeat(Math.min(width, 120)))}`);
  }
  const s = summarize(diagnostics, context.files.length);
  const total = s.errors + s.warnings + s.infos;
  if (total > 0) {
    const parts = [`${s.errors} error${s.errors === 1 ? '' : 's'}`, `${s.warnings} warning${s.warnings === 1 ? '' : 's'}`];
    if (s.infos) parts.push(`${s.infos} info`);
    const fixable = diagnostics.filter((d) => d.fixable).length;
    lines.push('', (s.errors ? c.red.bold : c.yellow.bold)(`✖ ${total} problem${total === 1 ? '' : 's'} (${parts.join(', ')}) in ${s.files} file${s.files === 1 ? '' : 's'}`));
    if (fixable) lines.push(c.dim(`  ${fixable} can be fixed with --fix`));
  }
  return lines.length ? lines.join('\n') + '\n' : '';
};
