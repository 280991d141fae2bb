// gwcfg extension (LiteLLM has no per-deployment breaker): closed → open after
// `failure_threshold` consecutive failures; open for the reset time (router cooldown_time when
// written, else 60 s); then half-open, admitting one probe call at a time; `success_threshold`
// consecutive probe successes close it, any probe failure re-opens it.
import type { CircuitBreakerSettings } from './config.js';

const CLOSED = 0;
const OPEN = 1;
const HALF_OPEN = 2;

export type BreakerState = 'closed' | 'open' | 'half-open';

export class CircuitBreakers {
  private readonly state: Uint8Array;
  private readonly openedAt: Float64Array;
  private readonly failures: Int32Array;
  private readonly successes: Int32Array;
  private readonly probes: Int32Array;
  /** Times each slot opened (metrics). */
  readonly opened: Int32Array;

  constructor(
    slots: number,
    readonly settings: CircuitBreakerSettings,
  ) {
    this.state = new Uint8Array(slots);
    this.openedAt = new Float64Array(slots);
    this.failures = new Int32Array(slots);
    this.successes = new Int32Array(slots);
    this.probes = new Int32Array(slots);
    this.opened = new Int32Array(slots);
  }

  /** The state as of `now` (an expired open breaker reads as half-open). Pure. */
  stateAt(slot: number, nowMs: number): BreakerState {
    const s = this.state[slot];
    if (s === CLOSED) return 'closed';
    if (s === OPEN && nowMs < this.openedAt[slot] + this.settings.resetMs) return 'open';
    return 'half-open';
  }

  /** Whether a call may be sent now (closed, or half-open with no probe in flight). */
  admits(slot: number, nowMs: number): boolean {
    const s = this.stateAt(slot, nowMs);
    return s === 'closed' || (s === 'half-open' && this.probes[slot] === 0);
  }

  /** ms until an open breaker turns half-open (0 if not open). */
  remainingMs(slot: number, nowMs: number): number {
    return this.stateAt(slot, nowMs) === 'open' ? this.openedAt[slot] + this.settings.resetMs - nowMs : 0;
  }

  onCallStart(slot: number, nowMs: number): void {
    if (this.state[slot] === CLOSED) return;
    if (this.stateAt(slot, nowMs) === 'half-open') {
      if (this.state[slot] === OPEN) {
        this.state[slot] = HALF_OPEN;
        this.successes[slot] = 0;
      }
      this.probes[slot] += 1;
    }
  }

  onCallEnd(slot: number, failed: boolean, nowMs: number): void {
    const s = this.state[slot];
    if (s === HALF_OPEN) {
      if (this.probes[slot] > 0) this.probes[slot] -= 1;
      if (failed) this.open(slot, nowMs);
      else if (++this.successes[slot] >= this.settings.successThreshold) {
        this.state[slot] = CLOSED;
        this.failures[slot] = 0;
      }
      return;
    }
    if (s === OPEN) return; // a call that started before the breaker opened
    if (!failed) {
      this.failures[slot] = 0;
      return;
    }
    if (++this.failures[slot] >= this.settings.failureThreshold) this.open(slot, nowMs);
  }

  private open(slot: number, nowMs: number): void {
    this.state[slot] = OPEN;
    this.openedAt[slot] = nowMs;
    this.failures[slot] = 0;
    this.successes[slot] = 0;
    this.probes[slot] = 0;
    this.opened[slot] += 1;
  }
}
