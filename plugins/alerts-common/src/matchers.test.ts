import { compileMatchers, formatMatchers, parseMatchers } from './matchers';

const matches = (labels: Record<string, string>, matchers: string) =>
  compileMatchers(parseMatchers(matchers))(labels);
/** `name=~value` without the matcher syntax's quoting */
const regex = (name: string, value: string) => [
  { name, value, isRegex: true, isEqual: true },
];

describe('parseMatchers', () => {
  it('parses the four operators, quoted and bare, with or without braces', () => {
    expect(
      parseMatchers(
        '{alertname="NodeCpuUsageHigh", node=~"general-.*", pool!=gpu, env!~"dev|test"}',
      ),
    ).toEqual([
      {
        name: 'alertname',
        value: 'NodeCpuUsageHigh',
        isRegex: false,
        isEqual: true,
      },
      { name: 'node', value: 'general-.*', isRegex: true, isEqual: true },
      { name: 'pool', value: 'gpu', isRegex: false, isEqual: false },
      { name: 'env', value: 'dev|test', isRegex: true, isEqual: false },
    ]);
  });

  it('unescapes quoted values', () => {
    expect(parseMatchers('summary="a \\"b\\", c"')[0].value).toBe('a "b", c');
  });

  it.each([
    ['', 'no matcher given'],
    ['alertname', "expected =, !=, =~ or !~ after 'alertname'"],
    ['1x="a"', "'1x' is not a valid label name"],
    ['a="b" c="d"', "expected ',' between matchers"],
    ['a="b', "unterminated quoted value of 'a'"],
  ])('rejects %p with a message', (input, message) => {
    expect(() => parseMatchers(input)).toThrow(message);
  });
});

describe('compileMatchers', () => {
  const labels = {
    alertname: 'NodeCpuUsageHigh',
    node: 'general-1',
    pool: 'general',
  };
  it('anchors regexes and treats missing labels as empty', () => {
    expect(matches(labels, 'node=~"general-.*"')).toBe(true);
    expect(matches(labels, 'node=~"general"')).toBe(false);
    expect(matches(labels, 'node=~"eneral-1"')).toBe(false);
    expect(matches(labels, 'service=""')).toBe(true);
    expect(matches(labels, 'service=~"|x"')).toBe(true);
    expect(matches(labels, 'pool!="general"')).toBe(false);
    expect(
      matches(labels, 'pool!~"gpu|ai-.*",alertname="NodeCpuUsageHigh"'),
    ).toBe(true);
  });

  it("has RE2's syntax, as Alertmanager (Go regexp), not JavaScript's", () => {
    // valid RE2, a syntax error or something else in JavaScript
    expect(matches({ pool: 'GENERAL' }, 'pool=~"(?i)general"')).toBe(true);
    expect(matches({ pool: 'ai' }, 'pool=~"[[:alpha:]]+"')).toBe(true);
    const literal = compileMatchers(regex('pool', String.raw`\Qa.b\E`));
    expect(literal({ pool: 'a.b' })).toBe(true);
    expect(literal({ pool: 'axb' })).toBe(false);
    // `.` does not match a newline, `$` only the end of the value
    expect(matches({ pool: 'a\nb' }, 'pool=~"a.b"')).toBe(false);
  });

  it.each([
    ['lookahead', '(?=general)general-1'],
    ['lookbehind', '(?<=g)eneral-1'],
    ['backreference', String.raw`(g)\1`],
    ['possessive repeat', 'a++'],
    ['repeat over 1000', 'a{1001}'],
    ['unbalanced group', '(('],
  ])(
    'reports a %s (valid or not in JavaScript) as a bad matcher',
    (_what, value) => {
      expect(() => compileMatchers(regex('node', value))).toThrow(
        `Invalid matcher node=~"${value}": not a valid RE2 regular expression`,
      );
    },
  );

  it('runs a catastrophic-backtracking pattern in linear time', () => {
    // JavaScript's RegExp takes seconds on 32 characters (doubling with each
    // one); RE2 takes milliseconds on 100,000
    const matcher = compileMatchers(parseMatchers('node=~"(a+)+$"'));
    for (const value of ['a'.repeat(32), 'a'.repeat(100_000)]) {
      const started = Date.now();
      expect(matcher({ node: `${value}!` })).toBe(false);
      expect(matcher({ node: value })).toBe(true);
      expect(Date.now() - started).toBeLessThan(1000);
    }
  });
});

describe('formatMatchers', () => {
  it('round-trips', () => {
    const text = 'alertname="X",node=~"a\\"b",pool!="p",env!~"dev"';
    expect(formatMatchers(parseMatchers(text))).toBe(text);
  });
});
