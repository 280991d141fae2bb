// The one masking function for output: credentials found by the project's secrets detector
// (src/lint/rules/_shared/secrets.ts) are replaced by their first characters and an ellipsis
// wherever a value, key, file line or message is shown.
import { credentialSpans, isSecretKey, mask } from '../lint/rules/_shared/secrets.js';

/** The replacements redact makes, as [start, end, text] with UTF-16 offsets, in order. */
export function redactEdits(text: string, lines = false): [number, number, string][] {
  return credentialSpans(text, lines).map(([start, end]) => [start, end, mask(text.slice(start, end))]);
}

/**
 * `text` with every credential masked (`sk-ant-api03-…` → `sk-a…`): provider key formats, URL
 * passwords, values written after credential keys (`api_key: …`, `PASSWORD=…`) and opaque
 * high-entropy tokens. With `path` (a diagnostic's dotted path) ending in a credential key such
 * as `master_key`, the value as schema messages quote it (`got string '…'`, `got integer …`) is
 * masked too: a message about that key's value shows no part of it. `lines` says the text is
 * file lines (source, diff, dotenv), where `key: value` is data rather than prose.
 */
export function redact(text: string, options: { path?: string; lines?: boolean } = {}): string {
  const { path } = options;
  let out = text;
  const edits = redactEdits(out, options.lines);
  for (let i = edits.length - 1; i >= 0; i--) out = out.slice(0, edits[i][0]) + edits[i][2] + out.slice(edits[i][1]);
  if (path !== undefined && isSecretKey(lastKey(path))) {
    // The value as schema messages describe it (describeValue in src/schema/check.ts).
    out = out
      .replace(/\bstring '([^']*)'/g, (whole, inner: string) => (inner.endsWith('…') ? whole : `string '${mask(inner)}'`))
      .replace(/\bgot (integer|number|boolean) (\S+)/g, (_, type: string, value: string) => `got ${type} ${mask(value)}`);
  }
  return out;
}

function lastKey(path: string): string {
  const m = /([^.[\]]+)(?:\[\d+\])*$/.exec(path);
  return m ? m[1] : '';
}
