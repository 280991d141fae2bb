export declare function exitStatus(result: { status: number | null; signal: NodeJS.Signals | null }): number;
export declare function testRunnerArgs(files: readonly string[]): string[];
export declare function runSteps(
  under: string,
  steps: ReadonlyArray<readonly [command: string, args: readonly string[]]>,
  options?: { cwd?: string; env?: NodeJS.ProcessEnv; stdio?: 'inherit' | 'pipe' | 'ignore' },
): number;
