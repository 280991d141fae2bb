// Applies fixes as minimal text edits (ESLint's source-code-fixer): each fix is a group of edits
// applied all together or not at all; a fix that overlaps one already applied in this pass is
// skipped and picked up by the next pass, after re-linting the edited text.
import type { TextEdit } from './types.js';
import { maxOf } from '../util/extrema.js';

export const MAX_FIX_PASSES = 10;

export interface ApplyResult {
  text: string;
  /** Fixes applied and skipped (because they overlapped an earlier one or were malformed). */
  applied: number;
  skipped: number;
}

/** Applies non-overlapping fixes in order of position; the first of two overlapping fixes wins. */
export function applyFixes(text: string, fixes: readonly (readonly TextEdit[])[]): ApplyResult {
  const candidates = fixes
    .map((edits, order) => {
      const sorted = [...edits].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
      return { sorted, order, start: sorted[0]?.range[0] ?? 0, end: maxOf(sorted.map((e) => e.range[1])) };
    })
    .filter((f) => f.sorted.length > 0)
    .sort((a, b) => a.start - b.start || a.end - b.end || a.order - b.order);
  let applied = 0;
  let skipped = fixes.length - candidates.length;
  let lastEnd = -1;
  const chosen: TextEdit[] = [];
  for (const fix of candidates) {
    if (!wellFormed(fix.sorted, text.length) || fix.start <= lastEnd) {
      // Touching fixes count as overlapping too: two inserts at one offset have no defined order.
      skipped++;
      continue;
    }
    chosen.push(...fix.sorted);
    lastEnd = fix.end;
    applied++;
  }
  let out = '';
  let cursor = 0;
  for (const edit of chosen) {
    out += text.slice(cursor, edit.range[0]) + edit.text;
    cursor = edit.range[1];
  }
  out += text.slice(cursor);
  return { text: out, applied, skipped };
}

/** Edits of one fix must lie inside the text, be ordered and not overlap each other. */
function wellFormed(sorted: readonly TextEdit[], length: number): boolean {
  let end = -1;
  for (const { range } of sorted) {
    const [s, e] = range;
    if (!Number.isInteger(s) || !Number.isInteger(e) || s < 0 || e < s || e > length || s < end) return false;
    end = e;
  }
  return true;
}

export interface FixLoopResult<T> {
  text: string;
  /** Passes that changed the text. */
  passes: number;
  /** The lint result of the final text. */
  result: T;
}

/**
 * Lints, applies the fixes found, and lints again until nothing changes or MAX_FIX_PASSES
 * passes ran. `lint` returns the fixes of one text (and anything else the caller needs).
 */
export async function fixUntilStable<T>(text: string, lint: (text: string) => Promise<{ fixes: TextEdit[][]; result: T }>, maxPasses = MAX_FIX_PASSES): Promise<FixLoopResult<T>> {
  let current = text;
  let linted = await lint(current);
  let passes = 0;
  while (passes < maxPasses && linted.fixes.length > 0) {
    const next = applyFixes(current, linted.fixes);
    if (next.text === current) break;
    current = next.text;
    passes++;
    linted = await lint(current);
  }
  return { text: current, passes, result: linted.result };
}
