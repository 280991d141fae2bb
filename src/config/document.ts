// One parse of a YAML config file: decoded text, the yaml AST, line positions and the plain value.
// Every later stage (schema, lint, routing) reads from this; nothing parses twice.
import { LineCounter, parseDocument, isAlias, isMap, isScalar, isSeq, isPair, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Diagnostic, Severity } from '../diagnostics/types.js';
import { formatPath } from '../diagnostics/types.js';

export type PathSegment = string | number;

export interface SourceDocument {
  file: string;
  text: string;
  lineCounter: LineCounter;
  doc: Document.Parsed;
  /** Plain JS value (YAML 1.1, merge keys applied); undefined when parsing failed. */
  value: unknown;
}

export interface ParseResult {
  source: SourceDocument | null;
  diagnostics: Diagnostic[];
}

export interface Position {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Resource limits that keep hostile input (alias bombs, deep nesting) fast and safe. */
const MAX_ALIAS_COUNT = 10_000;
const MAX_NESTING = 500;

export function parseSource(file: string, bytes: Uint8Array): ParseResult {
  const early = (ruleId: string, message: string, line = 1, column = 1): ParseResult => ({
    source: null,
    diagnostics: [makeDiagnostic(file, ruleId, 'error', message, { line, column, endLine: line, endColumn: column + 1 })],
  });
  if (bytes.length === 0) return early('yaml/empty', 'file is empty; a LiteLLM config needs at least a model_list or settings section');
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const at = offsetToLineColumn(bytes, nul);
    return early('yaml/binary', 'file contains NUL bytes; it looks binary, not YAML text', at.line, at.column);
  }
  const invalid = firstInvalidUtf8(bytes);
  if (invalid !== -1) {
    const at = offsetToLineColumn(bytes, invalid);
    return early('yaml/encoding', `invalid UTF-8 byte 0x${bytes[invalid].toString(16).padStart(2, '0')}; save the file as UTF-8`, at.line, at.column);
  }
  let text = new TextDecoder('utf-8').decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return early('yaml/empty', 'file has no content; a LiteLLM config needs at least a model_list or settings section');

