// Benchmark: one million client requests through one deployment (M/M/4, ρ = 0.75) with the full
// simulator (config → router → simulated provider → metrics), against a bare event loop doing
// the same queueing (Poisson arrivals, 4 servers, FIFO, exponential service) in the same run.
// Prints the time ratio (target ≤ 6) and heap use before and after (must not grow with requests),
// and how a max_parallel_requests wait queue scales (200k vs 50k requests: target ≤ 6, linear 4).
//
//   node --expose-gc --import tsx bench/simulate.ts [requests]   (BENCH_ROUNDS=n, default 3)
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { SimulationRun } from '../src/sim/run.js';
import { constant, exponential } from '../src/sim/distributions.js';
import { createStreams, uniformFrom } from '../src/sim/rng.js';
import { Simulation } from '../src/sim/engine.js';

const REQUESTS = Number(process.argv[2] ?? 1_000_000);
const LAMBDA_PER_S = 3;
const SERVICE_MS = 1000;
const SERVERS = 4;

function heapMb(): number {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

/**
 * The baseline: the same queue on the simulator's own event engine (heap, virtual clock, seeded
 * streams, distributions), with no router, provider model or metrics: what any DES of this
 * queue costs. The ratio measures what routing and bookkeeping add.
 */
function engineLoop(requests: number): { meanWaitMs: number } {
  const sim = new Simulation();
  const streams = createStreams(1);
  const gap = exponential(1000 / LAMBDA_PER_S);
  const service = exponential(SERVICE_MS);
  const waiting: number[] = [];
  let head = 0;
  let busy = 0;
  let issued = 0;
  let done = 0;
  let totalMs = 0;
  const depart = (now: number, arrivedAt: number): void => {
    totalMs += now - arrivedAt;
    done++;
    if (head < waiting.length) {
      const next = waiting[head++];
      if (head > 4096 && head * 2 > waiting.length) (waiting.splice(0, head), (head = 0));
      sim.after(service.sample(streams.latency), depart, next);
    } else {
      busy--;
    }
  };
  const arrive = (now: number): void => {
    if (busy < SERVERS) {
      busy++;
      sim.after(service.sample(streams.latency), depart, now);
    } else {
      waiting.push(now);
    }
    if (++issued < requests) sim.after(gap.sample(streams.arrivals), arrive, null);
  };
  sim.after(gap.sample(streams.arrivals), arrive, null);
  sim.runUntil(Infinity);
  return { meanWaitMs: totalMs / done };
}

/** A second reference: hand-inlined heap over plain number arrays (the fastest simple DES). */
function bareLoop(requests: number): { meanWaitMs: number } {
  const u = uniformFrom(xoroshiro128plus(1));
  const times: number[] = [];
  const kinds: number[] = []; // 0 = arrival, 1 = departure
  const push = (t: number, k: number) => {
    let i = times.length;
    times.push(t);
    kinds.push(k);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (times[p] <= t) break;
      times[i] = times[p];
      kinds[i] = kinds[p];
      i = p;
    }
    times[i] = t;
    kinds[i] = k;
  };
  const pop = (): [number, number] => {
    const t0 = times[0];
    const k0 = kinds[0];
    const t = times.pop()!;
    const k = kinds.pop()!;
    const n = times.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= n) break;
        if (c + 1 < n && times[c + 1] < times[c]) c++;
        if (t <= times[c]) break;
        times[i] = times[c];
        kinds[i] = kinds[c];
        i = c;
      }
      times[i] = t;
      kinds[i] = k;
    }
    return [t0, k0];
  };
  const waiting: number[] = [];
  let head = 0;
  let busy = 0;
  let issued = 0;
  let done = 0;
  let totalMs = 0;
  const arrivalGap = () => (-Math.log(1 - u()) * 1000) / LAMBDA_PER_S;
  const service = () => -Math.log(1 - u()) * SERVICE_MS;
  const arrivedAt: number[] = [];
  push(arrivalGap(), 0);
  issued++;
  while (times.length > 0) {
    const [now, kind] = pop();
    if (kind === 0) {
      if (busy < SERVERS) {
        busy++;
        const s = service();
        totalMs += s;
        push(now + s, 1);
        done++;
      } else {
        waiting.push(now);
      }
      if (issued < requests) {
        issued++;
        push(now + arrivalGap(), 0);
      }
    } else if (head < waiting.length) {
      const s = service();
      totalMs += now - waiting[head++] + s;
      if (head > 4096 && head * 2 > waiting.length) (waiting.splice(0, head), (head = 0));
      push(now + s, 1);
      done++;
    } else {
      busy--;
    }
  }
  void arrivedAt;
  return { meanWaitMs: totalMs / done };
}

