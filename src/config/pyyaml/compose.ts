// Parses YAML text with the yaml package into documents with exact positions, checking the CST
// for what PyYAML's scanner refuses (scan.ts), and relaxing the one rule where PyYAML is more
// lenient than the yaml package: PyYAML ignores indentation inside flow collections and in the
// continuation lines of quoted scalars (yaml/scanner.py has no indentation check there), so
// `models: [a,\nb]` or a quoted string wrapped to column 0 loads. Such lines are re-parsed with
// spaces added (whitespace that PyYAML's folding drops anyway) and every position is mapped back.
import { Composer, LineCounter, Parser, isMap, isNode, isPair, isScalar, isSeq, visit, type CST, type Document } from 'yaml';
import { scanCst, type Rereads, type ScanProblem } from './scan.js';

export const YAML_OPTIONS = { version: '1.1', schema: 'failsafe', merge: false, uniqueKeys: false, prettyErrors: false, keepSourceTokens: false } as const;

export interface Composed {
  docs: Document.Parsed[];
  /** Problems PyYAML's scanner would find, in text order. */
  scanned: ScanProblem[];
  /** Anchor tokens, in text order (where PyYAML reports an anchor). */
  anchors: { name: string; offset: number }[];
  /** Tag and anchor tokens, in text order (PyYAML's node marks start at a node's first one). */
  props: { offset: number; end: number }[];
  lineCounter: LineCounter;
}

/** Most re-parses spent on under-indented lines before the yaml package's errors stand. */
const MAX_RELAXED_LINES = 50;

/** Parses `text` (line breaks already normalized) as PyYAML would see its structure. */
export function composeLikePyYaml(text: string): Composed {
  let work = text;
  const inserts: [at: number, count: number][] = []; // positions in `work`, ascending
  // Same-length edits of `work` that only the yaml package's parse sees (scan.ts Rereads).
  let edits = new Map<number, string>();
  for (let round = 0; ; round++) {
    const scanned: ScanProblem[] = [];
    const anchors: { name: string; offset: number }[] = [];
    const props: { offset: number; end: number }[] = [];
    const found: Rereads = { flowKeys: [], tagChars: [], flowDashes: [], nameEnds: [] };
    const parsed = applyEdits(work, edits);
    const docs = composeOnce(work, parsed, scanned, anchors, found, props);
    const added = [...found.tagChars.map((o): [number, string] => [o, '#']), ...found.flowDashes.map((o): [number, string] => [o, 'x'])].filter(([o]) => !edits.has(o));
    const spaces = [...found.flowKeys, ...found.nameEnds];
    if ((spaces.length > 0 || added.length > 0) && round < MAX_RELAXED_LINES) {
      // `[?x]` and `&name:`: a space makes the yaml package end the token where PyYAML does.
      for (const [at, c] of added) edits.set(at, c);
      for (const at of spaces.sort((a, b) => b - a)) {
        work = insertSpaces(work, inserts, at, 1);
        edits = new Map([...edits].map(([o, c]) => [o >= at ? o + 1 : o, c]));
      }
      continue;
    }
    const fix = round < MAX_RELAXED_LINES && docs[0] ? underIndentedLine(parsed, docs[0]) : null;
    if (!fix) {
      if (edits.size > 0) for (const doc of docs) undoEdits(doc, work, parsed, edits);
      if (inserts.length > 0) mapPositions(docs, [...scanned, ...anchors, ...props], inserts);
      for (const doc of docs) blockScalarAtEnd(doc, text);
      const lineCounter = new LineCounter();
      lineCounter.addNewLine(0);
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
      return { docs, scanned, anchors, props, lineCounter };
    }
    work = insertSpaces(work, inserts, fix.at, fix.count);
    edits = new Map([...edits].map(([o, c]) => [o >= fix.at ? o + fix.count : o, c]));
  }
}

/** `count` spaces inserted at `at` in `work`, recorded in `inserts` (positions in the new text, ascending). */
function insertSpaces(work: string, inserts: [at: number, count: number][], at: number, count: number): string {
  for (const ins of inserts) if (ins[0] >= at) ins[0] += count;
  inserts.push([at, count]);
  inserts.sort((a, b) => a[0] - b[0]);
  return work.slice(0, at) + ' '.repeat(count) + work.slice(at);
}

function applyEdits(work: string, edits: Map<number, string>): string {
  if (edits.size === 0) return work;
  let out = '';
  let last = 0;
  for (const at of [...edits.keys()].sort((a, b) => a - b)) {
    out += work.slice(last, at) + edits.get(at)!;
    last = at + 1;
  }
  return out + work.slice(last);
}

