// Docs and rules stay in sync (as actionlint's check-checks): every rule and built-in check has a
// page, every page belongs to one, and the page's Bad example triggers it while Good does not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rules } from '../../src/lint/rules/index.js';
import { builtinChecks } from '../../src/lint/builtin.js';
import { lintConfig } from '../../src/lint/engine.js';
import { loadConfigBytes } from '../../src/config/load.js';
import type { Release } from '../../src/routing/releases.js';
import { example, exampleRelease } from './docs-examples.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DOCS = join(ROOT, 'docs/rules');

async function findings(text: string, release?: Release): Promise<string[]> {
  // Examples live in docs/rules, so relative includes resolve there (schema/include-missing).
  const loaded = await loadConfigBytes(join(DOCS, 'example.yaml'), new TextEncoder().encode(text));
  // An example written for declared replicas says so in a comment: `# .gwcfg.yaml: replicas: 4`.
  const replicas = /^# \.gwcfg\.yaml: replicas: (\d+)/m.exec(text);
  return lintConfig(loaded, { rules, env: new Map(), release, replicas: replicas ? Number(replicas[1]) : undefined }).map((d) => d.ruleId);
}

const pageOf = (id: string) => join(DOCS, `${id}.md`);

for (const rule of rules) {
  const { id, description, docs } = rule.meta;
  test(`docs: ${id}`, async () => {
    assert.equal(docs, `docs/rules/${id}.md`, 'meta.docs points at the page');
    assert.ok(existsSync(pageOf(id)), `missing docs/rules/${id}.md`);
    const page = readFileSync(pageOf(id), 'utf8');
    assert.ok(page.startsWith(`# ${id}\n`), 'the page starts with "# <id>"');
    assert.ok(page.includes(description), 'the page contains the rule description');
    const bad = example(page, 'Bad');
    const good = example(page, 'Good');
    assert.ok(bad, 'a ## Bad section with a yaml block');
    assert.ok(good, 'a ## Good section with a yaml block');
    const release = exampleRelease(page);
    assert.ok((await findings(bad, release)).includes(id), 'the Bad example triggers the rule');
    assert.ok(!(await findings(good, release)).includes(id), 'the Good example does not');
  });
}

test('docs: built-in checks have pages; their examples, when present, behave', async () => {
  for (const check of builtinChecks) {
    assert.ok(existsSync(pageOf(check.id)), `missing docs/rules/${check.id}.md`);
    const page = readFileSync(pageOf(check.id), 'utf8');
    assert.ok(page.startsWith(`# ${check.id}\n`), check.id);
    assert.ok(page.includes(check.description), `${check.id}: description`);
    const bad = example(page, 'Bad');
    const good = example(page, 'Good');
    if (bad) assert.ok((await findings(bad)).includes(check.id), `${check.id}: Bad triggers it`);
    if (good) assert.ok(!(await findings(good)).includes(check.id), `${check.id}: Good does not`);
  }
});

test('docs: no orphan pages', () => {
  const ids = new Set([...rules.map((r) => r.meta.id), ...builtinChecks.map((c) => c.id)]);
  const orphans: string[] = [];
  for (const category of readdirSync(DOCS, { withFileTypes: true })) {
    if (!category.isDirectory()) continue;
    for (const file of readdirSync(join(DOCS, category.name))) {
      if (!file.endsWith('.md')) continue;
      const id = `${category.name}/${file.slice(0, -3)}`;
      if (!ids.has(id)) orphans.push(id);
    }
  }
  assert.deepEqual(orphans, []);
});

test('docs: every .gwcfg.yaml example in README and docs/ names real rules with valid options', async () => {
  const { parseRc, checkRcIds, settingsFor } = await import('../../src/lint/rc.js');
  const { checkSettingsOptions } = await import('../../src/lint/options.js');
  const known = { ruleIds: new Set(rules.map((r) => r.meta.id)), builtinIds: new Set(builtinChecks.map((c) => c.id)) };
  const pages = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
  let examples = 0;
  for (const page of pages) {
    const text = readFileSync(join(ROOT, page), 'utf8');
    for (const m of text.matchAll(/```ya?ml\n(# \.gwcfg\.yaml\n[\s\S]*?)```/g)) {
      examples++;
      const rc = parseRc(`${page} example`, new TextEncoder().encode(m[1]));
      checkRcIds(rc, known);
      await checkSettingsOptions(settingsFor('x.yaml', rc), rules);
    }
  }
  assert.ok(examples > 0, 'at least docs/lint.md has one');
});
