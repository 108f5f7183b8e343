import { parseCheckArgs } from './parseCheckArgs';

describe('parseCheckArgs', () => {
  it('reads a file source with defaults', () => {
    const args = parseCheckArgs(['--pgbackrest-json', 'info.json']);
    expect(args).toMatchObject({
      source: { file: 'info.json' },
      output: 'text',
      timeoutSeconds: 30,
    });
    expect(args.policyFile).toBeUndefined();
  });

  it('splits a command on blanks (no shell) and takes every option', () => {
    expect(
      parseCheckArgs([
        '--pgbackrest-command',
        ' pgbackrest  --stanza=db info --output=json ',
        '--policy',
        'p.yaml',
        '--now',
        '2026-11-29T17:00:00+09:00',
        '--output',
        'json',
        '--timeout',
        '5',
      ]),
    ).toEqual({
      source: {
        command: ['pgbackrest', '--stanza=db', 'info', '--output=json'],
      },
      policyFile: 'p.yaml',
      now: new Date('2026-11-29T08:00:00Z'),
      output: 'json',
      timeoutSeconds: 5,
    });
  });

  it.each([
    [[], /exactly one/],
    [['--pgbackrest-json', 'a', '--pgbackrest-command', 'b'], /exactly one/],
    [['--pgbackrest-json', 'a', 'extra'], /unexpected argument 'extra'/],
    [['--pgbackrest-json', 'a', '--now', '1700000000'], /not an ISO 8601/],
    [['--pgbackrest-json', 'a', '--now', '2026-13-40T00:00:00Z'], /not an ISO/],
    [['--pgbackrest-json', 'a', '--output', 'yaml'], /use json or text/],
    [['--pgbackrest-json', 'a', '--timeout', '0'], /--timeout '0'/],
    [['--pgbackrest-json'], /argument missing/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseCheckArgs(argv)).toThrow(message);
  });
});
