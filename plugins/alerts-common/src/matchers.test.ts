import { formatMatchers, matchesAll, parseMatchers } from './matchers';

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
    ['a=~"(("', "invalid regular expression for 'a'"],
  ])('rejects %p with a message', (input, message) => {
    expect(() => parseMatchers(input)).toThrow(message);
  });
});

describe('matchesAll', () => {
  const labels = {
    alertname: 'NodeCpuUsageHigh',
    node: 'general-1',
    pool: 'general',
  };
  it('anchors regexes and treats missing labels as empty', () => {
    expect(matchesAll(labels, parseMatchers('node=~"general-.*"'))).toBe(true);
    expect(matchesAll(labels, parseMatchers('node=~"general"'))).toBe(false);
    expect(matchesAll(labels, parseMatchers('service=""'))).toBe(true);
    expect(matchesAll(labels, parseMatchers('pool!="general"'))).toBe(false);
    expect(
      matchesAll(
        labels,
        parseMatchers('pool!~"gpu|ai-.*",alertname="NodeCpuUsageHigh"'),
      ),
    ).toBe(true);
  });
});

describe('formatMatchers', () => {
  it('round-trips', () => {
    const text = 'alertname="X",node=~"a\\"b",pool!="p",env!~"dev"';
    expect(formatMatchers(parseMatchers(text))).toBe(text);
  });
});
