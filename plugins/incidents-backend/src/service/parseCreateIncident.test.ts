import { parseCreateIncident } from './parseCreateIncident';

describe('parseCreateIncident', () => {
  it('trims and keeps the known fields', () => {
    expect(
      parseCreateIncident({
        title: '  trading-api down ',
        level: 'P1',
        entityRef: 'component:default/trading-api',
      }),
    ).toEqual({
      title: 'trading-api down',
      level: 'P1',
      entityRef: 'component:default/trading-api',
    });
  });

  it.each([
    [{ level: 'P1' }, 'Invalid incident: Required at "title"'],
    [{ title: 'x', level: 'urgent' }, 'at "level"'],
    [
      { title: 'x'.repeat(201), level: 'P1' },
      'at most 200 character(s) at "title"',
    ],
    [
      { title: 'x', level: 'P1', severity: 1 },
      "Unrecognized key(s) in object: 'severity'",
    ],
    [{ title: 'x', level: 'P1', detectedAt: 'yesterday' }, 'at "detectedAt"'],
  ])('refuses %j naming the field', (body, message) => {
    expect(() => parseCreateIncident(body)).toThrow(
      expect.objectContaining({
        name: 'InputError',
        message: expect.stringContaining(message),
      }),
    );
  });
});
