// A simulated provider deployment: a FIFO multi-server queue (capacity concurrent calls, bounded
// or unbounded waiting room), a service-time distribution, random errors, scheduled outages and
// brown-outs, and provider-side rate limits (token buckets answering 429 with Retry-After).
import type { Simulation } from './engine.js';
import type { Distribution } from './distributions.js';
import type { Uniform } from './rng.js';
import type { Outage } from './scenario.js';
import { Fifo } from './fifo.js';
import { LIMITS } from './limits.js';

export interface ProviderBehaviour {
  latency: Distribution;
  ttft?: Distribution;
  perToken?: Distribution;
  errorRate: number;
  errorStatus: number;
  capacity: number;
  /** Waiting room beyond capacity; Infinity = unbounded. */
  queue: number;
  rateLimit: { rpm?: number; tpm?: number };
  outages: Outage[];
  /** Share of streaming calls that fail after their first chunk (0 = none). */
  midstreamErrorRate: number;
  /** Status of those failures. */
  midstreamStatus: number;
}

/** Why a call failed at the provider; the result explains client failures with it. */
export type ProviderCause = 'ok' | 'outage' | 'rate-limit' | 'queue-full' | 'error' | 'timeout' | 'midstream';

export interface ProviderOutcome {
  status: number;
  /** Time from submission to the answer. */
  latencyMs: number;
  ttftMs?: number;
  retryAfterMs?: number;
  cause: ProviderCause;
  /** Time spent waiting for a free slot at the provider. */
  queuedMs: number;
}

/** One call submitted to the provider. `done` runs exactly once. */
export interface ProviderCall {
  inputTokens: number;
  outputTokens: number;
  stream: boolean;
  /** Client-side timeout in ms (Infinity = none). */
  timeoutMs: number;
  done(outcome: ProviderOutcome, now: number): void;
  /** @internal */ submittedAt?: number;
  /** @internal set when the call left the waiting room (served or timed out). */ settled?: boolean;
  /** @internal the answer, held until the completion event fires. */ pending?: ProviderOutcome;
  /** @internal the provider whose slot the call holds (null for rejections). */ heldBy?: SimProvider | null;
}

/** Fast answers (rejections, hard outages) still take a network round trip. */
export const REJECT_LATENCY_MS = 20;

/** Token bucket refilled continuously: `perMinute` units per 60 s, burst = one minute's worth. */
class TokenBucket {
  private level: number;
  private last = 0;
  constructor(private readonly perMinute: number) {
    this.level = perMinute;
  }
  /** Takes `amount` if available; otherwise returns the wait (ms) until it would be. */
  take(amount: number, now: number): number {
    const ratePerMs = this.perMinute / 60_000;
    this.level = Math.min(this.perMinute, this.level + (now - this.last) * ratePerMs);
    this.last = now;
    if (this.level >= amount) {
      this.level -= amount;
      return 0;
    }
    return Math.min(amount, this.perMinute) - this.level > 0 ? (Math.min(amount, this.perMinute) - this.level) / ratePerMs : 0;
  }
}

/**
 * A place in the waiting room. The room and the queue-timeout timer point at the ticket rather
 * than at the call, so a call object can be reused for a later request while a stale room entry
 * or timer still exists; tickets themselves are pooled once neither refers to them.
 */
class WaitTicket {
  call: ProviderCall | null = null;
  /** When the client gives up waiting (submittedAt + timeout). */
  deadline = Infinity;
  /** Still waiting (neither started nor timed out). */
  live = false;
  /** References held by the waiting room and the timer. */
  refs = 0;
}

export class SimProvider {
  /** Calls being served now. */
  busy = 0;
  /** Calls in the waiting room (including timed-out ones not yet removed). */
  private readonly waiting = new Fifo<WaitTicket>();
  private readonly freeTickets: WaitTicket[] = [];
  /**
   * Waiting tickets in deadline order, watched by one armed timer instead of a heap event per
   * call: most calls leave the room long before their timeout, and their timers would fill the
   * event heap. Deadlines grow with arrival when calls share a timeout; a call whose deadline is
   * earlier than the last one's gets a timer of its own.
   */
  private readonly deadlines = new Fifo<WaitTicket>();
  private lastDeadline = -Infinity;
  private timerArmed = false;
  private waitingLive = 0;
  private readonly rpmBucket?: TokenBucket;
  private readonly tpmBucket?: TokenBucket;
  /** Busy-time integral for utilisation. */
  private busyArea = 0;
  private lastChange = 0;

