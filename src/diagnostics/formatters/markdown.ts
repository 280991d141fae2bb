import { summarize } from '../types.js';
import type { Formatter } from './types.js';
import { MarkdownBudget, markdownCell, markdownTable } from '../../util/markdown-table.js';

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/**
 * Markdown for $GITHUB_STEP_SUMMARY and pull-request comments (like ESLint's and Spectral's
 * markdown formatters): a one-line summary, then one table row per finding (errors first) with
 * severity, `file:line:col`, rule and message, cells escaped and the whole bounded in size
 * (src/util/markdown-table.ts). A clean run says so in one line.
 */
export const formatMarkdown: Formatter = (diagnostics, context) => {
  const s = summarize(diagnostics, context.files.length);
  const total = s.errors + s.warnings + s.infos;
  const files = `${s.files} file${s.files === 1 ? '' : 's'}`;
  const out = ['### gwcfg', ''];
  if (total === 0) {
    out.push(`No problems in ${files}.`);
    return `${out.join('\n')}\n`;
  }
  const parts = [`${s.errors} error${s.errors === 1 ? '' : 's'}`, `${s.warnings} warning${s.warnings === 1 ? '' : 's'}`];
  if (s.infos) parts.push(`${s.infos} info`);
  out.push(`**${total} problem${total === 1 ? '' : 's'}** (${parts.join(', ')}) in ${files}.`, '');
  // Stable sort: within a severity the findings keep the report's file/line order.
  const sorted = [...diagnostics].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  out.push(
    markdownTable({
      header: ['severity', 'location', 'rule', 'message'],
      align: ['l', 'l', 'l', 'l'],
      rows: sorted.map((d) => [d.severity, markdownCell(`${d.file}:${d.line}:${d.column}`), markdownCell(d.ruleId), markdownCell(d.message)]),
      noun: 'findings',
    }, new MarkdownBudget()),
  );
  return `${out.join('\n')}\n`;
};
