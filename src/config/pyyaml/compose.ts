// Parses YAML text with the yaml package into documents with exact positions, checking the CST
// for what PyYAML's scanner refuses (scan.ts), and relaxing the one rule where PyYAML is more
// lenient than the yaml package: PyYAML ignores indentation inside flow collections and in the
// continuation lines of quoted scalars (yaml/scanner.py has no indentation check there), so
// `models: [a,\nb]` or a quoted string wrapped to column 0 loads. Such lines are re-parsed with
// spaces added (whitespace that PyYAML's folding drops anyway) and every position is mapped back.
import { Composer, LineCounter, Parser, isMap, isPair, isSeq, visit, type CST, type Document } from 'yaml';
import { scanCst, type ScanProblem } from './scan.js';

export const YAML_OPTIONS = { version: '1.1', schema: 'failsafe', merge: false, uniqueKeys: false, prettyErrors: false, keepSourceTokens: false } as const;

export interface Composed {
  docs: Document.Parsed[];
  /** Problems PyYAML's scanner would find, in text order. */
  scanned: ScanProblem[];
  /** Anchor tokens, in text order (where PyYAML reports an anchor). */
  anchors: { name: string; offset: number }[];
  lineCounter: LineCounter;
}

/** Most re-parses spent on under-indented lines before the yaml package's errors stand. */
const MAX_RELAXED_LINES = 50;

/** Parses `text` (line breaks already normalized) as PyYAML would see its structure. */
export function composeLikePyYaml(text: string): Composed {
  let work = text;
  const inserts: [at: number, count: number][] = []; // positions in `work`, ascending
  for (let round = 0; ; round++) {
    const scanned: ScanProblem[] = [];
    const anchors: { name: string; offset: number }[] = [];
    const flowKeys: number[] = [];
    const docs = composeOnce(work, scanned, anchors, flowKeys);
    if (flowKeys.length > 0 && round < MAX_RELAXED_LINES) {
      // `[?x]`: a space after each flow `?` makes it the key indicator PyYAML reads (scan.ts).
      for (const at of flowKeys.sort((a, b) => b - a)) work = insertSpaces(work, inserts, at, 1);
      continue;
    }
    const fix = round < MAX_RELAXED_LINES && docs[0] ? underIndentedLine(work, docs[0]) : null;
    if (!fix) {
      if (inserts.length > 0) mapPositions(docs, [...scanned, ...anchors], inserts);
      for (const doc of docs) blockScalarAtEnd(doc, text);
      const lineCounter = new LineCounter();
      lineCounter.addNewLine(0);
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
      return { docs, scanned, anchors, lineCounter };
    }
    work = insertSpaces(work, inserts, fix.at, fix.count);
  }
}

/** `count` spaces inserted at `at` in `work`, recorded in `inserts` (positions in the new text, ascending). */
function insertSpaces(work: string, inserts: [at: number, count: number][], at: number, count: number): string {
  for (const ins of inserts) if (ins[0] >= at) ins[0] += count;
  inserts.push([at, count]);
  inserts.sort((a, b) => a[0] - b[0]);
  return work.slice(0, at) + ' '.repeat(count) + work.slice(at);
}

function composeOnce(text: string, scanned: ScanProblem[], anchors: { name: string; offset: number }[], flowKeys: number[]): Document.Parsed[] {
  function* tap(tokens: Generator<CST.Token>): Generator<CST.Token> {
    for (const token of tokens) {
      scanCst(token, scanned, anchors, flowKeys);
      yield token;
    }
  }
  const docs: Document.Parsed[] = [];
  for (const d of new Composer(YAML_OPTIONS).compose(tap(new Parser().parse(text)))) docs.push(d as Document.Parsed);
  return docs;
}

/**
 * The first line the yaml package rejects only for its indentation inside a flow collection or
 * a quoted scalar, and how many spaces make it acceptable; null when there is none (a document
 * marker at column 0 ends a quoted scalar in PyYAML too).
 */
function underIndentedLine(text: string, doc: Document.Parsed): { at: number; count: number } | null {
  for (const error of doc.errors) {
    let line = -1;
    if (error.code === 'BAD_INDENT' && /^Flow (sequence|map) in block collection must be sufficiently indented/.test(error.message)) {
      line = text.lastIndexOf('\n', error.pos[0] - 1) + 1;
      // A collection opened on this very line is not a continuation (`key: 1` then `{` at column 0).
      if (/[[{]/.test(text.slice(line, error.pos[0]))) continue;
    }
    else if (error.code === 'MISSING_CHAR' && /^Missing closing ['"]quote/.test(error.message)) {
      const m = /\n(?:[ \t]*\r?\n)*/y;
      m.lastIndex = text.indexOf('\n', error.pos[0]);
      if (m.lastIndex === -1 || !m.exec(text)) return null;
      line = m.lastIndex;
      if (line >= text.length || /^(?:---|\.\.\.)(?:[ \t\r\n]|$)/.test(text.slice(line, line + 4))) return null;
    } else continue;
    if (text.slice(line, text.indexOf('\n', line) === -1 ? undefined : text.indexOf('\n', line)).trim() === '') return null;
    // Deeper than any block content so far (`- ` counts as indentation) is always enough.
    const indent = /^ */.exec(text.slice(line))![0].length;
    let widest = 0;
    for (const l of text.slice(0, line).split('\n')) widest = Math.max(widest, /^(?: |-(?= ))*/.exec(l)![0].length);
    return widest + 1 > indent ? { at: line, count: widest + 1 - indent } : null;
  }
  return null;
}

function mapPositions(docs: Document.Parsed[], scanned: { offset: number }[], inserts: [number, number][]): void {
  const back = (offset: number): number => {
    let shift = 0;
    for (const [at, count] of inserts) {
      if (offset >= at + count) shift += count;
      else if (offset >= at) return at - shift;
      else break;
    }
    return offset - shift;
  };
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const range = (node as { range?: number[] }).range;
    if (range) for (let i = 0; i < range.length; i++) range[i] = back(range[i]);
    if (isMap(node) || isSeq(node)) for (const item of node.items as unknown[]) walk(item);
    if (isPair(node)) {
      walk(node.key);
      walk(node.value);
    }
  };
  for (const doc of docs) {
    for (let i = 0; i < doc.range.length; i++) doc.range[i] = back(doc.range[i]);
    for (const e of [...doc.errors, ...doc.warnings]) e.pos = [back(e.pos[0]), back(e.pos[1])];
    walk(doc.contents);
  }
  for (const p of scanned) p.offset = back(p.offset);
}

/**
 * A block scalar (`|`, `>`, `|+`) whose last content line ends the file without a line break:
 * PyYAML keeps only line breaks that are in the text (yaml/scanner.py scan_block_scalar appends
 * the last break it read, here none), so `key: |\n  text` at the end of a file is "text"; the
 * yaml package adds the "\n" anyway. PyYAML 6.0.
 */
function blockScalarAtEnd(doc: Document.Parsed, text: string): void {
  if (text.endsWith('\n') || /^[ \t]*$/.test(text.slice(text.lastIndexOf('\n') + 1))) return;
  visit(doc, {
    Scalar(_, node) {
      if ((node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') && node.range?.[1] === text.length && typeof node.value === 'string' && node.value.endsWith('\n')) {
        node.value = node.value.slice(0, -1);
      }
    },
  });
}
