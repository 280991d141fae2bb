// YAML alias expansion (issue 14): loading a config whose 100,000-item anchor is aliased 9,000
// times, as a ratio against the same file without the aliases, measured in the same run
// (target ≤ 2: aliases share one value and the expansion is counted in linear time; the old
// loader took over 60 s). A second row reports a file just under the expansion limit
// (a 100-item anchor aliased 9,000 times, accepted), against the same baseline.
// Run: node --import tsx bench/yaml.ts
import { loadConfigBytes } from '../src/config/load.js';

const ROUNDS = 5;
const MODEL = 'model_list:\n  - model_name: m\n    litellm_params:\n      model: openai/gpt-4o\n';
const anchor = (n: number): string => `x-a: &a [${Array(n).fill('1').join(',')}]\n`;
const aliases = `x-b: [${Array(9000).fill('*a').join(',')}]\n`;

async function median(text: string): Promise<number> {
  const bytes = Buffer.from(text);
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    await loadConfigBytes('bench.yaml', bytes);
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)];
}

const baseline = await median(anchor(100_000) + MODEL);
const bomb = await median(anchor(100_000) + MODEL + aliases);
const shared = await median(anchor(100) + MODEL + aliases);
const target = 2;
console.log(`baseline (100k-item anchor, no aliases): ${baseline.toFixed(1)} ms`);
console.log(`100k-item anchor × 9,000 aliases (refused, yaml/alias-limit): ${bomb.toFixed(1)} ms, ratio ${(bomb / baseline).toFixed(2)} (target ≤ ${target})`);
console.log(`100-item anchor × 9,000 aliases (accepted): ${shared.toFixed(1)} ms, ratio ${(shared / baseline).toFixed(2)} (reported)`);
if (bomb / baseline > target) process.exitCode = 1;
