// The parts of PyYAML's reader and scanner (PyYAML 6.0, yaml/reader.py and yaml/scanner.py) that
// are stricter than the yaml package, checked on the text and on the yaml package's CST tokens:
// characters the reader refuses, tabs outside quoted scalars, block scalar content and comments,
// anchor names outside [0-9A-Za-z_-], and %YAML versions other than 1.x.
import type { CST } from 'yaml';

export interface ScanProblem {
  offset: number;
  message: string;
}

/**
 * The text as LiteLLM's PyYAML sees it, same length so offsets stay valid: Python's text-mode
 * open() turns a lone CR into LF (universal newlines; CRLF stays, the yaml package reads it as
 * one break), and PyYAML reads NEL as a line break. LS and PS are line breaks to PyYAML too;
 * they become LF here, which gives the same structure (PyYAML keeps the LS/PS character itself
 * where a folded scalar keeps a break; gwcfg does not model that difference).
 */
export function normalizeLineBreaks(text: string): string {
  if (!/[\r\u0085\u2028\u2029]/.test(text)) return text;
  return text.replace(/\r(?!\n)|[\u0085\u2028\u2029]/g, '\n');
}

/**
 * First character PyYAML's reader refuses (yaml/reader.py NON_PRINTABLE: anything but TAB, LF,
 * CR, printable ASCII, NEL, U+00A0..U+D7FF, U+E000..U+FFFD and astral characters).
 */
