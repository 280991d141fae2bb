// Which bench/*.ts files `npm run bench` runs: all but the runner and the modules the benches use.
/** bench/ files that are not benchmarks: the runner, this list, and modules other benches use. */
export const NOT_BENCHES: ReadonlySet<string> = new Set(['index.ts', 'list.ts', 'startup.ts', 'startup-reference.ts']);

/** The benchmark scripts among `files` (names in bench/), sorted. */
export function benchScripts(files: readonly string[]): string[] {
  return files.filter((f) => f.endsWith('.ts') && !NOT_BENCHES.has(f)).sort();
}
