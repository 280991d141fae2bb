// Runs the built CLI (dist/, built by `npm test`) as users do.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Real LiteLLM configs and planted mistakes kept in the project (see fixtures/corpus/README.md). */
export const CORPUS = fileURLToPath(new URL('../../fixtures/corpus', import.meta.url));

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { input?: string | Buffer; env?: NodeJS.ProcessEnv; cwd?: string } = {}): CliResult {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', GITHUB_ACTIONS: '', FORCE_COLOR: undefined, ...options.env };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
  const r = spawnSync(process.execPath, [`${ROOT}bin/gwcfg.js`, ...args], {
    cwd: options.cwd ?? ROOT,
    env,
    input: options.input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function jsonDiagnostics(result: CliResult): { ruleId: string; severity: string; line: number; column: number; endLine: number; endColumn: number; message: string; file: string; path?: string }[] {
  return JSON.parse(result.stdout).diagnostics;
}