  const lineCounter = new LineCounter();
  const tooDeep = findExcessiveNesting(text);
  if (tooDeep !== -1) {
    const { line, col } = positionInText(text, tooDeep);
    return early('yaml/too-deep', `nesting deeper than ${MAX_NESTING} levels; a LiteLLM config never needs this`, line, col);
  }
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { version: '1.1', merge: true, uniqueKeys: false, lineCounter, prettyErrors: false, keepSourceTokens: false });
  } catch (error) {
    return early('yaml/syntax', `cannot parse YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  const diagnostics: Diagnostic[] = [];
  for (const error of doc.errors) {
    let [start, end] = error.pos;
    if (error.code === 'MISSING_CHAR' && /quote/i.test(error.message)) {
      start = openingQuote(text, start, error.message.includes("'") && !error.message.includes('"') ? "'" : '"');
      end = start + 1;
    } else {
      // Point at the offending token, not at the indentation before it.
      while (start < text.length && (text[start] === ' ' || text[start] === '\t') && start < end + 200) start++;
      if (end < start) end = start + 1;
    }
    const s = lineCounter.linePos(start);
    const e = lineCounter.linePos(Math.max(end, start + 1));
    const ruleId = 'yaml/syntax';
    diagnostics.push(
      makeDiagnostic(file, ruleId, 'error', describeYamlError(error.code, error.message), { line: s.line, column: s.col, endLine: e.line, endColumn: e.col }),
    );
  }
  const source: SourceDocument = { file, text, lineCounter, doc, value: undefined };
  if (diagnostics.length > 0) return { source, diagnostics };
  diagnostics.push(...findDuplicateKeys(source));
  try {
    source.value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const message = (error as Error).message;
    const ruleId = /alias/i.test(message) ? 'yaml/alias-limit' : 'yaml/syntax';
    const text = ruleId === 'yaml/alias-limit' ? `aliases expand to too many nodes (over ${MAX_ALIAS_COUNT}); this looks like an alias bomb` : message.split('\n')[0];
    return { source, diagnostics: [makeDiagnostic(file, ruleId, 'error', text, firstAliasPosition(source))] };
  }
  if (source.value === null || source.value === undefined) {
    diagnostics.push(makeDiagnostic(file, 'yaml/empty', 'error', 'file has no content (only comments); a LiteLLM config needs at least a model_list or settings section', { line: 1, column: 1, endLine: 1, endColumn: 2 }));
  } else if (typeof source.value !== 'object' || Array.isArray(source.value)) {
    const kind = Array.isArray(source.value) ? 'a list' : `a ${typeof source.value}`;
    diagnostics.push(makeDiagnostic(file, 'yaml/not-a-mapping', 'error', `top level is ${kind}; a LiteLLM config must be a mapping with keys such as model_list and router_settings`, rangeOf(source, doc.contents as Node)));
  }
  return { source, diagnostics };
}

function describeYamlError(code: string, message: string): string {
  const first = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  switch (code) {
    case 'TAB_AS_INDENT':
      return 'tab used for indentation; YAML allows only spaces';
    case 'MISSING_CHAR':
      if (/quote/i.test(first)) return `unclosed ${first.includes("'") && !first.includes('"') ? 'single' : 'double'} quote: the string that starts here never ends; add the closing quote`;
      return first;
    case 'BAD_INDENT':
      return `${first}; check that the key lines up with its siblings`;
    default:
      return first;
  }
}

export function makeDiagnostic(file: string, ruleId: string, severity: Severity, message: string, position: Position, path?: readonly PathSegment[]): Diagnostic {
  const d: Diagnostic = { file, ruleId, severity, message, ...position, fixable: false };
  if (path && path.length > 0) d.path = formatPath(path);
  return d;
}

/** Line/column range of a node (or of the document start when the node is missing). */
export function rangeOf(source: SourceDocument, node: Node | null | undefined): Position {
  const range = node?.range;
  if (!range) return { line: 1, column: 1, endLine: 1, endColumn: 2 };
  const s = source.lineCounter.linePos(range[0]);
  const e = source.lineCounter.linePos(Math.max(range[1], range[0] + 1));
  return { line: s.line, column: s.col, endLine: e.line, endColumn: e.col };
}

/** Range of the first line only of a node, for nodes (maps, lists) that span many lines. */
export function headRangeOf(source: SourceDocument, node: Node | null | undefined): Position {
  const r = rangeOf(source, node);
  if (r.endLine === r.line) return r;
  const lineText = source.text.split('\n', r.line)[r.line - 1] ?? '';
  return { line: r.line, column: r.column, endLine: r.line, endColumn: Math.max(r.column + 1, lineText.replace(/\s+$/, '').length + 1) };
}

export interface Located {
  /** The pair holding the value, when the value is a map entry. */
  pair: Pair | null;
  key: Node | null;
  value: Node | null;
}

/**
 * Finds the YAML nodes for a path into the plain value. Follows aliases and merge keys (`<<`),
 * so a value that came from an anchor is reported where it is written.
 */
export function locate(source: SourceDocument, path: readonly PathSegment[]): Located {
  let current: unknown = source.doc.contents;
  let located: Located = { pair: null, key: null, value: (current as Node) ?? null };
  for (const segment of path) {
    current = resolveAlias(source, current);
    if (isMap(current)) {
      const pair = findPair(source, current, String(segment), 0);
      if (!pair) return located;
      located = { pair, key: pair.key as Node, value: (pair.value as Node) ?? null };
      current = pair.value;
    } else if (isSeq(current) && typeof segment === 'number') {
      const item = current.items[segment];
      if (item === undefined) return located;
      located = { pair: null, key: null, value: item as Node };
      current = item;
    } else {
      return located;
    }
  }
  return located;
}

/** `<<` merge keys: yaml represents them as a scalar whose value is a symbol (or '<<'). */
export function isMergeKey(key: unknown): boolean {
  return isScalar(key) && (key.value === '<<' || (typeof key.value === 'symbol' && key.source === '<<'));
}

function resolveAlias(source: SourceDocument, node: unknown): unknown {
  let current = node;
  for (let i = 0; i < 64 && isAlias(current); i++) current = current.resolve(source.doc);
  return current;
}

/** Maps with more items than this get a key index: one lookup per finding must not scan them. */
const INDEX_FROM = 16;
const pairIndexes = new WeakMap<object, Map<string, Pair>>();

/** The map's own (not merged) pair for a key; the last of duplicate keys wins, as in PyYAML. */
function ownPair(map: YAMLMap, key: string): Pair | null {
  if (map.items.length > INDEX_FROM) {
    let index = pairIndexes.get(map);
    if (!index) {
      index = new Map();
      for (const item of map.items) if (isPair(item) && !isMergeKey(item.key)) index.set(String(isScalar(item.key) ? item.key.value : item.key), item as Pair);
      pairIndexes.set(map, index);
    }
    return index.get(key) ?? null;
  }
  for (let i = map.items.length - 1; i >= 0; i--) {
    const item = map.items[i];
    if (!isPair(item) || isMergeKey(item.key)) continue;
    const k = isScalar(item.key) ? item.key.value : item.key;
    if (String(k) === key) return item as Pair;
  }
  return null;
}

function findPair(source: SourceDocument, map: unknown, key: string, depth: number): Pair | null {
  if (!isMap(map) || depth > 32) return null;
  let merged: Pair | null = null;
  const own = ownPair(map, key);
  if (own) return own;
  // Merge keys: later sources lose to earlier ones, and explicit keys win over all of them.
  for (const item of map.items) {
    if (!isPair(item) || !isMergeKey(item.key)) continue;
    const sources = resolveAlias(source, item.value);
    const list = isSeq(sources) ? sources.items : [sources];
    for (const candidate of list) {
      merged = findPair(source, resolveAlias(source, candidate), key, depth + 1);
      if (merged) return merged;
    }
  }
  return null;
}

/** Position of the key of a path (its value when the path ends in a list index). */
export function keyPosition(source: SourceDocument, path: readonly PathSegment[]): Position {
  const at = locate(source, path);
  return rangeOf(source, at.key ?? at.value);
}

export function valuePosition(source: SourceDocument, path: readonly PathSegment[]): Position {
  const at = locate(source, path);
  return rangeOf(source, at.value ?? at.key);
}

function firstAliasPosition(source: SourceDocument): Position {
  const match = /\*[A-Za-z0-9_-]+/.exec(source.text);
  if (!match) return { line: 1, column: 1, endLine: 1, endColumn: 2 };
  const { line, col } = source.lineCounter.linePos(match.index);
  return { line, column: col, endLine: line, endColumn: col + match[0].length };
}

function positionInText(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, col: offset - lineStart + 1 };
}

function offsetToLineColumn(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  // Column in characters: count UTF-8 lead bytes on the line before the offset.
  let column = 1;
  for (let i = lineStart; i < offset; i++) if ((bytes[i] & 0xc0) !== 0x80) column++;
  return { line, column };
}

/** Offset of the first byte that breaks UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    if (i + need >= n) return i;
    let cp = b & (0xff >> (need + 2));
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/**
 * Finds where flow or block nesting exceeds MAX_NESTING, without building an AST (the composer
 * recurses and would overflow the stack first). Returns the offset or -1.
 */
function findExcessiveNesting(text: string): number {
  let flow = 0;
  let quote = '';
  let comment = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      comment = false;
      continue;
    }
    if (comment) continue;
    if (quote) {
      if (c === quote && (quote === "'" || text[i - 1] !== '\\')) quote = '';
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) comment = true;
    else if ((c === '"' || c === "'") && (i === 0 || /[\s[{,:]/.test(text[i - 1]))) quote = c;
    else if (c === '[' || c === '{') {
      if (++flow > MAX_NESTING) return i;
    } else if ((c === ']' || c === '}') && flow > 0) flow--;
  }
  // Block nesting: indentation depth grows by at least one column per level.
  const lines = text.split('\n');
  let offset = 0;
  for (const line of lines) {
    const indent = line.length - line.trimStart().length;
    if (indent > MAX_NESTING * 2 && line.trim() !== '') return offset + indent;
    offset += line.length + 1;
  }
  return -1;
}

/**
 * Duplicate keys are a warning, not an error: LiteLLM reads YAML with PyYAML, which keeps the
 * last value, so the config loads but the earlier value is silently lost.
 */
function findDuplicateKeys(source: SourceDocument): Diagnostic[] {
  const out: Diagnostic[] = [];
  // A plain walk over maps and lists (aliases are not followed: each node is checked where it is
  // written); cheaper at start-up than yaml's visitor machinery.
  const walk = (node: unknown, depth: number): void => {
    if (depth > MAX_NESTING) return;
    if (isSeq(node)) {
      for (const item of node.items) walk(item, depth + 1);
      return;
    }
    if (!isMap(node)) return;
    const seen = node.items.length > 1 ? new Map<string, Node>() : null;
    for (const pair of node.items) {
      const key = pair.key as Node | null;
      if (seen && isScalar(key) && !isMergeKey(key)) {
        const name = String(key.value);
        const first = seen.get(name);
        if (first) {
          const firstLine = rangeOf(source, first).line;
          out.push(
            makeDiagnostic(source.file, 'yaml/duplicate-key', 'warning', `duplicate key '${name}' (first at line ${firstLine}); LiteLLM keeps only this last value, so the one on line ${firstLine} is silently lost. Remove or merge one of them`, rangeOf(source, key)),
          );
        } else seen.set(name, key);
      }
      walk(pair.value, depth + 1);
    }
  };
  walk(source.doc.contents, 0);
  return out;
}

/** Start of the quoted scalar an "unclosed quote" error belongs to. */
function openingQuote(text: string, errorOffset: number, quote: string): number {
  let i = Math.min(errorOffset, text.length) - 1;
  while (i >= 0) {
    i = text.lastIndexOf(quote, i);
    if (i <= 0) return Math.max(i, 0);
    if (/[\s:[{,-]/.test(text[i - 1])) return i;
    i--;
  }
  return Math.max(0, errorOffset);
}