export function firstNonPrintable(text: string): ScanProblem | null {
  // eslint-disable-next-line no-control-regex
  const re = /[^\t\n\r\x20-\x7e\u0085\u00a0-\ud7ff\ue000-\ufffd\ud800-\udfff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
  const m = re.exec(text);
  if (!m) return null;
  const code = m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  const named = code === '001B' ? ' (ESC)' : code === '007F' ? ' (DEL)' : '';
  return {
    offset: m.index,
    message: `control character U+${code}${named} is not allowed in YAML: PyYAML (LiteLLM's loader) refuses the file ("unacceptable character #x${code.toLowerCase()}"); delete it, or write it as an escape inside double quotes`,
  };
}

const TAB_MESSAGE = 'tab character where PyYAML allows only spaces (PyYAML, LiteLLM\'s loader: "found character \'\\t\' that cannot start any token"); replace the tab with spaces (tabs are fine only inside quotes, block scalars and comments)';

/** Problems PyYAML's scanner finds in one CST token tree (pushed in text order). */
/** Where scanCst records anchor tokens (`&name`), in text order. */
let anchorTokens: { name: string; offset: number }[] = [];
/** Where scanCst records the offsets just after a `?` that starts a plain scalar in a flow collection. */
let flowKeyTokens: number[] = [];

/**
 * `flowKeys` receives, for each plain scalar in [...] or {...} that starts with `?` (`[?x]`), the
 * offset after the `?`: PyYAML's scanner reads a `?` in flow context as a key indicator even
 * without a space after it (yaml/scanner.py check_key), so `[?x]` is `[{x: null}]`, while the yaml
 * package reads the scalar `?x`. compose.ts re-parses with a space inserted there.
 */
export function scanCst(token: CST.Token, out: ScanProblem[], anchors: { name: string; offset: number }[], flowKeys: number[] = []): void {
  anchorTokens = anchors;
  flowKeyTokens = flowKeys;
  visit(token as Tok, out);
}

type Tok = { type?: string; source?: string; offset?: number; start?: unknown; props?: unknown; items?: Item[]; key?: unknown; sep?: unknown; value?: unknown; end?: unknown };
type Item = { start?: unknown; key?: unknown; sep?: unknown; value?: unknown };

function visitAll(list: unknown, out: ScanProblem[], flow = false): void {
  if (Array.isArray(list)) for (const t of list) visit(t as Tok, out, flow);
  else if (list) visit(list as Tok, out, flow);
}

function visit(node: Tok | undefined, out: ScanProblem[], flow = false): void {
  if (!node) return;
  const source = node.source ?? '';
  const offset = node.offset ?? 0;
  switch (node.type) {
    case 'scalar':
      if (flow && source[0] === '?') flowKeyTokens.push(offset + 1);
      // In a flow collection PyYAML ends a plain value at '?' and then fails on it.
      if (flow && source.indexOf('?') > 0) out.push({ offset: offset + source.indexOf('?'), message: "'?' inside an unquoted value in [...] or {...}: PyYAML (LiteLLM's loader) ends the value there and fails (\"expected ',' or ']'\"); quote the value" });
    // falls through
    case 'space':
    case 'doc-start':
    case 'doc-end':
      if (source.includes('\t')) tabAt(source, offset, out);
      break;
    case 'directive':
      tabAt(source.split('#')[0], offset, out);
      directiveName(source, offset, out);
      version(source, offset, out);
      break;
    case 'anchor':
    case 'alias':
      anchorName(source, offset, out);
      if (node.type === 'anchor') anchorTokens.push({ name: source.slice(1), offset });
      break;
    case 'block-scalar':
      blockScalar(node as unknown as CST.BlockScalar, out);
      break;
    default:
      break;
  }
  const inner = flow || node.type === 'flow-collection';
  if (node.start) visitAll(node.start, out, flow);
  if (node.props) visitAll(node.props, out, flow);
  if (node.items) {
    for (const item of node.items) {
      if (!item.key && Array.isArray(item.sep)) keylessValue(item, out);
      else if (node.type === 'flow-collection' && item.key && !hasExplicitKey(item) && ((item.key as Tok).source?.includes('\n') || newlineBeforeColon(item))) twoLineFlowKey(item, out);
      else if (node.type === 'block-map' && item.key && !hasExplicitKey(item)) explicitKeyAfterValue(item, out);
      if (item.start) visitAll(item.start, out, inner);
      if (item.key) visit(item.key as Tok, out, inner);
      if (item.sep) visitAll(item.sep, out, inner);
      if (item.value) visit(item.value as Tok, out, inner);
    }
  }
  if (node.value) visit(node.value as Tok, out, flow);
  if (node.end) visitAll(node.end, out, flow);
}

// `: value` with no key: PyYAML's parser wants a key first ("expected <block end>, but found
// ':'", or "expected the node content" in flow), unless `?` or an anchor or tag stands for it.
function keylessValue(item: Item, out: ScanProblem[]): void {
  const start = Array.isArray(item.start) ? (item.start as Tok[]) : [];
  if (start.some((t) => t.type === 'explicit-key-ind' || t.type === 'anchor' || t.type === 'tag')) return;
  const colon = (item.sep as Tok[]).find((t) => t.type === 'map-value-ind');
  if (colon) out.push({ offset: colon.offset ?? 0, message: "':' with no key before it: PyYAML (LiteLLM's loader) expects a key here (\"expected <block end>, but found ':'\"); write the key, or quote a value that starts with ':'" });
}

function hasExplicitKey(item: Item): boolean {
  return Array.isArray(item.start) && (item.start as Tok[]).some((t) => t.type === 'explicit-key-ind');
}

/** A line break between an implicit key and its ':'. */
function newlineBeforeColon(item: Item): boolean {
  if (!Array.isArray(item.sep)) return false;
  const sep = item.sep as Tok[];
  const colon = sep.findIndex((t) => t.type === 'map-value-ind');
  return colon > 0 && sep.slice(0, colon).some((t) => t.type === 'newline');
}

// `key: ? x`: after an implicit key's ':' PyYAML allows no second key on the same line
// (yaml/scanner.py fetch_value clears allow_simple_key, fetch_key then raises "mapping keys are not
// allowed here" at the '?'); the yaml package reads an explicit key there.
function explicitKeyAfterValue(item: Item, out: ScanProblem[]): void {
  if (!Array.isArray(item.sep) || (item.sep as Tok[]).some((t) => t.type === 'newline')) return;
  const value = item.value as Tok | undefined;
  const first = value?.type === 'block-map' ? value.items?.[0] : undefined;
  const key = Array.isArray(first?.start) ? (first!.start as Tok[]).find((t) => t.type === 'explicit-key-ind') : undefined;
  if (key) out.push({ offset: key.offset ?? 0, message: "'?' (an explicit key) on the same line as the key before it: PyYAML (LiteLLM's loader) fails here (\"mapping keys are not allowed here\"); put the nested key on its own line, or quote a value that starts with '?'" });
}

// A key inside [...] or {...} that spans lines, or whose ':' is on a later line: PyYAML's simple
// keys are one line, so it fails at the ':' ("expected ',' or '}', but got ':'").
function twoLineFlowKey(item: Item, out: ScanProblem[]): void {
  const colon = Array.isArray(item.sep) ? (item.sep as Tok[]).find((t) => t.type === 'map-value-ind') : undefined;
  if (colon) out.push({ offset: colon.offset ?? 0, message: "this ':' follows a key that spans two lines inside [...] or {...}; PyYAML (LiteLLM's loader) fails here (\"expected ',' or '}'\"); add the missing ',' or closing bracket, or put the key on one line" });
}

function tabAt(source: string, offset: number, out: ScanProblem[]): void {
  const i = source.indexOf('\t');
  if (i !== -1) out.push({ offset: offset + i, message: TAB_MESSAGE });
}

// yaml/scanner.py scan_directive_name: `%` then letters, digits, '-' or '_', then a space or the
// line end (`%key: value` at column 0 is a directive to PyYAML, and a broken one).
function directiveName(source: string, offset: number, out: ScanProblem[]): void {
  const end = /^%[0-9A-Za-z_-]*/.exec(source)![0].length;
  if (end > 1 && (end === source.length || source[end] === ' ')) return;
  out.push({ offset: offset + end, message: `a line starting with '%' is a YAML directive to PyYAML (LiteLLM's loader), and this one is malformed ("while scanning a directive ... expected alphabetic or numeric character"); remove the '%' or quote the key` });
}

function version(source: string, offset: number, out: ScanProblem[]): void {
  const m = /^%YAML[ ]+([0-9]+)\.([0-9]+)/.exec(source);
  if (m && m[1] !== '1') out.push({ offset, message: `YAML version ${m[1]}.${m[2]}: PyYAML (LiteLLM's loader) reads only 1.x ("found incompatible YAML document"); write %YAML 1.1 or drop the line` });
}

function anchorName(source: string, offset: number, out: ScanProblem[]): void {
  const name = source.slice(1);
  const bad = name.search(/[^0-9A-Za-z_-]/);
  if (name === '' || bad !== -1) {
    const kind = source[0] === '&' ? 'anchor' : 'alias';
    out.push({ offset: offset + 1 + Math.max(bad, 0), message: `${kind} name '${name}' has a character PyYAML does not allow in names (only letters, digits, '-' and '_'; PyYAML: expected alphabetic or numeric character); rename it` });
  }
}

// PyYAML's block scalar indentation: an explicit indicator counts from the parent's indent,
// otherwise the widest run of spaces before the first content line; a tab left of that column
// ends the scalar and then fails as a token.
function blockScalar(token: CST.BlockScalar, out: ScanProblem[]): void {
  let bodyStart = token.offset;
  let explicit = 0;
  for (const prop of token.props) {
    if (prop.type === 'block-scalar-header') explicit = Number(/[1-9]/.exec(prop.source)?.[0] ?? 0);
    if ('source' in prop && typeof prop.source === 'string') bodyStart = prop.offset + prop.source.length;
  }
  const parent = token.indent;
  const lines = token.source.split('\n');
  let indent = explicit ? parent + explicit : 0;
  if (!explicit) {
    let widest = 0;
    for (const line of lines) {
      const spaces = line.length - line.replace(/^ +/, '').length;
      widest = Math.max(widest, spaces);
      if (line.slice(spaces).replace(/\r$/, '') !== '') break;
    }
    indent = Math.max(parent + 1, widest);
  }
  let at = bodyStart;
  for (const line of lines) {
    const spaces = line.length - line.replace(/^ +/, '').length;
    if (line[spaces] === '\t' && spaces < indent) {
      out.push({ offset: at + spaces, message: TAB_MESSAGE });
      return;
    }
    at += line.length + 1;
  }
}
