// Sparklines: a deployment's share of calls over the timeline, one character per slice of time,
// so a failover shows in the terminal table (`████▁▁  ▄▄` — empty where it took no calls).
import type { SimResult } from '../result.js';

const BLOCKS = '▁▂▃▄▅▆▇█';
/** ASCII fallback (TERM=dumb/linux, non-UTF-8 locale): the same eight levels. */
const ASCII_LEVELS = '.:-=+*#@';

/**
 * Per deployment, its share of all calls started in each of at most `points` equal slices of the
 * timeline (buckets merged in order), as characters: a space for no calls, else level
 * ceil(share × 8) of eight (▁ … █, or `.:-=+*#@` when `unicode` is false). Share is absolute (0..1),
 * so 50 % reads ▄ in every row. A slice in which no deployment got a call is a space in every row.
 */
export function shareSparklines(r: SimResult, points: number, unicode: boolean): string[] {
  const levels = unicode ? BLOCKS : ASCII_LEVELS;
  const buckets = r.timeline;
  const n = Math.max(1, Math.min(points, buckets.length));
  const slices = Array.from({ length: n }, (_, k) => buckets.slice(Math.floor((k * buckets.length) / n), Math.floor(((k + 1) * buckets.length) / n)));
  return r.deployments.map((_, i) =>
    slices
      .map((slice) => {
        const all = slice.reduce((s, b) => s + b.by_deployment.reduce((x, y) => x + y, 0), 0);
        const mine = slice.reduce((s, b) => s + (b.by_deployment[i] ?? 0), 0);
        if (all === 0 || mine === 0) return ' ';
        return levels[Math.min(levels.length, Math.ceil((mine / all) * levels.length)) - 1];
      })
      .join(''),
  );
}
