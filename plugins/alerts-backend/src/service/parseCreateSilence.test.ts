import { parseCreateSilence } from './parseCreateSilence';

const valid = {
  matchers: 'alertname="NodeCpuUsageHigh"',
  duration: '2h',
  comment: 'scaling the pool\nticket OPS-1',
};

describe('parseCreateSilence', () => {
  it('reads both matcher forms and the optional fields', () => {
    expect(parseCreateSilence(valid)).toEqual(valid);
    expect(
      parseCreateSilence({
        ...valid,
        matchers: [{ name: 'pool', value: 'gen.*', isRegex: true }],
        source: 'eu',
        startsAt: '2026-11-30T10:00:00+09:00',
      }),
    ).toEqual({
      ...valid,
      matchers: [
        { name: 'pool', value: 'gen.*', isRegex: true, isEqual: true },
      ],
      source: 'eu',
      startsAt: '2026-11-30T10:00:00+09:00',
    });
  });

  it.each([
    [{ ...valid, sourec: 'eu' }, "Unrecognized key(s) in object: 'sourec'"],
    [
      { ...valid, createdBy: 'user:default/someone-else' },
      "Unrecognized key(s) in object: 'createdBy'",
    ],
    [
      { ...valid, comment: 'x'.repeat(1001) },
      'at most 1000 character(s) at "comment"',
    ],
    [{ ...valid, comment: 'a\u0000b' }, 'control characters at "comment"'],
    [{ ...valid, matchers: 'a="b",'.repeat(700) }, 'at "matchers"'],
    [
      {
        ...valid,
        matchers: Array(33).fill({ name: 'a', value: 'b', isRegex: false }),
      },
      'at most 32 element(s) at "matchers"',
    ],
    [{ ...valid, matchers: [] }, 'at "matchers"'],
    [
      {
        ...valid,
        matchers: [{ name: 'a', value: 'v'.repeat(1025), isRegex: false }],
      },
      'at "matchers[0].value"',
    ],
    [
      { ...valid, matchers: [{ name: '1a', value: 'b', isRegex: false }] },
      'Must be a label name at "matchers[0].name"',
    ],
    [
      {
        ...valid,
        matchers: [{ name: 'a', value: 'b', isRegex: false, extra: 1 }],
      },
      'Unrecognized key(s) in object: \'extra\' at "matchers[0]"',
    ],
    [
      { ...valid, duration: 2 },
      'Expected string, received number at "duration"',
    ],
    [{ ...valid, startsAt: 'tomorrow' }, 'at "startsAt"'],
    [{ ...valid, comment: { a: { b: { c: {} } } } }, 'at "comment"'],
    [[valid], 'Expected object, received array'],
    [undefined, 'Required'],
  ])('rejects %j with a message naming the field', (body, message) => {
    expect(() => parseCreateSilence(body)).toThrow(
      expect.objectContaining({
        name: 'InputError',
        message: expect.stringContaining(message),
      }),
    );
  });
});
