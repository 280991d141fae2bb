// A PromQL tokenizer that also understands Grafana template variables ($var, ${var}, [[var]]),
// enough to find metric selectors, label matchers and grouping clauses with their offsets.

export type TokenKind = 'ident' | 'string' | 'number' | 'var' | 'punct' | 'op' | 'unknown';

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  /** Offset of the first character in the expression. */
  readonly start: number;
  readonly end: number;
  /** For strings: the decoded value. */
  readonly value?: string;
}

const NUMBER_RE = /^(?:0[xX][0-9a-fA-F]+|(?:\d+(?:ms|[smhdwy]))+|\d*\.?\d+(?:[eE][+-]?\d+)?)/;
const IDENT_RE = /^[A-Za-z_:][A-Za-z0-9_:]*/;
const VAR_RE = /^(?:\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*|\[\[[A-Za-z_][A-Za-z0-9_:.]*\]\])/;
const OPS = ['=~', '!~', '!=', '==', '<=', '>=', '=', '<', '>', '+', '-', '*', '/', '%', '^', '@'];
const PUNCT = '{}()[],:';

function decodeString(raw: string): string {
  const quote = raw[0];
  const body = raw.slice(1, raw.length - (raw.length > 1 && raw.endsWith(quote) ? 1 : 0));
  if (quote === '`') return body;
  return body.replace(/\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[0-7]{3}|.)/g, (_, esc: string) => {
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v' };
    if (esc.length === 1) return simple[esc] ?? esc;
    if (esc[0] === 'u' || esc[0] === 'x') return String.fromCharCode(parseInt(esc.slice(1), 16));
    return String.fromCharCode(parseInt(esc, 8));
  });
}

export function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    const rest = src.slice(i, i + 256);
    if (c === '"' || c === "'" || c === '`') {
      let j = i + 1;
      while (j < src.length && src[j] !== c) j += src[j] === '\\' && c !== '`' ? 2 : 1;
      const end = Math.min(j + 1, src.length);
      const text = src.slice(i, end);
      tokens.push({ kind: 'string', text, start: i, end, value: decodeString(text) });
      i = end;
      continue;
    }
    const variable = c === '$' || (c === '[' && src[i + 1] === '[') ? VAR_RE.exec(rest) : null;
    if (variable) {
      tokens.push({ kind: 'var', text: variable[0], start: i, end: i + variable[0].length });
      i += variable[0].length;
      continue;
    }
    const number = /[0-9.]/.test(c) ? NUMBER_RE.exec(rest) : null;
    if (number) {
      tokens.push({ kind: 'number', text: number[0], start: i, end: i + number[0].length });
      i += number[0].length;
      continue;
    }
    const ident = IDENT_RE.exec(rest);
    if (ident) {
      tokens.push({ kind: 'ident', text: ident[0], start: i, end: i + ident[0].length });
      i += ident[0].length;
      continue;
    }
    if (PUNCT.includes(c)) {
      tokens.push({ kind: 'punct', text: c, start: i, end: i + 1 });
      i++;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (op) {
      tokens.push({ kind: 'op', text: op, start: i, end: i + op.length });
      i += op.length;
      continue;
    }
    tokens.push({ kind: 'unknown', text: c, start: i, end: i + 1 });
    i++;
  }
  return tokens;
}
