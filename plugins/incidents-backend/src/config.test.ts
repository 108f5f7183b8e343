import { ConfigReader } from '@backstage/config';
import { JsonValue } from '@backstage/types';
import { DEFAULT_LEVELS } from '@fdp/plugin-incidents-common';
import { readIncidentsConfig } from './config';

const read = (incidents: JsonValue) =>
  readIncidentsConfig(new ConfigReader({ incidents }));

describe('readIncidentsConfig', () => {
  it('defaults to the manual: levels, the catalog users of each role, high → P2, medium → P3, low → none', () => {
    const config = readIncidentsConfig(new ConfigReader({}));
    expect(config.levels).toEqual(DEFAULT_LEVELS);
    expect(config.roles).toEqual({
      devops_lead: ['user:default/devops-lead'],
      system_architect: ['user:default/system-architect'],
      cto: ['user:default/cto'],
      devops_engineer: ['user:default/devops-engineer'],
      team_lead: ['user:default/team-lead'],
      on_call_engineer: ['user:default/on-call-engineer'],
    });
    expect(config.priorityLevels).toEqual({
      high: 'P2',
      medium: 'P3',
      low: 'none',
    });
    expect(config.webhookToken).toBeUndefined();
    expect(config.slackWebhookUrls).toEqual({});
  });

  it('reads roles, the mapping, the token and Slack URLs', () => {
    const config = read({
      roles: {
        cto: ['group:default/devops', 'ceo'],
        team_lead: 'User:default/Lead',
      },
      webhook: {
        token: 'a-token-of-16-chars',
        priorityLevels: { medium: 'none', critical: 'P1' },
      },
      slack: { webhookUrls: { P1: 'https://hooks.slack.test/T/B/x' } },
    });
    expect(config.roles.cto).toEqual([
      'group:default/devops',
      'user:default/ceo',
    ]);
    expect(config.roles.team_lead).toEqual(['user:default/lead']);
    expect(config.roles.devops_lead).toEqual(['user:default/devops-lead']);
    expect(config.priorityLevels).toEqual({
      high: 'P2',
      medium: 'none',
      low: 'none',
      critical: 'P1',
    });
    expect(config.webhookToken).toBe('a-token-of-16-chars');
    expect(config.slackWebhookUrls).toEqual({
      P1: 'https://hooks.slack.test/T/B/x',
    });
  });

  it.each([
    [
      { roles: { cto: 'component:default/x' } },
      "Invalid incidents.roles.cto 'component:default/x': name a user or a group",
    ],
    [
      { roles: { cto: [] } },
      'Invalid incidents.roles.cto: give a user or group ref, or a non-empty list of them',
    ],
    [
      { roles: { 'Bad-Role': 'x' } },
      'Invalid incidents.roles.Bad-Role: a role is lower-case letters, digits and _, e.g. devops_lead',
    ],
    [
      {
        levels: {
          P4: {
            name: 'low',
            response: '4h',
            resolution: '1d',
            escalation: ['nobody'],
          },
        },
      },
      "Invalid incidents.levels.P4.escalation: role 'nobody' is not mapped in incidents.roles",
    ],
    [{ levels: { P1: { response: '0m' } } }, 'Invalid incidents.levels'],
    [
      { webhook: { priorityLevels: { high: 'P9' } } },
      "Invalid incidents.webhook.priorityLevels.high 'P9': use one of P1, P2, P3, none",
    ],
    [
      { webhook: { token: 'short' } },
      'Invalid incidents.webhook.token: use at least 16 characters',
    ],
    [
      { slack: { webhookUrls: { P1: 'not a url' } } },
      'Invalid incidents.slack.webhookUrls.P1: not a URL',
    ],
    [
      { slack: { webhookUrls: { P1: 'file:///etc/passwd' } } },
      'Invalid incidents.slack.webhookUrls.P1: use an http(s) URL',
    ],
    [
      { slack: { webhookUrls: { P8: 'https://x.test' } } },
      'Invalid incidents.slack.webhookUrls.P8: no level P8 is configured',
    ],
  ])('refuses %j naming the key', (incidents, message) => {
    expect(() => read(incidents)).toThrow(message);
  });
});
