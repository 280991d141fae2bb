// Parsing of the scenario file's human units. Durations come back in milliseconds and rates in
// events per millisecond-free "per second" form, so the rest of the simulator works on numbers only.

const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, min: 60_000, h: 3_600_000 };
const RATE_UNITS: Record<string, number> = { s: 1, sec: 1, m: 1 / 60, min: 1 / 60, h: 1 / 3600, hr: 1 / 3600 };

const DURATION_RE = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(ms|s|min|m|h)\s*$/;
const RATE_RE = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*\/\s*(s|sec|min|m|hr|h)\s*$/;

/** A duration: a number of seconds, or a string such as `250ms`, `30s`, `5m`, `1h`. Returns ms. */
export function parseDurationMs(value: number | string): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`invalid duration ${value}`);
    return value * 1000;
  }
  const match = DURATION_RE.exec(value);
  if (!match) throw new RangeError(`invalid duration '${value}' (use seconds or e.g. 250ms, 30s, 5m, 1h)`);
  return Number(match[1]) * DURATION_UNITS[match[2]];
}

/** A rate: a number per second, or a string such as `20/s`, `1200/min`. Returns events per second. */
export function parseRatePerSecond(value: number | string): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`invalid rate ${value}`);
    return value;
  }
  const match = RATE_RE.exec(value);
  if (!match) throw new RangeError(`invalid rate '${value}' (use a number per second or e.g. 20/s, 1200/min)`);
  return Number(match[1]) * RATE_UNITS[match[2]];
}

/** The same patterns, exported for the JSON schema's documentation and tests. */
export const DURATION_PATTERN = DURATION_RE.source;
export const RATE_PATTERN = RATE_RE.source;
