// The start-up bundle's JSON modules are JavaScript written by scripts/json-to-js.mjs, objects of
// many keys built in dictionary mode (start-up): they must evaluate to what JSON.parse makes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { jsonToJs, MANY_KEYS } from '../../scripts/json-to-js.mjs';

const evaluate = (code: string): unknown => (0, eval)(`(${code})`);

/** Same value, same key order everywhere, and every object has Object.prototype, as JSON.parse makes it. */
function assertSameAsJson(text: string): void {
  const expected = JSON.parse(text);
  const actual = evaluate(jsonToJs(expected));
  assert.deepStrictEqual(actual, expected);
  assert.equal(JSON.stringify(actual), JSON.stringify(expected));
  (function prototypes(value: unknown) {
    if (!value || typeof value !== 'object') return;
    assert.equal(Object.getPrototypeOf(value), Array.isArray(value) ? Array.prototype : Object.prototype);
    for (const child of Object.values(value)) prototypes(child);
  })(actual);
}

test('the JSON modules of the start-up bundle evaluate to what JSON.parse makes of them', () => {
  for (const file of ['src/schema/generated/litellm-config.index.json', 'src/schema/generated/gwcfgrc.index.json', 'schemas/gwcfgrc.schema.json', 'src/lint/data/litellm-settings-keys.json']) {
    const text = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
    assertSameAsJson(text);
  }
  // The schema's sections are the objects of many keys this is for.
  assert.match(jsonToJs(JSON.parse(readFileSync(new URL('../../src/schema/generated/litellm-config.index.json', import.meta.url), 'utf8'))), /__proto__:null/);
});

test('keys that JavaScript treats specially keep their JSON meaning', () => {
  const many = (extra: Record<string, unknown>) => {
    const o: Record<string, unknown> = {};
    for (let i = 0; i <= MANY_KEYS; i++) o[`key${i}`] = i;
    return JSON.stringify({ ...o, ...extra });
  };
  for (const extra of [{}, { '2': 'b', '1': 'a', z: null }, { constructor: 1, toString: 'x', hasOwnProperty: [] }, { '': { '': [] } }]) {
    assertSameAsJson(many(extra));
    assertSameAsJson(JSON.stringify(extra));
  }
  // "__proto__" in JSON is an own key, not the prototype, in small and large objects.
  for (const text of ['{"__proto__": {"a": 1}, "b": 2}', many({}).replace('{', '{"__proto__": [1, 2], ')]) {
    const value = evaluate(jsonToJs(JSON.parse(text))) as Record<string, unknown>;
    assert.ok(Object.hasOwn(value, '__proto__'));
    assert.equal(Object.getPrototypeOf(value), Object.prototype);
    assert.equal(JSON.stringify(value), JSON.stringify(JSON.parse(text)));
  }
  assertSameAsJson('[1, "a", null, true, 1.5e300, -0, {"a": [{}]}, []]');
});
