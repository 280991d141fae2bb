// Seeded randomness. The generator is xoroshiro128+ (Blackman & Vigna, 2016) from pure-rand; each
// purpose gets its own stream, obtained by jumping the seeded generator 2^64 steps per stream, so
// drawing more arrival times never shifts the latency or routing sequence (common random numbers
// across strategies in `--compare`).
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/** Uniform in [0, 1). */
export type Uniform = () => number;

// New streams go last: stream k is the generator jumped k+1 times, so the others keep their numbers.
export const STREAM_NAMES = ['arrivals', 'tokens', 'latency', 'errors', 'routing', 'balancer'] as const;
export type StreamName = (typeof STREAM_NAMES)[number];
export type Streams = Record<StreamName, Uniform>;

const SCALE_26 = 2 ** -26;
const SCALE_53 = 2 ** -53;

/** A uniform [0,1) source with 53 random bits taken from two 32-bit outputs. */
export function uniformFrom(generator: RandomGenerator): Uniform {
  return () => ((generator.next() & 0x3ffffff) * SCALE_26 + (generator.next() & 0x7ffffff) * SCALE_53);
}

/** One seeded uniform source (tests, benches, a single-purpose caller). */
export function seededUniform(seed: number): Uniform {
  return uniformFrom(xoroshiro128plus(seed | 0));
}

/** Independent streams for one run: stream k is the seeded generator jumped k+1 times. */
export function createStreams(seed: number): Streams {
  const base = xoroshiro128plus(seed | 0);
  const streams = {} as Streams;
  for (const name of STREAM_NAMES) {
    base.jump();
    streams[name] = uniformFrom(base.clone());
  }
  return streams;
}
