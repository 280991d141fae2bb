// Disagreements the PyYAML differential test (pyyaml-differential.test.ts) found on seeds other
// than CI's, each cut down to a minimal document. Expected values and error positions are PyYAML
// 6.0.3's (python3 -c 'import yaml; print(repr(yaml.safe_load(TEXT)))'), hard-coded so this test
// needs no Python.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSource } from '../../src/config/document.js';

function load(text: string): { value: unknown; error: { line: number; column: number; message: string } | null } {
  const parsed = parseSource('case.yaml', Buffer.from(text));
  const error = parsed.diagnostics.find((d) => d.severity === 'error');
  return { value: parsed.source?.value, error: error ? { line: error.line, column: error.column, message: error.message } : null };
}

test('PyYAML: a block scalar whose last line ends the file without a line break has no final newline', () => {
  // yaml/scanner.py scan_block_scalar appends only a line break it read; the yaml package adds one.
  assert.deepEqual(load('otel: |\n  block').value, { otel: 'block' });
  assert.deepEqual(load('otel: >\n  folded\n  text').value, { otel: 'folded text' });
  assert.deepEqual(load('otel: |+\n  keep').value, { otel: 'keep' });
  // A break after the last content line stays, even when blank spaces end the file.
  assert.deepEqual(load('otel: |\n  x\n  ').value, { otel: 'x\n' });
  assert.deepEqual(load('otel: |\n  block\n').value, { otel: 'block\n' });
});

test("PyYAML: '?' in [...] or {...} is a key indicator even without a space after it", () => {
  // yaml/scanner.py check_key: in flow context '?' always starts a key.
  assert.deepEqual(load('supported_call_types: [?"embedding", aembedding]\n').value, { supported_call_types: [{ embedding: null }, 'aembedding'] });
  assert.deepEqual(load('a: {?x, ?y: 1}\n').value, { a: { x: null, y: 1 } });
  assert.equal(load('a: {?x, ?y: 1}\n').error, null);
});

test("PyYAML: '%' at the start of a line is a directive, and '%key: value' a malformed one (line 1)", () => {
  const { error } = load('%model_lis: []\n');
  assert.ok(error);
  assert.deepEqual([error.line, error.column], [1, 11]); // PyYAML: line 1, column 11 (the ':')
  assert.match(error.message, /YAML directive to PyYAML/);
  assert.equal(load('%YAML 1.1\n---\na: 1\n').error, null);
});

test("PyYAML: a key in {...} whose ':' is on the next line fails at that ':'", () => {
  const { error } = load('master_key: {a---\n: [b]}\n');
  assert.ok(error);
  assert.deepEqual([error.line, error.column], [2, 1]); // PyYAML: expected ',' or '}', but got ':' (line 2, column 1)
});

test("PyYAML: '? key' right after 'key:' on the same line fails at the '?' (mapping keys are not allowed here)", () => {
  const { error } = load('general_settings: ? x\n  disable: true\n');
  assert.ok(error);
  assert.deepEqual([error.line, error.column], [1, 19]); // PyYAML: line 1, column 19
  assert.match(error.message, /mapping keys are not allowed here/);
  // On its own line, or after '- ', an explicit key is fine.
  assert.deepEqual(load('a:\n  ? x\n  : y\n').value, { a: { x: 'y' } });
});

test('PyYAML: U+2028 and U+2029 are line breaks kept as themselves where PyYAML folds or keeps a break', () => {
  // yaml/scanner.py scan_line_break returns them unchanged; folding turns only "\n" into a space.
  const LS = '\u2028';
  const PS = '\u2029';
  assert.deepEqual(load(`a: >\n  x${LS}  y\n`).value, { a: `x${LS}y\n` });
  assert.deepEqual(load(`a: >-\n  one\n  two${LS}  three\n\n  four\n`).value, { a: `one two${LS}three\nfour` });
  assert.deepEqual(load(`a: |\n  x${LS}  y\n`).value, { a: `x${LS}y\n` });
  assert.deepEqual(load(`a: x${LS} y\n`).value, { a: `x${LS}y` });
  assert.deepEqual(load(`a: "x${LS} y"\n`).value, { a: `x${LS}y` });
  assert.deepEqual(load(`a: 'x${PS} it''s'\n`).value, { a: `x${PS}it's` });
  assert.deepEqual(load(`k:\n  - >\n    p${LS}    q\n`).value, { k: [`p${LS}q\n`] });
  // A "\n" break still folds to a space.
  assert.deepEqual(load('a: >\n  x\n  y\n').value, { a: 'x y\n' });
});

test("PyYAML: a '!!' tag with '!' or '[' in it is one unknown tag (yaml/unknown-tag), not a syntax error", () => {
  // yaml/scanner.py scan_tag_uri takes every URI character; the constructor then fails on the tag,
  // at the tag (the node's start mark). PyYAML stops at the first one.
  for (const [text, tag] of [['a: !!f!loat 1\nb: !!pair[a: 1]\n', 'f!loat'], ['b: !!pair[a: 1]\n', 'pair[a:']]) {
    const parsed = parseSource('case.yaml', Buffer.from(text));
    const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
    assert.deepEqual(errors.map((d) => [d.ruleId, d.line, d.column]), [['yaml/unknown-tag', 1, 4]]);
    assert.ok(errors[0].message.includes(`could not determine a constructor for the tag 'tag:yaml.org,2002:${tag}'`), errors[0].message);
  }
});

test("PyYAML: a '[' or '{' that is never closed fails, also alone on the last line after 'key: value'", () => {
  // yaml/parser.py: "while parsing a block mapping ... expected <block end>, but found '{'" (line 2).
  for (const text of ['a: 1\n{', 'general_settings:\n  master_key: x\n[', 'a: [1\n']) {
    const { error } = load(text);
    assert.ok(error, JSON.stringify(text));
  }
  assert.equal(load('a: 1\n{').error!.line, 2);
  // Inside an open collection, lines may start anywhere (indentation is free in flow context).
  assert.deepEqual(load('models: [a,\nb]\n').value, { models: ['a', 'b'] });
});

test("an anchor name running into ':' ends there, as in PyYAML: `&b:` anchors an empty key", () => {
  // yaml/scanner.py scan_anchor ends the name at ':' and reads on; PyYAML loads {'a': 1, None: {'c': 2}}
  // (gwcfg's plain value has no null keys: the key reads as '').
  assert.deepEqual(load('a: 1\n&b:\n  c: 2\n'), { value: { a: 1, '': { c: 2 } }, error: null });
  // A name character PyYAML does not allow still fails at that character.
  const { error } = load('a: &b.c 1\n');
  assert.ok(error);
  assert.deepEqual([error.line, error.column], [1, 6]);
  assert.match(error.message, /^anchor name 'b.c' has a character PyYAML does not allow in names/);
});
