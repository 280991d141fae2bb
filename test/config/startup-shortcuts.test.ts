// The YAML front end skips work at start-up where a cheap check proves it would find nothing
// (docs/architecture.md, "Start-up"). Each shortcut must give exactly what the full work gives:
// these tests compare them with the full computation, or pin their boundaries.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isUtf8 } from 'node:buffer';
import fc from 'fast-check';
import { loadConfigBytes } from '../../src/config/load.js';
import { firstInvalidUtf8 } from '../../src/config/document.js';
import { constructScalar, resolvePlain, type ScalarTag } from '../../src/config/pyyaml/scalars.js';

const errors = async (text: string) => (await loadConfigBytes('config.yaml', Buffer.from(text))).diagnostics.filter((d) => d.severity === 'error');

test("Node's isUtf8 (which parseSource asks first) agrees with firstInvalidUtf8", () => {
  // Arbitrary bytes are nearly always invalid; valid text with a few bytes changed is the edge.
  const corrupted = fc
    .tuple(fc.string({ unit: 'binary', maxLength: 40 }), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 3 }))
    .map(([text, edits]) => {
      const bytes = Buffer.from(text);
      for (const [at, byte] of edits) if (bytes.length > 0) bytes[at % bytes.length] = byte;
      return new Uint8Array(bytes);
    });
  fc.assert(
    fc.property(fc.oneof(fc.uint8Array({ maxLength: 64 }), corrupted), (bytes) => {
      assert.equal(isUtf8(bytes), firstInvalidUtf8(bytes) === -1);
    }),
    { numRuns: 5000 },
  );
  for (const edge of [[0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xc0, 0x80], [0xe0, 0x80, 0x80], [0xf0, 0x9f, 0x98], [0xef, 0xbf, 0xbf], [0xf4, 0x8f, 0xbf, 0xbf]]) {
    assert.equal(isUtf8(new Uint8Array(edge)), firstInvalidUtf8(new Uint8Array(edge)) === -1, edge.join(','));
  }
});

test('nesting limit: the bracket count and line length checks keep its boundaries', async () => {
  const tooDeep = async (text: string) => (await errors(text)).filter((d) => d.ruleId === 'yaml/too-deep').map((d) => `${d.line}:${d.column}`);
  assert.deepEqual(await tooDeep(`x: ${'['.repeat(500)}${']'.repeat(500)}\n`), []);
  assert.deepEqual(await tooDeep(`x: ${'['.repeat(501)}${']'.repeat(501)}\n`), ['1:504']);
  assert.deepEqual(await tooDeep(`x: ${'{a: '.repeat(501)}1${'}'.repeat(501)}\n`), ['1:2004']);
  // More than 500 brackets, but in a string, in a comment, or never more than one open.
  assert.deepEqual(await tooDeep(`x: "${'['.repeat(600)}"\n`), []);
  assert.deepEqual(await tooDeep(`# ${'{'.repeat(600)}\nx: 1\n`), []);
  assert.deepEqual(await tooDeep(`x: [${'[], '.repeat(600)}[]]\n`), []);
  // Block nesting: indentation over 1,000 columns, on a line that has content.
  assert.deepEqual(await tooDeep(`a:\n${' '.repeat(1000)}b: 1\n`), []);
  assert.deepEqual(await tooDeep(`a:\n${' '.repeat(1001)}b: 1\n`), ['2:1002']);
  assert.deepEqual(await tooDeep(`a:\n${' '.repeat(1001)}\r\n  b: 1\n`), []);
  assert.deepEqual(await tooDeep(`a: 1\n${' '.repeat(1500)}`), []);
  assert.deepEqual(await tooDeep(`a:\r\n${'\t'.repeat(1001)}b: 1\r\n`), ['2:1002']);
});

// PyYAML's implicit resolver patterns (yaml/resolver.py, PyYAML 6.0) as gwcfg wrote them before
// the start-up shortcuts, tried in the same order: the reference.
const PATTERNS: [string, ScalarTag, RegExp][] = [
  ['yYnNtTfFoO', 'bool', /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/],
  ['-+0123456789.', 'float', /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/],
  ['-+0123456789', 'int', /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/],
  ['<', 'merge', /^(?:<<)$/],
  ['~nN', 'null', /^(?:~|null|Null|NULL|)$/],
  ['0123456789', 'timestamp', /^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$/],
  ['=', 'value', /^(?:=)$/],
];
const reference = (value: string): ScalarTag => (value === '' ? 'null' : (PATTERNS.find(([firsts, , re]) => firsts.includes(value[0]) && re.test(value))?.[1] ?? 'str'));

test('resolvePlain (word sets, pattern pre-checks, the all-digits shortcut) agrees with the patterns', () => {
  const words = ['yes', 'Yes', 'YES', 'yES', 'no', 'NO', 'nO', 'n', 'y', 'true', 'True', 'TRUE', 'tRUE', 'false', 'FALSE', 'falsee', 'on', 'ON', 'oN', 'off', 'Off', 'OFF', 'offf', '~', '~~', 'null', 'Null', 'NULL', 'nuLL', 'nul', '<<', '<', '<<<', '=', '==', '0', '00', '07', '08', '0x1F', '0b101', '0o17', '1', '9', '10', '1_000', '1000', '-1', '+1', '1.', '.5', '1.5e+3', '1e5', '.inf', '-.inf', '.nan', '.NaN', '1:30', '1:30.5', '190:20:30', '2001-12-14', '2001-12-14t21:59:43.10-05:00', '2001-1-1 1:2:03', '2001-12-1', '12345-1-1', '1 ', ' 1', '1\n', 'true\n'];
  for (const w of words) assert.equal(resolvePlain(w), reference(w), JSON.stringify(w));
  const chars = '0123456789_-+.:eEinfaINFANxXbBoOyYsStTrRuUlL~<=Z \t\n';
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 12 }), (parts) => {
      const value = parts.join('');
      assert.equal(resolvePlain(value), reference(value), JSON.stringify(value));
    }),
    { numRuns: 20000 },
  );
  fc.assert(
    fc.property(fc.string({ maxLength: 8 }), (value) => assert.equal(resolvePlain(value), reference(value), JSON.stringify(value))),
    { numRuns: 5000 },
  );
});

test('integers: the all-digits shortcut gives what the general path gives', () => {
  const int = (text: string) => {
    const s = constructScalar('int', text);
    return s.type === 'int' ? [s.big, s.js] : null;
  };
  assert.deepEqual(int('1000'), [1000n, 1000]);
  assert.deepEqual(int('-1_000'), [-1000n, -1000]);
  assert.deepEqual(int('+42'), [42n, 42]);
  assert.deepEqual(int('123456789012345678901234567890'), [123456789012345678901234567890n, 1.2345678901234568e29]);
  assert.deepEqual(int('010'), [8n, 8]);
  assert.deepEqual(int('0x_1F'), [31n, 31]);
  assert.deepEqual(int('1:30'), [90n, 90]);
  assert.throws(() => constructScalar('int', '1 2'));
});
