// Small PromQL building blocks. Every metric name and label goes through the catalogue, so a
// generator cannot emit a series or label LiteLLM does not export (it throws instead).

import {
  exposedSeries,
  labelAllowed,
  resolveLogical,
  type ExposedSeries,
  type LogicalMetric,
  type SeriesKind,
} from './metrics-catalog.js';

export interface Matcher {
  readonly label: string;
  readonly op: '=' | '!=' | '=~' | '!~';
  readonly value: string;
}

/** A PromQL double-quoted string literal (Go escaping is a superset of what JSON.stringify emits). */
export function promString(value: string): string {
  return JSON.stringify(value);
}

/** Escape RE2 metacharacters so a model group name matches literally. */
export function regexEscape(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `a|b|c` matching exactly these values. */
export function anyOf(values: readonly string[]): string {
  return values.map(regexEscape).join('|');
}

/** Numbers printed without floating-point noise (0.1 * 3 → 0.3). */
export function num(value: number): string {
  return String(Number(value.toPrecision(12)));
}

/** Prometheus text format writes bucket bounds as Python floats ("5.0"); Prometheus 3 normalises them ("5"). Match both. */
export function leMatcher(bound: number): Matcher {
  const text = num(bound);
  const alternatives = Number.isInteger(bound) ? [text, `${text}.0`] : [text];
  return { label: 'le', op: alternatives.length > 1 ? '=~' : '=', value: alternatives.length > 1 ? alternatives.map(regexEscape).join('|') : text };
}

export class MetricNames {
  constructor(readonly version: string | undefined) {}

  series(logical: LogicalMetric, kind: SeriesKind): ExposedSeries {
    const metric = resolveLogical(logical, this.version);
    const found = exposedSeries(metric).find((s) => s.kind === kind);
    if (!found) throw new Error(`${metric.family} (${metric.type}) has no '${kind}' series`);
    return found;
  }

  name(logical: LogicalMetric, kind: SeriesKind): string {
    return this.series(logical, kind).name;
  }

  /** `name{matchers}` with every label checked. */
  sel(logical: LogicalMetric, kind: SeriesKind, matchers: readonly Matcher[] = []): string {
    const s = this.series(logical, kind);
    this.checkLabels(s, matchers.map((m) => m.label));
    if (matchers.length === 0) return s.name;
    return `${s.name}{${matchers.map((m) => `${m.label}${m.op}${promString(m.value)}`).join(', ')}}`;
  }

  /** A grouping label list, checked against the metric. */
  by(logical: LogicalMetric, kind: SeriesKind, labels: readonly string[]): string {
    this.checkLabels(this.series(logical, kind), labels);
    return labels.join(', ');
  }

  private checkLabels(s: ExposedSeries, labels: readonly string[]): void {
    for (const label of labels) {
      if (!labelAllowed(s, label)) throw new Error(`generator bug: ${s.name} has no label '${label}'`);
    }
  }
}
