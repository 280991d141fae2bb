// Issue 9 ("long messages should read well in a terminal"): every finding is at most two
// sentences, what is wrong and then how to fix it, in under MAX_MESSAGE characters. Checked on
// every docs/rules example (at the release the page names), the issue-9 repros and the bundled
// corpus (real configs and planted mistakes), for the rules and the built-in checks alike.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rules } from '../../src/lint/rules/index.js';
import { lintConfig } from '../../src/lint/engine.js';
import { loadConfigBytes } from '../../src/config/load.js';
import type { Release } from '../../src/routing/releases.js';
import { example, exampleRelease } from './docs-examples.js';

/** Longest message, in characters (a long group or model name can still push one over). */
export const MAX_MESSAGE = 300;

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Sentences of a message: a full stop, ? or ! followed by a space and a capital starts the next. */
export const sentences = (message: string): string[] => message.split(/(?<=[.?!])\s+(?=[A-Z])/);

function yamlFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).filter((f) => /\.ya?ml$/.test(f)).map((f) => join(ROOT, dir, f));
}

function inputs(): Array<{ name: string; text: string; release?: Release }> {
  const out: Array<{ name: string; text: string; release?: Release }> = [];
  const docs = join(ROOT, 'docs/rules');
  for (const category of readdirSync(docs, { withFileTypes: true })) {
    if (!category.isDirectory()) continue;
    for (const file of readdirSync(join(docs, category.name)).filter((f) => f.endsWith('.md'))) {
      const page = readFileSync(join(docs, category.name, file), 'utf8');
      for (const heading of ['Bad', 'Good']) {
        const text = example(page, heading);
        if (text) out.push({ name: `docs/rules/${category.name}/${file} ${heading}`, text, release: exampleRelease(page) });
      }
    }
  }
  for (const dir of ['test/fixtures/external-repros', 'fixtures/corpus/mistakes', 'fixtures/corpus/litellm']) {
    for (const path of yamlFiles(dir)) out.push({ name: path.slice(ROOT.length), text: readFileSync(path, 'utf8') });
  }
  return out;
}

test(`every finding on the docs examples, repros and corpus is at most two sentences under ${MAX_MESSAGE} characters`, async () => {
  const bad: string[] = [];
  let checked = 0;
  for (const { name, text, release } of inputs()) {
    const loaded = await loadConfigBytes(join(ROOT, 'docs/rules/example.yaml'), new TextEncoder().encode(text));
    for (const d of lintConfig(loaded, { rules, env: new Map(), release })) {
      checked += 1;
      const n = sentences(d.message).length;
      if (d.message.length >= MAX_MESSAGE || n > 2) bad.push(`${name}:${d.line} ${d.ruleId} (${d.message.length} chars, ${n} sentences): ${d.message}`);
    }
  }
  assert.ok(checked > 200, `only ${checked} findings checked`);
  assert.deepEqual(bad, []);
});

test('sentences: a full stop inside a name or an e.g. does not split', () => {
  assert.deepEqual(sentences("'gpt-4.1' has no price (e.g. gpt-4o). Add one"), ["'gpt-4.1' has no price (e.g. gpt-4o).", 'Add one']);
});
