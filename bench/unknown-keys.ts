// Validate-time cost of unknown keys: one section with 50,000 unknown keys vs 5,000. Each finding
// looks up its key's position; an index per mapping keeps that O(1), so the ratio stays near 10
// (linear). Before the index it was ~100 (50k keys took over 60 s). Target ratio <= 15.
//
//   node --import tsx bench/unknown-keys.ts   (BENCH_ROUNDS=n, default 3)
import { loadConfigBytes } from '../src/config/load.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

function config(keys: number): Uint8Array {
  let text = 'model_list: []\nrouter_settings:\n';
  for (let i = 0; i < keys; i++) text += `  num_retriesx${i}: 1\n`;
  return new TextEncoder().encode(text);
}

async function time(bytes: Uint8Array, expected: number): Promise<number> {
  const start = performance.now();
  const loaded = await loadConfigBytes('bench.yaml', bytes);
  const ms = performance.now() - start;
  if (loaded.diagnostics.length !== expected) throw new Error(`expected ${expected} findings, got ${loaded.diagnostics.length}`);
  return ms;
}

const small = config(5_000);
const large = config(50_000);
await time(small, 5_000); // warm-up: schema compilation, JIT
let smallMs = Infinity;
let largeMs = Infinity;
for (let r = 0; r < ROUNDS; r++) {
  smallMs = Math.min(smallMs, await time(small, 5_000));
  largeMs = Math.min(largeMs, await time(large, 50_000));
}
console.log(`unknown keys (best of ${ROUNDS}, interleaved): 5k ${smallMs.toFixed(0)} ms, 50k ${largeMs.toFixed(0)} ms; ratio 50k / 5k: ${(largeMs / smallMs).toFixed(2)} (target <= 15, linear 10)`);
