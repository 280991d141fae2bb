// Writes a Calibration as a commented scenario file (docs/contracts.md, scenario) that users can
// edit: every fitted number sits beside a comment with its sample size, observed quantiles and
// Kolmogorov–Smirnov distance. Strings are JSON-quoted, which is valid YAML.
import type { LognormalFit } from './fit.js';
import type { Calibration, DeploymentFit, GroupFit } from './calibrate.js';
import { safeText } from '../util/safe-text.js';

/** KS distance above which a fit is flagged as poor in the comments and the report. */
export const POOR_FIT_KS = 0.1;

function sig(x: number, digits = 4): number {
  if (x === 0 || !Number.isFinite(x)) return 0;
  return Number(x.toPrecision(digits));
}

/** Milliseconds as a scenario duration string (`812.3ms`, `4.2s`). */
export function durationText(ms: number): string {
  if (ms >= 10_000 || ms === 0) return `${sig(ms / 1000)}s`;
  const v = sig(ms);
  return `${v}ms`;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function q(s: string): string {
  return JSON.stringify(s);
}

function fitComment(f: LognormalFit, unit: 'ms' | 'tokens'): string {
  const show = (x: number) => (unit === 'ms' ? durationText(x) : String(Math.round(x)));
  const poor = f.ks > POOR_FIT_KS ? ' POOR FIT: consider dist: empirical' : '';
  return `n=${f.n}, KS=${f.ks.toFixed(3)}; observed p50 ${show(f.observed.p50)}, p90 ${show(f.observed.p90)}, p99 ${show(f.observed.p99)}, max ${show(f.observed.max)}${poor}`;
}

function lognormalLine(key: string, f: LognormalFit, unit: 'ms' | 'tokens', indent: string): string {
  const v = (x: number) => (unit === 'ms' ? durationText(x) : String(Math.max(1, Math.round(x))));
  // p99 >= p50 > 0 is what the scenario check requires; a degenerate fit (sigma 0) gives p99 = p50.
  return `${indent}${key}: { dist: lognormal, p50: ${v(f.p50)}, p99: ${v(Math.max(f.p99, f.p50))} }   # ${fitComment(f, unit)}\n`;
}

function groupBlock(g: GroupFit, durationMs: number): string {
  let out = `  - model: ${q(g.model)}   # ${g.requests} logged requests\n`;
  out += `    arrival: poisson\n`;
  out += `    rate: ${sig(g.ratePerSec)}   # requests per second outside the phases below\n`;
  if (g.phases.length > 0) {
    out += `    phases:   # where the logged rate differed\n`;
    for (const p of g.phases) {
      const to = Math.min(p.toMs, durationMs);
      out += `      - { from: ${durationText(p.fromMs)}, to: ${durationText(to)}, multiplier: ${g.ratePerSec > 0 ? sig(p.ratePerSec / g.ratePerSec) : 0} }   # ${sig(p.ratePerSec)}/s\n`;
    }
  }
  if (g.inputTokens) out += lognormalLine('input_tokens', g.inputTokens, 'tokens', '    ');
  if (g.outputTokens) out += lognormalLine('output_tokens', g.outputTokens, 'tokens', '    ');
  out += `    stream: ${g.streamShare >= 0.5}   # ${(g.streamShare * 100).toFixed(1)}% of logged requests streamed\n`;
  return out;
}

function deploymentBlock(d: DeploymentFit): string | null {
  const fitted = d.ttft !== null || d.latency !== null;
  if (!fitted && d.failures === 0) return null;
  let out = `  - match: { id: ${q(d.id)} }   # deployment ${d.index}: ${safeText(d.modelName)} -> ${safeText(d.model)}\n`;
  if (d.ttft) {
    out += lognormalLine('ttft', d.ttft, 'ms', '    ');
    if (d.perToken) out += lognormalLine('per_token', d.perToken, 'ms', '    ');
  }
  if (d.latency) out += lognormalLine('latency', d.latency, 'ms', '    ');
  const statuses = Object.entries(d.failuresByStatus).map(([s, n]) => `${s}: ${n}`).join(', ');
  out += `    error_rate: ${sig(d.errorRate)}   # ${d.failures} failed of ${d.calls + d.failures} calls${statuses ? ` (${statuses})` : ''}\n`;
  if (d.errorStatus !== null) out += `    error_status: ${d.errorStatus}\n`;
  return out;
}

/** The scenario text. `seed` is the scenario's PRNG seed (the simulation's, not the fit's). */
export function scenarioYaml(c: Calibration, seed = 1): string {
  let out = `# Scenario calibrated by gwcfg calibrate from ${safeText(c.spendLog)}${c.errorLog ? ` and ${safeText(c.errorLog)}` : ''}\n`;
  out += `# ${c.rows} logged rows, ${iso(c.firstMs)} .. ${iso(c.lastMs)}. Every number below is fitted; edit freely.\n`;
  out += `# Latencies: log-normal fits (maximum likelihood on ln x); KS = Kolmogorov-Smirnov distance to the data.\n`;
  for (const u of c.unfitted) out += `# not fitted: ${u}\n`;
  out += `seed: ${seed}\n`;
  out += `duration: ${durationText(c.durationMs)}\n`;
  if (c.groups.length > 0) {
    out += `traffic:\n`;
    for (const g of c.groups) out += groupBlock(g, c.durationMs);
  }
  const blocks = c.deployments.map(deploymentBlock).filter((b): b is string => b !== null);
  if (blocks.length > 0) out += `deployments:\n${blocks.join('')}`;
  return out;
}
