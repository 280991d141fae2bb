// The parts of PyYAML's reader and scanner (PyYAML 6.0, yaml/reader.py and yaml/scanner.py) that
// are stricter than the yaml package, checked on the text and on the yaml package's CST tokens:
// characters the reader refuses, tabs outside quoted scalars, block scalar content and comments,
// anchor names outside [0-9A-Za-z_-], and %YAML versions other than 1.x.
import type { CST } from 'yaml';

export interface ScanProblem {
  offset: number;
  message: string;
  /** A closing bracket of the wrong kind: where its collection starts (the yaml package reads that collection on as a key). */
  collection?: number;
  /** PyYAML's parser raises it, not its scanner (so an anchor or alias error before it comes first). */
  parser?: boolean;
}

/**
 * The text as LiteLLM's PyYAML sees it, same length so offsets stay valid: Python's text-mode
 * open() turns a lone CR into LF (universal newlines; CRLF stays, the yaml package reads it as
 * one break), and PyYAML reads NEL as a line break. LS and PS are line breaks to PyYAML too;
 * they become LF here, which gives the same structure (PyYAML keeps the LS/PS character itself
 * where a folded scalar keeps a break; gwcfg does not model that difference).
 */
export function normalizeLineBreaks(text: string): string {
  // Start-up: indexOf, not a pattern: V8 compiles a regular expression to machine code before it
  // runs over a text of 1,000 characters or more, ~0.05 ms each on the first parse.
  if (!hasAny(text, '\r\u0085\u2028\u2029')) return text;
  return text.replace(/\r(?!\n)|[\u0085\u2028\u2029]/g, '\n');
}

/** Whether the text holds any of the characters of `chars`. */
export function hasAny(text: string, chars: string): boolean {
  for (let i = 0; i < chars.length; i++) if (text.indexOf(chars[i]) !== -1) return true;
  return false;
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

/** Where scanCst records anchor tokens (`&name`), in text order. */
let anchorTokens: { name: string; offset: number }[] = [];
/** Where scanCst records node properties (tags and anchors), in text order. */
let propTokens: { offset: number; end: number }[] = [];
/** Where scanCst records the places the yaml package must read differently (see Rereads). */
let rereads: Rereads = { flowKeys: [], tagChars: [], flowDashes: [], nameEnds: [] };
/** The text the tokens come from (PyYAML's tag and anchor scanning look past a token's end). */
let scanText = '';

/**
 * Places where the yaml package tokenizes differently from PyYAML's scanner; compose.ts edits a
 * copy of the text there and parses again, so the yaml package builds the tree PyYAML builds.
 */
export interface Rereads {
  /**
   * For each plain scalar in [...] or {...} that starts with `?` (`[?x]`), the offset after the
   * `?`: PyYAML reads a `?` in flow context as a key indicator even without a space after it
   * (yaml/scanner.py check_key), the yaml package reads the scalar `?x`. A space goes there.
   */
  flowKeys: number[];
  /**
   * ',', '[' and ']' inside a tag as PyYAML reads it (yaml/scanner.py scan_tag_uri takes them as
   * URI characters, the yaml package ends the tag before them): `[!!str, b]` is one item, `b`
   * tagged `!!str,`. Each becomes '#', a tag character to the yaml package that PyYAML never
   * accepts in a tag, so a '#' in a composed tag stands for one of them (compose.ts restores it).
   */
  tagChars: number[];
  /**
   * A '-' in [...] or {...} right before ',', ']' or '}' (or '[' or '{'): PyYAML reads a plain
   * scalar "-" (check_plain: '-' followed by a non-space starts one; scan_plain ends it at the
   * flow indicator), the yaml package a block sequence entry ("Block collections are not allowed
   * within flow collections"). It becomes 'x' for the parse and "-" again in the tree.
   */
  flowDashes: number[];
  /**
   * The end of an anchor or alias name that runs into '?' or ':' (`&name: value`): PyYAML's
   * scan_anchor ends the name at the first character outside [0-9A-Za-z_-] when it is one of
   * '?:,]}%@`' and reads on from there; the yaml package takes the '?' or ':' into the name. A
   * space goes there.
   */
  nameEnds: number[];
}

/** Problems PyYAML's scanner finds in one CST token tree (pushed in text order). */
export function scanCst(token: CST.Token, text: string, out: ScanProblem[], anchors: { name: string; offset: number }[], found: Rereads, props: { offset: number; end: number }[]): void {
  anchorTokens = anchors;
  propTokens = props;
  rereads = found;
  scanText = text;
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
      if (flow && source[0] === '?') rereads.flowKeys.push(offset + 1);
      // In a flow collection PyYAML ends a plain value at '?' and then fails on it.
      // In a flow collection every ':' that starts a token is a value indicator to PyYAML
      // (yaml/scanner.py check_value), so a plain `:x` is a value with no key, which its parser
      // refuses ("expected the node content, but found ':'"); the yaml package reads ":x".
      if (flow && source[0] === ':') out.push({ offset, parser: true, message: "':' at the start of an unquoted value in [...] or {...}: PyYAML (LiteLLM's loader) reads it as a key's ':' with no key and fails (\"expected the node content, but found ':'\"); quote the value" });
      if (flow && source.indexOf('?') > 0) out.push({ offset: offset + source.indexOf('?'), parser: true, message: "'?' inside an unquoted value in [...] or {...}: PyYAML (LiteLLM's loader) ends the value there and fails (\"expected ',' or ']'\"); quote the value" });
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
    case 'alias': {
      const end = anchorName(source, offset, out);
      if (node.type === 'anchor') {
        anchorTokens.push({ name: source.slice(1, end - offset), offset });
        propTokens.push({ offset, end });
      }
      break;
    }
    case 'tag':
      pyTag(offset, out);
      propTokens.push({ offset, end: offset + source.length });
      break;
    case 'seq-item-ind':
      if (flow && /^[,[\]{}]/.test(scanText.slice(offset + 1, offset + 2))) rereads.flowDashes.push(offset);
      break;
    case 'block-scalar':
      blockScalar(node as unknown as CST.BlockScalar, out);
      break;
    case 'explicit-key-ind':
      if (!flow) explicitKeyIndent(offset, out);
      break;
    case 'flow-collection':
      if (!flow) documentMarkerInFlow(node, out);
      wrongBracket(node, out);
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
      if (node.type === 'block-map' && item !== node.items[0]) deeperPropsKey(node, item, out);
      if (item.start) visitAll(item.start, out, inner);
      if (item.key) visit(item.key as Tok, out, inner);
      if (item.sep) visitAll(item.sep, out, inner);
      if (item.value) visit(item.value as Tok, out, inner);
    }
  }
  if (node.value) visit(node.value as Tok, out, flow);
  if (node.end) visitAll(node.end, out, flow);
}

