// Minimal text edits for fixes: whole-line removal and insertion, so comments and the layout
// of everything else stay as written.
import { isMap, type Node, type Pair } from 'yaml';
import type { TextEdit } from '../../types.js';
import type { SourceDocument } from '../../../config/document.js';

export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset just past the line holding `offset` (after its newline, or the end of the text). */
export function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl === -1 ? text.length : nl + 1;
}

/**
 * The range of the lines a block-style pair occupies, when it has them to itself (only
 * indentation before the key); null for flow maps and `- key:` first items.
 */
export function pairLines(source: SourceDocument, pair: Pair): [number, number] | null {
  const key = pair.key as Node | null;
  const value = pair.value as Node | null;
  if (!key?.range) return null;
  const start = lineStart(source.text, key.range[0]);
  if (source.text.slice(start, key.range[0]).trim() !== '') return null;
  const lastEnd = value?.range ? value.range[1] : key.range[1];
  const end = source.text[lastEnd - 1] === '\n' ? lastEnd : lineEnd(source.text, lastEnd);
  return [start, end];
}

/** Text of a pair's value plus any comment after it on the same line (`90 # 90% of traffic`). */
export function valueWithComment(source: SourceDocument, pair: Pair): string | null {
  const value = pair.value as Node | null;
  if (!value?.range) return null;
  const end = lineEnd(source.text, value.range[0]);
  return source.text.slice(value.range[0], end).replace(/\r?\n$/, '');
}

/**
 * Where a new last line of a block map goes, and its indentation; null for flow maps (`{...}`)
 * and empty maps.
 */
export function appendPoint(source: SourceDocument, map: unknown): { offset: number; indent: string } | null {
  if (!isMap(map) || map.flow || map.items.length === 0) return null;
  const first = map.items[0].key as Node | null;
  const last = map.items[map.items.length - 1];
  if (!first?.range) return null;
  const indent = source.text.slice(lineStart(source.text, first.range[0]), first.range[0]);
  if (indent.trim() !== '') return null;
  const lastNode = (last.value as Node | null) ?? (last.key as Node | null);
  if (!lastNode?.range) return null;
  const end = lastNode.range[1];
  const offset = source.text[end - 1] === '\n' ? end : lineEnd(source.text, end);
  return { offset, indent };
}

/** Applies edits (non-overlapping) to a text, last first so offsets stay valid. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.range[0] - a.range[0])) out = out.slice(0, e.range[0]) + e.text + out.slice(e.range[1]);
  return out;
}
