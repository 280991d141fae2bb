// The yaml examples of a docs/rules page and the release they are for (shared by the docs-sync
// and message-style tests).
import { resolveRelease, type Release } from '../../src/routing/releases.js';

/** The first ```yaml block under a `## <heading>` section, or null. */
export function example(page: string, heading: string): string | null {
  const start = page.search(new RegExp(`^## ${heading}\\s*$`, 'm'));
  if (start === -1) return null;
  const rest = page.slice(start).split(/\n(?=## )/)[0];
  const block = /```ya?ml\n([\s\S]*?)```/.exec(rest);
  return block ? block[1] : null;
}

/** The release a page's examples are for: a line "Examples use `--litellm-version X`.", else the default. */
export function exampleRelease(page: string): Release | undefined {
  const m = /^Examples use `--litellm-version ([^`]+)`/m.exec(page);
  return m ? resolveRelease(m[1]) : undefined;
}
