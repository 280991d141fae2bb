// src/lint/data/litellm-settings-keys.json lists each section's keys as "key first" or
// "key first..last" strings, which litellm-keys.ts searches as one text (start-up: no ~660-key
// object built at every lint run). Lookups must answer as the key -> span table did. declaresKey
// answers schemaSectionKeys(place).has(key) without making the set.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import data from '../../src/lint/data/litellm-settings-keys.json' with { type: 'json' };
import { isKnownKey, keyReleases, KEY_RELEASES, schemaSectionKeys, declaresKey, type KeyedSection, type Home } from '../../src/lint/rules/_shared/litellm-keys.js';
import { compareVersions } from '../../src/generate/version.js';
import { configSchema } from '../../src/schema/config-schema.js';

const SECTIONS: KeyedSection[] = ['litellm_settings', 'general_settings'];

/** The table the data used to be: key -> "first" or "first..last". */
function tableOf(section: KeyedSection): Map<string, string> {
  return new Map(data[section].map((entry) => [entry.slice(0, entry.indexOf(' ')), entry.slice(entry.indexOf(' ') + 1)]));
}

test('every entry is a name and a release span, sorted by name, each name once', () => {
  for (const section of SECTIONS) {
    const entries = data[section];
    assert.ok(entries.length > 50, section);
    for (const entry of entries) assert.match(entry, /^[A-Za-z0-9_]+ \d+\.\d+\.\d+(\.\.\d+\.\d+\.\d+)?$/, `${section}: ${entry}`);
    const names = entries.map((entry) => entry.slice(0, entry.indexOf(' ')));
    assert.deepEqual(names, [...names].sort(), section);
    assert.equal(new Set(names).size, names.length, section);
  }
});

test('isKnownKey and keyReleases answer every key of the data as the key -> span table did', () => {
  for (const section of SECTIONS) {
    for (const [key, span] of tableOf(section)) {
      const [first, last] = span.split('..');
      assert.equal(keyReleases(section, key), last === undefined ? `${first} and later` : `${first} to ${last}`, `${section}.${key}`);
      assert.equal(isKnownKey(section, key), true, `${section}.${key}`);
      for (const release of KEY_RELEASES) {
        const reads = compareVersions(release, first) >= 0 && (last === undefined || compareVersions(release, last) <= 0);
        assert.equal(isKnownKey(section, key, release), reads, `${section}.${key} in ${release}`);
      }
    }
  }
});

test('keys that are not in the data, however they are spelled, are unknown', () => {
  for (const section of SECTIONS) {
    const table = tableOf(section);
    const [firstKey, firstSpan] = [...table][0];
    const [secondKey] = [...table][1];
    const odd = [
      '',
      ' ',
      '\n',
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      firstKey.slice(0, -1),
      `${firstKey}x`,
      `x${firstKey}`,
      firstKey.toLowerCase() === firstKey ? firstKey.toUpperCase() : firstKey.toLowerCase(),
      `${firstKey} ${firstSpan}`,
      `${firstKey} `,
      ` ${firstKey}`,
      `${firstKey}\n${secondKey}`,
      `${firstSpan}\n${secondKey}`,
      firstSpan,
    ].filter((key) => !table.has(key));
    for (const key of odd) {
      assert.equal(isKnownKey(section, key), false, `${section}: ${JSON.stringify(key)}`);
      assert.equal(keyReleases(section, key), null, `${section}: ${JSON.stringify(key)}`);
    }
  }
});

test('declaresKey answers as the key sets of schemaSectionKeys', () => {
  const places: Home[] = ['router_settings', 'litellm_settings', 'general_settings', 'top level', 'litellm_params'];
  const keys = new Set<string>(['', '__proto__', 'constructor', 'toString', 'no_such_key']);
  for (const place of places) for (const key of schemaSectionKeys(place)) keys.add(key);
  for (const section of SECTIONS) for (const key of tableOf(section).keys()) keys.add(key);
  // Every property name of the schema, gwcfg extension keys (no place's key) among them.
  (function names(node: unknown) {
    if (!node || typeof node !== 'object') return;
    const props = (node as { properties?: object }).properties;
    if (props && typeof props === 'object') for (const key of Object.keys(props)) keys.add(key);
    for (const child of Object.values(node)) names(child);
  })(configSchema);
  assert.ok(keys.has('window_size') && !schemaSectionKeys('router_settings').has('window_size'));
  let declared = 0;
  for (const place of places) {
    for (const key of keys) {
      const expected = schemaSectionKeys(place).has(key);
      assert.equal(declaresKey(place, key), expected, `${place}: ${key}`);
      if (expected) declared++;
    }
  }
  assert.ok(declared > 200, `${declared} declared keys`);
});
