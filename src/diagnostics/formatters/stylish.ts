import { Chalk } from 'chalk';
import { summarize } from '../types.js';
import type { Formatter } from './types.js';
import { safeLine } from '../../util/safe-text.js';

/** Characters of the source line a code frame shows around the finding. */
export const FRAME_WIDTH = 200;
/** Frames per report; later findings are printed without one (the report stays O(findings)). */
export const MAX_FRAMES = 200;
/** Characters of the line shown before the finding's column when the line is cut. */
const LEAD = 40;

/**
 * The part of a source line a frame shows and where its caret goes: the whole line when short,
 * else a FRAME_WIDTH window around `column` (1-based) marked with … at cut ends. The caret is cut
 * to the window too (a finding spanning a 400 KB line gets 200 carets, not 400,000).
 */
export function frameWindow(line: string, column: number, width: number): { text: string; caretAt: number; caretWidth: number } {
  const col = Math.max(0, column - 1);
  if (line.length <= FRAME_WIDTH) return { text: line, caretAt: col, caretWidth: Math.max(1, Math.min(width, FRAME_WIDTH - col)) };
  const start = Math.max(0, Math.min(col - LEAD, line.length - FRAME_WIDTH));
  const end = start + FRAME_WIDTH;
  const head = start > 0 ? '…' : '';
  const text = head + line.slice(start, end) + (end < line.length ? '…' : '');
  return { text, caretAt: head.length + col - start, caretWidth: Math.max(1, Math.min(width, end - col)) };
}

/** The styles the report uses: chalk's, or without colour the text as it is (what chalk at level 0 returns). */
interface Styles {
  bold: (text: string) => string;
  dim: (text: string) => string;
  blue: (text: string) => string;
  red: ((text: string) => string) & { bold: (text: string) => string };
  yellow: ((text: string) => string) & { bold: (text: string) => string };
}
const same = (text: string) => text;
// Without colour chalk is not needed at all: in the start-up bundle it loads on first use
// (scripts/build.mjs lazyChalk), and its set-up costs about a millisecond of a report on a pipe.
const PLAIN: Styles = { bold: same, dim: same, blue: same, red: Object.assign((t: string) => t, { bold: same }), yellow: Object.assign((t: string) => t, { bold: same }) };

/** `file:line:col severity message [ruleId]`, the source line and a caret under the fault. */
export const formatStylish: Formatter = (diagnostics, context) => {
  const c: Styles = context.color ? new Chalk({ level: 1 }) : PLAIN;
  const lines: string[] = [];
  const linesOf = new Map<string, string[]>();
  // Each source line is made safe once: findings on one long line would redo it per frame.
  const safeLines = new Map<string, ReturnType<typeof safeLine>>();
  let frames = 0;
  let omitted = false;
  for (const d of diagnostics) {
    const colour = d.severity === 'error' ? c.red : d.severity === 'warning' ? c.yellow : c.blue;
    lines.push(`${c.bold(`${d.file}:${d.line}:${d.column}`)} ${colour(d.severity)} ${d.message} ${c.dim(`[${d.ruleId}]`)}`);
    const text = context.texts.get(d.file);
    if (text === undefined) continue;
    if (frames >= MAX_FRAMES) {
      omitted = true;
      continue;
    }
    if (!linesOf.has(d.file)) linesOf.set(d.file, text.split(/\r?\n/));
    const source = linesOf.get(d.file)![d.line - 1];
    if (source === undefined) continue;
    // Credentials masked and control characters escaped; the caret follows the shown columns.
    const key = `${d.line}:${d.file}`;
    let line = safeLines.get(key);
    if (!line) safeLines.set(key, (line = safeLine(source.replace(/\t/g, ' '))));
    const start = line.column(d.column);
    const width = d.endLine === d.line ? Math.max(1, line.column(d.endColumn) - start) : Math.max(1, line.text.length - start + 1);
    const frame = frameWindow(line.text, start, width);
    frames++;
    lines.push(`  ${c.dim(String(d.line).padStart(4))} | ${frame.text}`);
    lines.push(`       | ${' '.repeat(frame.caretAt)}${colour('^'.repeat(frame.caretWidth))}`);
  }
  const s = summarize(diagnostics, context.files.length);
  const total = s.errors + s.warnings + s.infos;
  if (total > 0) {
    const parts = [`${s.errors} error${s.errors === 1 ? '' : 's'}`, `${s.warnings} warning${s.warnings === 1 ? '' : 's'}`];
    if (s.infos) parts.push(`${s.infos} info`);
    const fixable = diagnostics.filter((d) => d.fixable).length;
    lines.push('', (s.errors ? c.red.bold : c.yellow.bold)(`✖ ${total} problem${total === 1 ? '' : 's'} (${parts.join(', ')}) in ${s.files} file${s.files === 1 ? '' : 's'}`));
    if (fixable) lines.push(c.dim(`  ${fixable} can be fixed with --fix`));
    if (omitted) lines.push(c.dim(`  code frames shown for the first ${MAX_FRAMES} findings only`));
  }
  return lines.length ? lines.join('\n') + '\n' : '';
};
