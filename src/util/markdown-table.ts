// Markdown (GitHub-flavoured) tables for reports that go to $GITHUB_STEP_SUMMARY or a pull-request
// comment: every cell is escaped, and a document stays under a byte budget by leaving rows out
// with a line that says how many.
import { escapeControl } from './escape.js';

/**
 * GitHub's limit for one step's summary ($GITHUB_STEP_SUMMARY): 1 MiB; bigger summaries are not
 * shown at all (docs.github.com, "Adding a job summary"). gwcfg stays below it with room to spare
 * for what other steps of the job append.
 */
export const STEP_SUMMARY_LIMIT = 1024 * 1024;
/** Bytes a gwcfg Markdown document uses at most. */
export const MARKDOWN_MAX_BYTES = 512 * 1024;
/** Rows a table shows at most, whatever the budget (a longer table is not read anyway). */
export const MARKDOWN_MAX_ROWS = 500;
/** Characters of one cell; longer text is cut with `…`. */
export const MARKDOWN_MAX_CELL = 300;

/**
 * Text made inert inside a table cell: control characters escaped as visible text (escapeControl,
 * which also turns a line break into `\n`), cut to `max` characters, and Markdown and HTML
 * punctuation (`\ | \` * _ [ ] < > ~ &`) backslash-escaped, so a pipe cannot end the cell, a
 * backtick cannot open code and `<img>` stays text.
 */
export function markdownCell(text: string, max = MARKDOWN_MAX_CELL): string {
  let s = escapeControl(text);
  if (s.length > max) s = `${s.slice(0, max - 1)}…`;
  return s.replace(/[\\|`*_[\]<>~&]/g, (c) => `\\${c}`);
}

/** Bytes left for a document; tables take from it row by row. */
export class MarkdownBudget {
  constructor(public bytes = MARKDOWN_MAX_BYTES) {}
  /** Takes `text` (plus its newline) when it fits. */
  take(text: string): boolean {
    const n = Buffer.byteLength(text) + 1;
    if (n > this.bytes) return false;
    this.bytes -= n;
    return true;
  }
}

/** Room kept for the line saying what a table left out, and for a document's closing lines. */
const RESERVE = 400;

export interface MarkdownTableSpec {
  header: readonly string[];
  /** 'r' right-aligns a column (numbers). */
  align: readonly ('l' | 'r')[];
  /** Cells already escaped (markdownCell) or known to be plain (numbers). */
  rows: readonly (readonly string[])[];
  /** What a row is, plural, for the truncation line ("deployments"). */
  noun: string;
}

/**
 * A GFM table; rows beyond MARKDOWN_MAX_ROWS or the budget are left out, followed by
 * `*N more <noun> not shown …*`. Returns the lines (no trailing newline).
 */
export function markdownTable(spec: MarkdownTableSpec, budget: MarkdownBudget): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const lines = [line(spec.header), line(spec.align.map((a) => (a === 'r' ? '---:' : '---')))];
  for (const l of lines) budget.take(l);
  let shown = 0;
  for (const row of spec.rows) {
    if (shown >= MARKDOWN_MAX_ROWS) break;
    const l = line(row);
    if (budget.bytes - Buffer.byteLength(l) - 1 < RESERVE || !budget.take(l)) break;
    lines.push(l);
    shown++;
  }
  const left = spec.rows.length - shown;
  if (left > 0) {
    const note = `\n*${left} more ${spec.noun} not shown (the summary stays under GitHub's ${STEP_SUMMARY_LIMIT / 1024 / 1024} MiB step-summary limit; use --format json for all)*`;
    budget.take(note);
    lines.push(note);
  }
  return lines.join('\n');
}
