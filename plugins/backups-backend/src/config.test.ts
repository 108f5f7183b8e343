import { parseBackupsConfig } from './config';

describe('parseBackupsConfig', () => {
  it('defaults: the seed policies, no sources, a refresh a minute', () => {
    const config = parseBackupsConfig({});
    expect(config.policies.map(p => p.name)).toEqual([
      'postgresql',
      'cluster-snapshots',
    ]);
    expect(config.refreshSeconds).toBe(60);
    expect(config.pgbackrest).toEqual([]);
  });

  it('fills a pgBackRest source’s defaults', () => {
    const config = parseBackupsConfig({
      pgbackrest: [{ name: 'r', file: '/x.json', stanzas: [{ target: 'db' }] }],
    });
    expect(config.pgbackrest[0]).toMatchObject({
      timeoutSeconds: 30,
      maxOutputBytes: 16 * 1024 * 1024,
      stanzas: [{ target: 'db', policy: 'postgresql' }],
    });
  });

  it('reads refreshInterval and a source’s timeout as durations', () => {
    const warn = jest.fn();
    const config = parseBackupsConfig(
      {
        refreshInterval: { minutes: 2 },
        pgbackrest: [
          {
            name: 'r',
            file: '/x.json',
            timeout: '45s',
            stanzas: [{ target: 'db' }],
          },
        ],
      },
      warn,
    );
    expect(config.refreshSeconds).toBe(120);
    expect(config.pgbackrest[0].timeoutSeconds).toBe(45);
    expect(warn).not.toHaveBeenCalled();
    expect(() => parseBackupsConfig({ refreshInterval: 'soon' })).toThrow(
      /backups\.refreshInterval/,
    );
  });

  it('still reads refreshSeconds and timeoutSeconds, with warnings', () => {
    const warn = jest.fn();
    const config = parseBackupsConfig(
      {
        refreshSeconds: 30,
        pgbackrest: [
          {
            name: 'r',
            file: '/x.json',
            timeoutSeconds: 5,
            stanzas: [{ target: 'db' }],
          },
        ],
      },
      warn,
    );
    expect(config.refreshSeconds).toBe(30);
    expect(config.pgbackrest[0].timeoutSeconds).toBe(5);
    expect(warn.mock.calls.map(c => c[0])).toEqual([
      "backups.refreshSeconds is deprecated: use backups.refreshInterval, a duration such as { seconds: 30 } or '30s'",
      "backups.pgbackrest[0].timeoutSeconds is deprecated: use backups.pgbackrest[0].timeout, a duration such as { seconds: 5 } or '5s'",
    ]);
  });

  it.each([
    [{ extra: 1 }, /backups\.: Unrecognized key\(s\) in object: 'extra'/],
    [
      { pgbackrest: [{ name: 'r', stanzas: [{ target: 'db' }] }] },
      /backups\.pgbackrest\.0: set exactly one of command and file/,
    ],
    [
      {
        pgbackrest: [
          { name: 'r', file: 'f', command: ['c'], stanzas: [{ target: 'db' }] },
        ],
      },
      /set exactly one of command and file/,
    ],
    [
      {
        pgbackrest: [
          {
            name: 'r',
            command: 'pgbackrest info',
            stanzas: [{ target: 'db' }],
          },
        ],
      },
      /backups\.pgbackrest\.0\.command: Expected array/,
    ],
    [
      {
        pgbackrest: [
          { name: 'r', file: 'f', stanzas: [{ target: 'db', policy: 'none' }] },
        ],
      },
      /backups\.pgbackrest\.0\.stanzas\.0\.policy: no policy 'none'/,
    ],
    [
      {
        pgbackrest: [
          {
            name: 'r',
            file: 'f',
            stanzas: [{ target: 'db', policy: 'cluster-snapshots' }],
          },
        ],
      },
      /'cluster-snapshots' is a snapshot policy, this target needs a database policy/,
    ],
    [
      {
        pgbackrest: [{ name: 'r', file: 'f', stanzas: [{ target: 'db' }] }],
        velero: [
          {
            name: 'v',
            cluster: 'c',
            schedules: [{ target: 'db', schedule: 's' }],
          },
        ],
      },
      /backups\.velero\.0\.schedules\.0\.target: 'db' is used twice/,
    ],
    [
      { policies: { postgresql: { full: { schedule: 'never' } } } },
      /backups\.policies: postgresql\.full/,
    ],
  ])('refuses %j naming the key', (value, message) => {
    expect(() => parseBackupsConfig(value)).toThrow(message);
  });
});
