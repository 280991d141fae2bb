// Streaming reader for LiteLLM's request logs: rows of the proxy's `LiteLLM_SpendLogs` and
// `LiteLLM_ErrorLogs` tables (litellm/proxy/schema.prisma), as users export them without code:
//  - CSV with a header row (`psql \copy (SELECT ...) TO 'spend.csv' CSV HEADER`);
//  - JSON lines, or a JSON array of row objects (the proxy's /spend/logs API).
// Rows are yielded one at a time, so a log of millions of rows is read in bounded memory.
import { createReadStream, accessSync, constants } from 'node:fs';
import { assertRegularFile, InputError } from '../util/read-input.js';
import { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import { safeText } from '../util/safe-text.js';

/** One request as LiteLLM logged it. Times are epoch milliseconds (fractions kept). */
export interface LogRow {
  /** 1-based line of the row in the file (CSV, JSON lines) or 1-based element index (JSON array). */
  row: number;
  requestId: string;
  callType: string;
  startMs: number;
  endMs: number | null;
  /** `completionStartTime`: first chunk of a stream; LiteLLM sets it to endTime when not streaming. */
  completionStartMs: number | null;
  model: string;
  modelId: string;
  modelGroup: string;
  apiBase: string;
  promptTokens: number;
  completionTokens: number;
  /** `status` of LiteLLM_SpendLogs ('success' | 'failure'), or `status_code` of LiteLLM_ErrorLogs. */
  status: string;
}

/** A problem in a log file, with the position to show (`file:line` or `file: row N`). */
export class LogInputError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    message: string,
    readonly rowIsIndex = false,
  ) {
    super(message);
    this.name = 'LogInputError';
  }

  /** `file:line: message`, or `file: row N: message` for JSON arrays. */
  format(): string {
    const text = this.line === null ? `${this.file}: ${this.message}` : this.rowIsIndex ? `${this.file}: row ${this.line}: ${this.message}` : `${this.file}:${this.line}: ${this.message}`;
    return safeText(text);
  }
}

export type LogKind = 'spend' | 'error';

/** Columns each use needs; extra columns are ignored. Names are LiteLLM's column names. */
export const REQUIRED_COLUMNS: Record<LogKind, readonly string[]> = {
  spend: ['startTime', 'model_group'],
  error: ['startTime', 'model_id', 'status_code'],
};

/** Longest line or JSON element gwcfg accepts (a spend-log row with messages can be large). */
export const MAX_ROW_BYTES = 8 * 1024 * 1024;

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * Epoch milliseconds of a timestamp as psql, Prisma or Python write them:
 * `2026-11-30 10:00:00.123+00`, `2026-11-30T10:00:00.123456Z`, `2026-11-30T10:00:00`.
 * No zone means UTC (Prisma stores LiteLLM's DateTime columns in UTC). Returns NaN if unreadable.
 */
export function parseTimestampMs(text: string): number {
  const m = TIMESTAMP.exec(text.trim());
  if (!m) return NaN;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  if (+mo < 1 || +mo > 12 || +d < 1 || +d > 31 || +h > 23 || +mi > 59 || +s > 60) return NaN;
  let ms = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s);
  if (frac) ms += Number(`0.${frac}`) * 1000;
  if (zone && zone.toUpperCase() !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offsetMin = Number(digits.slice(0, 2)) * 60 + (digits.length > 2 ? Number(digits.slice(2, 4)) : 0);
    ms -= sign * offsetMin * 60_000;
  }
  return ms;
}

type Raw = Record<string, unknown>;

function text(v: unknown): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'string' ? v : String(v);
}

function count(v: unknown): number {
  const n = Number(text(v) || 0);
  return Number.isFinite(n) && n > 0 ? n : 0;
}

function time(raw: Raw, column: string, required: boolean, at: () => LogInputError): number | null {
  const value = raw[column];
  if (value === undefined || value === null || value === '') {
    if (!required) return null;
    throw at();
  }
  const ms = parseTimestampMs(text(value));
  if (Number.isNaN(ms)) throw at();
  return ms;
}

/** Converts one raw row (CSV record or JSON object) to a LogRow; throws LogInputError. */
function toRow(raw: Raw, row: number, file: string, rowIsIndex: boolean): LogRow {
  const error = (message: string) => new LogInputError(file, row, message, rowIsIndex);
  const bad = (column: string) => () => error(`column '${column}': cannot read '${text(raw[column]).slice(0, 40)}' as a timestamp (e.g. 2026-11-30 10:00:00.123+00)`);
  const startMs = time(raw, 'startTime', true, bad('startTime')) as number;
  return {
    row,
    requestId: text(raw.request_id),
    callType: text(raw.call_type),
    startMs,
    endMs: time(raw, 'endTime', false, bad('endTime')),
    completionStartMs: time(raw, 'completionStartTime', false, bad('completionStartTime')),
    model: text(raw.model ?? raw.litellm_model_name),
    modelId: text(raw.model_id),
    modelGroup: text(raw.model_group),
    apiBase: text(raw.api_base),
    promptTokens: count(raw.prompt_tokens),
    completionTokens: count(raw.completion_tokens),
    status: text(raw.status ?? raw.status_code),
  };
}

