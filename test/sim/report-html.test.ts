// `simulate --report FILE.html` for every bundled example scenario (and one --compare): the page is
// self-contained, deterministic and small, and opens in headless Chromium (Debian's
// /usr/bin/chromium, driven by playwright-core) without console errors or requests, with every
// chart drawn. Without Chromium the browser tests fail under CI and are skipped locally.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { PNG } from 'pngjs';
import { executeSimulate } from '../../src/sim/command.js';
import type { SimulateOptions } from '../../src/cli/simulate.js';
import { VERSION } from '../../src/cli/version.js';
import { NEWEST_RELEASE } from '../../src/routing/releases.js';

const DIR = 'fixtures/scenarios';
const CHROMIUM = '/usr/bin/chromium';
/** The documented bound (docs/simulate.md, "HTML report"). */
const MAX_BYTES = 2 * 1024 * 1024;
const SINGLE_CHARTS = ['traffic-share', 'outcomes', 'latency', 'states', 'cost-over-time', 'cost-by-deployment'];
const COMPARED = ['simple-shuffle', 'latency-based-routing', 'usage-based-routing-v2'];

interface Page {
  name: string;
  file: string;
  html: string;
  charts: string[];
}

const work = mkdtempSync(join(tmpdir(), 'gwcfg-report-'));
const pages: Page[] = [];

function sink() {
  let text = '';
  return { stream: { isTTY: false, write: (s: string) => ((text += s), true) } as unknown as NodeJS.WriteStream, text: () => text };
}

async function simulate(config: string, options: SimulateOptions): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = sink();
  const err = sink();
  const code = await executeSimulate(config, { format: 'json', progress: false, ...options }, { stdout: out.stream, stderr: err.stream, env: {} });
  return { code, stdout: out.text(), stderr: err.text() };
}

/** Each example scenario with every config named after it (primary-goes-dark has two). */
function examples(): Array<{ name: string; config: string; scenario: string }> {
  const files = readdirSync(DIR);
  return files
    .filter((f) => f.endsWith('.scenario.yaml'))
    .flatMap((s) => {
      const base = s.slice(0, -'.scenario.yaml'.length);
      return files.filter((c) => c.startsWith(base) && c.endsWith('.config.yaml')).map((c) => ({ name: c.slice(0, -'.config.yaml'.length), config: join(DIR, c), scenario: join(DIR, s) }));
    });
}

before(async () => {
  for (const ex of examples()) {
    const file = join(work, `${ex.name}.html`);
    const r = await simulate(ex.config, { scenario: ex.scenario, report: file });
    assert.equal(r.code, 0, r.stderr);
    pages.push({ name: ex.name, file, html: readFileSync(file, 'utf8'), charts: SINGLE_CHARTS });
  }
  const file = join(work, 'compare.html');
  const r = await simulate(`${DIR}/rate-limit-storm.config.yaml`, { scenario: `${DIR}/rate-limit-storm.scenario.yaml`, compare: COMPARED.join(','), jobs: '1', report: file });
  assert.equal(r.code, 0, r.stderr);
  pages.push({ name: 'compare', file, html: readFileSync(file, 'utf8'), charts: ['compare-summary', 'compare-timelines', ...COMPARED.map((s) => `traffic-share-${s}`)] });
});


test('a report is written for every example scenario and for --compare', () => {
  assert.ok(pages.length >= 8, pages.map((p) => p.name).join(', '));
});

