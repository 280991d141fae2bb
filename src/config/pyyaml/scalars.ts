// Scalar resolution and construction exactly as PyYAML's SafeLoader does it (PyYAML 6.0,
// yaml/resolver.py Resolver implicit resolvers and yaml/constructor.py SafeConstructor), because
// LiteLLM reads its config with yaml.safe_load (litellm/proxy/proxy_server.py,
// ProxyConfig._get_config_from_file). YAML 1.1 as PyYAML implements it, not as the spec says:
// y/n are strings, 1e5 is a string (the exponent needs a dot and a sign), 0o17 is a string.

export const TAG = 'tag:yaml.org,2002:';
export type ScalarTag = 'null' | 'bool' | 'int' | 'float' | 'str' | 'binary' | 'timestamp' | 'merge' | 'value';

/** A constructed scalar: its PyYAML type and the JS value gwcfg uses. */
export type PyScalar =
  | { type: 'null'; js: null }
  | { type: 'bool'; js: boolean }
  | { type: 'int'; js: number; big: bigint }
  | { type: 'float'; js: number }
  | { type: 'str'; js: string }
  | { type: 'binary'; js: Uint8Array }
  | { type: 'timestamp'; js: YamlTimestamp };

/** Thrown when PyYAML would fail to construct a value; the message says what PyYAML says. */
export class ConstructError extends Error {}

/**
 * A YAML timestamp as PyYAML builds it: a `datetime.date` (dateOnly) or a `datetime.datetime`,
 * naive or with a fixed offset. `iso` is Python's isoformat(); the Date holds the instant (naive
 * values as UTC).
 */
export class YamlTimestamp extends Date {
  constructor(
    readonly iso: string,
    readonly dateOnly: boolean,
    readonly aware: boolean,
    epochMs: number,
    /** Microseconds within the millisecond, kept for exact comparisons. */
    readonly micro: number,
  ) {
    super(epochMs);
  }
  override toJSON(): string {
    return this.iso;
  }
}

// PyYAML's implicit resolvers, selected by the first character, tried in registration order
// (bool, float, int, merge, null, timestamp, value). Start-up: a resolver whose pattern is a
// list of words is a set lookup, and FLOAT and TIMESTAMP run only on text with the '.' or the
// '-' every match has, so most scalars run no pattern, and V8 compiles fewer (a regular
// expression is compiled on its first use, again to machine code on its second, and is not in the
// code cache). test/config/startup-shortcuts.test.ts checks them against the patterns.
const BOOL = new Set(['yes', 'Yes', 'YES', 'no', 'No', 'NO', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'on', 'On', 'ON', 'off', 'Off', 'OFF']);
const FLOAT = /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const INT = /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const NULL = new Set(['~', 'null', 'Null', 'NULL', '']);
const TIMESTAMP = /^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$/;

const RESOLVERS: [firsts: string, tag: ScalarTag, matches: (value: string) => boolean][] = [
  ['yYnNtTfFoO', 'bool', (value) => BOOL.has(value)],
  ['-+0123456789.', 'float', (value) => value.includes('.') && FLOAT.test(value)],
  ['-+0123456789', 'int', (value) => INT.test(value)],
  ['<', 'merge', (value) => value === '<<'],
  ['~nN', 'null', (value) => NULL.has(value)],
  ['0123456789', 'timestamp', (value) => value[4] === '-' && TIMESTAMP.test(value)],
  ['=', 'value', (value) => value === '='],
];

/** The tag PyYAML's resolver gives a plain (or `!`-tagged) scalar. */
export function resolvePlain(value: string): ScalarTag {
  if (value === '') return 'null';
  // Start-up: digits not starting with 0 (`rpm: 1000`) match INT, and no resolver before it.
  if (isDecimal(value)) return 'int';
  const first = value[0];
  // indexes, not `for (const [firsts, tag, re] of ...)`: array destructuring allocates an iterator
  // per resolver tried, for every plain scalar of the file
  for (let i = 0; i < RESOLVERS.length; i++) {
    const resolver = RESOLVERS[i];
    if (resolver[0].includes(first) && resolver[2](value)) return resolver[1];
  }
  return 'str';
}

