// The discrete-event core: a binary min-heap of events ordered by (time, sequence) and a virtual
// clock that jumps from one event to the next. The sequence number makes ties deterministic
// (first scheduled, first fired), which keeps runs byte-identical for a given seed.

export type EventHandler<A = unknown> = (now: number, arg: A) => void;

interface ScheduledEvent {
  time: number;
  seq: number;
  handler: EventHandler<any>;
  arg: unknown;
}

/** Binary min-heap keyed by (time, seq). Fired events are recycled, so a long run allocates none. */
export class EventQueue {
  private heap: ScheduledEvent[] = [];
  private free: ScheduledEvent[] = [];
  private nextSeq = 0;

  get size(): number {
    return this.heap.length;
  }

  push<A>(time: number, handler: EventHandler<A>, arg: A): void {
    const event = this.free.pop() ?? { time: 0, seq: 0, handler, arg: null };
    event.time = time;
    event.seq = this.nextSeq++;
    event.handler = handler;
    event.arg = arg;
    const heap = this.heap;
    let i = heap.length;
    heap.push(event);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent];
      if (p.time < time || (p.time === time && p.seq < event.seq)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = event;
  }

  /** Returns a popped event to the pool once its handler has run. */
  recycle(event: ScheduledEvent): void {
    event.arg = null;
    this.free.push(event);
  }

  peekTime(): number {
    return this.heap.length > 0 ? this.heap[0].time : Infinity;
  }

  pop(): ScheduledEvent | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    const n = heap.length;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      let child = left;
      let c = heap[left];
      if (right < n) {
        const r = heap[right];
        if (r.time < c.time || (r.time === c.time && r.seq < c.seq)) {
          child = right;
          c = r;
        }
      }
      if (last.time < c.time || (last.time === c.time && last.seq < c.seq)) break;
      heap[i] = c;
      i = child;
    }
    heap[i] = last;
    return top;
  }
}

/** Virtual clock plus event queue. Time is in milliseconds. */
export class Simulation {
  readonly queue = new EventQueue();
  now = 0;
  eventsFired = 0;
  /** Work units (events, plus what `charge` adds) left before the run stops; see LIMITS.work. */
  budget = Infinity;

  /** True when the budget ran out with events still queued. */
  get exhausted(): boolean {
    return this.budget <= 0 && this.queue.size > 0;
  }

  /** Counts work an event does beyond itself (e.g. one health-check round probes every deployment). */
  charge(units: number): void {
    this.budget -= units;
  }

  /** Schedules `handler(arg)` after `delayMs` of simulated time. */
  after<A>(delayMs: number, handler: EventHandler<A>, arg: A): void {
    this.queue.push(this.now + (delayMs > 0 ? delayMs : 0), handler, arg);
  }

  at<A>(time: number, handler: EventHandler<A>, arg: A): void {
    this.queue.push(time < this.now ? this.now : time, handler, arg);
  }

  /**
   * Fires events in order until the queue is empty or the next event is after `untilMs`. The
   * clock stays at the last event fired: how a caller slices the run (progress display) must
   * never show in the result.
   */
  runUntil(untilMs: number): void {
    const queue = this.queue;
    while (queue.size > 0 && queue.peekTime() <= untilMs && this.budget > 0) {
      this.budget--;
      const event = queue.pop()!;
      const { time, handler, arg } = event;
      queue.recycle(event);
      this.now = time;
      this.eventsFired++;
      handler(time, arg);
    }
  }
}
