// `--slo "success>=99.9%,p95<=3s[,p99<=8s][,group=NAME]"`: the service-level objective a tuned
// config must meet. Errors name the column of the offending clause and show a correct example.
import { CliError } from '../cli/errors.js';
import { parseDurationMs } from '../sim/units.js';
import { safeText } from '../util/safe-text.js';

export interface Slo {
  /** Least share of client requests that succeed, 0..1. */
  success: number | null;
  /** Highest client latency percentiles, milliseconds. */
  p95Ms: number | null;
  p99Ms: number | null;
  /** Model group the objective applies to; null = every request. */
  group: string | null;
  /** The flag as written, for the output. */
  text: string;
}

/** The comma-separated clauses of the flag, trimmed, each with the 1-based column where it starts. */
function clauses(text: string): { clause: string; column: number }[] {
  let offset = 0;
  return text.split(',').map((raw) => {
    const column = offset + raw.length - raw.trimStart().length + 1;
    offset += raw.length + 1;
    return { clause: raw.trim(), column };
  });
}

const CLAUSE = /^([A-Za-z0-9_]+)\s*(>=|<=|=|<|>)\s*(.*)$/;

const EXAMPLE = 'e.g. --slo "success>=99.9%,p95<=3s,p99<=8s"';

/** Parses the --slo flag; throws CliError (exit 2) naming the column of the first bad clause. */
export function parseSlo(text: string): Slo {
  const slo: Slo = { success: null, p95Ms: null, p99Ms: null, group: null, text };
  const fail = (column: number, what: string): never => {
    throw new CliError(`--slo: column ${column}: ${what}; ${EXAMPLE}`);
  };
  if (text.trim() === '') fail(1, 'empty: give at least one constraint');
  for (const { clause, column } of clauses(text)) {
    if (clause === '') fail(column, 'empty clause (two commas in a row, or a trailing comma?)');
    const m = CLAUSE.exec(clause);
    if (!m) fail(column, `'${clause}' is not a constraint like success>=99.9% or p95<=3s`);
    const [, key, op, value] = m!;
    // Errors point at the part that is wrong: the operator or the value, not the clause start.
    const opColumn = column + clause.indexOf(op, key.length);
    const valueColumn = column + clause.length - value.length;
    const seen = (k: keyof Slo) => slo[k] !== null && fail(column, `'${key}' is given twice`);
    if (key === 'group') {
      if (op !== '=' || value.trim() === '') fail(op !== '=' ? opColumn : valueColumn, `write group=NAME (a model_name of the config), got '${clause}'`);
      seen('group');
      slo.group = value.trim();
    } else if (key === 'success') {
      if (op !== '>=') fail(opColumn, `success takes >= (a least success rate), got '${op}'`);
      const pct = /^(\d+(?:\.\d+)?)\s*%$/.exec(value.trim());
      // toPrecision: 99.9 / 100 is 0.9990000000000001 in binary floating point.
      const n = pct ? +(Number(pct[1]) / 100).toPrecision(12) : Number(value.trim());
      if (value.trim() === '' || !Number.isFinite(n) || n <= 0 || n > 1) fail(valueColumn, `success needs a percentage in (0%, 100%] such as 99.9%, got '${value.trim()}'`);
      seen('success');
      slo.success = n;
    } else if (key === 'p95' || key === 'p99') {
      if (op !== '<=') fail(opColumn, `${key} takes <= (a latency ceiling), got '${op}'`);
      let ms: number;
      try {
        ms = parseDurationMs(value.trim());
      } catch {
        fail(valueColumn, `${key} needs a duration such as 3s or 800ms, got '${value.trim()}'`);
      }
      if (!(ms! > 0)) fail(valueColumn, `${key} must be positive`);
      const k = key === 'p95' ? 'p95Ms' : 'p99Ms';
      seen(k);
      slo[k] = ms!;
    } else {
      fail(column, `unknown constraint '${key}' (known: success, p95, p99, group)`);
    }
  }
  if (slo.success === null && slo.p95Ms === null && slo.p99Ms === null) fail(1, 'no constraint to meet (give success, p95 or p99)');
  return slo;
}

/**
 * Checks `group=NAME` against the config's model groups; CliError (exit 2) naming the column of
 * NAME, like every --slo error.
 */
export function checkSloGroup(slo: Slo, groups: readonly string[], file: string): void {
  if (slo.group === null || groups.includes(slo.group)) return;
  // The column of NAME: the value is the clause's tail (the pattern is anchored at both ends).
  const at = clauses(slo.text).find((c) => CLAUSE.exec(c.clause)?.[1] === 'group');
  const column = at ? at.column + at.clause.length - CLAUSE.exec(at.clause)![3].length : 1;
  throw new CliError(safeText(`--slo: column ${column}: group '${slo.group}' is not a model_name of ${file} (known: ${groups.join(', ')})`));
}

/**
 * A latency bound as the user wrote it (`10ms`, `1.5s`, `2m`; spaces dropped), taken from the
 * flag's text; when that text does not hold it, in ms below a second or not a whole number of
 * tenths of a second, else in seconds.
 */
function latencyBound(slo: Slo, key: 'p95' | 'p99', ms: number): string {
  for (const { clause } of clauses(slo.text)) {
    const m = CLAUSE.exec(clause);
    if (m?.[1] !== key) continue;
    const written = m[3].replace(/\s+/g, '');
    try {
      if (parseDurationMs(written) === ms) return written;
    } catch {
      // not a duration: fall through to the computed form
    }
  }
  return ms < 1000 || !Number.isInteger(ms / 100) ? `${ms}ms` : `${ms / 1000}s`;
}

/** The SLO in one line, as the output prints it: each latency bound in the unit it was written in. */
export function describeSlo(slo: Slo): string {
  const parts: string[] = [];
  if (slo.success !== null) parts.push(`success>=${+(slo.success * 100).toFixed(4)}%`);
  if (slo.p95Ms !== null) parts.push(`p95<=${latencyBound(slo, 'p95', slo.p95Ms)}`);
  if (slo.p99Ms !== null) parts.push(`p99<=${latencyBound(slo, 'p99', slo.p99Ms)}`);
  if (slo.group !== null) parts.push(`group=${slo.group}`);
  return parts.join(',');
}
