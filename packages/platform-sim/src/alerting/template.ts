/**
 * The part of Prometheus' alert templating (Go text/template) that rule annotations use:
 * `{{ $value }}`, `{{ $labels.node }}`, `{{ .Value }}`, `{{ .Labels.x }}`, pipelines into
 * `humanize`, `humanizePercentage`, `humanizeDuration`, `printf "%.2f"`, `toUpper`, `toLower`,
 * `title`. A text with anything else (`if`, `range`, unknown functions) is returned unchanged.
 * Own code: JS Go-template packages differ from Prometheus' functions and output; this subset matches them.
 */
import {
  formatGoValue,
  goSprintf,
  humanize,
  humanizeDuration,
  humanizePercentage,
} from './goFormat';
import type { Labels } from './matchers';

export interface TemplateData {
  labels: Labels;
  value: number;
  externalLabels?: Labels;
}

class Unsupported extends Error {}

type Val = number | string;

function toText(v: Val): string {
  return typeof v === 'number' ? formatGoValue(v) : v;
}

function toNumber(v: Val): number {
  if (typeof v === 'number') return v;
  const n = Number(v);
  if (Number.isNaN(n)) throw new Unsupported(`not a number: ${v}`);
  return n;
}

const FUNCS: Record<string, (args: Val[]) => Val> = {
  humanize: a => humanize(toNumber(a[0])),
  humanizePercentage: a => humanizePercentage(toNumber(a[0])),
  humanizeDuration: a => humanizeDuration(toNumber(a[0])),
  printf: a => goSprintf(String(a[0]), a.slice(1)),
  toUpper: a => toText(a[0]).toUpperCase(),
  toLower: a => toText(a[0]).toLowerCase(),
  title: a => toText(a[0]).replace(/\b\w/g, c => c.toUpperCase()),
};

function tokenize(cmd: string): string[] {
  const out: string[] = [];
  const re = /\s*("(?:[^"\\]|\\.)*"|`[^`]*`|[^\s]+)/g;
  for (const m of cmd.matchAll(re)) out.push(m[1]);
  return out;
}

function splitPipeline(action: string): string[] {
  const parts: string[] = [];
  let cur = '';
  let quote = '';
  for (let i = 0; i < action.length; i++) {
    const c = action[i];
    if (quote) {
      if (c === '\\' && quote === '"') {
        cur += c + (action[++i] ?? '');
        continue;
      }
      if (c === quote) quote = '';
    } else if (c === '"' || c === '`') quote = c;
    else if (c === '|') {
      parts.push(cur);
      cur = '';
      continue;
    }
    cur += c;
  }
  parts.push(cur);
  return parts.map(p => p.trim());
}

function operand(tok: string, data: TemplateData): Val {
  if (tok === '$value' || tok === '.Value') return data.value;
  const lm = /^(?:\$labels|\.Labels)\.([a-zA-Z_][a-zA-Z0-9_]*)$/.exec(tok);
  if (lm) return data.labels[lm[1]] ?? '';
  const em =
    /^(?:\$externalLabels|\.ExternalLabels)\.([a-zA-Z_][a-zA-Z0-9_]*)$/.exec(
      tok,
    );
  if (em) return data.externalLabels?.[em[1]] ?? '';
  if (tok.startsWith('"') && tok.endsWith('"') && tok.length >= 2)
    return JSON.parse(tok);
  if (tok.startsWith('`') && tok.endsWith('`') && tok.length >= 2)
    return tok.slice(1, -1);
  if (/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(tok)) return Number(tok);
  throw new Unsupported(tok);
}

interface Command {
  head: string;
  args: string[];
}
type Part = string | Command[];

function compileAction(action: string): Command[] {
  return splitPipeline(action).map(cmd => {
    const toks = tokenize(cmd);
    if (toks.length === 0) throw new Unsupported(action);
    return { head: toks[0], args: toks.slice(1) };
  });
}

function evalCommands(cmds: Command[], data: TemplateData): string {
  let prev: Val | undefined;
  for (const { head, args: rest } of cmds) {
    const fn = FUNCS[head];
    if (fn) {
      const args = rest.map(t => operand(t, data));
      if (prev !== undefined) args.push(prev);
      if (args.length === 0) throw new Unsupported(head);
      prev = fn(args);
    } else {
      if (prev !== undefined || rest.length > 0) throw new Unsupported(head);
      prev = operand(head, data);
    }
  }
  return toText(prev ?? '');
}

const ACTION_RE = /(\s*)\{\{(-\s)?([\s\S]*?)(\s-)?\}\}(\s*)/g;
// Own bounded Map, not lru-cache: keys are the rule files' few annotation templates, so the bound is only a safeguard.
const compiled = new Map<string, Part[] | null>();

/** Splits a template into literal text and actions; null when it uses anything unsupported. */
function compile(text: string): Part[] | null {
  let parts = compiled.get(text);
  if (parts !== undefined) return parts;
  try {
    parts = [];
    let last = 0;
    for (const m of text.matchAll(ACTION_RE)) {
      const [whole, pre, trimL, body, trimR, post] = m;
      parts.push(text.slice(last, m.index) + (trimL ? '' : pre));
      const b = body.trim();
      // variable definitions Prometheus prepends (`{{ $labels := .Labels }}`) print nothing
      if (!/^\$\w+\s*:=/.test(b)) {
        if (/^(if|else|end|range|with|define|template|block)\b/.test(b))
          throw new Unsupported(b);
        parts.push(compileAction(b));
      }
      parts.push(trimR ? '' : post);
      last = m.index! + whole.length;
    }
    parts.push(text.slice(last));
    if (parts.some(p => typeof p === 'string' && p.includes('{{')))
      parts = null;
  } catch (e) {
    if (!(e instanceof Unsupported)) throw e;
    parts = null;
  }
  if (compiled.size > 10_000) compiled.clear();
  compiled.set(text, parts);
  return parts;
}

/** Expands a Prometheus annotation template; on anything unsupported returns `text` as is. */
export function expandTemplate(text: string, data: TemplateData): string {
  if (!text.includes('{{')) return text;
  const parts = compile(text);
  if (!parts) return text;
  try {
    return parts
      .map(p => (typeof p === 'string' ? p : evalCommands(p, data)))
      .join('');
  } catch (e) {
    if (e instanceof Unsupported || e instanceof SyntaxError) return text;
    throw e;
  }
}
