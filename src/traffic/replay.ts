// Recorded traffic for `gwcfg simulate --traffic FILE`: the client requests LiteLLM logged
// (LiteLLM_SpendLogs rows), replayed instead of synthetic arrivals. Rows are read as a stream and
// kept in typed arrays (about 25 bytes per request), sorted by startTime, so exports in any row
// order replay alike and a worker thread receives them by structured clone.
import { readLogRows, isStream } from './spend-logs.js';

/** Replayable requests, in arrival order. Times are ms from the first replayed arrival. */
export interface RecordedTraffic {
  file: string;
  /** Replay speed factor: recorded gaps are divided by it. */
  speed: number;
  /** Model groups, indexed by `group`. */
  groups: string[];
  timesMs: Float64Array;
  group: Uint16Array;
  inputTokens: Uint32Array;
  outputTokens: Uint32Array;
  /** 1 when the request streamed (completionStartTime before endTime). */
  stream: Uint8Array;
  /** Rows read, and rows left out with the reason. */
  rows: number;
  skipped: Record<string, number>;
}

/** Most groups a replay distinguishes (Uint16 index). */
const MAX_GROUPS = 65_535;

class Growable<T extends Float64Array | Uint32Array | Uint16Array | Uint8Array> {
  length = 0;
  constructor(public data: T) {}
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new (this.data.constructor as new (n: number) => T)(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  take(order: Uint32Array): T {
    const out = new (this.data.constructor as new (n: number) => T)(order.length);
    for (let i = 0; i < order.length; i++) out[i] = this.data[order[i]];
    return out;
  }
}

/**
 * Reads a spend-log export (CSV, JSON lines, JSON array; see spend-logs.ts) into replayable
 * traffic. Rows whose model_group the config does not serve, or which have none, are skipped and
 * counted. Throws LogInputError (positioned) on unreadable input; `speed` must be > 0.
 */
export async function loadRecordedTraffic(file: string, isRoutable: (group: string) => boolean, speed = 1): Promise<RecordedTraffic> {
  const groups: string[] = [];
  const groupIndex = new Map<string, number>();
  const times = new Growable(new Float64Array(1024));
  const group = new Growable(new Uint16Array(1024));
  const input = new Growable(new Uint32Array(1024));
  const output = new Growable(new Uint32Array(1024));
  const stream = new Growable(new Uint8Array(1024));
  // Breaks ties of equal startTime by request id, so any row order of an export replays alike.
  const tieBreak = new Growable(new Uint32Array(1024));
  const skipped: Record<string, number> = {};
  const skip = (why: string) => (skipped[why] = (skipped[why] ?? 0) + 1);
  let rows = 0;
  for await (const row of readLogRows(file, 'spend')) {
    rows++;
    if (!row.modelGroup) {
      skip('no model_group');
      continue;
    }
    let g = groupIndex.get(row.modelGroup);
    if (g === undefined) {
      if (!isRoutable(row.modelGroup)) {
        skip(`model group '${row.modelGroup}' not in the config`);
        continue;
      }
      if (groups.length >= MAX_GROUPS) {
        skip('too many model groups');
        continue;
      }
      g = groups.push(row.modelGroup) - 1;
      groupIndex.set(row.modelGroup, g);
    }
    times.push(row.startMs);
    group.push(g);
    input.push(Math.max(1, Math.round(row.promptTokens)));
    // A failed call logged no completion: replay it with one output token.
    output.push(Math.max(1, Math.round(row.completionTokens)));
    stream.push(isStream(row) ? 1 : 0);
    tieBreak.push(fnv1a(row.requestId || `${row.startMs}:${row.model}:${row.promptTokens}:${row.completionTokens}`));
  }
  const order = Uint32Array.from({ length: times.length }, (_, i) => i);
  const t = times.data;
  const k = tieBreak.data;
  order.sort((a, b) => t[a] - t[b] || k[a] - k[b] || a - b);
  const sortedTimes = times.take(order);
  const origin = sortedTimes.length > 0 ? sortedTimes[0] : 0;
  for (let i = 0; i < sortedTimes.length; i++) sortedTimes[i] = (sortedTimes[i] - origin) / speed;
  return {
    file,
    speed,
    groups,
    timesMs: sortedTimes,
    group: group.take(order),
    inputTokens: input.take(order),
    outputTokens: output.take(order),
    stream: stream.take(order),
    rows,
    skipped,
  };
}

/** 32-bit FNV-1a of a string's UTF-16 code units. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
