// Properties of the one masking function and the one escaping function (src/util).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { escapeControl } from '../../src/util/escape.js';
import { redact } from '../../src/util/redact.js';
import { safeLine, safeText } from '../../src/util/safe-text.js';

// Written out independently of src/util/escape.ts: what must never be printed raw.
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const hostileChar = fc.constantFrom('\u001b', '\n', '\r', '\t', '\u0000', '\u007f', '\u0085', '\u009b', '\u202e', '\u2066', '\u2069', '\u200d', '\u2028', '\ufeff', '\ud800', '\udc00', '\ufffe');
const hostileText = fc.array(fc.oneof(fc.string({ maxLength: 6 }), hostileChar, fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 12 }).map((parts) => parts.join(''));

test('property: escapeControl leaves no forbidden character and keeps printable text as it is', () => {
  fc.assert(
    fc.property(hostileText, (text) => {
      assert.doesNotMatch(escapeControl(text), FORBIDDEN);
    }),
    { numRuns: 2000 },
  );
  fc.assert(
    fc.property(fc.string({ unit: fc.constantFrom(...Array.from(' azAZ09:._-/\'"[]{}#é漢😀')), maxLength: 40 }), (text) => {
      assert.equal(escapeControl(text), text);
    }),
  );
});

test('property: escapeControl is injective on the characters it escapes (distinct controls stay distinct)', () => {
  fc.assert(
    fc.property(hostileChar, hostileChar, (a, b) => {
      if (a !== b) assert.notEqual(escapeControl(a), escapeControl(b));
    }),
  );
});

const alnum = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'.split('')), minLength: 40, maxLength: 60 });
const secret = fc.oneof(
  alnum.map((s) => `sk-ant-api03-${s}`),
  alnum.map((s) => `sk-proj-${s}`),
  alnum.map((s) => `AIza${s.slice(0, 35)}`),
  alnum.map((s) => `ghp_${s}`),
  fc.tuple(alnum, fc.constantFrom('postgres', 'redis', 'https')).map(([s, scheme]) => `${scheme}://user:${s.slice(0, 20)}@db.example.com:5432/x`),
);
const surrounding = fc.constantFrom('', ' ', "'", 'got string \'', 'unknown key \'', 'os.environ/', 'api_key: ', '"', 'x=', '[', ': ', ' # ');
// What can follow a credential: the end of the token (a key glued to more letters is another token).
const following = fc.constantFrom('', ' ', "'", '"', ' # comment', ']', ': 1', ',', '\n', "' in 'router_settings'", '...');

test('property: a credential inside any text is masked by redact and safeText, with at most four characters left', () => {
  fc.assert(
    fc.property(surrounding, secret, following, fc.boolean(), (before, key, after, lines) => {
      const shownKey = key.includes('://') ? key.slice(key.indexOf('user:') + 5, key.indexOf('@')) : key;
      for (const out of [redact(`${before}${key}${after}`, { lines }), safeText(`${before}${key}${after}`), safeLine(`${before}${key}${after}`).text]) {
        for (let i = 4; i + 6 <= shownKey.length; i++) assert.ok(!out.includes(shownKey.slice(i, i + 6)), `${out} leaks ${shownKey.slice(i, i + 6)}`);
      }
    }),
    { numRuns: 1000 },
  );
});

test('property: a literal under a credential key is masked in source lines; os.environ references are not', () => {
  const keyName = fc.constantFrom('api_key', 'master_key', 'password', 'client_secret', 'AWS_SECRET_ACCESS_KEY', 'auth_token', 'vertex_credentials');
  const value = fc.string({ unit: fc.constantFrom(...'abcdefghijkmnopqrstuvwxyzABCDEFGH0123456789!$%'.split('')), minLength: 12, maxLength: 30 });
  fc.assert(
    fc.property(keyName, value, fc.constantFrom(': ', ': "', '='), (key, v, sep) => {
      const line = `  ${key}${sep}${v}${sep.endsWith('"') ? '"' : ''}`;
      assert.ok(!safeLine(line).text.includes(v.slice(4)), safeLine(line).text);
      assert.equal(safeLine(`  ${key}: os.environ/${key.toUpperCase()}`).text, `  ${key}: os.environ/${key.toUpperCase()}`);
    }),
  );
});

test('property: safeLine maps columns monotonically and keeps text outside masks and escapes in place', () => {
  fc.assert(
    fc.property(surrounding, fc.oneof(secret, hostileChar, fc.constant('')), fc.string({ maxLength: 10 }), (before, middle, after) => {
      const line = `${before}${middle}${after}`;
      const shown = safeLine(line);
      let last = 0;
      for (let c = 1; c <= line.length + 1; c++) {
        const at = shown.column(c);
        assert.ok(at >= last && at <= shown.text.length + 1, `column ${c} -> ${at}`);
        last = at;
      }
      assert.equal(shown.column(1), 1);
      if (!FORBIDDEN.test(before)) assert.ok(shown.text.startsWith(before), shown.text);
    }),
  );
});