  constructor(
    private readonly sim: Simulation,
    readonly behaviour: ProviderBehaviour,
    private readonly latencyRandom: Uniform,
    private readonly errorRandom: Uniform,
  ) {
    if (behaviour.rateLimit.rpm) this.rpmBucket = new TokenBucket(behaviour.rateLimit.rpm);
    if (behaviour.rateLimit.tpm) this.tpmBucket = new TokenBucket(behaviour.rateLimit.tpm);
  }

  get queued(): number {
    return this.waitingLive;
  }

  /** Busy time up to `now` (ms x busy servers; `now` not before the last start or end of a call). */
  busyTime(now: number): number {
    return this.busyArea + this.busy * (now - this.lastChange);
  }

  /** The outage window active at `now`, if any (the first listed wins). */
  outageAt(now: number): Outage | undefined {
    for (const o of this.behaviour.outages) if (now >= o.fromMs && now < o.toMs) return o;
    return undefined;
  }

  /** Health-check probe: fails during a hard outage, else like a call's random error. */
  probe(now: number): boolean {
    const outage = this.outageAt(now);
    if (outage?.status !== undefined) return false;
    return this.errorRandom() >= (outage?.errorRate ?? this.behaviour.errorRate);
  }

  submit(call: ProviderCall, now: number): void {
    call.submittedAt = now;
    const outage = this.outageAt(now);
    if (outage?.status !== undefined) {
      // No Retry-After: a provider in an outage does not know when it will be back.
      this.reject(call, outage.status, 'outage', undefined);
      return;
    }
    if (this.rpmBucket || this.tpmBucket) {
      const waitRpm = this.rpmBucket ? this.rpmBucket.take(1, now) : 0;
      const waitTpm = waitRpm === 0 && this.tpmBucket ? this.tpmBucket.take(call.inputTokens + call.outputTokens, now) : 0;
      const wait = Math.max(waitRpm, waitTpm);
      if (wait > 0) {
        // Retry-After is whole seconds, as providers send it.
        this.reject(call, 429, 'rate-limit', Math.ceil(wait / 1000) * 1000);
        return;
      }
    }
    if (this.busy < this.behaviour.capacity) {
      this.start(call, now);
    } else if (this.waitingLive < this.behaviour.queue) {
      const ticket = this.freeTickets.pop() ?? new WaitTicket();
      ticket.call = call;
      ticket.live = true;
      ticket.refs = 1;
      this.waiting.push(ticket);
      this.waitingLive++;
      if (call.timeoutMs !== Infinity) {
        ticket.refs++;
        ticket.deadline = now + call.timeoutMs;
        if (ticket.deadline >= this.lastDeadline) {
          this.lastDeadline = ticket.deadline;
          this.deadlines.push(ticket);
          if (!this.timerArmed) this.armDeadlineTimer(now);
        } else {
          this.sim.at(ticket.deadline, this.onQueueTimeout, ticket);
        }
      }
    } else {
      this.reject(call, 429, 'queue-full', undefined);
    }
  }

  private reject(call: ProviderCall, status: number, cause: ProviderCause, retryAfterMs: number | undefined): void {
    call.settled = true;
    const outcome = call.pending ?? freshOutcome();
    outcome.status = status;
    outcome.latencyMs = REJECT_LATENCY_MS;
    outcome.cause = cause;
    outcome.queuedMs = 0;
    outcome.ttftMs = undefined;
    outcome.retryAfterMs = retryAfterMs;
    call.pending = outcome;
    call.heldBy = null;
    this.sim.after(REJECT_LATENCY_MS, finishCall, call);
  }

  private unref(ticket: WaitTicket): void {
    if (--ticket.refs === 0) {
      ticket.call = null;
      this.freeTickets.push(ticket);
    }
  }

  /** Drops tickets that already left the room, then arms the timer for the first live one. */
  private armDeadlineTimer(now: number): void {
    for (let front = this.deadlines.peek(); front !== undefined && !front.live; front = this.deadlines.peek()) this.unref(this.deadlines.shift()!);
    const first = this.deadlines.peek();
    if (first === undefined) {
      this.lastDeadline = -Infinity;
      return;
    }
    this.timerArmed = true;
    this.sim.at(Math.max(first.deadline, now), this.onDeadline, null);
  }

