// Terminal text that fits a width: tables drop and abbreviate their low-priority columns first,
// summary lines wrap between items, and no line is ever printed longer than the width.
import stringWidth from 'string-width';

/** How the terminal output is laid out (see terminalLayout). */
export interface Layout {
  /** Columns available; no line is longer. */
  width: number;
  /** Unicode block characters, arrows and ellipses; false = ASCII only. */
  unicode: boolean;
}

/** Width of tables written into a pipe or file: fixed, so the output is the same on any terminal. */
export const PIPE_WIDTH = 120;
/** Narrowest layout gwcfg tries to fit; a narrower terminal gets lines cut at its width. */
export const MIN_WIDTH = 40;

/**
 * The layout for a stream: `COLUMNS` when it is an integer of at least MIN_WIDTH, else the
 * terminal's width (stdout.columns), else PIPE_WIDTH for a pipe or file. ASCII when `TERM` is
 * `dumb` or `linux` (the kernel console has no block characters) or the locale (`LC_ALL`, else
 * `LC_CTYPE`, else `LANG`) is set and not UTF-8.
 */
export function terminalLayout(stream: { isTTY?: boolean; columns?: number }, env: NodeJS.ProcessEnv): Layout {
  const fromEnv = Number(env.COLUMNS);
  const width = Number.isInteger(fromEnv) && fromEnv >= MIN_WIDTH ? fromEnv : stream.isTTY && stream.columns && stream.columns > 0 ? stream.columns : PIPE_WIDTH;
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG || '';
  const unicode = env.TERM !== 'dumb' && env.TERM !== 'linux' && (locale === '' || /utf-?8/i.test(locale));
  return { width, unicode };
}

const ASCII: Record<string, string> = { '→': '->', '…': '~', 'Δ': 'd', '·': '.', '–': '-' };

/** Text as the layout can show it: the few non-ASCII symbols gwcfg prints replaced in ASCII mode. */
export function symbols(text: string, layout: Layout): string {
  return layout.unicode ? text : text.replace(/[→…Δ·–]/g, (c) => ASCII[c]);
}

export const width = (text: string): number => stringWidth(text);

/** `text` cut to `max` columns, the cut marked with `…` (`~` in ASCII). */
export function cut(text: string, max: number, layout: Layout): string {
  if (width(text) <= max) return text;
  const mark = layout.unicode ? '…' : '~';
  let out = '';
  let used = 0;
  for (const ch of text) {
    const w = width(ch);
    if (used + w > max - 1) break;
    out += ch;
    used += w;
  }
  return max >= 1 ? out + mark : '';
}

/**
 * A label cut to `max` columns keeping its distinguishing tail: `group [us-east-1]` loses the end
 * of the group name before the bracket (`claude-3.5-so… [us-east-1]`); when the bracket alone is
 * too long, the group name keeps a third and the bracket is cut at its end, where it differs
 * least (`claude… [vertex_ai/claude-3…]`: the provider stays).
 */
export function abbreviate(text: string, max: number, layout: Layout): string {
  if (width(text) <= max) return text;
  const bracket = text.lastIndexOf(' [');
  if (bracket > 0 && text.endsWith(']')) {
    const head = text.slice(0, bracket);
    const tail = text.slice(bracket);
    const room = max - width(tail);
    if (room >= 4) return cut(head, room, layout) + tail;
    const headWidth = Math.min(width(head), Math.max(4, Math.floor(max / 3)));
    const tailRoom = max - headWidth;
    if (tailRoom >= 6) return cut(head, headWidth, layout) + cut(tail.slice(0, -1), tailRoom - 1, layout) + ']';
  }
  return cut(text, max, layout);
}

const pad = (text: string, w: number, right: boolean) => {
  const fill = ' '.repeat(Math.max(0, w - width(text)));
  return right ? fill + text : text + fill;
};

export interface Column {
  header: string;
  cells: readonly string[];
  align: 'l' | 'r';
  /** Higher stays longer; the column with the lowest priority goes first. Infinity = never dropped. */
  priority: number;
  /** The label column: abbreviated (down to `min` columns) instead of dropped. */
  shrink?: { min: number; preferred: number; by: (text: string, max: number) => string };
}

const GAP = 2;

/**
 * A table of `columns` no wider than layout.width: the label column is first abbreviated to its
 * preferred width, then columns are dropped lowest priority first, then the label is abbreviated
 * down to its minimum; whatever still overflows is cut at the width.
 */
export function fitTable(columns: readonly Column[], layout: Layout): string {
  let cols = columns.map((c) => ({ ...c, header: symbols(c.header, layout), cells: c.cells.map((x) => symbols(x, layout)) }));
  const natural = (c: (typeof cols)[number]) => Math.max(width(c.header), ...c.cells.map(width));
  const widths = new Map(cols.map((c) => [c, natural(c)]));
  const total = () => cols.reduce((s, c) => s + widths.get(c)!, 0) + GAP * (cols.length - 1);
  const labelWidth = (to: (c: (typeof cols)[number]) => number) => {
    for (const c of cols) if (c.shrink) widths.set(c, Math.max(width(c.header), to(c)));
  };
  if (total() > layout.width) labelWidth((c) => Math.min(widths.get(c)!, c.shrink!.preferred));
  while (total() > layout.width) {
    const droppable = cols.filter((c) => c.priority !== Infinity);
    if (droppable.length === 0) break;
    const lowest = droppable.reduce((a, b) => (b.priority < a.priority ? b : a));
    cols = cols.filter((c) => c !== lowest);
  }
  if (total() > layout.width) {
    const over = total() - layout.width;
    labelWidth((c) => Math.min(widths.get(c)!, Math.max(c.shrink!.min, widths.get(c)! - over)));
  } else {
    // Room left after dropping columns goes back to the label.
    const slack = layout.width - total();
    labelWidth((c) => Math.min(natural(c), widths.get(c)! + slack));
  }
  const shown = (c: (typeof cols)[number], text: string) => (c.shrink ? c.shrink.by(text, widths.get(c)!) : text);
  const line = (cells: readonly string[]) => cells.map((text, i) => pad(text, widths.get(cols[i])!, cols[i].align === 'r')).join(' '.repeat(GAP)).trimEnd();
  const rows = cols[0]?.cells.map((_, r) => line(cols.map((c) => shown(c, c.cells[r])))) ?? [];
  return [line(cols.map((c) => shown(c, c.header))), line(cols.map((c) => '-'.repeat(widths.get(c)!))), ...rows].map((l) => cut(l, layout.width, layout)).join('\n');
}

/** Items joined by two spaces, wrapped onto more lines (indented by two) where the width ends; each line cut at the width. */
export function wrapItems(items: readonly string[], layout: Layout): string[] {
  const lines: string[] = [];
  let current = '';
  for (const raw of items) {
    const item = symbols(raw, layout);
    const next = current === '' ? item : `${current}  ${item}`;
    if (current !== '' && width(next) > layout.width) {
      lines.push(current);
      current = `  ${item}`;
    } else {
      current = next;
    }
  }
  if (current !== '') lines.push(current);
  return lines.map((l) => cut(l, layout.width, layout));
}