function fullSimulator(requests: number): { meanMs: number; events: number } {
  const run = new SimulationRun({
    config: { model_list: [{ model_name: 'q', litellm_params: { model: 'openai/q' } }], router_settings: { num_retries: 0, disable_cooldowns: true } },
    seed: 1,
    requests,
    scenario: {
      warmupMs: 0,
      traffic: [{ model: 'q', arrival: 'poisson', ratePerSec: LAMBDA_PER_S, phases: [], inputTokens: constant(500), outputTokens: constant(100), stream: false }],
      deployments: [{ match: { index: 0 }, segments: [], behaviour: { latency: exponential(SERVICE_MS), errorRate: 0, capacity: SERVERS, queue: Infinity } }],
    },
  });
  run.advance(Infinity);
  return { meanMs: run.metrics.totalLatency().mean, events: run.sim.eventsFired };
}

/**
 * A gateway wait queue that only grows: max_parallel_requests 1 in front of 100 ms calls, 1000
 * requests/s. Every request waits for the semaphore, so the FIFO holds almost all of them.
 */
function waitQueue(requests: number): number {
  const run = new SimulationRun({
    config: { model_list: [{ model_name: 'q', litellm_params: { model: 'openai/q', max_parallel_requests: 1 } }], router_settings: { num_retries: 0, disable_cooldowns: true } },
    seed: 1,
    requests,
    scenario: {
      warmupMs: 0,
      traffic: [{ model: 'q', arrival: 'poisson', ratePerSec: 1000, phases: [], inputTokens: constant(500), outputTokens: constant(100), stream: false }],
      deployments: [{ match: { index: 0 }, segments: [], behaviour: { latency: constant(100), errorRate: 0 } }],
    },
  });
  run.advance(Infinity);
  return run.metrics.totals.succeeded;
}

function time<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const value = f();
  return [value, performance.now() - t0];
}

// Warm the paths up so the JIT has compiled them before measuring.
bareLoop(50_000);
engineLoop(50_000);
fullSimulator(50_000);

// Best of ROUNDS, with the baseline and the simulator measured in alternation, so a machine
// busy with other jobs slows both sides alike and the ratio stays meaningful.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const heapBefore = heapMb();
let bare = { meanWaitMs: 0 };
let inlined = { meanWaitMs: 0 };
let full = { meanMs: 0, events: 0 };
let bareMs = Infinity;
let inlinedMs = Infinity;
let fullMs = Infinity;
for (let round = 0; round < ROUNDS; round++) {
  const [b, bMs] = time(() => engineLoop(REQUESTS));
  const [i, iMs] = time(() => bareLoop(REQUESTS));
  const [f, fMs] = time(() => fullSimulator(REQUESTS));
  (bare = b), (inlined = i), (full = f);
  bareMs = Math.min(bareMs, bMs);
  inlinedMs = Math.min(inlinedMs, iMs);
  fullMs = Math.min(fullMs, fMs);
}
const heapAfter = heapMb();
const [, smallMs] = time(() => fullSimulator(REQUESTS / 10));
const heapSmall = heapMb();

// Wait-queue scaling: 4x the requests must take about 4x the time (a queue with O(n) removal
// made this quadratic: 16x).
waitQueue(20_000);
let queueSmallMs = Infinity;
let queueLargeMs = Infinity;
for (let round = 0; round < ROUNDS; round++) {
  queueSmallMs = Math.min(queueSmallMs, time(() => waitQueue(50_000))[1]);
  queueLargeMs = Math.min(queueLargeMs, time(() => waitQueue(200_000))[1]);
}

console.log(`requests: ${REQUESTS.toLocaleString('en-US')} (M/M/${SERVERS}, ρ = ${(LAMBDA_PER_S * SERVICE_MS) / 1000 / SERVERS})`);
console.log(`bare event loop: mean time in system ${(bare.meanWaitMs / 1000).toFixed(3)} s (theory 1.509 s)`);
console.log(`full simulator:  mean time in system ${(full.meanMs / 1000).toFixed(3)} s, ${full.events.toLocaleString('en-US')} events`);
console.log(`time (best of ${ROUNDS}, interleaved): bare ${bareMs.toFixed(0)} ms, full ${fullMs.toFixed(0)} ms; ratio full / bare: ${(fullMs / bareMs).toFixed(2)} (target <= 6)`);
console.log(`for reference, an inlined number-array heap: ${inlinedMs.toFixed(0)} ms (full / inlined ${(fullMs / inlinedMs).toFixed(1)}); mean ${(inlined.meanWaitMs / 1000).toFixed(3)} s`);
console.log(`scaling: ${REQUESTS / 10} requests took ${((smallMs / fullMs) * 100).toFixed(1)}% of the time of ${REQUESTS}`);
console.log(`max_parallel_requests wait queue: 200,000 requests took ${(queueLargeMs / queueSmallMs).toFixed(1)}x the time of 50,000 (target <= 6; linear = 4)`);
console.log(`heap: before ${heapBefore.toFixed(1)} MB, after ${heapAfter.toFixed(1)} MB, after a 10x smaller run ${heapSmall.toFixed(1)} MB`);
