import { DEFAULT_LEVELS } from './levels';
import { parseLevelsConfig } from './levelsConfig';

const MINUTE = 60_000;

describe('parseLevelsConfig', () => {
  it('is the documented levels when incidents.levels is not set', () => {
    expect(parseLevelsConfig(undefined)).toEqual(DEFAULT_LEVELS);
    expect(parseLevelsConfig(null)).toEqual(DEFAULT_LEVELS);
  });

  it('reads durations as HumanDuration objects, ms strings and ISO 8601', () => {
    const levels = parseLevelsConfig({
      P1: { response: { minutes: 10 }, resolution: '90m' },
      P2: { response: 'PT20M', resolution: { hours: 3, minutes: 30 } },
    });
    expect(levels.map(l => [l.id, l.responseMs, l.resolutionMs])).toEqual([
      ['P1', 10 * MINUTE, 90 * MINUTE],
      ['P2', 20 * MINUTE, 210 * MINUTE],
      ['P3', 120 * MINUTE, 480 * MINUTE],
    ]);
  });

  it('keeps the fields of a default level the config does not set', () => {
    const [p1] = parseLevelsConfig({ P1: { escalation: ['devops_lead'] } });
    expect(p1).toEqual({ ...DEFAULT_LEVELS[0], escalation: ['devops_lead'] });
  });

  it('adds a complete new level in severity order', () => {
    const levels = parseLevelsConfig({
      P10: {
        name: 'cosmetic',
        response: '1d',
        resolution: { weeks: 1 },
        escalation: ['on_call_engineer'],
      },
      P4: {
        name: 'low',
        description: 'no user impact',
        response: '4h',
        resolution: '1d',
        escalation: ['on_call_engineer'],
      },
    });
    expect(levels.map(l => l.id)).toEqual(['P1', 'P2', 'P3', 'P4', 'P10']);
    expect(levels[3]).toEqual({
      id: 'P4',
      name: 'low',
      description: 'no user impact',
      responseMs: 240 * MINUTE,
      resolutionMs: 1440 * MINUTE,
      escalation: ['on_call_engineer'],
    });
    expect(levels[4].description).toBe('');
  });

  it.each([
    [
      { P4: { name: 'low' } },
      'P4: a new level needs response, resolution, escalation',
    ],
    [{ p1: {} }, 'p1: a level id is P followed by a number'],
    [
      { P1: { response: '15 lightyears' } },
      "P1.response: Invalid duration '15 lightyears'",
    ],
    [
      { P1: { response: { minits: 15 } } },
      'P1.response: Failed to read duration',
    ],
    [{ P1: { response: { minutes: 15, secs: 1 } } }, "Unknown property 'secs'"],
    [{ P1: { response: { minutes: '15' } } }, 'P1.response'],
    [{ P1: { response: '0m' } }, 'P1.response: response must be longer than 0'],
    [{ P1: { response: '3h' } }, 'P1: resolution is shorter than response'],
    [
      { P1: { escalation: [] } },
      'P1.escalation: Array must contain at least 1',
    ],
    [{ P1: { escalation: ['CTO'] } }, 'P1.escalation.0: a role is lower-case'],
    [
      { P1: { escalation: ['cto', 'cto'] } },
      'P1.escalation: a role appears twice',
    ],
    [
      { P1: { severity: 'high' } },
      "P1: Unrecognized key(s) in object: 'severity'",
    ],
    [['P1'], 'Expected object, received array'],
  ])('refuses %j', (config, message) => {
    expect(() => parseLevelsConfig(config)).toThrow(message);
  });

  it('names every bad field at once', () => {
    expect(() =>
      parseLevelsConfig({ P1: { response: 'x' }, P2: { name: '' } }),
    ).toThrow(/^Invalid incidents\.levels: P1\.response: .*; P2\.name: /);
  });
});
