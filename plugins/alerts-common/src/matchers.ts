import { RE2JS } from 're2js';
import { Matcher } from './types';

const NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** A matcher list is malformed; the message says where. */
export class MatcherSyntaxError extends Error {}

/**
 * Parses Alertmanager matchers: `alertname="X", node=~"general-.*"`, with or
 * without surrounding braces; operators `=`, `!=`, `=~`, `!~`; values quoted
 * (with `\"` and `\\` escapes) or bare. Syntax only: {@link compileMatchers}
 * checks the regexes.
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

/** Whether a label set satisfies a list of matchers. */
export type LabelsPredicate = (labels: Record<string, string>) => boolean;

/**
 * Compiles matchers once into a predicate over label sets, with Alertmanager's
 * semantics: regexes are RE2 (linear time, so a crafted pattern cannot stall
 * the event loop; no lookarounds or backreferences), anchored at both ends,
 * and a missing label is the empty string. Throws a MatcherSyntaxError naming
 * the label when a regex is not valid RE2.
 */
export function compileMatchers(matchers: readonly Matcher[]): LabelsPredicate {
  const tests = matchers.map(m => {
    let hit: (value: string) => boolean = value => value === m.value;
    if (m.isRegex) {
      let re: RE2JS;
      try {
        // Alertmanager compiles `^(?:value)$` with Go's regexp (RE2)
        re = RE2JS.compile(`^(?:${m.value})$`);
      } catch (e) {
        throw new MatcherSyntaxError(
          `Invalid matcher ${m.name}${m.isEqual ? '=~' : '!~'}"${
            m.value
          }": not a valid RE2 regular expression (${(e as Error).message})`,
        );
      }
      hit = value => re.testExact(value);
    }
    return (labels: Record<string, string>) =>
      hit(labels[m.name] ?? '') === m.isEqual;
  });
  return labels => tests.every(test => test(labels));
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
