/** Label matchers (`name="v"`, `=~`, `!=`, `!~`) as Alertmanager and Prometheus parse them. */

export type Labels = Record<string, string>;
export type MatchOp = '=' | '!=' | '=~' | '!~';

export interface Matcher {
  name: string;
  op: MatchOp;
  value: string;
  /** Anchored regular expression for `=~` / `!~`. */
  re?: RegExp;
}

/** Error with the text the Go servers would answer. */
export class MatcherError extends Error {}

const JS_TO_GO_REGEXP: [RegExp, string][] = [
  [/Unterminated group/, 'missing closing )'],
  [/Unmatched '\)'/, 'unexpected )'],
  [/Nothing to repeat/, 'missing argument to repetition operator'],
  [/Unterminated character class/, 'missing closing ]'],
  [/Lone quantifier brackets/, 'missing argument to repetition operator'],
  [/\\ at end of pattern/, 'trailing backslash at end of expression'],
];

/**
 * Compiles a Go (RE2) regular expression fully anchored like Prometheus/Alertmanager do.
 * A leading `(?i)` becomes the `i` flag. Errors read like Go's:
 * ``error parsing regexp: missing closing ): `^(?:()$` ``.
 */
export function compileAnchored(pattern: string): RegExp {
  let p = pattern;
  let flags = 's';
  if (p.startsWith('(?i)')) {
    p = p.slice(4);
    flags += 'i';
  }
  const anchored = `^(?:${p})$`;
  try {
    return new RegExp(anchored, flags);
  } catch (e) {
    throw new MatcherError(
      `error parsing regexp: ${goRegexpReason(e as Error)}: \`${anchored}\``,
    );
  }
}

function goRegexpReason(e: Error): string {
  const msg = e.message;
  return (
    JS_TO_GO_REGEXP.find(([re]) => re.test(msg))?.[1] ??
    `invalid regular expression (${msg.replace(/^.*: /, '')})`
  );
}

/** Go's error text for an invalid (unanchored) pattern, or undefined when it compiles. */
export function regexpError(pattern: string): string | undefined {
  try {
    new RegExp(pattern.startsWith('(?i)') ? pattern.slice(4) : pattern, 's'); // eslint-disable-line no-new
    return undefined;
  } catch (e) {
    return `error parsing regexp: ${goRegexpReason(
      e as Error,
    )}: \`${pattern}\``;
  }
}

export function makeMatcher(name: string, op: MatchOp, value: string): Matcher {
  return {
    name,
    op,
    value,
    re: op === '=~' || op === '!~' ? compileAnchored(value) : undefined,
  };
}

export function matches(m: Matcher, labels: Labels): boolean {
  const v = labels[m.name] ?? '';
  switch (m.op) {
    case '=':
      return v === m.value;
    case '!=':
      return v !== m.value;
    case '=~':
      return m.re!.test(v);
    case '!~':
      return !m.re!.test(v);
    default:
      return false;
  }
}

export function matchesAll(ms: Matcher[], labels: Labels): boolean {
  return ms.every(m => matches(m, labels));
}

export function matcherString(m: Matcher): string {
  return `${m.name}${m.op}${JSON.stringify(m.value)}`;
}

/** Unquotes a Go/PromQL string literal (`"…"`, `'…'` or `` `…` ``). */
export function unquote(text: string): string {
  const q = text[0];
  const body = text.slice(1, -1);
  if (q === '`') return body;
  return body.replace(
    /\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[0-7]{3}|.)/g,
    (_, e: string) => {
      switch (e[0]) {
        case 'n':
          return '\n';
        case 't':
          return '\t';
        case 'r':
          return '\r';
        case 'a':
          return '\x07';
        case 'b':
          return '\b';
        case 'f':
          return '\f';
        case 'v':
          return '\v';
        case 'u':
        case 'x':
          return String.fromCharCode(parseInt(e.slice(1), 16));
        default:
          if (/^[0-7]{3}$/.test(e)) return String.fromCharCode(parseInt(e, 8));
          return e;
      }
    },
  );
}

const AM_MATCHER_RE =
  /^\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(=~|=|!=|!~)\s*([\s\S]*?)\s*$/;

/** One Alertmanager matcher (`name="value"`, quotes optional), as in `filter=` and config `matchers`. */
export function parseAmMatcher(text: string): Matcher {
  const m = AM_MATCHER_RE.exec(text);
  if (!m) throw new MatcherError(`bad matcher format: ${text}`);
  let value = m[3];
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    value = unquote(value);
  } else if (value.startsWith('"') || value.endsWith('"')) {
    throw new MatcherError(`invalid quoted value: ${value}`);
  }
  return makeMatcher(m[1], m[2] as MatchOp, value);
}

