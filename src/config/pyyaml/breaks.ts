// U+2028 (LINE SEPARATOR) and U+2029 (PARAGRAPH SEPARATOR) inside scalars. Both are line breaks
// to PyYAML, but where it folds or keeps a break it keeps these characters themselves instead of
// a space or "\n" (yaml/scanner.py scan_line_break returns them as they are; scan_plain_spaces,
// scan_flow_scalar_spaces and scan_block_scalar append such a break unfolded). gwcfg parses a copy
// of the text in which they are "\n" (scan.ts normalizeLineBreaks), so the scalars that contain
// them are folded again here, PyYAML's way (PyYAML 6.0). Each refold is checked first: folding
// the same source with "\n" breaks must give the value the yaml package gave, else the value is
// left alone.
import { visit, type Document, type Scalar } from 'yaml';
import { appendAll } from '../../util/append.js';

const BREAK = /\r\n|[\r\n\x85\u2028\u2029]/y;
const SEPARATOR = /[\u2028\u2029]/;

/** Refolds, in `doc` (parsed from the normalized copy of `text`), every scalar whose source in `text` has U+2028 or U+2029. */
export function keepLineSeparators(doc: Document.Parsed, text: string): void {
  visit(doc, {
    Scalar(_, node) {
      const range = node.range;
      if (!range || typeof node.value !== 'string') return;
      const source = text.slice(range[0], range[1]);
      if (!SEPARATOR.test(source)) return;
      const fold = folder(node, text, range[0]);
      if (!fold) return;
      const asParsed = fold(source.replace(/[\u2028\u2029]/g, '\n'));
      if (asParsed === node.value) node.value = fold(source) ?? node.value;
    },
  });
}

/** PyYAML's line break: "\n" for LF, CRLF, CR and NEL; U+2028 and U+2029 as they are. */
function lineBreak(text: string): string {
  return text === '\u2028' || text === '\u2029' ? text : '\n';
}

/** Lines and the breaks between them (PyYAML's form of each break). */
function splitLines(source: string): { lines: string[]; breaks: string[] } {
  const lines: string[] = [];
  const breaks: string[] = [];
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    BREAK.lastIndex = i;
    const m = BREAK.exec(source);
    if (!m) continue;
    lines.push(source.slice(start, i));
    breaks.push(lineBreak(m[0]));
    i += m[0].length - 1;
    start = i + 1;
  }
  lines.push(source.slice(start));
  return { lines, breaks };
}

function folder(node: Scalar, text: string, start: number): ((source: string) => string | null) | null {
  switch (node.type) {
    case 'PLAIN':
      return (source) => foldLines(source, / +/);
    case 'QUOTE_SINGLE':
      return (source) => (source.length < 2 ? null : foldLines(source.slice(1, -1), /[ \t]+/)?.replaceAll("''", "'") ?? null);
    case 'QUOTE_DOUBLE':
      // Escapes (an escaped line break among them) are not refolded here.
      return (source) => (source.length < 2 || source.includes('\\') ? null : foldLines(source.slice(1, -1), /[ \t]+/));
    case 'BLOCK_LITERAL':
    case 'BLOCK_FOLDED': {
      const lineStart = text.lastIndexOf('\n', start - 1) + 1;
      const parentIndent = /^ */.exec(text.slice(lineStart, start))![0].length;
      return (source) => blockScalar(source, parentIndent);
    }
    default:
      return null;
  }
}

/**
 * A plain or quoted scalar's lines folded as scan_plain_spaces / scan_flow_scalar_spaces do:
 * whitespace around breaks dropped, then a break that is not "\n" kept as it is; a "\n" followed
 * by no blank line becomes a space; blank lines keep their breaks.
 */
function foldLines(source: string, space: RegExp): string {
  const { lines, breaks } = splitLines(source);
  const trimEnd = new RegExp(`(?:${space.source})$`);
  const trimStart = new RegExp(`^(?:${space.source})`);
  let out = lines[0].replace(trimEnd, '');
  for (let k = 1; k < lines.length; k++) {
    const first = breaks[k - 1];
    const blank: string[] = [];
    while (k < lines.length - 1 && lines[k].replace(trimStart, '') === '') blank.push(breaks[k++]);
    out += (first !== '\n' ? first : blank.length === 0 ? ' ' : '') + blank.join('') + lines[k].replace(trimStart, '').replace(trimEnd, '');
  }
  return out;
}

/**
 * yaml/scanner.py scan_block_scalar on `source` (from the `|` or `>` indicator to the scalar's
 * end). `parentIndent` is the indentation of the header's line, PyYAML's `self.indent` in the
 * usual `key: |` layout (the refold check rejects the others).
 */
function blockScalar(source: string, parentIndent: number): string | null {
  const header = /^([|>])([+-]?)([1-9]?)([+-]?)[^\n\r\x85\u2028\u2029]*/.exec(source);
  if (!header) return null;
  const folded = header[1] === '>';
  const sign = header[2] || header[4];
  const chomping = sign === '+' ? true : sign === '-' ? false : null;
  const increment = header[3] ? Number(header[3]) : null;
  let at = header[0].length;
  let column = 0;
  const peek = (): string => (at < source.length ? source[at] : '\0');
  const isBreak = (ch: string) => ch === '\r' || ch === '\n' || ch === '\x85' || ch === '\u2028' || ch === '\u2029';
  const scanBreak = (): string => {
    const ch = peek();
    if (ch === '\r' && source[at + 1] === '\n') at += 2;
    else if (isBreak(ch)) at += 1;
    else return '';
    column = 0;
    return lineBreak(ch);
  };
  if (!isBreak(peek()) && peek() !== '\0') return null;
  scanBreak();
  const minIndent = Math.max(parentIndent + 1, 1);
  let indent: number;
  let breaks: string[] = [];
  const breaksTo = (width: number): string[] => {
    const found: string[] = [];
    const skipSpaces = () => {
      while (column < width && peek() === ' ') {
        at++;
        column++;
      }
    };
    skipSpaces();
    while (isBreak(peek())) {
      found.push(scanBreak());
      skipSpaces();
    }
    return found;
  };
  if (increment === null) {
    let maxIndent = 0;
    while (peek() === ' ' || isBreak(peek())) {
      if (peek() !== ' ') breaks.push(scanBreak());
      else {
        at++;
        column++;
        if (column > maxIndent) maxIndent = column;
      }
    }
    indent = Math.max(minIndent, maxIndent);
  } else {
    indent = minIndent + increment - 1;
    breaks = breaksTo(indent);
  }
  const chunks: string[] = [];
  let last = '';
  while (column === indent && peek() !== '\0') {
    appendAll(chunks, breaks);
    const leadingNonSpace = peek() !== ' ' && peek() !== '\t';
    const from = at;
    while (peek() !== '\0' && !isBreak(peek())) at++;
    chunks.push(source.slice(from, at));
    last = scanBreak();
    breaks = breaksTo(indent);
    if (column === indent && peek() !== '\0') {
      if (folded && last === '\n' && leadingNonSpace && peek() !== ' ' && peek() !== '\t') {
        if (breaks.length === 0) chunks.push(' ');
      } else chunks.push(last);
    } else break;
  }
  if (chomping !== false) chunks.push(last);
  if (chomping === true) appendAll(chunks, breaks);
  return chunks.join('');
}
