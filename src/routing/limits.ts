// Rate windows the router keeps per deployment state slot (one slot per deployment id).
// All windows take the caller's clock; minute buckets are calendar minutes of that clock
// (floor(now / 60 s)), like LiteLLM's `HH-MM` keys.

export const MINUTE_MS = 60_000;

export function minuteOf(nowMs: number): number {
  return Math.floor(nowMs / MINUTE_MS);
}

/**
 * Per-minute rpm/tpm counters (usage-based v1/v2, latency and cost strategies).
 *
 * Each slot's counters carry the minute they belong to (a write in another minute resets them;
 * a read in another minute sees 0). Strategies read `rpmNow`/`tpmNow` instead: the same values
 * as of one minute for every slot at once, rebuilt when `sync` is given a new minute (once per
 * minute on a forward clock), so the hot loops do not compare a minute per candidate.
 */
export class MinuteUsage {
  /** Per slot: the minute the counters belong to, and the counters. */
  readonly minute: Float64Array;
  readonly rpm: Float64Array;
  readonly tpm: Float64Array;
  /** Per slot: the counters as seen in minute `viewMinute` (0 where not written in it). */
  readonly rpmNow: Float64Array;
  readonly tpmNow: Float64Array;
  private viewMinute = -1;
  /** Upper bounds of rpmNow / tpmNow over all slots (a pick with room below every limit skips the tests). */
  maxRpmNow = 0;
  maxTpmNow = 0;
  /** Last minute in which a group recorded any usage (v1's "is there a dict for this minute"). */
  private readonly groupMinute: Float64Array;
  // The minute of the last `now` seen and the span of times sure to share it (see minute_).
  private lastMinute = NaN;
  private spanStart = Infinity;
  private spanEnd = -Infinity;

  constructor(slots: number, groups: number) {
    this.minute = new Float64Array(slots).fill(-1);
    this.rpm = new Float64Array(slots);
    this.tpm = new Float64Array(slots);
    this.rpmNow = new Float64Array(slots);
    this.tpmNow = new Float64Array(slots);
    this.groupMinute = new Float64Array(groups).fill(-1);
  }

  /** The calendar minute of `nowMs`, floor(now / 60 s) (the division is skipped within a known minute). */
  minute_(nowMs: number): number {
    // [start, end − 1 ms) of the last minute computed: every time in it divides to that minute
    // (a time closer than 1 ms below the next minute could round up, so it takes the division).
    // Kept this small so the hot callers inline it.
    return nowMs >= this.spanStart && nowMs < this.spanEnd ? this.lastMinute : this.newMinute(nowMs);
  }

  private newMinute(nowMs: number): number {
    const m = Math.floor(nowMs / MINUTE_MS);
    this.lastMinute = m;
    if (Number.isFinite(m) && Math.abs(m) < 2 ** 36) {
      this.spanStart = m * MINUTE_MS;
      this.spanEnd = (m + 1) * MINUTE_MS - 1;
    } else {
      this.spanStart = Infinity;
      this.spanEnd = -Infinity;
    }
    return m;
  }

  /** Makes `rpmNow`/`tpmNow` describe minute `m`. */
  sync(m: number): void {
    if (m === this.viewMinute) return;
    this.viewMinute = m;
    const { minute, rpm, tpm, rpmNow, tpmNow } = this;
    let maxRpm = 0;
    let maxTpm = 0;
    for (let slot = 0; slot < minute.length; slot++) {
      const current = minute[slot] === m;
      const r = current ? rpm[slot] : 0;
      const t = current ? tpm[slot] : 0;
      rpmNow[slot] = r;
      tpmNow[slot] = t;
      if (r > maxRpm) maxRpm = r;
      if (t > maxTpm) maxTpm = t;
    }
    this.maxRpmNow = maxRpm;
    this.maxTpmNow = maxTpm;
  }

  private roll(slot: number, m: number): void {
    if (this.minute[slot] !== m) {
      // Keeps the view exact: a slot's view is its counters iff its minute is the view's.
      if (this.minute[slot] === this.viewMinute) {
        this.rpmNow[slot] = 0;
        this.tpmNow[slot] = 0;
      }
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
    const v = this.rpm[slot] + 1;
    this.rpm[slot] = v;
    if (m === this.viewMinute) {
      this.rpmNow[slot] = v;
      if (v > this.maxRpmNow) this.maxRpmNow = v;
    }
    if (group >= 0) this.groupMinute[group] = m;
  }

  /**
   * A successful call's usage: addTokens, then (countRequest) addRequest, as one write (one
   * minute lookup and roll; the same counters, view and group minute as the two calls).
   */
  addCall(slot: number, group: number, tokens: number, countRequest: boolean, nowMs: number): void {
    const m = this.minute_(nowMs);
    this.roll(slot, m);
    const t = this.tpm[slot] + tokens;
    this.tpm[slot] = t;
    const r = countRequest === true ? this.rpm[slot] + 1 : this.rpm[slot];
    this.rpm[slot] = r;
    if (m === this.viewMinute) {
      this.tpmNow[slot] = t;
      if (t > this.maxTpmNow) this.maxTpmNow = t;
      this.rpmNow[slot] = r;
      if (r > this.maxRpmNow) this.maxRpmNow = r;
    }
    if (group >= 0) this.groupMinute[group] = m;
  }

  addTokens(slot: number, group: number, tokens: number, nowMs: number): void {
    const m = this.minute_(nowMs);
    this.roll(slot, m);
    const v = this.tpm[slot] + tokens;
    this.tpm[slot] = v;
    if (m === this.viewMinute) {
      this.tpmNow[slot] = v;
      if (v > this.maxTpmNow) this.maxTpmNow = v;
    }
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