/** Splits `a="x,y", b=~"z"` on commas outside quotes. */
function splitMatchers(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && quoted) {
      cur += c + (text[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === '"') quoted = !quoted;
    if (c === ',' && !quoted) {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += c;
  }
  out.push(cur);
  return out;
}

/** Alertmanager's `ParseMatchers`: one matcher or `{a="b", c=~"d"}`. */
export function parseAmMatchers(text: string): Matcher[] {
  let t = text.trim();
  if (t.startsWith('{') && t.endsWith('}')) t = t.slice(1, -1);
  const parts = splitMatchers(t);
  if (parts.length > 1 && parts[parts.length - 1].trim() === '') parts.pop();
  return parts.map(p => parseAmMatcher(p));
}

/** A parsed PromQL instant vector selector. */
export interface VectorSelector {
  metricName?: string;
  matchers: Matcher[];
}

/** Error in a PromQL query (answered as 400 `bad_data`). */
export class PromQLError extends Error {}

/**
 * Parses an instant vector selector: `name`, `name{l="v",l2=~"re"}`, `{__name__="x"}`.
 * Anything else throws a {@link PromQLError}.
 */
export function parseVectorSelector(query: string): VectorSelector {
  const q = query;
  let i = 0;
  const ws = () => {
    while (i < q.length && /\s/.test(q[i])) i++;
  };
  const pos = () => `1:${i + 1}`;
  ws();
  if (i >= q.length)
    throw new PromQLError(
      `${pos()}: parse error: no expression found in input`,
    );
  let metricName: string | undefined;
  const nameMatch = /^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(q.slice(i));
  if (nameMatch) {
    metricName = nameMatch[0];
    i += metricName.length;
    ws();
  }
  const matchers: Matcher[] = [];
  if (q[i] === '{') {
    i++;
    for (;;) {
      ws();
      if (i >= q.length)
        throw new PromQLError(
          `1:${i + 1}: parse error: unexpected end of input inside braces`,
        );
      if (q[i] === '}') {
        i++;
        break;
      }
      const ln = /^[a-zA-Z_][a-zA-Z0-9_]*/.exec(q.slice(i));
      if (!ln)
        throw new PromQLError(
          `${pos()}: parse error: unexpected character inside braces: ${JSON.stringify(
            q[i],
          )}`,
        );
      i += ln[0].length;
      ws();
      const op = /^(=~|!~|!=|=)/.exec(q.slice(i));
      if (!op)
        throw new PromQLError(
          `${pos()}: parse error: unexpected ${
            i >= q.length ? 'end of input' : JSON.stringify(q[i])
          } in label matching, expected label matching operator`,
        );
      i += op[0].length;
      ws();
      const str = /^("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`)/.exec(
        q.slice(i),
      );
      if (!str)
        throw new PromQLError(
          `${pos()}: parse error: unexpected ${
            i >= q.length ? 'end of input' : JSON.stringify(q[i])
          } in label matching, expected string`,
        );
      const start = i;
      i += str[0].length;
      try {
        matchers.push(makeMatcher(ln[0], op[0] as MatchOp, unquote(str[0])));
      } catch (e) {
        throw new PromQLError(
          `1:${start + 1}: parse error: ${(e as Error).message}`,
        );
      }
      ws();
      if (q[i] === ',') {
        i++;
        continue;
      }
      if (q[i] === '}') {
        i++;
        break;
      }
      throw new PromQLError(
        i >= q.length
          ? `${pos()}: parse error: unexpected end of input inside braces`
          : `${pos()}: parse error: unexpected character inside braces: ${JSON.stringify(
              q[i],
            )}`,
      );
    }
    ws();
  }
  if (!metricName && matchers.length === 0 && q[0] !== '{') {
    throw new PromQLError(
      `platform-sim only evaluates instant vector selectors (metric{label="value"}), not ${JSON.stringify(
        query,
      )}`,
    );
  }
  if (i < q.length) {
    throw new PromQLError(
      `platform-sim only evaluates instant vector selectors (metric{label="value"}), not ${JSON.stringify(
        query,
      )}`,
    );
  }
  if (metricName) {
    if (matchers.some(m => m.name === '__name__'))
      throw new PromQLError(
        `1:1: parse error: metric name must not be set twice: ${JSON.stringify(
          metricName,
        )} or ${JSON.stringify(
          matchers.find(m => m.name === '__name__')!.value,
        )}`,
      );
  } else if (!matchers.some(m => !matches(m, {}))) {
    throw new PromQLError(
      '1:1: parse error: vector selector must contain at least one non-empty matcher',
    );
  }
  return { metricName, matchers };
}
