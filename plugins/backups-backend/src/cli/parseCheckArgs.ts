import { parseArgs } from 'node:util';

export interface CheckArgs {
  source: { file: string } | { command: string[] };
  policyFile?: string;
  now: Date;
  output: 'json' | 'text';
  timeoutSeconds: number;
}

export const USAGE =
  'usage: backups-check --pgbackrest-json FILE | --pgbackrest-command CMD ' +
  '[--policy FILE] [--now ISO-8601] [--output json|text] [--timeout SECONDS]';

/** The command line of `backups-check`; throws an Error in words for a bad one. */
export function parseCheckArgs(argv: string[]): CheckArgs {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: {
      'pgbackrest-json': { type: 'string' },
      'pgbackrest-command': { type: 'string' },
      policy: { type: 'string' },
      now: { type: 'string' },
      output: { type: 'string', default: 'text' },
      timeout: { type: 'string', default: '30' },
    },
  });
  if (positionals.length) {
    throw new Error(`unexpected argument '${positionals[0]}'`);
  }
  const file = values['pgbackrest-json'];
  // split on blanks, run without a shell: no quoting, nothing expanded
  const command = values['pgbackrest-command']?.trim().split(/\s+/);
  if ((file === undefined) === (command === undefined)) {
    throw new Error(
      'give exactly one of --pgbackrest-json and --pgbackrest-command',
    );
  }
  const now = values.now === undefined ? new Date() : new Date(values.now);
  if (
    Number.isNaN(now.getTime()) ||
    (values.now !== undefined && !/^\d{4}-\d{2}-\d{2}T/.test(values.now))
  ) {
    throw new Error(`--now '${values.now}' is not an ISO 8601 time`);
  }
  if (values.output !== 'json' && values.output !== 'text') {
    throw new Error(`--output '${values.output}': use json or text`);
  }
  const timeoutSeconds = Number(values.timeout);
  if (!(timeoutSeconds > 0 && timeoutSeconds <= 3600)) {
    throw new Error(`--timeout '${values.timeout}': seconds, 1 to 3600`);
  }
  return {
    source: file !== undefined ? { file } : { command: command! },
    policyFile: values.policy,
    now,
    output: values.output,
    timeoutSeconds,
  };
}
