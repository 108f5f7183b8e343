import { compareLevelIds, DEFAULT_LEVELS, findLevel } from './levels';

// The portal's defaults are the operations manual's incident levels:
// response and resolution times, escalation chains.
describe('default levels', () => {
  it('are the operations manual levels: P1 15 min / 2 h, P2 30 min / 4 h, P3 2 h / 8 h, with their chains', () => {
    expect(DEFAULT_LEVELS).toEqual([
      {
        id: 'P1',
        name: 'critical',
        description: 'complete service outage',
        action: 'Assemble the emergency team',
        responseMs: 15 * 60 * 1000,
        resolutionMs: 2 * 60 * 60 * 1000,
        escalation: ['devops_lead', 'system_architect', 'cto'],
      },
      {
        id: 'P2',
        name: 'major',
        description: 'major feature failure',
        action: 'Assign an owner',
        responseMs: 30 * 60 * 1000,
        resolutionMs: 4 * 60 * 60 * 1000,
        escalation: ['devops_engineer', 'team_lead'],
      },
      {
        id: 'P3',
        name: 'minor',
        description: 'partial feature failure',
        action: 'Handle normally',
        responseMs: 2 * 60 * 60 * 1000,
        resolutionMs: 8 * 60 * 60 * 1000,
        escalation: ['on_call_engineer'],
      },
    ]);
  });

  it('finds a level by id', () => {
    expect(findLevel(DEFAULT_LEVELS, 'P2')?.name).toBe('major');
    expect(findLevel(DEFAULT_LEVELS, 'P9')).toBeUndefined();
  });

  it('sorts most severe first, numerically', () => {
    expect(['P10', 'P3', 'P1', 'P2'].sort(compareLevelIds)).toEqual([
      'P1',
      'P2',
      'P3',
      'P10',
    ]);
  });
});
