// Rate windows the router keeps per deployment state slot (one slot per deployment id).
// All windows take the caller's clock; minute buckets are calendar minutes of that clock
// (floor(now / 60 s)), like LiteLLM's `HH-MM` keys.

export const MINUTE_MS = 60_000;

export function minuteOf(nowMs: number): number {
  return Math.floor(nowMs / MINUTE_MS);
}

/** Per-minute rpm/tpm counters (usage-based v1/v2, latency and cost strategies). */
export class MinuteUsage {
  /** Per slot: the minute the counters belong to, and the counters (read directly on hot paths). */
  readonly minute: Float64Array;
  readonly rpm: Float64Array;
  readonly tpm: Float64Array;
  /** Last minute in which a group recorded any usage (v1's "is there a dict for this minute"). */
  private readonly groupMinute: Float64Array;
  // The last `now` seen and its minute: most calls in a decision share one timestamp.
  private lastNow = NaN;
  private lastMinute = -1;

  constructor(slots: number, groups: number) {
    this.minute = new Float64Array(slots).fill(-1);
    this.rpm = new Float64Array(slots);
    this.tpm = new Float64Array(slots);
    this.groupMinute = new Float64Array(groups).fill(-1);
  }

  /** The calendar minute of `nowMs` (cached for repeated calls with the same time). */
  minute_(nowMs: number): number {
    if (nowMs !== this.lastNow) {
      this.lastNow = nowMs;
      this.lastMinute = Math.floor(nowMs / MINUTE_MS);
    }
    return this.lastMinute;
  }

  private roll(slot: number, m: number): void {
    if (this.minute[slot] !== m) {
      this.minute[slot] = m;
      this.rpm[slot] = 0;
      this.tpm[slot] = 0;
    }
  }

  rpmUsed(slot: number, nowMs: number): number {
    return this.minute[slot] === this.minute_(nowMs) ? this.rpm[slot] : 0;
  }

  tpmUsed(slot: number, nowMs: number): number {
    return this.minute[slot] === this.minute_(nowMs) ? this.tpm[slot] : 0;
  }

  groupActive(group: number, nowMs: number): boolean {
    return group >= 0 && this.groupMinute[group] === this.minute_(nowMs);
  }

  addRequest(slot: number, group: number, nowMs: number): void {
    const m = this.minute_(nowMs);
    this.roll(slot, m);
    this.rpm[slot] += 1;
    if (group >= 0) this.groupMinute[group] = m;
  }

  addTokens(slot: number, group: number, tokens: number, nowMs: number): void {
    const m = this.minute_(nowMs);
    this.roll(slot, m);
    this.tpm[slot] += tokens;
    if (group >= 0) this.groupMinute[group] = m;
  }
}

/**
 * The rpm window of `enable_pre_call_checks` (Router._update_usage): a 60 s window that starts
 * at the first request, not aligned to the minute.
 */
export class RollingRequestWindow {
  private readonly start: Float64Array;
  private readonly count: Float64Array;

  constructor(slots: number) {
    this.start = new Float64Array(slots).fill(-Infinity);
    this.count = new Float64Array(slots);
  }

  used(slot: number, nowMs: number): number {
    return nowMs < this.start[slot] + MINUTE_MS ? this.count[slot] : 0;
  }

  add(slot: number, nowMs: number): void {
    if (nowMs >= this.start[slot] + MINUTE_MS) {
      this.start[slot] = nowMs;
      this.count[slot] = 0;
    }
    this.count[slot] += 1;
  }
}

/** gwcfg extension: gateway-wide rpm/tpm from router_settings, per calendar minute. */
export class GlobalLimits {
  private minute = -1;
  private requests = 0;
  private tokens = 0;

  constructor(
    readonly rpm: number | null,
    readonly tpm: number | null,
  ) {}

  get enabled(): boolean {
    return this.rpm !== null || this.tpm !== null;
  }

  private roll(nowMs: number): void {
    const m = minuteOf(nowMs);
    if (m !== this.minute) {
      this.minute = m;
      this.requests = 0;
      this.tokens = 0;
    }
  }

  /** Admits one client request (counting it) or returns the ms until the next minute. */
  admit(inputTokens: number, nowMs: number): number {
    this.roll(nowMs);
    const overRpm = this.rpm !== null && this.requests >= this.rpm;
    const overTpm = this.tpm !== null && this.tokens + inputTokens > this.tpm;
    if (overRpm || overTpm) return (this.minute + 1) * MINUTE_MS - nowMs;
    this.requests += 1;
    return 0;
  }

  addTokens(tokens: number, nowMs: number): void {
    if (this.tpm === null) return;
    this.roll(nowMs);
    this.tokens += tokens;
  }
}