  private readonly onDeadline = (now: number): void => {
    this.timerArmed = false;
    for (let front = this.deadlines.peek(); front !== undefined && (!front.live || front.deadline <= now); front = this.deadlines.peek()) {
      this.onQueueTimeout(now, this.deadlines.shift()!);
    }
    this.armDeadlineTimer(now);
  };

  private readonly onQueueTimeout = (now: number, ticket: WaitTicket): void => {
    const call = ticket.call!;
    const live = ticket.live;
    ticket.live = false;
    this.unref(ticket);
    if (!live) return;
    call.settled = true;
    this.waitingLive--;
    call.done({ status: 408, latencyMs: now - call.submittedAt!, cause: 'timeout', queuedMs: now - call.submittedAt! }, now);
  };

  private start(call: ProviderCall, now: number): void {
    call.settled = true;
    this.setBusy(this.busy + 1, now);
    const b = this.behaviour;
    const outage = this.outageAt(now);
    const multiplier = outage?.latencyMultiplier ?? 1;
    let service: number;
    let ttft: number | undefined;
    if (b.ttft) {
      ttft = Math.min(LIMITS.latencyMs, b.ttft.sample(this.latencyRandom) * multiplier);
      service = ttft + (b.perToken ? b.perToken.sample(this.latencyRandom) * multiplier * call.outputTokens : 0);
    } else {
      service = b.latency.sample(this.latencyRandom) * multiplier;
    }
    // Distribution tails and brown-out multipliers can reach any number; no call lasts longer.
    if (!(service <= LIMITS.latencyMs)) service = LIMITS.latencyMs;
    const failed = this.errorRandom() < (outage?.errorRate ?? b.errorRate);
    const queuedMs = now - call.submittedAt!;
    const remaining = call.timeoutMs - queuedMs;
    // The answer object is the call's own, rewritten per call: the caller reads it in `done`
    // and does not keep it, so serving a call allocates nothing.
    const outcome = call.pending ?? freshOutcome();
    outcome.ttftMs = undefined;
    outcome.retryAfterMs = undefined;
    outcome.queuedMs = queuedMs;
    if (service > remaining) {
      service = Math.max(0, remaining);
      outcome.status = 408;
      outcome.cause = 'timeout';
    } else if (failed) {
      outcome.status = b.errorStatus;
      outcome.cause = 'error';
    } else if (call.stream && b.midstreamErrorRate > 0 && this.errorRandom() < b.midstreamErrorRate) {
      // The stream breaks after its first chunk (at ttft, or at once without a ttft model),
      // somewhere in the rest of the generation. Drawn only when the rate is set, so scenarios
      // without it keep their random sequences.
      const first = ttft ?? 0;
      service = first + this.latencyRandom() * (service - first);
      outcome.status = b.midstreamStatus;
      outcome.cause = 'midstream';
      outcome.ttftMs = queuedMs + first;
    } else {
      outcome.status = 200;
      outcome.cause = 'ok';
      if (call.stream && ttft !== undefined) outcome.ttftMs = queuedMs + ttft;
    }
    outcome.latencyMs = queuedMs + service;
    call.pending = outcome;
    call.heldBy = this;
    this.sim.after(service, finishCall, call);
  }

  /** A served call ended: free the slot and start the next waiting call. */
  release(now: number): void {
    this.setBusy(this.busy - 1, now);
    while (this.waiting.length > 0 && this.busy < this.behaviour.capacity) {
      const ticket = this.waiting.shift()!;
      const next = ticket.call!;
      const live = ticket.live;
      ticket.live = false;
      this.unref(ticket);
      if (!live) continue; // timed out while waiting
      this.waitingLive--;
      this.start(next, now);
    }
  }

  private setBusy(value: number, now: number): void {
    this.busyArea += this.busy * (now - this.lastChange);
    this.lastChange = now;
    this.busy = value;
  }
}

/** An answer object with every field present (one shape for all outcomes). */
function freshOutcome(): ProviderOutcome {
  return { status: 0, latencyMs: 0, ttftMs: undefined, retryAfterMs: undefined, cause: 'ok', queuedMs: 0 };
}

function finishCall(now: number, call: ProviderCall): void {
  call.heldBy?.release(now);
  call.done(call.pending!, now);
}
