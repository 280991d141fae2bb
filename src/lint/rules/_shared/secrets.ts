// Detects credentials written literally in a config. Values are never echoed: messages show at
// most the first four characters (`mask`).

export interface SecretFinding {
  /** What it looks like, e.g. "an Anthropic API key". */
  kind: string;
  /** Errors for real-looking credentials; warnings for ones that only work locally. */
  severity: 'error' | 'warning';
}

interface Pattern {
  kind: string;
  test: RegExp;
}

// Provider formats with a distinctive prefix: found under any key.
const PATTERNS: readonly Pattern[] = [
  { kind: 'an Anthropic API key', test: /^sk-ant-[A-Za-z0-9_-]{20,}$/ },
  { kind: 'an OpenAI-style API key', test: /^sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}$/ },
  { kind: 'an AWS access key id', test: /^(?:AKIA|ASIA)[0-9A-Z]{16}$/ },
  { kind: 'a Google API key', test: /^AIza[0-9A-Za-z_-]{35}$/ },
  { kind: 'a GitHub token', test: /^(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})$/ },
  { kind: 'a Slack token', test: /^xox[abposr]-[A-Za-z0-9-]{10,}$/ },
  { kind: 'a JSON Web Token', test: /^eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}$/ },
  { kind: 'a private key', test: /-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----/ },
];

/** Every PATTERNS entry starts with one of these (or contains a PEM header): a cheap first test. */
const PATTERN_PREFIXES = ['sk-', 'AKIA', 'ASIA', 'AIza', 'gh', 'github_pat_', 'xox', 'eyJ'];

/**
 * Key names that hold credentials: api_key, master_key, *secret*, *password*, *token (not
 * max_tokens). Matched as whole `_`-separated words with plain string search: lint runs on every
 * commit, and a large case-insensitive regex costs more to compile than all the searches.
 */
const SECRET_WORDS = ['api_key', 'apikey', 'master_key', 'secret', 'secret_key', 'client_secret', 'password', 'passwd', 'token', 'access_token', 'auth_token', 'access_key', 'access_key_id', 'private_key', 'credential', 'credentials'];
const NOT_SECRET_LAST_WORDS = ['max', 'min', 'num', 'count', 'limit', 'type', 'name', 'id', 'path', 'file', 'url', 'header', 'env', 'param', 'params'];

/** Words that make a `token` key a price or a count, not a credential (input_cost_per_token). */
const NOT_SECRET_WORDS = ['cost', 'per', 'price'];

export function isSecretKey(key: string): boolean {
  const words = `_${key.toLowerCase()}_`;
  if (!SECRET_WORDS.some((w) => words.includes(`_${w}_`))) return false;
  if (NOT_SECRET_WORDS.some((w) => words.includes(`_${w}_`))) return false;
  return !NOT_SECRET_LAST_WORDS.some((w) => words.endsWith(`_${w}_`));
}

