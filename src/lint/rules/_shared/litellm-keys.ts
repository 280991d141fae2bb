// The keys LiteLLM releases read from litellm_settings (module globals of litellm/__init__.py,
// plus the keys ProxyConfig.load_config handles itself) and from general_settings (keys the proxy
// reads, and the ConfigGeneralSettings model). Data: src/lint/data/litellm-settings-keys.json,
// written by scripts/refresh-litellm-settings-keys.py from the releases it lists.
import data from '../../data/litellm-settings-keys.json' with { type: 'json' };
import { compareVersions } from '../../../generate/version.js';
import { configSchemaIndex } from '../../../schema/config-schema.js';

export type KeyedSection = 'litellm_settings' | 'general_settings';

/** The releases the data was read from, oldest first. */
export const KEY_RELEASES: readonly string[] = Object.keys(data.releases);
export const NEWEST_KEY_RELEASE = KEY_RELEASES[KEY_RELEASES.length - 1];

/**
 * Each section's entries ("key first" or "key first..last") as one text, `\nentry\n...\n`, made
 * when a rule first looks a key of the section up. The data is a list of strings, not a key ->
 * span object, and is searched, not indexed: V8 built the ~660-key object literal at every start of
 * a lint run, and a Map of it cost as much; a list of constant strings costs nothing until read.
 */
const entryTexts = new Map<KeyedSection, string>();

/** "1.76.0" or "1.55.0..1.72.0": the first and (when dropped) last release read that has the key. */
function spanOf(section: KeyedSection, key: string): [string, string | null] | null {
  // Keys in the data are names ([A-Za-z0-9_]+); a key with a space or line break is none of them.
  if (key.includes(' ') || key.includes('\n')) return null;
  let text = entryTexts.get(section);
  if (text === undefined) entryTexts.set(section, (text = `\n${data[section].join('\n')}\n`));
  const at = text.indexOf(`\n${key} `);
  if (at < 0) return null;
  const [first, last] = text.slice(at + key.length + 2, text.indexOf('\n', at + 1)).split('..');
  return [first, last ?? null];
}

/**
 * Whether a release reads this key. Without a release: whether any release read does. A release
 * newer than the newest read is judged by the newest (keys added later are unknown to gwcfg).
 */
export function isKnownKey(section: KeyedSection, key: string, release?: string): boolean {
  const span = spanOf(section, key);
  if (!span) return false;
  if (!release) return true;
  const [first, last] = span;
  return compareVersions(release, first) >= 0 && (last === null || compareVersions(release, last) <= 0);
}

/** The releases that read the key, in words ("1.76.0 and later", "1.55.0 to 1.72.0"); null for none. */
export function keyReleases(section: KeyedSection, key: string): string | null {
  const span = spanOf(section, key);
  if (!span) return null;
  return span[1] === null ? `${span[0]} and later` : `${span[0]} to ${span[1]}`;
}

export type Section = 'router_settings' | 'litellm_settings' | 'general_settings';
export const SECTIONS: readonly Section[] = ['router_settings', 'litellm_settings', 'general_settings'];

/** Places a key can belong, besides the three settings sections. */
export type Home = Section | 'top level' | 'litellm_params';

const cached = new Map<Home, Set<string>>();

/**
 * Keys gwcfg's schema declares per place: each settings section, the top level and a
 * deployment's litellm_params (gwcfg-only extension keys excluded: they are no one's home).
 * Each place's set is made when first asked for (a clean config asks for one or two).
 */
export function schemaSectionKeys(place: Home): ReadonlySet<string> {
  let keys = cached.get(place);
  if (!keys) cached.set(place, (keys = placeKeys(place)));
  return keys;
}

function placeKeys(place: Home): Set<string> {
  if (place === 'top level') {
    const top = configSchemaIndex.properties(configSchemaIndex.root, {});
    return new Set([...top.keys()].filter((k) => !(SECTIONS as readonly string[]).includes(k) && k !== 'model_list' && !k.startsWith('x-')));
  }
  const keys = new Set<string>();
  for (const [key, sub] of placeProperties(place)) if (isHomeKey(sub)) keys.add(key);
  return keys;
}

/** The schema's properties of a settings section or of litellm_params (the navigator caches them). */
function placeProperties(place: Exclude<Home, 'top level'>): Map<string, Record<string, unknown>> {
  const index = configSchemaIndex;
  const schema = place === 'litellm_params' ? { $ref: '#/$defs/litellmParams' } : index.properties(index.root, {}).get(place);
  return index.properties(index.resolve(schema), {});
}

/** gwcfg-only extension keys are no one's home. */
const isHomeKey = (sub: Record<string, unknown> | undefined): boolean => sub !== undefined && typeof sub['x-gwcfg-extension'] !== 'string';

/**
 * Whether gwcfg's schema declares the key in that place: `schemaSectionKeys(place).has(key)`
 * without making the set. A section's properties come from the schema navigator's cache, which
 * the schema check of the config filled already (start-up: sets of ~100 keys per place were
 * most of what the settings rules cost on a small config).
 */
export function declaresKey(place: Home, key: string): boolean {
  return place === 'top level' ? schemaSectionKeys(place).has(key) : isHomeKey(placeProperties(place).get(key));
}

/**
 * Where a key written in `section` is read instead, when LiteLLM does not read it there. A
 * litellm_settings key is read there when the release defines that module global; other
 * sections go by the schema. Empty when the key belongs where it is, or nowhere known.
 */
export function homesOf(section: Section, key: string, release?: string): Home[] {
  const readHere = section === 'litellm_settings' ? isKnownKey('litellm_settings', key, release) : declaresKey(section, key);
  if (readHere) return [];
  const places: Home[] = [...SECTIONS.filter((s) => s !== section), ...(section === 'litellm_settings' ? (['top level', 'litellm_params'] as const) : [])];
  return places.filter((p) => declaresKey(p, key));
}