/**
 * Puts back in the tree what the edits changed: a flow '-' read as the scalar "-", and the ',',
 * '[' and ']' of a tag where the parse saw '#' (no tag PyYAML accepts holds a '#', so every '#'
 * in a composed tag is an edit; the tag's real text is at the last edited tag token before the
 * node).
 */
function undoEdits(doc: Document.Parsed, work: string, parsed: string, edits: Map<number, string>): void {
  const tagStarts: number[] = [];
  for (const [at, c] of edits) if (c === '#') tagStarts.push(parsed.lastIndexOf('!', at));
  tagStarts.sort((a, b) => a - b);
  visit(doc, (_, node) => {
    if (!isNode(node) || !node.range) return;
    const start = node.range[0];
    if (isScalar(node) && edits.get(start) === 'x' && node.value === 'x') node.value = '-';
    if (node.tag?.includes('#')) {
      const tagAt = tagStarts.filter((o) => o < start).pop();
      if (tagAt === undefined) return;
      const end = /^[^ \t\r\n]*/.exec(parsed.slice(tagAt))![0].length + tagAt;
      const edited = parsed.slice(tagAt, end);
      const real = work.slice(tagAt, end);
      let common = 0;
      while (common < edited.length && node.tag[node.tag.length - 1 - common] === edited[edited.length - 1 - common]) common++;
      node.tag = node.tag.slice(0, node.tag.length - common) + real.slice(real.length - common);
    }
  });
}

/** Parses `parsed` (the text with its edits) and scans its tokens against `text`, PyYAML's view. */
function composeOnce(text: string, parsed: string, scanned: ScanProblem[], anchors: { name: string; offset: number }[], found: Rereads, props: { offset: number; end: number }[]): Document.Parsed[] {
  function* tap(tokens: Generator<CST.Token>): Generator<CST.Token> {
    for (const token of tokens) {
      propsOnEmptyKeys(token);
      scanCst(token, text, scanned, anchors, found, props);
      yield token;
    }
  }
  const docs: Document.Parsed[] = [];
  for (const d of new Composer(YAML_OPTIONS).compose(tap(new Parser().parse(parsed)))) docs.push(d as Document.Parsed);
  return docs;
}

type Tok = { type?: string; items?: { start?: Tok[]; key?: unknown; sep?: Tok[]; value?: Tok }[]; value?: Tok };

/**
 * `key:` then, on the next line, `&anchor : value` or `!tag : value` (an empty key with
 * properties, what `&name: value` is to PyYAML): PyYAML's simple key starts at the first property
 * (yaml/scanner.py fetch_anchor and fetch_tag save a possible simple key), so the properties
 * belong to the empty key; the yaml package gives them to the nested mapping. They move to the
 * key here, in the CST, before the tree is composed.
 */
function propsOnEmptyKeys(token: CST.Token): void {
  const stack: Tok[] = [token as Tok];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.value && typeof node.value === 'object') stack.push(node.value);
    for (const item of node.items ?? []) {
      if (item.value && typeof item.value === 'object') stack.push(item.value);
      const first = item.value?.type === 'block-map' ? item.value.items?.[0] : undefined;
      if (node.type !== 'block-map' || !first || first.key || !Array.isArray(item.sep) || first.sep?.[0]?.type !== 'map-value-ind') continue;
      if ((first.start ?? []).some((t) => t.type === 'anchor' || t.type === 'tag')) continue;
      const sep = item.sep;
      const line = sep.map((t) => t.type).lastIndexOf('newline');
      const from = sep.findIndex((t, i) => i > line && (t.type === 'anchor' || t.type === 'tag'));
      if (line === -1 || from === -1) continue;
      first.start = [...sep.splice(from), ...(first.start ?? [])];
    }
  }
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
    // A document marker ends the document in PyYAML at any flow level (scan.ts documentMarkerInFlow).
    if (/^(?:---|\.\.\.)(?:[ \t\r\n]|$)/.test(text.slice(line, line + 4))) return null;
    // Deeper than any block content so far (`- ` counts as indentation) is always enough.
    const indent = /^ */.exec(text.slice(line))![0].length;
    let widest = 0;
    for (const l of text.slice(0, line).split('\n')) widest = Math.max(widest, /^(?: |-(?= ))*/.exec(l)![0].length);
    return widest + 1 > indent ? { at: line, count: widest + 1 - indent } : null;
  }
  return null;
}

function mapPositions(docs: Document.Parsed[], scanned: { offset: number; end?: number }[], inserts: [number, number][]): void {
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
  for (const p of scanned) {
    p.offset = back(p.offset);
    if (p.end !== undefined) p.end = back(p.end);
  }
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
