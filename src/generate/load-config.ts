// Reads a config as plain data through the shared loader (includes and merge keys resolved).
// Schema findings do not stop generation; only a file that cannot be parsed does.

import { loadConfig } from '../config/load.js';
import { CliError } from '../cli/errors.js';
import { safeText } from '../util/safe-text.js';

export async function loadConfigValue(file: string): Promise<unknown> {
  const loaded = await loadConfig(file);
  const fatal = loaded.diagnostics.find((d) => d.severity === 'error' && d.ruleId.startsWith('yaml/'));
  if (loaded.value === undefined || loaded.value === null || fatal) {
    const why = fatal ? `${fatal.file}:${fatal.line}:${fatal.column} ${fatal.message}` : `${loaded.file} is empty`;
    throw new CliError(`cannot generate from ${file}: ${why}`);
  }
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error').length;
  if (errors > 0) process.stderr.write(`gwcfg: warning: ${safeText(loaded.file)} has ${errors} validation error(s); generating anyway (see gwcfg validate)\n`);
  return loaded.value;
}
