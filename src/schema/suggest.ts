// Did-you-mean suggestions for keys and enum values.
import { distance } from 'fastest-levenshtein';

/** Largest edit distance still treated as a typo of a word of this length. */
function tolerance(length: number): number {
  if (length <= 3) return 0;
  if (length <= 5) return 1;
  if (length <= 12) return 2;
  return 3;
}

const normalize = (s: string) => s.toLowerCase().replace(/-/g, '_');

/** The closest candidate within typo distance, or null. Exact matches are not near misses. */
export function isNearMiss(word: string, candidates: readonly string[]): string | null {
  if (candidates.includes(word)) return null;
  const w = normalize(word);
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = normalize(c) === w ? 0 : distance(w, normalize(c));
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  if (best === null) return null;
  return bestDistance <= tolerance(Math.min(word.length, best.length)) ? best : null;
}

/** The closest candidate for a suggestion in an error that is already reported (looser). */
export function closest(word: string, candidates: readonly string[]): string | null {
  const w = normalize(word);
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = distance(w, normalize(c));
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  return best !== null && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : null;
}