/** Only the digits 0-9, the first not 0. */
function isDecimal(value: string): boolean {
  const first = value.charCodeAt(0);
  if (first < 0x31 || first > 0x39) return false;
  for (let i = 1; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/**
 * For gwcfg's own files (scenarios, .gwcfg.yaml), which LiteLLM never reads: PyYAML's resolver,
 * plus exponent floats without a dot (`1e-3`), which PyYAML leaves as strings.
 */
export function resolvePlainGwcfg(value: string): ScalarTag {
  const tag = resolvePlain(value);
  return tag === 'str' && /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(value) ? 'float' : tag;
}

/** Builds the value of a scalar with a resolved or explicit tag, as SafeConstructor does. */
export function constructScalar(tag: ScalarTag, value: string): PyScalar {
  switch (tag) {
    case 'null':
      return { type: 'null', js: null };
    case 'bool': {
      const lower = value.toLowerCase();
      if (lower === 'yes' || lower === 'true' || lower === 'on') return { type: 'bool', js: true };
      if (lower === 'no' || lower === 'false' || lower === 'off') return { type: 'bool', js: false };
      throw new ConstructError(`'${value}' is not a YAML boolean (PyYAML: KeyError)`);
    }
    case 'int': {
      const big = constructInt(value);
      return { type: 'int', js: Number(big), big };
    }
    case 'float':
      return { type: 'float', js: constructFloat(value) };
    case 'binary':
      return { type: 'binary', js: constructBinary(value) };
    case 'timestamp':
      return { type: 'timestamp', js: constructTimestamp(value) };
    case 'str':
      return { type: 'str', js: value };
    default:
      // merge and value have no constructor in SafeConstructor.
      throw new ConstructError(`could not determine a constructor for the tag '${TAG}${tag}'`);
  }
}

/** Python's int(text, base) for the strings PyYAML hands it (underscores already removed). */
function pyInt(text: string, base: number): bigint {
  const s = text.trim();
  const m = /^([+-]?)(?:0([bBoOxX]))?(.*)$/.exec(s)!;
  let digits = m[3];
  const prefix = m[2]?.toLowerCase();
  if (prefix && !((prefix === 'b' && base === 2) || (prefix === 'o' && base === 8) || (prefix === 'x' && base === 16))) digits = '0' + prefix + digits;
  const valid = base === 2 ? /^[01]+$/ : base === 8 ? /^[0-7]+$/ : base === 16 ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/;
  if (!valid.test(digits)) throw new ConstructError(`invalid literal for int() with base ${base}: '${text}'`);
  const lead = base === 2 ? '0b' : base === 8 ? '0o' : base === 16 ? '0x' : '';
  const n = BigInt(lead + digits);
  return m[1] === '-' ? -n : n;
}

function constructInt(raw: string): bigint {
  let value = raw.replaceAll('_', '');
  let sign = 1n;
  if (value[0] === '-') sign = -1n;
  if (value[0] === '-' || value[0] === '+') value = value.slice(1);
  if (value === '') throw new ConstructError(`'${raw}' is not an integer (PyYAML: IndexError)`);
  if (value === '0') return 0n;
  // Start-up: what pyInt(value, 10) gives, without its two patterns.
  if (isDecimal(value)) return sign * BigInt(value);
  if (value.startsWith('0b')) return sign * pyInt(value.slice(2), 2);
  if (value.startsWith('0x')) return sign * pyInt(value.slice(2), 16);
  if (value[0] === '0') return sign * pyInt(value, 8);
  if (value.includes(':')) {
    let total = 0n;
    let base = 1n;
    for (const part of value.split(':').reverse()) {
      total += pyInt(part, 10) * base;
      base *= 60n;
    }
    return sign * total;
  }
  return sign * pyInt(value, 10);
}

/** Python's float(text) for the strings PyYAML hands it (lower-cased, no underscores). */
function pyFloat(text: string): number {
  const s = text.trim();
  if (/^[+-]?(?:inf|infinity)$/.test(s)) return s[0] === '-' ? -Infinity : Infinity;
  if (/^[+-]?nan$/.test(s)) return NaN;
  if (!/^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:e[+-]?[0-9]+)?$/.test(s)) throw new ConstructError(`could not convert string to float: '${text}'`);
  return Number(s);
}

function constructFloat(raw: string): number {
  let value = raw.replaceAll('_', '').toLowerCase();
  let sign = 1;
  if (value[0] === '-') sign = -1;
  if (value[0] === '-' || value[0] === '+') value = value.slice(1);
  if (value === '.inf') return sign * Infinity;
  if (value === '.nan') return NaN;
  if (value.includes(':')) {
    // Same double arithmetic, in the same order, as PyYAML.
    let total = 0;
    let base = 1;
    for (const part of value.split(':').reverse()) {
      total += pyFloat(part) * base;
      base *= 60;
    }
    return sign * total;
  }
  return sign * pyFloat(value);
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** base64.decodebytes (binascii.a2b_base64, non-strict): other characters are skipped. */
function constructBinary(value: string): Uint8Array {
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(value)) throw new ConstructError('failed to convert base64 data into ascii: the data has non-ASCII characters');
  const out: number[] = [];
  let quad = 0;
  let left = 0;
  let pads = 0;
  let data = 0;
  for (const ch of value) {
    if (ch === '=') {
      if (quad >= 2 && quad + ++pads >= 4) return Uint8Array.from(out);
      continue;
    }
    const v = B64.indexOf(ch);
    if (v < 0) continue;
    data++;
    pads = 0;
    if (quad === 0) {
      quad = 1;
      left = v;
    } else if (quad === 1) {
      quad = 2;
      out.push(((left << 2) | (v >> 4)) & 0xff);
      left = v & 0x0f;
    } else if (quad === 2) {
      quad = 3;
      out.push(((left << 4) | (v >> 2)) & 0xff);
      left = v & 0x03;
    } else {
      quad = 0;
      out.push(((left << 6) | v) & 0xff);
      left = 0;
    }
  }
  if (quad === 1) throw new ConstructError(`failed to decode base64 data: Invalid base64-encoded string: number of data characters (${data}) cannot be 1 more than a multiple of 4`);
  if (quad !== 0) throw new ConstructError('failed to decode base64 data: Incorrect padding');
  return Uint8Array.from(out);
}

const TIMESTAMP_PARTS = /^([0-9][0-9][0-9][0-9])-([0-9][0-9]?)-([0-9][0-9]?)(?:(?:[Tt]|[ \t]+)([0-9][0-9]?):([0-9][0-9]):([0-9][0-9])(?:\.([0-9]*))?(?:[ \t]*(Z|([-+])([0-9][0-9]?)(?::([0-9][0-9]))?))?)?$/;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function constructTimestamp(value: string): YamlTimestamp {
  const m = TIMESTAMP_PARTS.exec(value);
  if (!m) throw new ConstructError(`'${value}' is not a timestamp (PyYAML: AttributeError)`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const daysIn = [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  if (year < 1) throw new ConstructError(`year ${year} is out of range`);
  if (month < 1 || month > 12) throw new ConstructError('month must be in 1..12');
  if (day < 1 || day > daysIn[month - 1]) throw new ConstructError('day is out of range for month');
  const date = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  if (m[4] === undefined) return new YamlTimestamp(date, true, false, utcMs(year, month, day, 0, 0, 0, 0), 0);
  const [hour, minute, second] = [Number(m[4]), Number(m[5]), Number(m[6])];
  if (hour > 23) throw new ConstructError('hour must be in 0..23');
  if (minute > 59) throw new ConstructError('minute must be in 0..59');
  if (second > 59) throw new ConstructError('second must be in 0..59');
  const micro = m[7] ? Number(m[7].slice(0, 6).padEnd(6, '0')) : 0;
  let offsetMin: number | null = null;
  if (m[9]) {
    offsetMin = (Number(m[10]) * 60 + Number(m[11] ?? 0)) * (m[9] === '-' ? -1 : 1);
    if (Math.abs(offsetMin) >= 24 * 60) throw new ConstructError('offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24)');
  } else if (m[8]) offsetMin = 0;
  let iso = `${date}T${pad(hour)}:${pad(minute)}:${pad(second)}${micro ? '.' + pad(micro, 6) : ''}`;
  if (offsetMin !== null) {
    const a = Math.abs(offsetMin);
    iso += `${offsetMin < 0 ? '-' : '+'}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
  }
  return new YamlTimestamp(iso, false, offsetMin !== null, utcMs(year, month, day, hour, minute - (offsetMin ?? 0), second, Math.floor(micro / 1000)), micro % 1000);
}

/** Milliseconds since the epoch (Date.UTC maps years below 100 to 19xx; this does not). */
function utcMs(year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, ms);
  return d.getTime();
}
