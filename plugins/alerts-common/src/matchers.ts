import { Matcher } from './types';

const NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** A matcher list is malformed; the message says where. */
export class MatcherSyntaxError extends Error {}

/**
 * Parses Alertmanager matchers: `alertname="X", node=~"general-.*"`, with or
 * without surrounding braces; operators `=`, `!=`, `=~`, `!~`; values quoted
 * (with `\"` and `\\` escapes) or bare. Regexes are checked to compile.
 */
export function parseMatchers(input: string): Matcher[] {
  let s = input.trim();
  if (s.startsWith('{') && s.endsWith('}')) {
    s = s.slice(1, -1).trim();
  }
  const matchers: Matcher[] = [];
  let i = 0;
  const fail = (what: string): never => {
    throw new MatcherSyntaxError(
      `Invalid matchers '${input}': ${what} at position ${i + 1}`,
    );
  };
  while (i < s.length) {
    while (s[i] === ' ') i++;
    const nameMatch = /^[^\s=!~,]+/.exec(s.slice(i));
    if (!nameMatch) fail('expected a label name');
    const name = nameMatch![0];
    if (!NAME.test(name)) fail(`'${name}' is not a valid label name`);
    i += name.length;
    while (s[i] === ' ') i++;
    const op = /^(=~|!~|!=|=)/.exec(s.slice(i))?.[0];
    if (!op) fail(`expected =, !=, =~ or !~ after '${name}'`);
    i += op!.length;
    while (s[i] === ' ') i++;
    let value = '';
    if (s[i] === '"') {
      i++;
      let closed = false;
      while (i < s.length) {
        const c = s[i];
        if (c === '\\' && i + 1 < s.length) {
          value += s[i + 1];
          i += 2;
        } else if (c === '"') {
          i++;
          closed = true;
          break;
        } else {
          value += c;
          i++;
        }
      }
      if (!closed) fail(`unterminated quoted value of '${name}'`);
    } else {
      const bare = /^[^,\s]*/.exec(s.slice(i))![0];
      value = bare;
      i += bare.length;
    }
    const isRegex = op === '=~' || op === '!~';
    if (isRegex) {
      try {
        // eslint-disable-next-line no-new
        new RegExp(`^(?:${value})$`);
      } catch (e) {
        fail(
          `invalid regular expression for '${name}' (${(e as Error).message})`,
        );
      }
    }
    matchers.push({ name, value, isRegex, isEqual: op === '=' || op === '=~' });
    while (s[i] === ' ') i++;
    if (i < s.length) {
      if (s[i] !== ',') fail("expected ',' between matchers");
      i++;
    }
  }
  if (matchers.length === 0) {
    throw new MatcherSyntaxError(
      `Invalid matchers '${input}': no matcher given`,
    );
  }
  return matchers;
}

/** Whether a label set satisfies every matcher (regexes anchored, as Alertmanager does). */
export function matchesAll(
  labels: Record<string, string>,
  matchers: readonly Matcher[],
): boolean {
  return matchers.every(m => {
    const value = labels[m.name] ?? '';
    const hit = m.isRegex
      ? new RegExp(`^(?:${m.value})$`).test(value)
      : value === m.value;
    return m.isEqual ? hit : !hit;
  });
}

/** Matchers back to Alertmanager syntax. */
export function formatMatchers(matchers: readonly Matcher[]): string {
  return matchers
    .map(m => {
      let op = m.isEqual ? '=' : '!=';
      if (m.isRegex) op = m.isEqual ? '=~' : '!~';
      return `${m.name}${op}"${m.value
        .replace(/\\/g, '\\\\')
        .replace(/"/g, '\\"')}"`;
    })
    .join(',');
}
