// LiteLLM release strings for generate/check-metrics: the same parsing and comparison as the
// router's `--litellm-version` (src/routing/releases.ts), so every command accepts the same forms
// ("1.80", "1.80.5", "v1.81.3-stable", year aliases 2024-2026) plus "latest".
import { compareReleases, formatRelease, isRelease, resolveRelease } from '../routing/releases.js';

/** True for "1.80", "1.80.5", "v1.81.3-stable", "1.74.9.post1". */
export const isVersion = isRelease;

/** Negative when a < b, 0 when equal (major.minor.patch; a missing patch is the line's newest). */
export function compareVersions(a: string, b: string): number {
  return compareReleases(a, b);
}

/**
 * `--litellm-version` for generate/check-metrics: undefined, '' and "latest" mean the newest metric
 * names (undefined); anything else is resolved as the router resolves it ("major.minor.patch").
 * Throws Error('--litellm-version: ...') for text that is not a release or is newer than gwcfg models.
 */
export function normalizeVersion(text: string | undefined): string | undefined {
  if (text === undefined || text === '' || text === 'latest') return undefined;
  try {
    return formatRelease(resolveRelease(text));
  } catch (error) {
    throw new Error(`--litellm-version: ${(error as Error).message}`);
  }
}
