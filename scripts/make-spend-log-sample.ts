// Writes the synthetic LiteLLM log sample in fixtures/traffic/ (no real data): rows shaped like
// LiteLLM_SpendLogs and LiteLLM_ErrorLogs exports from psql, drawn from KNOWN parameters that
// `gwcfg calibrate` must recover (test/calibrate). Deterministic: same seed, same bytes.
//   node --import tsx scripts/make-spend-log-sample.ts [OUTDIR]
import { writeFileSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { litellmDeploymentId } from '../src/routing/config.js';
import { lognormalFromPercentiles, type Distribution } from '../src/sim/distributions.js';
import { createStreams } from '../src/sim/rng.js';

/** The truth the sample is drawn from. Times in ms, rates per second. */
export const SAMPLE_PARAMETERS = {
  seed: 20261130,
  /** 2026-11-30 10:00:00 UTC */
  originMs: Date.UTC(2026, 10, 30, 10, 0, 0),
  durationMs: 1_200_000,
  groups: {
    chat: { ratePerSec: 2, phase: { fromMs: 400_000, toMs: 600_000, multiplier: 3 }, input: [800, 4000], output: [200, 1500], stream: true },
    embed: { ratePerSec: 0.5, phase: null, input: [300, 2000], output: null, stream: false },
  },
  deployments: [
    // chat-eu: logged with its model_info.id
    { group: 'chat', ttft: [400, 1500], perToken: [20, 40], errorRate: 0.02, errorStatus: 429, logModelId: true },
    // chat-us: an older release that logged no model_id (matched by api_base + model)
    { group: 'chat', ttft: [600, 2500], perToken: [30, 60], errorRate: 0.05, errorStatus: 503, logModelId: false },
    { group: 'embed', latency: [120, 400], errorRate: 0, errorStatus: 500, logModelId: false },
  ],
} as const;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** psql's text form of a UTC timestamp(3): `2026-11-30 10:00:00.123+00`. */
function psqlTime(ms: number): string {
  const d = new Date(Math.round(ms));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}+00`;
}

export function makeSample(configText: string): { spend: string; errors: string } {
  const p = SAMPLE_PARAMETERS;
  const config = parse(configText) as { model_list: { model_name: string; litellm_params: Record<string, unknown>; model_info?: { id?: string } }[] };
  const ids = config.model_list.map((d) => d.model_info?.id ?? litellmDeploymentId(d.model_name, d.litellm_params));
  const rng = createStreams(p.seed);
  const ln = ([p50, p99]: readonly [number, number]): Distribution => lognormalFromPercentiles(p50, p99);
  const events: { start: number; line: string; error?: string }[] = [];
  let n = 0;
  for (const [group, g] of Object.entries(p.groups)) {
    const members = p.deployments.map((d, i) => ({ d, i })).filter((x) => x.d.group === group);
    let t = 0;
    for (;;) {
      const inPhase = g.phase && t >= g.phase.fromMs && t < g.phase.toMs;
      const rate = g.ratePerSec * (inPhase ? g.phase!.multiplier : 1);
      const gap = (-Math.log(1 - rng.arrivals()) / rate) * 1000;
      // Poisson with a piecewise rate: a gap crossing a rate change restarts at the change.
      const change = g.phase ? [g.phase.fromMs, g.phase.toMs].find((c) => c > t && c < t + gap) : undefined;
      if (change !== undefined) {
        t = change;
        continue;
      }
      t += gap;
      if (t >= p.durationMs) break;
      const { d, i } = members[Math.floor(rng.routing() * members.length)];
      const params = config.model_list[i].litellm_params;
      const model = String(params.model).replace(/^[^/]+\//, '');
      const apiBase = String(params.api_base ?? '');
      const promptTokens = Math.max(1, Math.round(ln(g.input).sample(rng.tokens)));
      const completionTokens = g.output ? Math.max(1, Math.round(ln(g.output).sample(rng.tokens))) : 0;
      const start = p.originMs + t;
      const failed = rng.errors() < d.errorRate;
      const requestId = `req-${String(++n).padStart(6, '0')}`;
      if (failed) {
        const end = start + 50;
        events.push({
          start,
          line: `${requestId},acompletion,${psqlTime(start)},${psqlTime(end)},,${model},${d.logModelId ? ids[i] : ''},${group},${apiBase},${promptTokens},0,failure,0`,
          error: `${requestId},${psqlTime(start)},${psqlTime(end)},${apiBase},${group},${model},${ids[i]},${d.errorStatus === 429 ? "RateLimitError" : "ServiceUnavailableError"},${d.errorStatus}`,
        });
        continue;
      }
      let firstChunk: number;
      let end: number;
      if ('ttft' in d) {
        firstChunk = start + ln(d.ttft).sample(rng.latency);
        end = firstChunk + ln(d.perToken).sample(rng.latency) * completionTokens;
      } else {
        end = start + ln(d.latency).sample(rng.latency);
        firstChunk = end; // not streamed: LiteLLM logs completionStartTime = endTime
      }
      const spend = ((promptTokens * 2.5 + completionTokens * 10) / 1e6).toFixed(8);
      events.push({
        start,
        line: `${requestId},${g.stream ? 'acompletion' : 'aembedding'},${psqlTime(start)},${psqlTime(end)},${psqlTime(firstChunk)},${model},${d.logModelId ? ids[i] : ''},${group},${apiBase},${promptTokens},${completionTokens},success,${spend}`,
      });
    }
  }
  events.sort((a, b) => a.start - b.start || (a.line < b.line ? -1 : 1));
  const spend = ['request_id,call_type,startTime,endTime,completionStartTime,model,model_id,model_group,api_base,prompt_tokens,completion_tokens,status,spend', ...events.map((e) => e.line)].join('\n') + '\n';
  const errors = ['request_id,startTime,endTime,api_base,model_group,litellm_model_name,model_id,exception_type,status_code', ...events.filter((e) => e.error).map((e) => e.error!)].join('\n') + '\n';
  return { spend, errors };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const out = process.argv[2] ?? 'fixtures/traffic';
  const { spend, errors } = makeSample(readFileSync('fixtures/traffic/config.yaml', 'utf8'));
  writeFileSync(`${out}/spend-logs.csv`, spend);
  writeFileSync(`${out}/error-logs.csv`, errors);
  console.error(`wrote ${out}/spend-logs.csv and ${out}/error-logs.csv`);
}
