// Find litellm_* selectors, label matchers and grouping labels in one PromQL expression and
// report those LiteLLM does not export. Token-based (no full parser): robust to Grafana
// variables and to PromQL we do not model, at the cost of skipping what it cannot attribute.

import { closest, distance } from 'fastest-levenshtein';
import {
  emittedIn,
  exposedSeries,
  familyByName,
  labelAllowed,
  NOT_EMITTED,
  seriesByName,
  TARGET_LABELS,
  type ExposedSeries,
} from '../metrics-catalog.js';
import { tokenize, type Token } from './lexer.js';
import type { ExporterConfig } from '../exporter-config.js';
import { compareVersions } from '../version.js';
import { NEWEST_RELEASE } from '../../routing/releases.js';

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  /** Offsets into the expression. */
  readonly start: number;
  readonly end: number;
}

export interface AnalyzeContext {
  /** Only names this LiteLLM version emits count as known. */
  readonly version?: string;
  readonly extraLabels?: readonly string[];
  /** litellm_* names the same file defines itself (recording rules). */
  readonly definedNames?: ReadonlySet<string>;
  /** What the LiteLLM config lets the exporter emit (check-metrics --config, generate). */
  readonly exporter?: ExporterConfig;
}

const CONFIG = 'litellm_settings.prometheus_metrics_config';
const EXCLUDE_METRICS = 'litellm_settings.prometheus_exclude_metrics';
const EXCLUDE_LABELS = 'litellm_settings.prometheus_exclude_labels';
/** Router._generate_model_id: hashlib.sha256(...).hexdigest(). */
const idExamples = (ids: ReadonlySet<string>, unknownHashes: boolean): string => {
  const known = [...ids].slice(0, 2).map((i) => `'${i.length > 16 ? `${i.slice(0, 12)}…` : i}'`);
  if (ids.size > 2 || (unknownHashes && known.length > 0)) known.push('…');
  if (unknownHashes && ids.size === 0) known.push('64 hex digits each');
  return known.join(', ');
};
const SHA256_HEX = /^[0-9a-f]{64}$/;
/** The newest release gwcfg models has no prometheus_exclude_* (exporter-config.ts). */
const EXCLUDES_AFTER = NEWEST_RELEASE;

const AGGREGATORS = new Set([
  'sum', 'min', 'max', 'avg', 'group', 'stddev', 'stdvar', 'count', 'count_values', 'bottomk', 'topk', 'quantile',
  'limitk', 'limit_ratio',
]);
const CLAUSES = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right']);
const KEYWORDS = new Set(['bool', 'and', 'or', 'unless', 'offset', 'atan2', 'inf', 'nan', 'start', 'end', ...CLAUSES]);
const LABEL_CREATORS = new Set(['label_replace', 'label_join', 'count_values']);

interface Selector {
  readonly index: number;
  readonly nameToken?: Token;
  /** Catalogue series this selector may select (empty: not a known litellm series). */
  readonly series: ExposedSeries[];
  /** True when the selector is a litellm_* series we know everything about. */
  readonly known: boolean;
}

function suggest(word: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const best = closest(word, [...candidates]);
  return distance(word, best) <= Math.max(2, Math.floor(word.length * 0.4)) ? best : undefined;
}

function didYouMean(best: string | undefined): string {
  return best ? `; did you mean '${best}'?` : '';
}

function matchingBrackets(tokens: readonly Token[]): Map<number, number> {
  const pairs = new Map<number, number>();
  const stack: number[] = [];
  const open: Record<string, string> = { ')': '(', '}': '{', ']': '[' };
  tokens.forEach((t, i) => {
    if (t.kind !== 'punct') return;
    if ('({['.includes(t.text)) stack.push(i);
    else if (t.text in open) {
      const j = stack.length && tokens[stack[stack.length - 1]].text === open[t.text] ? stack.pop() : undefined;
      if (j !== undefined) {
        pairs.set(j, i);
        pairs.set(i, j);
      }
    }
  });
  return pairs;
}