// A key line that starts with an anchor or tag (`&name: v`, `!!str k: v`) indented deeper than
// the keys of its mapping: the yaml package takes it as one more key, PyYAML starts a nested
// mapping there, which its parser refuses ("while parsing a block mapping ... expected <block
// end>, but found '<block mapping start>'").
function deeperPropsKey(map: Tok, item: Item, out: ScanProblem[]): void {
  const start = Array.isArray(item.start) ? (item.start as Tok[]) : [];
  const prop = start.find((t) => t.type !== 'space' && t.type !== 'newline' && t.type !== 'comment');
  if (!prop || (prop.type !== 'anchor' && prop.type !== 'tag')) return;
  const at = prop.offset ?? 0;
  const lineStart = scanText.lastIndexOf('\n', at - 1) + 1;
  if (!/^ *$/.test(scanText.slice(lineStart, at))) return;
  // Only a key whose ':' is on this line: otherwise the scanner reads on first (see document.ts requiredKey).
  const lineEnd = scanText.indexOf('\n', at) === -1 ? scanText.length : scanText.indexOf('\n', at);
  if (!/:(?:[ \t]|$)/.test(scanText.slice(at, lineEnd).replace(/[ \t]#.*$/, ''))) return;
  const first = map.items![0];
  const firstTok = [...(Array.isArray(first.start) ? (first.start as Tok[]) : []), first.key as Tok].find((t) => t && t.type !== 'space' && t.type !== 'newline' && t.type !== 'comment');
  if (!firstTok) return;
  const firstAt = firstTok.offset ?? 0;
  const column = firstAt - (scanText.lastIndexOf('\n', firstAt - 1) + 1);
  if (at - lineStart > column) out.push({ offset: at, parser: true, message: `this key is indented deeper than the keys before it in its mapping: PyYAML (LiteLLM's loader) reads it as the start of a nested mapping and fails ("expected <block end>, but found '<block mapping start>'"); line it up with its siblings` });
}

// `: value` with no key: PyYAML's parser wants a key first ("expected <block end>, but found
// ':'", or "expected the node content" in flow), unless `?` or an anchor or tag stands for it.
function keylessValue(item: Item, out: ScanProblem[]): void {
  const start = Array.isArray(item.start) ? (item.start as Tok[]) : [];
  if (start.some((t) => t.type === 'explicit-key-ind' || t.type === 'anchor' || t.type === 'tag')) return;
  const colon = (item.sep as Tok[]).find((t) => t.type === 'map-value-ind');
  if (colon) out.push({ offset: colon.offset ?? 0, parser: true, message: "':' with no key before it: PyYAML (LiteLLM's loader) expects a key here (\"expected <block end>, but found ':'\"); write the key, or quote a value that starts with ':'" });
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
  if (colon) out.push({ offset: colon.offset ?? 0, parser: true, message: "this ':' follows a key that spans two lines inside [...] or {...}; PyYAML (LiteLLM's loader) fails here (\"expected ',' or '}'\"); add the missing ',' or closing bracket, or put the key on one line" });
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

/**
 * An anchor or alias name as PyYAML's scan_anchor reads it (yaml/scanner.py, PyYAML 6.0): letters,
 * digits, '-' and '_', ended by a space, tab, line break, or one of '?:,]}%@`'. Returns where
 * PyYAML ends the name. `&name:` and `*name?x` are read on from the ':' or '?' (a reread, see
 * Rereads.nameEnds); '%', '@' and '`' cannot start any token, so PyYAML fails there; any other
 * character fails as a bad name character.
 */
function anchorName(source: string, offset: number, out: ScanProblem[]): number {
  const name = source.slice(1);
  const bad = firstNonNameChar(name);
  if (bad === -1 && name !== '') return offset + source.length;
  const at = offset + 1 + Math.max(bad, 0);
  const kind = source[0] === '&' ? 'anchor' : 'alias';
  const ch = name[bad];
  if (bad > 0 && (ch === ':' || ch === '?')) {
    rereads.nameEnds.push(at);
    return at;
  }
  if (bad > 0 && (ch === '%' || ch === '@' || ch === '`')) {
    out.push({ offset: at, message: `'${ch}' right after the ${kind} name '${name.slice(0, bad)}': PyYAML (LiteLLM's loader) ends the name there and cannot start anything with '${ch}' ("found character '${ch}' that cannot start any token"); rename the ${kind} or put a space before a quoted value` });
    return at;
  }
  out.push({ offset: at, message: `${kind} name '${name}' has a character PyYAML does not allow in names (only letters, digits, '-' and '_'; PyYAML: expected alphabetic or numeric character); rename it` });
  return offset + source.length;
}

/** Index of the first character outside [0-9A-Za-z_-], or -1 (a loop, not a pattern: start-up). */
function firstNonNameChar(name: string): number {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x2d)) return i;
  }
  return -1;
}

const TAG_BREAK = /^(?:[ \r\n\x85\u2028\u2029]|$)/;
const URI_CHAR = /[0-9A-Za-z\-;/?:@&=+$,_.!~*'()[\]%]/;

/**
 * A tag as PyYAML's scan_tag reads it (yaml/scanner.py scan_tag, scan_tag_handle, scan_tag_uri,
 * scan_uri_escapes; PyYAML 6.0), from the '!' at `offset` of the scanned text: `!<uri>`, a lone
 * `!`, or an optional handle (`!`, `!!`, `!name!`, found when a '!' comes before the next space
 * or line break) and a URI of letters, digits and `-;/?:@&=+$,_.!~*'()[]%` (with `%XX` UTF-8
 * escapes), which must be followed by a space or line break (not a tab). Pushes PyYAML's scanner
 * error at its problem mark, or records the ',', '[' and ']' PyYAML reads into the tag.
 */
function pyTag(offset: number, out: ScanProblem[]): void {
  const text = scanText;
  const fail = (at: number, what: string, foundAt = at): void => {
    const found = foundAt < text.length ? JSON.stringify(text[foundAt]).replace(/^"|"$/g, "'") : 'the end of the file';
    out.push({ offset: at, message: `PyYAML (LiteLLM's loader) cannot read this tag: ${what}, but found ${found === "'\\t'" ? 'a tab' : found} ("while scanning a tag"); write the tag as '!name' followed by a space, or quote the value` });
  };
  const uri = (from: number): number => {
    let i = from;
    while (i < text.length && URI_CHAR.test(text[i])) {
      if (text[i] === '%') {
        const start = i;
        const bytes: number[] = [];
        while (text[i] === '%') {
          if (!/^[0-9A-Fa-f]{2}/.test(text.slice(i + 1, i + 3))) {
            fail(i + 1, 'expected URI escape sequence of 2 hexadecimal numbers', /[0-9A-Fa-f]/.test(text[i + 1] ?? '') ? i + 2 : i + 1);
            return -1;
          }
          bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
          i += 3;
        }
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes));
        } catch {
          fail(start, 'its %XX escapes are not UTF-8', start);
          return -1;
        }
      } else i++;
    }
    if (i === from) {
      fail(i, 'expected URI');
      return -1;
    }
    return i;
  };
  let end: number;
  if (text[offset + 1] === '<') {
    end = uri(offset + 2);
    if (end === -1) return;
    if (text[end] !== '>') return fail(end, "expected '>'");
    end++;
  } else if (/^(?:[ \t\r\n\x85\u2028\u2029]|$)/.test(text.slice(offset + 1, offset + 2))) {
    end = offset + 1;
  } else {
    let i = offset + 1;
    while (i < text.length && !TAG_BREAK.test(text[i]) && text[i] !== '!') i++;
    let from = offset + 1;
    if (text[i] === '!') {
      // scan_tag_handle: '!', then (unless a space follows) [0-9A-Za-z_-]* and a closing '!'.
      from = offset + 1;
      if (text[from] !== ' ') {
        while (from < text.length && /[0-9A-Za-z_-]/.test(text[from])) from++;
        if (text[from] !== '!') return fail(from, "expected '!'");
        from++;
      }
    }
    end = uri(from);
    if (end === -1) return;
  }
  if (!TAG_BREAK.test(text.slice(end, end + 1))) return fail(end, "expected ' '");
  for (let i = offset; i < end; i++) if (text[i] === ',' || text[i] === '[' || text[i] === ']') rereads.tagChars.push(i);
}

