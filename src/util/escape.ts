// The one escaping function for text that reaches a terminal, a log or a report: control and
// invisible characters from configs and file names are shown as escapes, never written raw.

/**
 * Characters escaped in output: C0 controls (ESC, CR, LF, TAB, …), DEL, C1 controls (0x80-0x9f,
 * CSI among them), the soft hyphen, bidi marks and overrides (U+061C, U+200E/F, U+202A-202E,
 * U+2066-2069, the Trojan Source set), zero-width and invisible characters (U+180E, U+200B-200D,
 * U+2060-2064, U+206A-206F, U+FEFF), line and paragraph separators (U+2028/2029, line breaks to
 * some terminals and to JavaScript), interlinear annotations (U+FFF9-FFFB), the noncharacters
 * U+FFFE/FFFF and lone surrogates (both invalid in XML 1.0), and Unicode tag characters
 * (U+E0000-E007F, invisible text).
 */
const UNSAFE =
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\ufffe\uffff]|\udb40[\udc00-\udc7f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `\n`, `\r`, `\t`, `\xHH` up to 0xff, `\uHHHH` in the BMP, `\u{HHHHH}` above it. */
function escapeOne(ch: string): string {
  const named = NAMED[ch];
  if (named) return named;
  const code = ch.codePointAt(0)!;
  if (code <= 0xff) return `\\x${code.toString(16).padStart(2, '0')}`;
  if (code <= 0xffff) return `\\u${code.toString(16).padStart(4, '0')}`;
  return `\\u{${code.toString(16)}}`;
}

/** The replacements escapeControl makes, as [start, end, text] with UTF-16 offsets, in order. */
export function escapeEdits(text: string): [number, number, string][] {
  const edits: [number, number, string][] = [];
  for (const m of text.matchAll(UNSAFE)) edits.push([m.index, m.index + m[0].length, escapeOne(m[0])]);
  return edits;
}

/**
 * `text` with every unsafe character (see UNSAFE) replaced by a visible escape such as `\x1b`,
 * `\n` or `\u202e`. Printable text, including tabs' neighbours and non-Latin scripts, is
 * unchanged. Backslashes are not doubled: the output is for reading, not for parsing back.
 */
export function escapeControl(text: string): string {
  UNSAFE.lastIndex = 0;
  if (!UNSAFE.test(text)) return text;
  return text.replace(UNSAFE, escapeOne);
}
