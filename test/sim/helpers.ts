// Test helpers: run a config (object or fixture file) with a scenario (text or fixture file).
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { runJob, type SimJob } from '../../src/sim/job.js';
import type { SimResult } from '../../src/sim/result.js';

export function fixture(name: string): { config: unknown; text: string } {
  return { config: parse(readFileSync(`fixtures/scenarios/${name}`, 'utf8')), text: readFileSync(`fixtures/scenarios/${name}`, 'utf8') };
}

export function simulate(config: unknown, scenarioText: string | null, extra: Partial<SimJob> = {}): SimResult {
  const outcome = runJob({ config, scenario: scenarioText === null ? null : { file: 'scenario.yaml', text: scenarioText }, ...extra });
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.result;
}

export function simulateFixture(configFile: string, scenarioFile: string, extra: Partial<SimJob> = {}): SimResult {
  return simulate(fixture(configFile).config, fixture(scenarioFile).text, extra);
}

/** Calls per deployment over the timeline buckets that start in [fromS, toS). */
export function callsBetween(r: SimResult, fromS: number, toS: number): number[] {
  const out = r.deployments.map(() => 0);
  for (const b of r.timeline) if (b.t >= fromS && b.t < toS) b.by_deployment.forEach((n, i) => (out[i] += n));
  return out;
}

export function shares(calls: number[]): number[] {
  const total = calls.reduce((s, n) => s + n, 0);
  return calls.map((n) => (total > 0 ? n / total : 0));
}

/** Client success ratio over buckets in [fromS, toS) (by completion time). */
export function successBetween(r: SimResult, fromS: number, toS: number): number {
  let ok = 0;
  let failed = 0;
  for (const b of r.timeline) if (b.t >= fromS && b.t < toS) (ok += b.succeeded), (failed += b.failed);
  return ok + failed > 0 ? ok / (ok + failed) : 1;
}

/**
 * `gwcfg simulate FILE` in-process with captured stdout/stderr (`tty`: what stdout claims to be);
 * default format json without progress.
 */
export async function simulateCommand(file: string, options: Record<string, unknown>, tty: { isTTY?: boolean; columns?: number } = {}, env: NodeJS.ProcessEnv = {}) {
  const { executeSimulate } = await import('../../src/sim/command.js');
  let stdout = '';
  let stderr = '';
  const stream = (f: (s: string) => void, extra: object) => ({ ...extra, write: (s: string) => (f(s), true) }) as unknown as NodeJS.WriteStream;
  const code = await executeSimulate(file, { format: 'json', progress: false, ...options }, { stdout: stream((s) => (stdout += s), tty), stderr: stream((s) => (stderr += s), {}), env });
  return { code, stdout, stderr };
}