test('each report is self-contained: no script, no external URL, under the stated size', () => {
  for (const p of pages) {
    assert.ok(statSync(p.file).size < MAX_BYTES, `${p.name}: ${statSync(p.file).size} bytes`);
    assert.doesNotMatch(p.html, /<script/i, p.name);
    assert.doesNotMatch(p.html, /\b(?:src|href|xlink:href)\s*=\s*["']?\s*(?:https?:)?\/\//i, p.name);
    assert.doesNotMatch(p.html, /url\(\s*["']?(?:https?:)?\/\//i, p.name);
    assert.doesNotMatch(p.html, /@import/i, p.name);
    const ids = [...p.html.matchAll(/<figure data-chart="([^"]+)">/g)].map((m) => m[1]);
    assert.deepEqual(ids, p.charts, p.name);
  }
});

test('the header names config, scenario, seed, strategy, LiteLLM release and gwcfg version', () => {
  const p = pages.find((x) => x.name === 'multi-region-failover')!;
  for (const fact of [
    '<th>config</th><td>fixtures/scenarios/multi-region-failover.config.yaml</td>',
    '<th>scenario</th><td>fixtures/scenarios/multi-region-failover.scenario.yaml</td>',
    '<th>seed</th><td>7</td>',
    '<th>strategy</th><td>latency-based-routing</td>',
    `<th>LiteLLM release modelled</th><td>${NEWEST_RELEASE}</td>`,
    `<th>gwcfg version</th><td>${VERSION}</td>`,
  ]) {
    assert.ok(p.html.includes(fact), fact);
  }
  assert.ok(pages.find((x) => x.name === 'compare')!.html.includes(`<th>strategies</th><td>${COMPARED.join(', ')}</td>`));
});

test('the scenario windows are shaded and named: outage, brown-out, traffic phase', () => {
  const text = (name: string) => pages.find((x) => x.name === name)!.html;
  assert.match(text('multi-region-failover'), /outage \(503\): #0 /);
  assert.match(text('brown-out'), /brown-out \(latency ×6\): #0 /);
  assert.match(text('rate-limit-storm'), /traffic ×3: gpt-4o/);
});

test('same inputs give the same bytes (ECharts ids renumbered per chart)', async () => {
  const again = join(work, 'again.html');
  const ex = examples().find((e) => e.name === 'multi-region-failover')!;
  assert.equal((await simulate(ex.config, { scenario: ex.scenario, report: again })).code, 0);
  assert.equal(readFileSync(again, 'utf8'), pages.find((p) => p.name === ex.name)!.html);
});

test('an existing report is refused without --force (before the run, file untouched) and replaced with it', async () => {
  const file = join(work, 'exists.html');
  writeFileSync(file, 'keep me');
  const ex = examples()[0];
  await assert.rejects(simulate(ex.config, { scenario: ex.scenario, report: file, requests: '200' }), /exists\.html already exists; use --force to overwrite \(nothing was written\)/);
  assert.equal(readFileSync(file, 'utf8'), 'keep me');
  const r = await simulate(ex.config, { scenario: ex.scenario, report: file, requests: '200', force: true });
  assert.equal(r.code, 0);
  assert.match(readFileSync(file, 'utf8'), /^<!DOCTYPE html>/);
  await assert.rejects(simulate(ex.config, { report: '-' }), /--report needs a file name/);
  await assert.rejects(simulate(ex.config, { report: join(file, 'x.html') }), /cannot write into .*exists\.html: is a file, not a directory/);
});

// ---- in Chromium ----

const haveChromium = existsSync(CHROMIUM);
let context: BrowserContext | null = null;

function browserTest(name: string, fn: (context: BrowserContext) => Promise<void>): void {
  if (!haveChromium && !process.env.CI) {
    test(name, { skip: `${CHROMIUM} not found (apt-get install -y chromium); .ci/run installs it` }, () => {});
    return;
  }
  test(name, async () => {
    assert.ok(haveChromium, `${CHROMIUM} not found: .ci/run installs the Debian chromium package`);
    context ??= await chromium.launchPersistentContext(mkdtempSync(join(work, 'profile-')), {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1040, height: 900 },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    await fn(context);
  });
}

// One hook, in this order: Chromium writes into its profile until it has closed, so removing the
// folder first failed with ENOTEMPTY and left the browser running until the file's timeout.
after(async () => {
  await context?.close();
  rmSync(work, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
});

/** Share of pixels that differ from the most common colour (the background), and the distinct colours. */
function pixelVariety(png: Buffer): { nonBackground: number; colours: number } {
  const image = PNG.sync.read(png);
  const counts = new Map<number, number>();
  for (let i = 0; i < image.data.length; i += 4) {
    const key = image.data.readUInt32BE(i);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const pixels = image.width * image.height;
  const background = Math.max(...counts.values());
  return { nonBackground: (pixels - background) / pixels, colours: counts.size };
}

browserTest('every report opens in Chromium without console errors or requests, with every chart drawn and pixels that vary', async (ctx) => {
  for (const p of pages) {
    const page = await ctx.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
    page.on('request', (r) => requests.push(r.url()));
    const url = pathToFileURL(p.file).href;
    await page.goto(url, { waitUntil: 'load' });
    assert.deepEqual(problems, [], p.name);
    assert.deepEqual(requests, [url], `${p.name}: the page loads nothing but itself`);
    const charts = await page.$$eval('[data-chart]', (els) => els.map((e) => ({ id: e.getAttribute('data-chart'), svg: e.querySelector('svg')?.getBoundingClientRect(), shapes: e.querySelectorAll('svg path, svg rect, svg polygon').length })));
    assert.deepEqual(charts.map((c) => c.id), p.charts, p.name);
    for (const c of charts) {
      assert.ok(c.svg && c.svg.width > 300 && c.svg.height > 100, `${p.name}/${c.id}: svg drawn at ${JSON.stringify(c.svg)}`);
      assert.ok(c.shapes > 5, `${p.name}/${c.id}: ${c.shapes} shapes`);
    }
    const external = await page.$$eval('*', (els) =>
      els.flatMap((e) => ['src', 'href', 'xlink:href', 'action', 'poster'].map((a) => e.getAttribute(a)).filter((v): v is string => v !== null && /^\s*(?:https?:)?\/\//i.test(v))),
    );
    assert.deepEqual(external, [], `${p.name}: external URLs`);
    assert.equal(await page.locator('script').count(), 0);
    const shot = pixelVariety(await page.screenshot({ fullPage: true }));
    assert.ok(shot.nonBackground > 0.05 && shot.colours > 50, `${p.name}: screenshot looks blank (${JSON.stringify(shot)})`);
    await page.close();
  }
});

browserTest('the pixel check tells a blank page from a report', async (ctx) => {
  const blank = join(work, 'blank.html');
  writeFileSync(blank, '<!DOCTYPE html><html><body><h1>gwcfg</h1></body></html>');
  const page = await ctx.newPage();
  await page.goto(pathToFileURL(blank).href);
  const shot = pixelVariety(await page.screenshot({ fullPage: true }));
  assert.ok(!(shot.nonBackground > 0.05 && shot.colours > 50), JSON.stringify(shot));
  await page.close();
});

test('the built CLI (report bundle loaded on demand) writes the same page', async () => {
  const { runCli } = await import('../helpers/cli.js');
  const ex = examples().find((e) => e.name === 'brown-out')!;
  const file = join(work, 'built.html');
  const r = runCli(['simulate', ex.config, '-s', ex.scenario, '--no-progress', '--report', file]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(readFileSync(file, 'utf8'), pages.find((p) => p.name === 'brown-out')!.html);
});