export function analyzeExpression(expr: string, ctx: AnalyzeContext = {}): Finding[] {
  const tokens = tokenize(expr);
  const pairs = matchingBrackets(tokens);
  const findings: Finding[] = [];
  const index = seriesByName();
  // prometheus_exclude_*: read unless the check is pinned to a release that predates them.
  const excludes = ctx.exporter !== undefined && (ctx.version === undefined || compareVersions(ctx.version, EXCLUDES_AFTER) > 0);
  const isPunct = (i: number, text: string) => tokens[i]?.kind === 'punct' && tokens[i].text === text;
  const isIdent = (i: number, text?: string) => tokens[i]?.kind === 'ident' && (text === undefined || tokens[i].text === text);

  // Token ranges that hold label names (inside {...} or a grouping clause's (...)), not metric names.
  const labelListTokens = new Set<number>();
  const clauses: { keyword: string; at: number; open: number; close: number }[] = [];
  tokens.forEach((t, i) => {
    if (t.kind === 'ident' && CLAUSES.has(t.text) && isPunct(i + 1, '(') && pairs.has(i + 1)) {
      const close = pairs.get(i + 1)!;
      for (let k = i + 2; k < close; k++) labelListTokens.add(k);
      clauses.push({ keyword: t.text, at: i, open: i + 1, close });
    }
  });
  const braceTokens = new Set<number>();
  tokens.forEach((t, i) => {
    if (t.kind === 'punct' && t.text === '{' && pairs.has(i)) for (let k = i + 1; k < pairs.get(i)!; k++) braceTokens.add(k);
  });

  const selectors: Selector[] = [];
  const reportUnknownLabel = (label: Token, series: ExposedSeries[], where: string) => {
    const candidates = [...new Set(series.flatMap((s) => [...s.metric.labels, ...(s.kind === 'bucket' ? ['le'] : [])]))];
    findings.push({
      ruleId: 'metrics/unknown-label',
      severity: 'error',
      message: `'${label.value ?? label.text}' is not a label of ${where} (LiteLLM exports ${candidates.length ? candidates.join(', ') : 'no labels'} on it)` +
        didYouMean(suggest(label.value ?? label.text, candidates)),
      start: label.start,
      end: label.end,
    });
  };

  /** Look a name up; report what is wrong with it. Returns the series it may select. */
  const resolveName = (tok: Token, name: string): { series: ExposedSeries[]; known: boolean } => {
    if (!name.startsWith('litellm_') || name.includes(':')) return { series: [], known: false };
    if (ctx.definedNames?.has(name)) return { series: [], known: false };
    const found = index.get(name);
    if (!found) {
      let hint: string;
      const family = familyByName(name);
      if (NOT_EMITTED[name]) {
        hint = `LiteLLM's exporter never emitted it; use '${NOT_EMITTED[name]}'`;
      } else if (family && family.type !== 'gauge') {
        const names = exposedSeries(family).map((s) => s.name);
        hint = `'${name}' is a ${family.type} family, exposed as ${names.filter((n) => !n.endsWith('_created')).join(' / ')}` +
          didYouMean(family.type === 'counter' ? names[0] : undefined);
      } else {
        hint = `LiteLLM does not export it` + didYouMean(suggest(name, [...index.keys()]));
      }
      findings.push({ ruleId: 'metrics/unknown-metric', severity: 'error', message: `unknown metric '${name}': ${hint}`, start: tok.start, end: tok.end });
      return { series: [], known: false };
    }
    const metric = found.metric;
    if (ctx.version !== undefined && !emittedIn(metric, ctx.version)) {
      const replacement = metric.renamedTo ?? [...index.values()].find((s) => s.metric.logical === metric.logical && s.metric !== metric && emittedIn(s.metric, ctx.version))?.metric.family;
      const why = metric.until ? `it was renamed in ${metric.until}` : `it first appeared in ${metric.since}`;
      const replacementSeries = replacement ? exposedSeries(familyByName(replacement)!).find((s) => s.kind === found.kind)?.name : undefined;
      findings.push({
        ruleId: 'metrics/version-mismatch',
        severity: 'error',
        message: `LiteLLM ${ctx.version} does not emit '${name}' (${why})` + (replacementSeries ? `; use '${replacementSeries}'` : ''),
        start: tok.start,
        end: tok.end,
      });
    } else if (ctx.version === undefined && metric.until !== undefined) {
      const newer = metric.renamedTo ? exposedSeries(familyByName(metric.renamedTo)!).find((s) => s.kind === found.kind)?.name : undefined;
      findings.push({
        ruleId: 'metrics/version-mismatch',
        severity: 'info',
        message: `'${name}' is only emitted by LiteLLM before ${metric.until}` + (newer ? `; newer versions emit '${newer}'` : ''),
        start: tok.start,
        end: tok.end,
      });
    }
    return { series: [found], known: !metric.openLabels };
  };

  /** A metric the config's prometheus_metrics_config leaves out is a no-op: the query is always empty. */
  const checkConfiguredMetric = (tok: Token, series: ExposedSeries[]) => {
    const excluded = excludes ? ctx.exporter!.excludedFamilies : null;
    if (excluded && series.length > 0 && series.every((s) => excluded.has(s.metric.family) || excluded.has(`${s.metric.family}_total`))) {
      findings.push({
        ruleId: 'metrics/disabled-by-config',
        severity: 'warning',
        message: `'${series[0].metric.family}' is listed in ${EXCLUDE_METRICS}, so LiteLLM drops it and this query is always empty. Remove it from that list, or drop the query`,
        start: tok.start,
        end: tok.end,
      });
      return;
    }
    const enabled = ctx.exporter?.enabledFamilies;
    // Counters may be registered with their _total name (litellm_guardrail_errors_total).
    if (!enabled || series.length === 0 || series.some((s) => enabled.has(s.metric.family) || enabled.has(`${s.metric.family}_total`))) return;
    const family = series[0].metric.family;
    findings.push({
      ruleId: 'metrics/disabled-by-config',
      severity: 'warning',
      message: `'${family}' is not listed in ${CONFIG}, so LiteLLM creates it as a no-op and this query is always empty. Add '${family}' to a metrics list there, or drop the query`,
      start: tok.start,
      end: tok.end,
    });
  };
  /** A label include_labels drops from every matched family never appears on the series. */
  const checkConfiguredLabel = (tok: Token, label: string, series: ExposedSeries[]) => {
    if (excludes && series.length > 0 && ctx.exporter!.excludedLabels.has(label)) {
      findings.push({
        ruleId: 'metrics/label-disabled-by-config',
        severity: 'warning',
        message: `'${label}' is listed in ${EXCLUDE_LABELS}, so LiteLLM removes it from every metric and this query matches or groups nothing by it. Remove it from that list, or from the query`,
        start: tok.start,
        end: tok.end,
      });
      return;
    }
    const filters = ctx.exporter?.labelFilters;
    if (!filters || series.length === 0 || label === 'le' || TARGET_LABELS.includes(label)) return;
    const filterOf = (s: ExposedSeries) => filters.get(s.metric.family) ?? filters.get(`${s.metric.family}_total`);
    if (!series.every((s) => filterOf(s) && !filterOf(s)!.has(label))) return;
    findings.push({
      ruleId: 'metrics/label-disabled-by-config',
      severity: 'warning',
      message: `'${label}' is not in the include_labels of '${series[0].metric.family}' in ${CONFIG}, so LiteLLM does not attach it and this query matches or groups nothing by it. Add '${label}' to include_labels, or drop it from the query`,
      start: tok.start,
      end: tok.end,
    });
  };
  /** model_id holds deployment ids (model_info.id or LiteLLM's sha256), never provider or group names. */
  const checkMatcherValue = (m: { label: string; op: string; value: Token }) => {
    const ids = ctx.exporter?.modelIds;
    const unknownHashes = ctx.exporter?.unknownHashedIds ?? false;
    const wanted = m.value.value ?? '';
    if (m.label !== 'model_id' || !ids || (ids.size === 0 && !unknownHashes) || wanted.includes('$')) return;
    let matches: boolean;
    // Ids gwcfg cannot compute are still sha256 hex strings: an equality with anything else is impossible.
    if (m.op === '=') matches = ids.has(wanted) || (unknownHashes && SHA256_HEX.test(wanted));
    else if (unknownHashes) return; // whether a regex can match some unknown hash is not worth deciding
    else if (m.op === '=~') {
      let re: RegExp;
      try {
        re = new RegExp(`^(?:${wanted})$`);
      } catch {
        return;
      }
      matches = [...ids].some((id) => re.test(id));
    } else return;
    if (matches) return;
    findings.push({
      ruleId: 'metrics/impossible-label-value',
      severity: 'warning',
      message: `model_id ${m.op} ${m.value.text} matches no deployment of the config: model_id holds each deployment's model_info.id, or LiteLLM's sha256 of its model_name and litellm_params (${idExamples(ids, unknownHashes)}), so this matcher never matches. Match providers with api_provider and groups with model_group, or set model_info.id on the deployments`,
      start: m.value.start,
      end: m.value.end,
    });
  };

  const checkMatchers = (open: number, close: number, nameTok: Token | undefined, name: string | undefined, selectorIndex: number) => {
    let series: ExposedSeries[] = [];
    let known = false;
    let reportTok = nameTok;
    const labels: Token[] = [];
    const matchers: { label: string; op: string; value: Token }[] = [];
    // Pass 1: find __name__ when there is no leading name.
    for (let k = open + 1; k < close; k++) {
      const label = tokens[k];
      const op = tokens[k + 1];
      const value = tokens[k + 2];
      if ((label.kind === 'ident' || label.kind === 'string') && op?.kind === 'op' && value?.kind === 'string') {
        const labelName = label.kind === 'string' ? label.value ?? '' : label.text;
        if (labelName === '__name__' && name === undefined) {
          reportTok = value;
          if (op.text === '=') {
            ({ series, known } = resolveName(value, value.value ?? ''));
          } else if (op.text === '=~' && (value.value ?? '').startsWith('litellm_')) {
            let re: RegExp | undefined;
            try {
              re = new RegExp(`^(?:${value.value})$`);
            } catch {
              re = undefined;
            }
            if (re) {
              series = [...index.values()].filter((s) => re!.test(s.name));
              known = series.length > 0 && series.every((s) => !s.metric.openLabels);
              if (series.length === 0) {
                findings.push({ ruleId: 'metrics/unknown-metric', severity: 'error', message: `no metric LiteLLM exports matches __name__=~${value.text}`, start: value.start, end: value.end });
              }
            }
          }
        } else if (labelName !== '__name__') {
          labels.push(label);
          matchers.push({ label: labelName, op: op.text, value });
        }
        k += 2;
      }
    }
    if (name !== undefined && nameTok) ({ series, known } = resolveName(nameTok, name));
    if (known) {
      for (const label of labels) {
        const labelName = label.kind === 'string' ? label.value ?? '' : label.text;
        if (!series.some((s) => labelAllowed(s, labelName, ctx.extraLabels))) {
          reportUnknownLabel(label, series, series.length === 1 ? series[0].name : `any of ${series.map((s) => s.name).join(', ')}`);
        } else checkConfiguredLabel(label, labelName, series);
      }
      if (reportTok) checkConfiguredMetric(reportTok, series);
      for (const m of matchers) checkMatcherValue(m);
    }
    selectors.push({ index: selectorIndex, nameToken: reportTok, series, known });
  };

  tokens.forEach((t, i) => {
    if (labelListTokens.has(i) || braceTokens.has(i)) return;
    if (t.kind === 'punct' && t.text === '{' && pairs.has(i) && !(i > 0 && tokens[i - 1].kind === 'ident' && !KEYWORDS.has(tokens[i - 1].text.toLowerCase()))) {
      checkMatchers(i, pairs.get(i)!, undefined, undefined, i);
      return;
    }
    if (t.kind !== 'ident' || KEYWORDS.has(t.text.toLowerCase())) return;
    if (isPunct(i + 1, '(')) return; // function or aggregation
    if (AGGREGATORS.has(t.text) && (isIdent(i + 1, 'by') || isIdent(i + 1, 'without'))) return;
    if (isPunct(i + 1, '{') && pairs.has(i + 1)) checkMatchers(i + 1, pairs.get(i + 1)!, t, t.text, i);
    else {
      const { series, known } = resolveName(t, t.text);
      if (known) checkConfiguredMetric(t, series);
      selectors.push({ index: i, nameToken: t, series, known });
    }
  });

  /** Labels must come from some selector inside [open, close]; skip when we cannot know the label set. */
  const checkLabelsAgainstSpan = (labelTokens: Token[], open: number, close: number, where: string) => {
    const inside = selectors.filter((s) => s.index > open && s.index < close);
    if (inside.length === 0 || inside.some((s) => !s.known)) return;
    for (let k = open; k <= close; k++) {
      if (tokens[k].kind === 'ident' && LABEL_CREATORS.has(tokens[k].text)) return;
    }
    const series = inside.flatMap((s) => s.series);
    for (const label of labelTokens) {
      if (!series.some((s) => labelAllowed(s, label.text, ctx.extraLabels))) {
        reportUnknownLabel(label, series, `${[...new Set(series.map((s) => s.name))].join(', ')} (${where})`);
      } else checkConfiguredLabel(label, label.text, series);
    }
  };

  for (const clause of clauses) {
    if (clause.keyword !== 'by') continue;
    const labelTokens = tokens.slice(clause.open + 1, clause.close).filter((t) => t.kind === 'ident');
    let body: [number, number] | undefined;
    if (isIdent(clause.at - 1) && AGGREGATORS.has(tokens[clause.at - 1].text) && isPunct(clause.close + 1, '(') && pairs.has(clause.close + 1)) {
      body = [clause.close + 1, pairs.get(clause.close + 1)!];
    } else if (isPunct(clause.at - 1, ')') && pairs.has(clause.at - 1)) {
      const open = pairs.get(clause.at - 1)!;
      if (isIdent(open - 1) && AGGREGATORS.has(tokens[open - 1].text)) body = [open, clause.at - 1];
    }
    if (body) checkLabelsAgainstSpan(labelTokens, body[0], body[1], 'in by (...)');
  }

  // Grafana: label_values(selector, label)
  tokens.forEach((t, i) => {
    if (!(t.kind === 'ident' && t.text === 'label_values' && isPunct(i + 1, '(') && pairs.has(i + 1))) return;
    const close = pairs.get(i + 1)!;
    let depth = 0;
    for (let k = i + 2; k < close; k++) {
      const tk = tokens[k];
      if (tk.kind === 'punct' && '({['.includes(tk.text)) depth++;
      else if (tk.kind === 'punct' && ')}]'.includes(tk.text)) depth--;
      else if (depth === 0 && tk.kind === 'punct' && tk.text === ',' && isIdent(k + 1)) {
        checkLabelsAgainstSpan([tokens[k + 1]], i + 1, k, 'in label_values');
        break;
      }
    }
  });

  return findings.sort((a, b) => a.start - b.start || a.ruleId.localeCompare(b.ruleId));
}
