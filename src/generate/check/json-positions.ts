// A small JSON parser that keeps source offsets, so a finding inside a dashboard's "expr" string
// can point at the exact character (escapes included).

export type JsonNode =
  | { type: 'object'; start: number; entries: { key: string; value: JsonNode }[] }
  | { type: 'array'; start: number; items: JsonNode[] }
  /** `map[i]` is the file offset of decoded character i; the last entry is the closing quote. */
  | { type: 'string'; start: number; value: string; map: number[] }
  | { type: 'other'; start: number };

export class JsonPositionError extends Error {
  constructor(
    message: string,
    readonly offset: number,
    /** True when the JSON may be valid but nests deeper than MAX_JSON_DEPTH. */
    readonly tooDeep = false,
  ) {
    super(message);
  }
}

/** Deepest nesting read (the parser and the walks over its tree recurse); dashboards nest ~10. */
export const MAX_JSON_DEPTH = 1000;

export function parseJsonWithPositions(text: string): JsonNode {
  let i = 0;
  const fail = (what: string): never => {
    throw new JsonPositionError(`${what} at offset ${i}`, i);
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const parseString = (): JsonNode & { type: 'string' } => {
    const start = i;
    i++; // opening quote
    let value = '';
    const map: number[] = [];
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') {
        const at = i;
        const e = text[i + 1];
        if (e === 'u') {
          const hex = text.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('bad \\u escape');
          value += String.fromCharCode(parseInt(hex, 16));
          i += 6;
        } else {
          const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
          if (!(e in simple)) fail('bad escape');
          value += simple[e];
          i += 2;
        }
        map.push(at);
      } else {
        value += text[i];
        map.push(i);
        i++;
      }
    }
    if (text[i] !== '"') fail('unterminated string');
    map.push(i);
    i++;
    return { type: 'string', start, value, map };
  };
  let depth = 0;
  const parseValue = (): JsonNode => {
    ws();
    const start = i;
    const c = text[i];
    if ((c === '{' || c === '[') && depth >= MAX_JSON_DEPTH) {
      throw new JsonPositionError(`JSON nested deeper than ${MAX_JSON_DEPTH} levels, gwcfg's limit (Grafana dashboards nest about 10); the file is not checked`, i, true);
    }
    depth++;
    try {
      return parseNested(start, c);
    } finally {
      depth--;
    }
  };
  const parseNested = (start: number, c: string): JsonNode => {
    if (c === '{') {
      i++;
      const entries: { key: string; value: JsonNode }[] = [];
      ws();
      if (text[i] === '}') {
        i++;
        return { type: 'object', start, entries };
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('expected a key');
        const key = parseString().value;
        ws();
        if (text[i] !== ':') fail("expected ':'");
        i++;
        entries.push({ key, value: parseValue() });
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return { type: 'object', start, entries };
        }
        fail("expected ',' or '}'");
      }
    }
    if (c === '[') {
      i++;
      const items: JsonNode[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return { type: 'array', start, items };
      }
      for (;;) {
        items.push(parseValue());
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return { type: 'array', start, items };
        }
        fail("expected ',' or ']'");
      }
    }
    if (c === '"') return parseString();
    const literal = /^(?:true|false|null|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 64));
    if (!literal) fail('unexpected character');
    i += literal![0].length;
    return { type: 'other', start };
  };
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  const root = parseValue();
  ws();
  if (i < text.length) fail('trailing content');
  return root;
}
