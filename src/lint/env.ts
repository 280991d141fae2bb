// Reads dotenv files (`--env-file`) for the env/unset-variable rule. The format follows the
// dotenv package: KEY=VALUE lines, optional `export `, `#` comments, single quotes taken
// literally, double quotes with \n \r \t \" \\ escapes and possibly several lines.
import { readFileSync } from 'node:fs';
import { CliError } from '../cli/errors.js';

export class DotenvError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

const KEY = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*/;

export function parseDotenv(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const src = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = src.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const key = KEY.exec(trimmed);
    // Messages never quote the line: a dotenv file is made of secrets.
    if (!key) throw new DotenvError(i + 1, 'expected KEY=VALUE (the line is not shown: dotenv files hold secrets)');
    let rest = trimmed.slice(key[0].length);
    const quote = rest[0];
    if (quote === '"' || quote === "'" || quote === '`') {
      // The value may continue on the following lines until the closing quote.
      let body = rest.slice(1);
      let close = findClose(body, quote);
      const startLine = i;
      while (close === -1 && i + 1 < lines.length) {
        i++;
        body += '\n' + lines[i];
        close = findClose(body, quote);
      }
      if (close === -1) throw new DotenvError(startLine + 1, `unclosed ${quote} quote in a value`);
      const after = body.slice(close + 1).trim();
      if (after !== '' && !after.startsWith('#')) throw new DotenvError(i + 1, 'unexpected text after the closing quote of a value');
      const value = body.slice(0, close);
      out.set(key[1], quote === '"' ? unescapeDouble(value) : value);
      continue;
    }
    // Unquoted: an inline comment starts at ' #'.
    const hash = rest.search(/\s#/);
    if (hash !== -1) rest = rest.slice(0, hash);
    out.set(key[1], rest.trim());
  }
  return out;
}

function findClose(body: string, quote: string): number {
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '\\' && quote === '"') {
      i++;
      continue;
    }
    if (body[i] === quote) return i;
  }
  return -1;
}

function unescapeDouble(value: string): string {
  return value.replace(/\\([nrt"\\])/g, (_, c: string) => ({ n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' })[c] ?? c);
}

export async function readEnvFile(file: string): Promise<Map<string, string>> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`cannot read env file ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (error as Error).message}`);
  }
  try {
    return parseDotenv(text);
  } catch (error) {
    if (error instanceof DotenvError) throw new CliError(`${file}:${error.line}: ${error.message}`);
    throw error;
  }
}

/** The environment the env rules check against: --env-file values over process.env (--check-env). */
export async function buildEnv(envFile: string | undefined, checkEnv: boolean, processEnv: NodeJS.ProcessEnv = process.env): Promise<Map<string, string> | null> {
  if (!envFile && !checkEnv) return null;
  const env = new Map<string, string>();
  if (checkEnv) for (const [k, v] of Object.entries(processEnv)) if (v !== undefined) env.set(k, v);
  if (envFile) for (const [k, v] of await readEnvFile(envFile)) env.set(k, v);
  return env;
}
