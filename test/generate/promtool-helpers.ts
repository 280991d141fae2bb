// Running the real promtool from tests. Absent promtool fails the run under CI=true and skips
// locally (DESIGN: tests must not silently pass in CI without the tool).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { readFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { generate, type GenerateKind } from '../../src/generate/index.js';
import type { GenerateOptions } from '../../src/generate/options.js';
import { parse } from 'yaml';

export function promtoolAvailable(): boolean {
  const r = spawnSync('promtool', ['--version'], { encoding: 'utf8' });
  return r.status === 0;
}

/** Returns false (and marks the test skipped) when promtool is missing locally; throws under CI. */
export function requirePromtool(t: TestContext): boolean {
  if (promtoolAvailable()) return true;
  if (process.env.CI === 'true') {
    throw new Error('promtool is not installed but CI=true: install the Debian package "prometheus" (apt-get install -y prometheus)');
  }
  t.skip('promtool not installed (apt-get install -y prometheus); skipped because CI is not set');
  return false;
}

export interface PromtoolResult {
  status: number | null;
  output: string;
}

export function promtool(args: string[], cwd: string): PromtoolResult {
  const r = spawnSync('promtool', args, { cwd, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, output: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'gwcfg-promtool-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function writeYaml(path: string, value: unknown): void {
  writeFileSync(path, stringify(value, { lineWidth: 0 }));
}

export const FIXTURES = new URL('../../fixtures/generate/', import.meta.url);

export function fixtureConfig(name: string): unknown {
  return parse(readFileSync(new URL(name, FIXTURES), 'utf8'), { version: '1.1', merge: true });
}

export function generated(kind: GenerateKind, config: unknown, options: GenerateOptions = {}): Map<string, string> {
  return new Map(generate(kind, config, options).files.map((f) => [f.name, f.content]));
}
