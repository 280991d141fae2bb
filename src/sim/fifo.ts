// A growable ring buffer: FIFO with O(1) push and shift (Array.prototype.shift is O(n), which
// made long waiting rooms quadratic). Capacity is a power of two so positions wrap with a mask;
// nothing is allocated until the first push, because most deployments never queue.

const NONE: never[] = [];

export class Fifo<T> {
  private items: (T | undefined)[] = NONE;
  private head = 0;
  length = 0;

  push(item: T): void {
    if (this.length === this.items.length) this.grow();
    this.items[(this.head + this.length) & (this.items.length - 1)] = item;
    this.length++;
  }

  peek(): T | undefined {
    return this.length === 0 ? undefined : this.items[this.head];
  }

  shift(): T | undefined {
    if (this.length === 0) return undefined;
    const item = this.items[this.head];
    this.items[this.head] = undefined;
    this.head = (this.head + 1) & (this.items.length - 1);
    this.length--;
    return item;
  }

  private grow(): void {
    const old = this.items;
    const grown: (T | undefined)[] = new Array(Math.max(16, old.length * 2));
    for (let i = 0; i < this.length; i++) grown[i] = old[(this.head + i) & (old.length - 1)];
    this.items = grown;
    this.head = 0;
  }
}
