// One parse of a YAML config file: decoded text, the yaml AST, line positions and the plain value.
// Every later stage (schema, lint, routing) reads from this; nothing parses twice.
import { isUtf8 } from 'node:buffer';
import { LineCounter, parseDocument, isAlias, isMap, isScalar, isSeq, isPair, type Alias, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Diagnostic, Severity } from '../diagnostics/types.js';
import { formatPath } from '../diagnostics/types.js';
import { constructDocument, containsItself, expandedSize, isMergeKeyNode, linkAliases, plainBuilder, unknownTagMessage, type DuplicateKey, type Graph } from './pyyaml/construct.js';
import { firstNonPrintable, hasAny, normalizeLineBreaks } from './pyyaml/scan.js';
import { resolvePlain, resolvePlainGwcfg, type ScalarTag } from './pyyaml/scalars.js';
import { composeLikePyYaml, YAML_OPTIONS, type Composed } from './pyyaml/compose.js';
import { keepLineSeparators } from './pyyaml/breaks.js';

export type PathSegment = string | number;

export interface SourceDocument {
  file: string;
  text: string;
  lineCounter: LineCounter;
  doc: Document.Parsed;
  /** Plain JS value as PyYAML safe_load builds it (merge keys applied); undefined when loading failed. */
  value: unknown;
  /** The node each alias refers to (filled when the document is constructed). */
  aliases: Map<Alias, Node>;
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

/** The yaml package's error codes for what PyYAML's scanner (not its parser) rejects. */
const SCANNER_ERRORS = new Set(['TAB_AS_INDENT']);

/** Resource limits that keep hostile input (alias bombs, deep nesting) fast and safe. */
const MAX_NESTING = 500;

export interface ParseOptions {
  /** gwcfg's own files (scenarios, .gwcfg.yaml): also read `1e-3` as a number (PyYAML: a string). */
  gwcfgFile?: boolean;
}

export function parseSource(file: string, bytes: Uint8Array, options: ParseOptions = {}): ParseResult {
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
  // Start-up: Node's native validator answers for the usual valid file; the JS scan below (cold
  // code, ~0.1 ms per kB on the first call) only finds where an invalid file breaks.
  const invalid = isUtf8(bytes) ? -1 : firstInvalidUtf8(bytes);
  if (invalid !== -1) {
    const at = offsetToLineColumn(bytes, invalid);
    return early('yaml/encoding', `invalid UTF-8 byte 0x${bytes[invalid].toString(16).padStart(2, '0')}; save the file as UTF-8`, at.line, at.column);
  }
  // Valid UTF-8 (checked above) decodes alike everywhere; Buffer's decoder spares loading and
  // compiling TextDecoder at start-up. TextDecoder('utf-8') drops one leading BOM, so that is
  // done here first, then a second one is dropped as before.
  let text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (onlyBlank(text)) return early('yaml/empty', 'file has no content; a LiteLLM config needs at least a model_list or settings section');

  const tooDeep = findExcessiveNesting(text);
  if (tooDeep !== -1) {
    const { line, col } = positionInText(text, tooDeep);
    return early('yaml/too-deep', `nesting deeper than ${MAX_NESTING} levels; a LiteLLM config never needs this`, line, col);
  }
  const refused = firstNonPrintable(text);
  if (refused) {
    const { line, col } = positionInText(normalizeLineBreaks(text), refused.offset);
    return early('yaml/syntax', refused.message, line, col);
  }
  return parseYaml(file, text, options);
}

function parseYaml(file: string, text: string, options: ParseOptions): ParseResult {
  // The text with every line break as "\n" (same offsets): what the composer reads, and what the
  // rules below that work line by line read.
  const lf = normalizeLineBreaks(text);
  let composed: Composed;
  try {
    composed = composeLikePyYaml(lf);
    if (hasAny(text, '\u2028\u2029')) for (const d of composed.docs) keepLineSeparators(d, text);
  } catch (error) {
    return { source: null, diagnostics: [makeDiagnostic(file, 'yaml/syntax', 'error', `cannot parse YAML: ${(error as Error).message.split('\n')[0]}`, { line: 1, column: 1, endLine: 1, endColumn: 2 })] };
  }
  const { docs, scanned, anchors, props, lineCounter } = composed;
  const doc = docs[0] ?? (parseDocument('', YAML_OPTIONS) as Document.Parsed);
  const source: SourceDocument = { file, text, lineCounter, doc, value: undefined, aliases: new Map() };
  const at = (offset: number, end = offset + 1): Position => {
    const s = lineCounter.linePos(offset);
    const e = lineCounter.linePos(Math.max(end, offset + 1));
    return { line: s.line, column: s.col, endLine: e.line, endColumn: e.col };
  };
  // PyYAML stops at the start of a second document (safe_load wants exactly one).
  const secondStart = docs.length > 1 ? documentStart(text, docs[1].range[0]) : Infinity;
  // `scanner`: an error PyYAML's scanner raises (not its parser), which can come before a composer error.
  const problems: { offset: number; diagnostic: Diagnostic; scanner?: boolean }[] = [];
  // A value that is itself a mapping on the key's line (`a: b: c`), or a two-line key, is one
  // problem for PyYAML, at the first ':' it cannot accept ("mapping values are not allowed here").
  const lineOf = (offset: number): number => lineCounter.linePos(offset).line;
  const skip = new Set<unknown>();
  const colonAt = new Map<unknown, number>();
  const nextToken = (offset: number): number => {
    const ws = /(?:[ \t\r\n]+|#[^\n]*)*/y;
    ws.lastIndex = offset;
    return ws.exec(text) && ws.lastIndex < text.length ? ws.lastIndex : offset;
  };
  for (const error of doc.errors) {
    // PyYAML accepts a comment right after a quoted scalar or a bracket (`"x"# note`).
    if (/^Comments must be separated from other tokens by white space/.test(error.message)) skip.add(error);
    if (error.code !== 'BLOCK_AS_IMPLICIT_KEY') continue;
    const from = nextToken(error.pos[0]);
    const lineEnd = text.indexOf('\n', from);
    const rest = text.slice(from, lineEnd === -1 ? undefined : lineEnd).replace(/(^|[ \t])#.*$/, '');
    const colon = /:(?=[ \t\r]|$)/.exec(rest);
    const sameLine = doc.errors.filter((e) => e.code === 'MULTILINE_IMPLICIT_KEY' && lineOf(e.pos[0]) === lineOf(from));
    if (colon) {
      colonAt.set(error, from + colon.index);
      for (const e of sameLine) skip.add(e);
    } else if (sameLine.length > 0) skip.add(error);
  }
  // A collection closed by the wrong bracket is an error at that bracket; the yaml package reads on
  // and may take the collection for a two-line key.
  const wrongClose = scanned.filter((p) => p.collection !== undefined);
  for (const error of doc.errors) {
    if (skip.has(error)) continue;
    if (error.code === 'MULTILINE_IMPLICIT_KEY' && wrongClose.some((p) => error.pos[0] >= p.collection! && error.pos[0] < p.offset)) continue;
    let [start, end] = error.pos;
    let message: string | null = null;
    let scanner = SCANNER_ERRORS.has(error.code) || (error.code === 'MISSING_CHAR' && /quote/i.test(error.message)) || (error.code === 'BAD_SCALAR_START' && /reserved character/.test(error.message));
    if (colonAt.has(error)) {
      start = colonAt.get(error)!;
      end = start + 1;
    } else if (error.code === 'MISSING_CHAR' && /quote/i.test(error.message)) {
      start = openingQuote(text, start, error.message.includes("'") && !error.message.includes('"') ? "'" : '"');
      end = start + 1;
    } else if (error.code === 'MULTILINE_IMPLICIT_KEY') {
      // PyYAML reports the ':' after the two-line key ("mapping values are not allowed here"),
      // or, for a key where its mapping expects the next one, the first token after the key's
      // line ("while scanning a simple key ... could not find expected ':'").
      // The key's simple key starts at its first property when that begins the line (`&a` alone
      // on the line above); an anchor after `key: ` belongs to the value, and no key starts there.
      const keyStart = nextToken(start);
      const withProps = propertiesStart(lf, keyStart, props);
      const required = requiredKey(lf, /^ *$/.test(lf.slice(lf.lastIndexOf('\n', withProps - 1) + 1, withProps)) ? withProps : keyStart);
      if (required) {
        scanner = true;
        if (required.at !== null) message = "this line follows a key that has no ':' on its own line (PyYAML: while scanning a simple key, could not find expected ':'); add the ':' or fix the indentation";
      }
      start = required?.at ?? end;
      end = start + 1;
    } else if (error.code === 'MISSING_CHAR' && /^Implicit map keys need to be followed by map values/.test(error.message) && requiredKey(lf, nextToken(start))?.at != null) {
      // A key with no ':' at all: where PyYAML gives up on it, as for a two-line key above.
      start = requiredKey(lf, nextToken(start))!.at!;
      end = start + 1;
      scanner = true;
      message = "this line follows a key that has no ':' on its own line (PyYAML: while scanning a simple key, could not find expected ':'); add the ':' or fix the indentation";
    } else {
      // Point at the offending token, not at the blank lines, comments or indentation before it.
      start = nextToken(start);
      // A [...] or {...} still open at the end of the file: PyYAML fails at the stream end.
      if (error.code === 'BAD_INDENT' && /^Flow (sequence|map) in block collection must be sufficiently indented and end with/.test(error.message) && /^(?:[ \t\r\n]|#[^\n]*(?=\n|$))*$/.test(text.slice(start))) {
        start = text.length;
        const close = error.message.includes('Flow sequence') ? ']' : '}';
        message = `a '${close === ']' ? '[' : '{'}' is still open at the end of the file: PyYAML (LiteLLM's loader) fails there ("expected ',' or '${close}', but got '<stream end>'"); add the missing '${close}'`;
      }
      if (end <= start) end = start + 1;
    }
    const tag = secondaryTag(text, error);
    if (tag) problems.push({ offset: tag.offset, diagnostic: makeDiagnostic(file, 'yaml/unknown-tag', 'error', unknownTagMessage(tag.tag), at(tag.offset, tag.offset + tag.length)) });
    else problems.push({ offset: start, scanner, diagnostic: makeDiagnostic(file, 'yaml/syntax', 'error', message ?? describeYamlError(error.code, error.message), at(start, end)) });
  }
  // Anchor and alias errors (PyYAML's composer) count where they occur, even after a syntax error.
  const linked = linkAliases(doc.contents as Node | null);
  let composerProblem: { offset: number; diagnostic: Diagnostic } | null = null;
  if (linked.problem?.node?.range) {
    // A duplicate anchor is reported at its second `&name` token, as PyYAML does.
    const name = linked.problem.node.anchor;
    const second = name !== undefined && !isAlias(linked.problem.node) ? anchors.filter((a) => a.name === name)[1] : undefined;
    const offset = second ? second.offset : linked.problem.node.range[0];
    composerProblem = { offset, diagnostic: makeDiagnostic(file, linked.problem.ruleId, 'error', linked.problem.message, at(offset)) };
  }
  for (const p of scanned) if (p.offset <= secondStart) problems.push({ offset: p.offset, scanner: !p.parser, diagnostic: makeDiagnostic(file, 'yaml/syntax', 'error', p.message, at(p.offset)) });
  // A `...` before any content: PyYAML's parser starts an implicit document there and finds no
  // node (yaml/parser.py parse_implicit_document_start, then "expected the node content, but
  // found '<document end>'"); the yaml package reads an empty document and then a second one.
  const first = documentStart(lf, 0);
  if (/^\.\.\.(?:[ \t\r\n]|$)/.test(text.slice(first, first + 4))) {
    problems.push({ offset: first, diagnostic: makeDiagnostic(file, 'yaml/syntax', 'error', "the file starts with '...', the end-of-document marker: PyYAML (LiteLLM's loader) fails here (\"expected the node content, but found '<document end>'\"); delete the line", at(first, first + 3)) });
  }
  if (docs.length > 1) {
    problems.push({
      offset: secondStart,
      diagnostic: makeDiagnostic(file, 'yaml/multi-document', 'error', 'a second YAML document starts here; LiteLLM loads the config with PyYAML safe_load, which accepts exactly one ("expected a single document in the stream"), so LiteLLM does not start. Remove this document separator and what follows, or move it to its own file', at(secondStart, secondStart + 3)),
    });
  }
  // PyYAML's composer sees an anchor or alias only once the scanner has read on past it (the node's
  // content, and the line after it while a simple key is pending): a scanner error in that
  // stretch comes first (a parser error there does not: the parser has not got that far).
  if (composerProblem) {
    const limit = composerLookahead(lf, composerProblem.offset);
    if (!problems.some((p) => p.scanner && p.offset >= composerProblem!.offset && p.offset < limit)) problems.push(composerProblem);
  }
  if (problems.length > 0) {
    // One finding per line: a tab the yaml package also reports is one problem, not two. On a
    // line with an anchor or alias name PyYAML reads differently (`&name:`), that name is the
    // cause of whatever else the yaml package finds there, so it is the finding.
    const rank = (p: { diagnostic: Diagnostic }) => (/^(anchor|alias) name '|^PyYAML \(LiteLLM's loader\) cannot read this tag|^a document marker |^the block scalar header |^'[\]}]' where the '[[{]' opened|^this line is indented deeper than the '\?' above|^this key is indented deeper than the keys before it/.test(p.diagnostic.message) ? 0 : 1);
    problems.sort((a, b) => a.diagnostic.line - b.diagnostic.line || rank(a) - rank(b) || a.offset - b.offset);
    const lines = new Set<number>();
    const diagnostics = problems.map((p) => p.diagnostic).filter((d) => !lines.has(d.line) && lines.add(d.line));
    return { source, diagnostics };
  }
  return construct(source, linked, options.gwcfgFile ? resolvePlainGwcfg : resolvePlain, props);
}

/** The expanded-size guard: aliases may add this many values beyond what the file spells out. */
const MAX_ALIAS_EXPANSION = 1_000_000;

/** Builds source.value as PyYAML safe_load would, or reports what PyYAML (or gwcfg's guard) refuses. */
function construct(source: SourceDocument, graph: Graph, resolve: (plain: string) => ScalarTag, props: { offset: number; end: number }[]): ParseResult {
  const { file, doc } = source;
  const root = doc.contents as Node | null;
  source.aliases = graph.aliasTarget;
  const fail = (ruleId: string, message: string, node: Node | null): ParseResult => ({ source, diagnostics: [makeDiagnostic(file, ruleId, 'error', message, rangeOf(source, node))] });
  // PyYAML's constructor errors mark the node's start, which is its first tag or anchor.
  const failAtNode = (ruleId: string, message: string, node: Node | null): ParseResult => {
    const result = fail(ruleId, message, node);
    // The yaml package starts a block mapping's range after its first key; PyYAML at that key.
    const firstKey = isMap(node) ? (node.items[0]?.key as Node | null | undefined)?.range?.[0] : undefined;
    const from = node?.range ? Math.min(node.range[0], firstKey ?? Infinity) : -1;
    const start = node?.range && !isAlias(node) ? propertiesStart(source.text, from, props) : -1;
    if (start !== -1 && node?.range && start < node.range[0]) {
      const s = source.lineCounter.linePos(start);
      Object.assign(result.diagnostics[0], { line: s.line, column: s.col });
    }
    return result;
  };
  const expanded = graph.firstAlias ? expandedSize(root, graph, graph.nodes + MAX_ALIAS_EXPANSION) : { size: graph.nodes, recursive: null };
  if (expanded.size > graph.nodes + MAX_ALIAS_EXPANSION) {
    return fail('yaml/alias-limit', `aliases expand this file by more than ${MAX_ALIAS_EXPANSION.toLocaleString('en-US')} values (an alias bomb, or anchors reused far too often); PyYAML shares aliased values, but LiteLLM and gwcfg walk the expanded config. Use fewer or smaller aliases`, graph.firstAlias);
  }
  const built = constructDocument(root, graph, plainBuilder, resolve);
  if (built.problem) return failAtNode(built.problem.ruleId, built.problem.message, built.problem.node);
  if (expanded.recursive && containsItself(built.value)) {
    const what = isAlias(expanded.recursive) ? `alias '*${expanded.recursive.source}' sits inside the node its anchor marks` : 'this merge copies in a mapping that contains it';
    return fail('yaml/recursive-alias', `${what}, so the value contains itself; PyYAML builds a self-referencing structure, but LiteLLM cannot use it (it copies and prints the config at start-up) and gwcfg cannot check it. Write the repeated part out instead`, expanded.recursive);
  }
  const diagnostics: Diagnostic[] = built.duplicates.map((d) => duplicateKey(source, d));
  source.value = built.value;
  if (source.value === null || source.value === undefined) {
    diagnostics.push(makeDiagnostic(file, 'yaml/empty', 'error', 'file has no content (only comments); a LiteLLM config needs at least a model_list or settings section', { line: 1, column: 1, endLine: 1, endColumn: 2 }));
  } else if (typeof source.value !== 'object' || Array.isArray(source.value) || source.value instanceof Date || source.value instanceof Uint8Array || source.value instanceof Set) {
    const kind = Array.isArray(source.value) ? 'a list' : typeof source.value === 'object' ? 'a tagged value' : `a ${typeof source.value}`;
    diagnostics.push(makeDiagnostic(file, 'yaml/not-a-mapping', 'error', `top level is ${kind}; a LiteLLM config must be a mapping with keys such as model_list and router_settings`, rangeOf(source, doc.contents as Node)));
  }
  return { source, diagnostics };
}

/**
 * Duplicate keys are a warning, not an error: LiteLLM reads YAML with PyYAML, which keeps the
 * last value, so the config loads but the earlier value is silently lost.
 */
function duplicateKey(source: SourceDocument, d: DuplicateKey): Diagnostic {
  const firstLine = rangeOf(source, d.first).line;
  const message = d.typeClash
    ? `key '${d.name}' also appears on line ${firstLine} as a different type (e.g. a quoted '1' and a plain 1); PyYAML keeps both, gwcfg checks only this one. Use one spelling`
    : `duplicate key '${d.name}' (first at line ${firstLine}); LiteLLM keeps only this last value, so the one on line ${firstLine} is silently lost. Remove or merge one of them`;
  return makeDiagnostic(source.file, 'yaml/duplicate-key', 'warning', message, rangeOf(source, d.key));
}

/**
 * Where a node's properties begin: the first of the tags and anchors (`props`, in text order)
 * written right before `start` with only spaces, line breaks and comments between them.
 */
function propertiesStart(text: string, start: number, props: { offset: number; end: number }[]): number {
  // A comment runs to the end of its line (no backtracking into a run of '#').
  const gap = /^(?:[ \t\r\n]|#[^\n]*(?=\n|$))*$/;
  let at = start;
  for (let i = props.length - 1; i >= 0; i--) {
    const p = props[i];
    if (p.end > at) continue;
    if (!gap.test(text.slice(p.end, at))) break;
    at = p.offset;
  }
  return at;
}

/**
 * A plain key that starts a line where its block mapping already has a key at that column is a
 * "required" simple key to PyYAML (yaml/scanner.py save_possible_simple_key: block context, column
 * equal to the current indentation); without its ':' on the same line, stale_possible_simple_keys
 * fails where the scanner stands after the key ("while scanning a simple key ... could not find
 * expected ':'"): the first character of the next non-blank line (`at`), unless that line is
 * indented deeper and continues the key (then the ':' after it, `at` null). Null when the key is
 * not required.
 */
function requiredKey(text: string, keyStart: number): { at: number | null } | null {
  const lineStart = text.lastIndexOf('\n', keyStart - 1) + 1;
  const indentOf = (line: string): number => /^(?: |-(?= ))*/.exec(line)![0].length;
  const before = text.slice(lineStart, keyStart);
  // After '- ' a key starts a new mapping: not required.
  if (!/^ *$/.test(before) || /^(?:[-?:](?=[ \t\n]|$)|[[\]{},#|>'"%@`])/.test(text.slice(keyStart, keyStart + 2))) return null;
  const column = keyStart - lineStart;
  // A key line that ends with an anchor, tag or alias (`&name` alone): the scanner stops after
  // that token, then skips spaces, comments and line breaks to the next token, where it fails.
  const keyLineEnd = text.indexOf('\n', keyStart) === -1 ? text.length : text.indexOf('\n', keyStart);
  const words = text.slice(keyStart, keyLineEnd).replace(/\r$/, '').split(/[ \t]+/).filter((w) => w !== '');
  const comment = words.findIndex((w) => w.startsWith('#'));
  const propsOnly = words.slice(0, comment === -1 ? undefined : comment).every((w) => /^[&!*]/.test(w));
  if (!propsOnly && /^[&!*]/.test(text[keyStart])) return null;
  // The nearest earlier content line at this column or left of it must be a key of the same mapping.
  let sibling = false;
  for (let end = lineStart - 1; end > 0; ) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end);
    end = start - 1;
    if (/^\s*(#.*)?$/.test(line)) continue;
    const indent = indentOf(line);
    if (indent > column) continue;
    sibling = indent === column;
    break;
  }
  if (!sibling) return null;
  if (propsOnly) {
    const next = /(?:[ \t]*(?:#[^\n]*)?\r?\n)*[ \t]*/y;
    next.lastIndex = keyLineEnd;
    next.exec(text);
    return next.lastIndex < text.length ? { at: next.lastIndex } : { at: null };
  }
  // PyYAML's scan_plain eats the line breaks and indentation after the key and stops at the next
  // character, a comment's '#' too; the key fails there unless that line continues it (deeper,
  // and not a comment).
  const next = /\n(?:[ ]*\n)*( *)(?=[^ \n])/y;
  for (let lineEnd = text.indexOf('\n', keyStart); lineEnd !== -1; lineEnd = text.indexOf('\n', lineEnd + 1)) {
    next.lastIndex = lineEnd;
    const m = next.exec(text);
    if (!m) return { at: null };
    const at = m.index + m[0].length;
    if (m[1].length <= column || text[at] === '#') return { at };
    // A continuation line; a ':' or comment on it ends the key there (the yaml package's ':').
    lineEnd = text.indexOf('\n', at) === -1 ? text.length : text.indexOf('\n', at);
    if (/:(?:[ \t]|$)|[ \t]#/.test(text.slice(at, lineEnd))) return { at: null };
    if (lineEnd === text.length) return { at: null };
    lineEnd--; // the loop's step finds this line's break again
  }
  return { at: null };
}

/**
 * How far PyYAML's scanner has read when its composer meets the anchor or alias at `offset`
 * (yaml/scanner.py need_more_tokens, save_possible_simple_key, stale_possible_simple_keys;
 * yaml/parser.py parse_node). The parser needs the node's first content token after the anchor;
 * a token that may be a simple key (at the start of a line, or after '- ', not after `key: ` or
 * after an anchor on the same line) makes the scanner read on to its ':' on that line, or else
 * to the first token of the next content line.
 */
function composerLookahead(text: string, offset: number): number {
  const lineStartOf = (at: number): number => text.lastIndexOf('\n', at - 1) + 1;
  const keyAllowed = (at: number): boolean => /^(?:[ ]*[-?](?=[ ]))*[ ]*$/.test(text.slice(lineStartOf(at), at));
  const tokenEnd = (at: number): number => at + /^\S*/.exec(text.slice(at))![0].length;
  const keyLookahead = (at: number): number => {
    const lineEnd = text.indexOf('\n', at) === -1 ? text.length : text.indexOf('\n', at);
    const colon = /:(?=[ \t]|$)/.exec(text.slice(at, lineEnd).replace(/[ \t]#.*$/, ''));
    if (colon) return at + colon.index + 1;
    const next = /\n(?:[ \t]*(?:#[^\n]*)?\n)*[ \t]*/y;
    next.lastIndex = lineEnd;
    return next.exec(text) ? tokenEnd(next.lastIndex) + 1 : text.length;
  };
  if (text[offset] === '*') return keyAllowed(offset) ? keyLookahead(tokenEnd(offset)) : tokenEnd(offset);
  // Past the anchor and any other properties on its line.
  let i = offset;
  while (text[i] === '&' || text[i] === '!') {
    i = tokenEnd(i);
    while (text[i] === ' ' || text[i] === '\t') i++;
  }
  if (text[i] === '#' || text[i] === '\n' || text[i] === '\r' || i >= text.length) {
    // The content starts a later line, where a simple key may start.
    const next = /(?:[ \t]*(?:#[^\n]*)?\r?\n)*[ \t]*/y;
    next.lastIndex = i;
    next.exec(text);
    return next.lastIndex >= text.length ? text.length : keyLookahead(next.lastIndex);
  }
  return keyAllowed(offset) ? keyLookahead(i) : i + 1;
}

/**
 * Start of a document's first token (PyYAML's mark for "but found another document"): past
 * spaces, tabs, line breaks and comments. (A loop, not a pattern: start-up, see normalizeLineBreaks.)
 */
function documentStart(text: string, offset: number): number {
  let i = offset;
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') i++;
    else if (c === '#') i = text.indexOf('\n', i) === -1 ? text.length : text.indexOf('\n', i);
    else break;
  }
  return i;
}

/** Only spaces and line breaks (or nothing); a loop that stops at the first content, not a pattern over the whole text (start-up). */
function onlyBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== ' ' && c !== '\r' && c !== '\n') return false;
  }
  return true;
}

/**
 * A `!!name` tag the yaml package cannot resolve or splits (`!!f!loat`, `!!pair[a:`): PyYAML reads
 * the whole run of URI characters as one tag, `tag:yaml.org,2002:name`, and fails only when it
 * constructs the value ("could not determine a constructor"), i.e. an unknown tag. Null for any
 * other error.
 */
function secondaryTag(text: string, error: { code: string; message: string; pos: [number, number] }): { tag: string; offset: number; length: number } | null {
  if (error.code !== 'TAG_RESOLVE_FAILED' && !(error.code === 'MISSING_CHAR' && /^Tags and anchors must be separated/.test(error.message))) return null;
  const from = text.lastIndexOf('!!', error.pos[0]);
  if (from === -1) return null;
  const run = /!!([0-9A-Za-z\-;/?:@&=+$,_.!~*'()[\]%]+)(?=[ \t\n]|$)/y;
  run.lastIndex = from;
  const m = run.exec(text);
  if (!m || (from > 0 && !/[ \t\n[{,]/.test(text[from - 1])) || from + m[0].length <= error.pos[0]) return null;
  return { tag: `tag:yaml.org,2002:${m[1]}`, offset: from, length: m[0].length };
}

function describeYamlError(code: string, message: string): string {
  const first = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  switch (code) {
    case 'TAB_AS_INDENT':
      return 'tab used for indentation; YAML allows only spaces';
    case 'MISSING_CHAR':
      if (/quote/i.test(first)) return `unclosed ${first.includes("'") && !first.includes('"') ? 'single' : 'double'} quote: the string that starts here never ends; add the closing quote`;
      return first;
    case 'MULTILINE_IMPLICIT_KEY':
      return "this ':' ends a key that starts on an earlier line, but a key must fit on one line (PyYAML: mapping values are not allowed here); check the indentation, or a missing ':' on the line above";
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

/** `<<` merge keys as PyYAML resolves them: a plain `<<` or one tagged !!merge (a quoted '<<' is a key). */
export const isMergeKey = isMergeKeyNode;

function resolveAlias(source: SourceDocument, node: unknown): unknown {
  return isAlias(node) ? source.aliases.get(node) : node;
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
  // Start-up: the two walks below go through the text a character at a time (cold code on a
  // small config's first parse); they cannot find anything in a file with at most MAX_NESTING
  // brackets, or with no line long enough to hold the indentation, which indexOf finds natively.
  if (countUpTo(text, '[', '{', MAX_NESTING + 1) > MAX_NESTING) {
    const at = excessiveFlowNesting(text);
    if (at !== -1) return at;
  }
  return hasLineLongerThan(text, MAX_NESTING * 2) ? excessiveBlockNesting(text) : -1;
}

/** How many of the characters `a` and `b` the text has, counting no further than `limit`. */
function countUpTo(text: string, a: string, b: string, limit: number): number {
  let count = 0;
  for (let i = text.indexOf(a); i !== -1 && count < limit; i = text.indexOf(a, i + 1)) count++;
  for (let i = text.indexOf(b); i !== -1 && count < limit; i = text.indexOf(b, i + 1)) count++;
  return count;
}

function hasLineLongerThan(text: string, length: number): boolean {
  for (let start = 0; start <= text.length; ) {
    const lineEnd = text.indexOf('\n', start);
    const end = lineEnd === -1 ? text.length : lineEnd;
    if (end - start > length) return true;
    start = end + 1;
  }
  return false;
}

function excessiveFlowNesting(text: string): number {
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
  return -1;
}

/** Block nesting: indentation depth grows by at least one column per level. */
function excessiveBlockNesting(text: string): number {
  const lines = text.split('\n');
  let offset = 0;
  for (const line of lines) {
    const indent = line.length - line.trimStart().length;
    if (indent > MAX_NESTING * 2 && line.trim() !== '') return offset + indent;
    offset += line.length + 1;
  }
  return -1;
}

/** Start of the quoted scalar an "unclosed quote" error belongs to. */
function openingQuote(text: string, errorOffset: number, quote: string): number {
  let i = Math.min(errorOffset, text.length) - 1;
  // The last quote before the error when none follows a space or an indicator (`!!"x`).
  const last = text.lastIndexOf(quote, i);
  while (i >= 0) {
    i = text.lastIndexOf(quote, i);
    if (i === 0) return 0;
    if (i < 0) break;
    if (/[\s:[{,-]/.test(text[i - 1])) return i;
    i--;
  }
  return last >= 0 ? last : Math.max(0, errorOffset);
}
