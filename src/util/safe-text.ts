// Output safety in one place: every string from a config, a file name or a user that gwcfg
// prints goes through redact (credentials) and then escapeControl (control characters).
import type { Diagnostic } from '../diagnostics/types.js';
import { escapeControl, escapeEdits } from './escape.js';
import { redact, redactEdits } from './redact.js';

/** Credentials masked, then control characters escaped: the form of any value gwcfg shows. */
export function safeText(text: string, options: { path?: string; lines?: boolean } = {}): string {
  return escapeControl(redact(text, options));
}

/** File lines (a diff, usage text) made safe one by one, keeping their line breaks. */
export function safeLines(text: string): string {
  return text.split('\n').map((line) => safeText(line, { lines: true })).join('\n');
}

/** A diagnostic whose file, message and path are safe to print in any format. */
export function safeDiagnostic(d: Diagnostic): Diagnostic {
  const out: Diagnostic = { ...d, file: safeText(d.file), message: safeText(d.message, { path: d.path }) };
  if (d.path !== undefined) out.path = safeText(d.path);
  return out;
}

export interface SafeLine {
  text: string;
  /** 1-based column in `text` of a 1-based column of the original line (a caret's position). */
  column(column: number): number;
}

/** A source line as a code frame shows it, with a map from source columns to shown columns. */
export function safeLine(line: string): SafeLine {
  const redacted = applyEdits(line, redactEdits(line, true));
  const escaped = applyEdits(redacted.text, escapeEdits(redacted.text));
  return {
    text: escaped.text,
    column: (column) => {
      const i = Math.min(Math.max(column - 1, 0), line.length);
      return escaped.offsets[redacted.offsets[i]] + 1;
    },
  };
}

/** Applies sorted, non-overlapping edits; offsets[i] is where input offset i lands (an edit's start for offsets inside it). */
function applyEdits(text: string, edits: readonly [number, number, string][]): { text: string; offsets: number[] } {
  const offsets = new Array<number>(text.length + 1);
  let out = '';
  let cursor = 0;
  const copy = (to: number) => {
    for (let i = cursor; i < to; i++) offsets[i] = out.length + (i - cursor);
    out += text.slice(cursor, to);
    cursor = to;
  };
  for (const [start, end, replacement] of edits) {
    copy(start);
    for (let i = start; i < end; i++) offsets[i] = out.length;
    out += replacement;
    cursor = end;
  }
  copy(text.length);
  offsets[text.length] = out.length;
  return { text: out, offsets };
}