function checkColumns(columns: readonly string[], kind: LogKind, file: string, line: number | null, rowIsIndex = false): void {
  const missing = REQUIRED_COLUMNS[kind].filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    const what = kind === 'spend' ? 'LiteLLM_SpendLogs' : 'LiteLLM_ErrorLogs';
    throw new LogInputError(file, line, `missing column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `'${c}'`).join(', ')} (export them from ${what}; names are case-sensitive)`, rowIsIndex);
  }
}

/**
 * Checks that `file` is a readable regular file, as every user input is checked (readInput's
 * rules): FIFOs, devices, directories and kernel pseudo-files are refused unopened.
 */
function checkRegularFile(file: string): void {
  try {
    assertRegularFile(file);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw new LogInputError(file, null, error.code === 'not-regular' ? `${error.reason}; save the export to a file first` : error.reason);
  }
  try {
    accessSync(file, constants.R_OK);
  } catch {
    throw new LogInputError(file, null, 'permission denied');
  }
}

/** First non-blank character of the file, to tell CSV from JSON. */
async function firstChar(file: string): Promise<string> {
  const stream = createReadStream(file, { start: 0, end: 4095, encoding: 'utf8' });
  let head = '';
  for await (const chunk of stream) head += chunk as string;
  return head.replace(/^\uFEFF/, '').trimStart()[0] ?? '';
}

/**
 * Rows of a LiteLLM spend-log or error-log export, in file order.
 * Throws LogInputError for an unreadable file, a missing required column, a bad timestamp or a
 * row longer than MAX_ROW_BYTES.
 */
export async function* readLogRows(file: string, kind: LogKind): AsyncGenerator<LogRow> {
  checkRegularFile(file);
  const first = await firstChar(file);
  if (first === '[') yield* readJsonArray(file, kind);
  else if (first === '{') yield* readJsonLines(file, kind);
  else if (first === '') throw new LogInputError(file, null, 'the file is empty');
  else yield* readCsv(file, kind);
}

async function* readCsv(file: string, kind: LogKind): AsyncGenerator<LogRow> {
  const { parse } = await import('csv-parse');
  const parser = createReadStream(file).pipe(
    parse({ columns: true, bom: true, info: true, relax_column_count: false, max_record_size: MAX_ROW_BYTES, skip_empty_lines: true }),
  );
  let checked = false;
  try {
    for await (const item of parser as AsyncIterable<{ record: Raw; info: { lines: number; columns: { name: string }[] | boolean } }>) {
      if (!checked) {
        const columns = Array.isArray(item.info.columns) ? item.info.columns.map((c) => c.name) : Object.keys(item.record);
        checkColumns(columns, kind, file, 1);
        checked = true;
      }
      yield toRow(item.record, item.info.lines, file, false);
    }
  } catch (e) {
    if (e instanceof LogInputError) throw e;
    const err = e as { code?: string; lines?: number; message: string };
    throw new LogInputError(file, err.lines ?? null, `not valid CSV: ${err.message.replace(/^Invalid \w+:?\s*/i, '').split('\n')[0].slice(0, 160)}`);
  } finally {
    parser.destroy();
  }
  if (!checked) throw new LogInputError(file, 1, 'no rows after the header');
}

async function* readJsonLines(file: string, kind: LogKind): AsyncGenerator<LogRow> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let line = 0;
  let checked = false;
  try {
    for await (const textLine of lines) {
      line++;
      if (textLine.length > MAX_ROW_BYTES) throw new LogInputError(file, line, `line longer than ${MAX_ROW_BYTES / 1024 / 1024} MB`);
      if (textLine.trim() === '') continue;
      let raw: unknown;
      try {
        raw = JSON.parse(textLine);
      } catch (e) {
        throw new LogInputError(file, line, `not valid JSON: ${(e as Error).message.slice(0, 120)}`);
      }
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new LogInputError(file, line, 'expected one JSON object per line');
      if (!checked) {
        checkColumns(Object.keys(raw), kind, file, line);
        checked = true;
      }
      yield toRow(raw as Raw, line, file, false);
    }
  } finally {
    lines.close();
  }
}

async function* readJsonArray(file: string, kind: LogKind): AsyncGenerator<LogRow> {
  const [{ parser }, { streamArray }, { default: chain }] = await Promise.all([
    import('stream-json'),
    import('stream-json/streamers/stream-array.js'),
    import('stream-chain'),
  ]);
  const pipeline = chain([createReadStream(file), parser(), streamArray()]) as unknown as Readable;
  let checked = false;
  try {
    for await (const item of pipeline as AsyncIterable<{ key: number; value: unknown }>) {
      const row = item.key + 1;
      const raw = item.value;
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new LogInputError(file, row, 'expected an array of row objects', true);
      if (!checked) {
        checkColumns(Object.keys(raw), kind, file, row, true);
        checked = true;
      }
      yield toRow(raw as Raw, row, file, true);
    }
  } catch (e) {
    if (e instanceof LogInputError) throw e;
    throw new LogInputError(file, null, `not valid JSON: ${(e as Error).message.split('\n')[0].slice(0, 160)}`);
  } finally {
    pipeline.destroy();
  }
}

/**
 * A logged stream: LiteLLM stamps completionStartTime at the first chunk and otherwise sets it to
 * endTime (litellm/litellm_core_utils/litellm_logging.py, Logging._success_handler_helper_fn).
 */
export function isStream(row: Pick<LogRow, 'completionStartMs' | 'endMs'>): boolean {
  return row.completionStartMs !== null && row.endMs !== null && row.completionStartMs < row.endMs;
}
