// Inline directives in YAML comments:
//   # gwcfg-disable-next-line <rule>[, <rule>] -- reason
//   # gwcfg-disable-line <rule>
//   # gwcfg-disable <rule>            (whole file)
// No rule means every rule. Comments are read with the yaml lexer, so a `#` inside a quoted
// string or a block scalar is never taken for a directive.
import { Lexer } from 'yaml';
import type { Diagnostic, Severity } from '../diagnostics/types.js';
import { closest } from '../schema/suggest.js';
import { UNKNOWN_RULE, UNUSED_DIRECTIVE } from './builtin.js';
import { positionIndex } from '../util/positions.js';

export type DirectiveKind = 'disable' | 'disable-line' | 'disable-next-line';

export interface Directive {
  kind: DirectiveKind;
  /** Rule ids named, or null for all rules. */
  rules: string[] | null;
  reason: string | null;
  /** Offsets of the comment in the text. */
  start: number;
  end: number;
  /** 1-based line of the comment. */
  line: number;
  /** The line it applies to (disable-line, disable-next-line); null for the whole file. */
  targetLine: number | null;
}

const DIRECTIVE = /^#\s*gwcfg-(disable-next-line|disable-line|disable)(?=\s|$)(.*)$/;
/** Zero-width control tokens of the yaml lexer (document start, scalar, flow end). */
const CONTROL = new Set(['\x02', '\x18', '\x1f']);

/** Every comment of the text with its offset (with `until`, those that start at or before it). */
export function comments(text: string, until = Infinity): { offset: number; text: string }[] {
  const out: { offset: number; text: string }[] = [];
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if (offset > until) break;
    if (token.length === 1 && CONTROL.has(token)) continue;
    if (token.startsWith('#')) out.push({ offset, text: token });
    offset += token.length;
  }
  return out;
}


export function parseDirectives(text: string): Directive[] {
  if (!text.includes('gwcfg-disable')) return []; // the lexer pass is not free on large files
  const position = positionIndex(text);
  const lines = text.split('\n');
  const out: Directive[] = [];
  // Start-up: every directive holds 'gwcfg-disable', so the lexer stops after the last one (a
  // directive at the top of a file spares a second lex of the rest, after the parse's).
  for (const comment of comments(text, text.lastIndexOf('gwcfg-disable'))) {
    const match = DIRECTIVE.exec(comment.text.trimEnd());
    if (!match) continue;
    const kind = match[1] as DirectiveKind;
    const [body, ...reasonParts] = match[2].split(/\s--\s|\s--$/);
    const reason = reasonParts.join(' -- ').trim() || null;
    const names = body
      .split(/[\s,]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    const line = position(comment.offset).line;
    let targetLine: number | null = null;
    if (kind === 'disable-line') targetLine = line;
    if (kind === 'disable-next-line') targetLine = nextContentLine(lines, line);
    out.push({ kind, rules: names.length ? names : null, reason, start: comment.offset, end: comment.offset + comment.text.trimEnd().length, line, targetLine });
  }
  return out;
}

/** The next line with content, skipping blank and comment-only lines (so directives can stack). */
function nextContentLine(lines: readonly string[], line: number): number {
  for (let i = line; i < lines.length; i++) {
    const trimmed = lines[i].trim();
    if (trimmed !== '' && !trimmed.startsWith('#')) return i + 1;
  }
  return line + 1;
}

export interface DirectiveOptions {
  /** Whether a rule id exists (lint rules and built-in checks). */
  isKnown(id: string): boolean;
  /** Every known id, for did-you-mean. */
  knownIds: readonly string[];
  /** Severity of gwcfg/unused-directive and gwcfg/unknown-rule ('off' to drop them). */
  unusedSeverity: Severity | 'off';
  unknownSeverity: Severity | 'off';
}

/**
 * Drops the diagnostics of one file that its directives suppress, and adds findings for
 * directives that suppressed nothing or name unknown rules.
 */
export function applyDirectives(file: string, text: string, diagnostics: readonly Diagnostic[], directives: readonly Directive[], options: DirectiveOptions): Diagnostic[] {
  if (directives.length === 0) return [...diagnostics];
  // used[i] holds the rule ids directive i suppressed ('*' when it names no rule).
  const used = directives.map(() => new Set<string>());
  const kept: Diagnostic[] = [];
  for (const d of diagnostics) {
    let suppressed = false;
    directives.forEach((directive, i) => {
      if (directive.targetLine !== null && directive.targetLine !== d.line) return;
      if (directive.rules === null) {
        used[i].add('*');
        suppressed = true;
      } else if (directive.rules.includes(d.ruleId)) {
        used[i].add(d.ruleId);
        suppressed = true;
      }
    });
    if (!suppressed) kept.push(d);
  }
  const position = positionIndex(text);
  const at = (directive: Directive, ruleId: string, severity: Severity, message: string): Diagnostic => {
    const lineStart = directive.start - position(directive.start).column + 1;
    return {
      file,
      ruleId,
      severity,
      message,
      line: directive.line,
      column: directive.start - lineStart + 1,
      endLine: directive.line,
      endColumn: directive.end - lineStart + 1,
      fixable: false,
    };
  };
  directives.forEach((directive, i) => {
    const name = `gwcfg-${directive.kind}`;
    if (directive.rules === null) {
      if (used[i].size === 0 && options.unusedSeverity !== 'off') {
        kept.push(at(directive, UNUSED_DIRECTIVE, options.unusedSeverity, `unused ${name} directive: no problem was reported ${where(directive)}; remove it`));
      }
      return;
    }
    for (const rule of directive.rules) {
      if (!options.isKnown(rule)) {
        if (options.unknownSeverity === 'off') continue;
        const near = closest(rule, options.knownIds);
        kept.push(at(directive, UNKNOWN_RULE, options.unknownSeverity, `${name} names unknown rule '${rule}'${near ? `; did you mean '${near}'?` : ''} (gwcfg rules lists them)`));
      } else if (!used[i].has(rule) && options.unusedSeverity !== 'off') {
        kept.push(at(directive, UNUSED_DIRECTIVE, options.unusedSeverity, `unused ${name} directive: '${rule}' reported nothing ${where(directive)}; remove it`));
      }
    }
  });
  return kept;
}

function where(directive: Directive): string {
  if (directive.targetLine === null) return 'in this file';
  return `on line ${directive.targetLine}`;
}
