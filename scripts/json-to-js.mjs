// A JSON value as a JavaScript expression that evaluates to the same value, for the start-up
// bundle's JSON modules (scripts/build.mjs). Each object of more than MANY_KEYS keys is written
// as a `__proto__: null` literal, which V8 builds in dictionary mode, and then given
// Object.prototype back, so readers get the same object JSON.parse would make (same own keys in the
// same order, same prototype). A plain literal of n keys goes through n hidden-class transitions,
// each copying the descriptors so far: for the schema's sections of 100-200 keys that was most of
// what building the schema cost at every start.
export const MANY_KEYS = 16;

export function jsonToJs(value) {
  if (Array.isArray(value)) return `[${value.map(jsonToJs).join(',')}]`;
  if (Object.is(value, -0)) return '-0'; // JSON.stringify writes 0
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const keys = Object.keys(value);
  // A "__proto__" key of the data is an own property (a computed key), as JSON.parse makes it.
  const entries = keys.map((k) => `${k === '__proto__' ? '["__proto__"]' : JSON.stringify(k)}:${jsonToJs(value[k])}`);
  if (keys.length <= MANY_KEYS) return `{${entries.join(',')}}`;
  return `Object.setPrototypeOf({__proto__:null,${entries.join(',')}},Object.prototype)`;
}