/** Example values that are obviously not real credentials. */
const PLACEHOLDER = /(fake|dummy|example|sample|placeholder|changeme|change-me|your[-_]|my[-_]|test|xxxx|\*\*\*|<[^>]*>|\$\{|\{\{|redacted|none|null|not[-_]used|^sk-1234|^password$|^pass$|^secret$)/i;

export function isPlaceholder(value: string): boolean {
  return PLACEHOLDER.test(value) || /^(.)\1+$/.test(value);
}

/**
 * A word-like token: letters only, in one case style, with vowels and no long consonant run, so
 * `no`, `auth`, `Required` pass and `Zx81mQ`, `hqvtplmx` do not.
 */
function isWordLike(token: string): boolean {
  if (!/^(?:[a-z]+|[A-Z][a-z]*|[A-Z]+)$/.test(token) || token.length > 15) return false;
  return /[aeiouy]/i.test(token) && !/[^aeiouy]{5}/i.test(token);
}

const KEY_PREFIX = /^(?:sk|pk|key|api|token)[-_]/i;
const SEPARATORS = /[-_.:/\s]+/;

/**
 * Made only of words and short numbers after an optional key prefix (`sk-no-auth-required`,
 * `local-vllm-key-2`): what people write as the non-empty api_key a keyless local server needs.
 * Provider keys and generated secrets always contain a random run of letters and digits.
 */
export function isWordy(value: string): boolean {
  const tokens = value.replace(KEY_PREFIX, '').split(SEPARATORS).filter((t) => t !== '');
  return tokens.length > 0 && tokens.every((t) => isWordLike(t) || /^\d{1,6}$/.test(t));
}

/** Shannon entropy in bits per character. */
export function entropy(value: string): number {
  const counts = new Map<string, number>();
  for (const c of value) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

const LOCAL_HOSTS = /^(localhost|127\.\d+\.\d+\.\d+|\[?::1\]?|0\.0\.0\.0|host\.docker\.internal)$/i;

/** A password inside a connection URL (postgres://user:pass@host, redis://:pass@host). */
function urlPassword(value: string): SecretFinding | null {
  if (!value.includes('://') || !value.includes('@')) return null;
  const match = /^[a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:([^@\s]+)@([^:/?#\s]+)/i.exec(value);
  if (!match) return null;
  const [, password, host] = match;
  if (password.startsWith('os.environ') || isPlaceholder(password)) return null;
  return { kind: 'a password in a connection URL', severity: LOCAL_HOSTS.test(host) ? 'warning' : 'error' };
}

/** The longest separator-free run that is not a word, with its entropy: the random part of a value. */
export function randomPart(value: string): { length: number; bits: number } | null {
  let best: string | null = null;
  for (const token of value.split(SEPARATORS)) if (!isWordLike(token) && token.length > (best?.length ?? 0)) best = token;
  return best ? { length: best.length, bits: entropy(best) } : null;
}

export function findSecret(key: string, value: string): SecretFinding | null {
  const text = value.trim();
  if (text === '' || text.startsWith('os.environ/')) return null;
  const url = urlPassword(text);
  if (url) return url;
  // Provider key formats are never made of words (`sk-no-authentication-required` is a placeholder).
  if ((PATTERN_PREFIXES.some((prefix) => text.startsWith(prefix)) || text.includes('-----BEGIN')) && !isWordy(text)) {
    for (const p of PATTERNS) if (p.test.test(text) && !isPlaceholder(text)) return { kind: p.kind, severity: 'error' };
  }
  if (!isSecretKey(key) || isPlaceholder(text) || isWordy(text)) return null;
  if (/^[0-9a-f]{32}$/i.test(text) && /(api_?key|secret)/i.test(key)) return { kind: 'an Azure-style 32-hex key', severity: 'error' };
  if (/^(https?|file|s3|gs):\/\/|^\/|^\.\.?\//.test(text) || /\s/.test(text)) return null;
  // Entropy of the random-looking part only, so words around it neither hide nor fake a key.
  const random = randomPart(text);
  if (random && random.length >= 16 && random.bits >= 3.5) return { kind: `a random-looking ${random.length}-character secret (${random.bits.toFixed(1)} bits of entropy per character)`, severity: 'error' };
  return null;
}

/**
 * At most the first four characters, then an ellipsis: enough to recognise, not to use. Values
 * shorter than 12 characters (passwords) show nothing, since four characters are much of them.
 */
export function mask(value: string): string {
  const text = value.trim();
  return text.length < 12 ? '…' : `${text.slice(0, 4)}…`;
}

/**
 * Whether output must mask a value under a credential key (api_key, password, …): any literal
 * except an os.environ/ or ${…}/{{…}} reference and a URL or path without a password. Wider than
 * findSecret, which reports only values that look real: a short password or one that merely
 * contains "test" is not worth a finding but still must not be printed.
 */
export function isLiteralCredential(key: string, value: string): boolean {
  const text = value.trim();
  if (text === '' || !isSecretKey(key) || text.startsWith('os.environ/') || /^(\$\{|\{\{)/.test(text)) return false;
  // Short obvious examples (fake-key, sk-1234) stay readable; a long value is masked even if it
  // contains "test" or "my-".
  if (text.length < 12 && (isPlaceholder(text) || /^[-+]?[\d.]+(e[-+]?\d+)?$/i.test(text))) return false;
  if (/^(https?|file|s3|gs):\/\/|^\/|^\.\.?\//.test(text)) return false; // URL passwords: credentialSpans
  return true;
}

// The PATTERNS unanchored, for finding credentials inside longer text (messages, source lines);
// `key=value` (dotenv, URL query) and, in source lines, `key: value` / `"key": "value"`: the
// value of a credential key; a quoted value runs to its closing quote (a PEM in one JSON string).
// Built on first use: most runs print nothing to redact, and every run loads this module.
let textPatterns: { inText: RegExp; keyEquals: RegExp; keyColon: RegExp } | undefined;
function patternsInText(): { inText: RegExp; keyEquals: RegExp; keyColon: RegExp } {
  if (textPatterns) return textPatterns;
  const value = `(?:"([^"]*)"?|'([^']*)'?|([^\\s"'&,}\\]#]+))`;
  return (textPatterns = {
    inText: new RegExp(PATTERNS.map((p) => `(?<![A-Za-z0-9_-])(?:${p.test.source.replace(/^\^/, '').replace(/\$$/, '')})(?![A-Za-z0-9_-])`).join('|'), 'g'),
    keyEquals: new RegExp(`([A-Za-z_][A-Za-z0-9_.-]*)[ \\t]*=[ \\t]*${value}`, 'dg'),
    keyColon: new RegExp(`([A-Za-z_][A-Za-z0-9_.-]*)["']?[ \\t]*:[ \\t]+${value}`, 'dg'),
  });
}
// user:password@ in a URL.
const URL_USERINFO = /[a-z][a-z0-9+.-]*:\/\/[^:/@\s'"]*:([^@\s'"]+)@/gi;
// Opaque high-entropy tokens (base64/hex blobs: key material, PEM bodies, unknown providers).
const OPAQUE = /(?<![A-Za-z0-9+/=_-])[A-Za-z0-9+/=_-]{32,}(?![A-Za-z0-9+/=_-])/g;

function opaqueSecret(token: string): boolean {
  if (!/[A-Z]/.test(token) || !/[a-z]/.test(token) || !/[0-9]/.test(token)) return false;
  // base64 uses + and /, base64url - and _, never both: `os.environ/sk-…` or a path is not one blob.
  if (/[+/]/.test(token) && /[-_]/.test(token)) return false;
  // Words joined by - or _ (model names, ids) are not key material.
  if (/[-_]/.test(token) && token.split(/[-_]/).every((part) => part.length < 16)) return false;
  return entropy(token) >= 4;
}

/**
 * Where credentials are in free text, as [start, end) offsets, sorted and not overlapping: provider
 * formats anywhere, URL passwords, values of credential keys (isLiteralCredential) after `=` (and
 * after `:` when `lines` says the text is file lines, where `key: value` is YAML, not prose), and
 * opaque high-entropy tokens of 32+ characters. The one detector behind every masked output
 * (src/util/redact.ts).
 */
export function credentialSpans(text: string, lines = false): [number, number][] {
  const spans: [number, number][] = [];
  // Each scan runs only when the text has what any match of it must contain (a provider prefix,
  // `://` and `@`, a credential word before `=` or `:`, 32 characters): most texts a report masks
  // (messages, code frame lines) have none, and compiling these patterns was most of what
  // masking a report cost.
  const { inText, keyEquals, keyColon } = patternsInText();
  if (PATTERN_PREFIXES.some((prefix) => text.includes(prefix)) || text.includes('-----BEGIN')) {
    for (const m of text.matchAll(inText)) spans.push([m.index, m.index + m[0].length]);
  }
  if (text.includes('://') && text.includes('@')) {
    for (const m of text.matchAll(URL_USERINFO)) {
      const start = m.index + m[0].length - 1 - m[1].length;
      if (!m[1].startsWith('os.environ')) spans.push([start, start + m[1].length]);
    }
  }
  // isLiteralCredential needs isSecretKey(key): the key, so the text, holds a SECRET_WORDS entry.
  const lower = text.toLowerCase();
  const keyed = SECRET_WORDS.some((word) => lower.includes(word));
  const keyPatterns = !keyed ? [] : lines ? [keyEquals, keyColon] : [keyEquals];
  for (const pattern of keyPatterns) {
    for (const m of text.matchAll(pattern)) {
      const group = m[2] !== undefined ? 2 : m[3] !== undefined ? 3 : 4;
      const span = m.indices![group]!;
      // An unquoted word followed by more words is prose (`# API_KEY: your key here`).
      if (group === 4 && /^[ \t]+[A-Za-z]/.test(text.slice(span[1]))) continue;
      if (isLiteralCredential(m[1], m[group])) spans.push(span);
    }
  }
  for (const m of text.length < 32 ? [] : text.matchAll(OPAQUE)) {
    // A leading path word (`environ/`, `openai/`) is not part of the blob.
    const word = /^(?:[a-z]+\/)+/.exec(m[0])?.[0].length ?? 0;
    const token = m[0].slice(word);
    if (token.length >= 32 && opaqueSecret(token)) spans.push([m.index + word, m.index + m[0].length]);
  }
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else merged.push([s[0], s[1]]);
  }
  return merged;
}