// A `---` or `...` at the start of a line ends a document in PyYAML's scanner even inside [...] or
// {...} (yaml/scanner.py fetch_more_tokens checks check_document_start/end at column 0 at any flow
// level), so the parser fails there ("expected the node content, but found '<document start>'").
// The yaml package ends the document there too and leaves the collection unclosed.
function documentMarkerInFlow(node: Tok, out: ScanProblem[]): void {
  const closed = Array.isArray(node.end) && (node.end as Tok[]).some((t) => t.type === 'flow-seq-end' || t.type === 'flow-map-end');
  if (closed) return;
  const marker = /\n(---|\.\.\.)(?=[ \t\r\n]|$)/g;
  marker.lastIndex = node.offset ?? 0;
  const m = marker.exec(scanText);
  if (m) out.push({ offset: m.index + 1, parser: true, message: `a document marker ('${m[1]}') at the start of a line inside [...] or {...}: PyYAML (LiteLLM's loader) ends the document there and fails ("expected the node content, but found '<document ${m[1] === '---' ? 'start' : 'end'}>'"); close the brackets first, or indent the line` });
}

// `?  key: value` then a line indented deeper than the '?' but less than `key`: PyYAML closes the
// key's mapping there and its parser finds a new mapping where the key's ':' should be ("while
// parsing a block mapping ... expected <block end>, but found '<block mapping start>'"); the
// yaml package takes the line into the key's mapping.
function explicitKeyIndent(offset: number, out: ScanProblem[]): void {
  const text = scanText;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', offset) === -1 ? text.length : text.indexOf('\n', offset);
  const content = /^\?[ ]+(?=[^ \t#'"[{&*!|>%@`-])/.exec(text.slice(offset, lineEnd));
  if (!content || !/^[^#]*?:(?:[ \t]|$)/.test(text.slice(offset + content[0].length, lineEnd))) return;
  const keyColumn = offset + content[0].length - lineStart;
  const next = /\n(?:[ \t]*(?:#[^\n]*)?\r?\n)*( *)(?=[^ \t\r\n#])/y;
  next.lastIndex = lineEnd;
  const m = next.exec(text);
  if (!m || m[1].length <= offset - lineStart || m[1].length >= keyColumn) return;
  out.push({ offset: next.lastIndex, parser: true, message: `this line is indented deeper than the '?' above it but less than the key after it: PyYAML (LiteLLM's loader) ends the key's mapping and fails here ("while parsing a block mapping ... expected <block end>"); line it up with the key or with the '?'` });
}

// `{a: 1 ]` or `[a }`: PyYAML's parser wants ',' or the matching bracket there ("expected ',' or
// '}', but got ']'", or "expected the node content, but found ']'" after a ','); the yaml package
// closes the collection with it.
function wrongBracket(node: Tok, out: ScanProblem[]): void {
  const start = (node.start as Tok | undefined)?.type;
  const end = Array.isArray(node.end) ? (node.end as Tok[]).find((t) => t.type === 'flow-seq-end' || t.type === 'flow-map-end') : undefined;
  if (!end || !start || (start === 'flow-seq-start') === (end.type === 'flow-seq-end')) return;
  const [open, close] = start === 'flow-seq-start' ? ['[', ']'] : ['{', '}'];
  out.push({ offset: end.offset ?? 0, collection: node.offset ?? 0, parser: true, message: `'${end.source}' where the '${open}' opened before it needs a ',' or '${close}': PyYAML (LiteLLM's loader) fails here ("expected ',' or '${close}'"); close the brackets in the order they were opened` });
}

/**
 * The header of a block scalar as yaml/scanner.py scan_block_scalar_indicators and
 * scan_block_scalar_ignored_line read it: `|` or `>`, then a chomping indicator (+ or -) and an
 * indentation indicator (1-9) in either order, then a space or the line end (not a tab, not '#'),
 * then spaces, an optional comment and the line break. The yaml package lets `>#note` pass.
 */
function blockScalarHeader(offset: number, out: ScanProblem[]): void {
  const text = scanText;
  let i = offset + 1;
  const fail = (what: string): void => {
    out.push({ offset: i, message: `the block scalar header '${text.slice(offset, i)}' is followed by ${JSON.stringify(text[i]).replace(/^"|"$/g, "'")}: PyYAML (LiteLLM's loader) fails here ("while scanning a block scalar ... ${what}"); put a space before a comment, or start the text on the next line` });
  };
  if (text[i] === '+' || text[i] === '-') {
    i++;
    if (/[0-9]/.test(text[i] ?? '')) {
      if (text[i] === '0') return fail('expected indentation indicator in the range 1-9, but found 0');
      i++;
    }
  } else if (/[0-9]/.test(text[i] ?? '')) {
    if (text[i] === '0') return fail('expected indentation indicator in the range 1-9, but found 0');
    i++;
    if (text[i] === '+' || text[i] === '-') i++;
  }
  if (i < text.length && !/[ \r\n\x85\u2028\u2029]/.test(text[i])) return fail('expected chomping or indentation indicators');
  while (text[i] === ' ') i++;
  if (text[i] === '#') while (i < text.length && !/[\r\n\x85\u2028\u2029]/.test(text[i])) i++;
  if (i < text.length && !/[\r\n\x85\u2028\u2029]/.test(text[i])) fail('expected a comment or a line break');
}

// PyYAML's block scalar indentation: an explicit indicator counts from the parent's indent,
// otherwise the widest run of spaces before the first content line; a tab left of that column
// ends the scalar and then fails as a token.
function blockScalar(token: CST.BlockScalar, out: ScanProblem[]): void {
  let bodyStart = token.offset;
  let explicit = 0;
  for (const prop of token.props) {
    if (prop.type === 'block-scalar-header') {
      explicit = Number(/[1-9]/.exec(prop.source)?.[0] ?? 0);
      blockScalarHeader(prop.offset, out);
    }
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
    // Column 0 is never block scalar content to PyYAML (scan_block_scalar: at least indentation
    // 1), so at the top level the scalar ends before such a line and the line is a second node
    // ("expected '<document start>'"); the yaml package reads it as content.
    if (spaces === 0 && !/^(?:\r?$|#)/.test(line)) {
      out.push({ offset: at, parser: true, message: "a line at column 0 after a top-level '|' or '>': PyYAML (LiteLLM's loader) ends the block scalar before it and fails here (\"expected '<document start>'\"); indent the text" });
      return;
    }
    at += line.length + 1;
  }
}
