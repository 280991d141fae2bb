// The calibrate command's body: load the config, fit the logs, write the scenario, report the fit.
import { CliError } from '../cli/errors.js';
import { loadConfig } from '../config/load.js';
import { configTargets } from '../sim/targets.js';
import { Router } from '../routing/router.js';
import { writeFilesAtomic } from '../util/write-files.js';
import { LogInputError } from '../traffic/spend-logs.js';
import { calibrate, type Calibration, type CalibrationTarget } from './calibrate.js';
import { scenarioYaml, durationText, POOR_FIT_KS } from './scenario-writer.js';
import type { LognormalFit } from './fit.js';
import { safeText, safeLines } from '../util/safe-text.js';
import { maxOf } from '../util/extrema.js';

export interface CalibrateOptions {
  spendLogs: string;
  errorLogs?: string;
  output: string;
  force?: boolean;
  format?: 'table' | 'json';
  seed?: string;
}

export interface CalibrateIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Deployments and routable names of a loaded config, as calibration matches log rows to them. */
export function calibrationTarget(config: unknown): CalibrationTarget {
  let router: Router;
  try {
    // Only ids and names are read: no routing happens, so the random source is never drawn.
    router = Router.fromConfig(config, { random: () => 0.5 });
  } catch (error) {
    throw new CliError(`cannot calibrate: ${(error as Error).message}`);
  }
  const targets = configTargets(config, router);
  const list = isObj(config) && Array.isArray(config.model_list) ? config.model_list : [];
  return {
    isRoutable: targets.isRoutable,
    deployments: router.deployments.map((d) => {
      const params = isObj(list[d.index]) && isObj((list[d.index] as Obj).litellm_params) ? ((list[d.index] as Obj).litellm_params as Obj) : {};
      return { index: d.index, id: d.id, modelName: d.modelName, model: d.model, apiBase: typeof params.api_base === 'string' ? params.api_base : null };
    }),
  };
}

/** Exit code: 0 written, 1 when the logs could not be used (positioned message), 2 usage errors. */
export async function executeCalibrate(configFile: string, options: CalibrateOptions, io: CalibrateIo): Promise<number> {
  const seed = options.seed === undefined ? 1 : Number(options.seed);
  if (!Number.isInteger(seed)) throw new CliError(`--seed must be an integer, got '${options.seed}'`);
  const loaded = await loadConfig(configFile);
  if (loaded.value === undefined || loaded.value === null || loaded.diagnostics.some((d) => d.severity === 'error' && d.ruleId.startsWith('yaml/'))) {
    throw new CliError(`cannot calibrate: ${loaded.file} does not load (run gwcfg validate ${loaded.file})`);
  }
  let calibration: Calibration;
  try {
    calibration = await calibrate(calibrationTarget(loaded.value), options.spendLogs, options.errorLogs ?? null);
  } catch (error) {
    if (error instanceof LogInputError) {
      io.stderr(`${error.format()}\n`);
      return 1;
    }
    throw error;
  }
  if (calibration.groups.length === 0) {
    io.stderr(`${options.spendLogs}: no row names a model group that ${loaded.file} serves (column model_group); nothing to calibrate\n`);
    return 1;
  }
  const text = scenarioYaml(calibration, seed);
  const report = options.format === 'json' ? `${JSON.stringify(fitReport(calibration), null, 2)}\n` : fitTable(calibration);
  if (options.output === '-') {
    io.stdout(text);
    io.stderr(report);
  } else {
    await writeFilesAtomic([{ path: options.output, content: text }], { force: options.force === true });
    io.stdout(report);
    io.stderr(`gwcfg: wrote ${options.output}; simulate it with: gwcfg simulate ${configFile} --scenario ${options.output}\n`);
  }
  return 0;
}

function fitSummary(f: LognormalFit | null): object | null {
  if (!f) return null;
  return { n: f.n, p50_ms: round(f.p50), p99_ms: round(f.p99), ks: round(f.ks, 4), observed_ms: { p50: round(f.observed.p50), p90: round(f.observed.p90), p99: round(f.observed.p99), max: round(f.observed.max) } };
}

function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Machine-readable fit report (`--format json`). Token fits are in tokens, not ms. */
export function fitReport(c: Calibration): object {
  return {
    version: 1,
    spend_logs: c.spendLog,
    error_logs: c.errorLog,
    rows: c.rows,
    duration_seconds: c.durationMs / 1000,
    groups: c.groups.map((g) => ({
      model: g.model,
      requests: g.requests,
      rate_per_second: round(g.ratePerSec, 4),
      phases: g.phases.map((p) => ({ from_seconds: p.fromMs / 1000, to_seconds: p.toMs / 1000, rate_per_second: round(p.ratePerSec, 4) })),
      stream_share: round(g.streamShare, 4),
      input_tokens: fitSummary(g.inputTokens),
      output_tokens: fitSummary(g.outputTokens),
    })),
    deployments: c.deployments.map((d) => ({
      index: d.index,
      id: d.id,
      model_name: d.modelName,
      model: d.model,
      calls: d.calls,
      failures: d.failures,
      error_rate: round(d.errorRate, 6),
      error_status: d.errorStatus,
      failures_by_status: d.failuresByStatus,
      latency: fitSummary(d.latency),
      ttft: fitSummary(d.ttft),
      per_token: fitSummary(d.perToken),
    })),
    not_fitted: c.unfitted,
  };
}

function fitCell(f: LognormalFit | null): string {
  if (!f) return '-';
  return `${durationText(f.p50)}/${durationText(f.p99)} KS ${f.ks.toFixed(3)}${f.ks > POOR_FIT_KS ? ' (poor)' : ''}`;
}

/** Plain table of the fit quality, one row per deployment, then what was not fitted. */
export function fitTable(c: Calibration): string {
  const rows = [['#', 'group', 'model', 'calls', 'errors', 'latency p50/p99', 'ttft p50/p99', 'per token p50/p99']];
  for (const d of c.deployments) {
    rows.push([String(d.index), d.modelName, d.model, String(d.calls), `${(d.errorRate * 100).toFixed(2)}%`, fitCell(d.latency), fitCell(d.ttft), fitCell(d.perToken)]);
  }
  const widths = rows[0].map((_, i) => maxOf(rows.map((r) => r[i].length)));
  let out = rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd()).join('\n') + '\n';
  out = safeLines(out);
  for (const g of c.groups) {
    const changes = g.phases.length > 1 ? `, ${g.phases.length} phases` : '';
    out += `group ${safeText(g.model)}: ${g.requests} requests, ${round(g.ratePerSec, 3)}/s base rate${changes}, ${(g.streamShare * 100).toFixed(0)}% streamed\n`;
  }
  for (const u of c.unfitted) out += `not fitted: ${u}\n`;
  return out;
}
