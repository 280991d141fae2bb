/** The variables that point a test run at its own directory (scripts/test-files.mjs). */
export interface RunDirectoryEnv {
  TMPDIR: string;
  TMP: string;
  TEMP: string;
  GWCFG_CACHE_DIR: string;
}
export declare function inRunDirectory<T>(under: string, fn: (env: RunDirectoryEnv) => T): T;
export declare function runTestFiles(files: readonly string[], options?: { cwd?: string; env?: NodeJS.ProcessEnv; stdio?: 'inherit' | 'pipe' | 'ignore' }): number;
