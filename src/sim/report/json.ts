// JSON output (docs/contracts.md, contract 4): two-space indented, trailing newline, fixed key order.
import type { SimResult } from '../result.js';

export function resultJson(result: SimResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}

export function compareJson(results: readonly SimResult[]): string {
  return `${JSON.stringify({ version: 1, runs: results }, null, 2)}\n`;
}
