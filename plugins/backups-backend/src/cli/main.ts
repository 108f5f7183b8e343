import {
  parsePgBackRestInfo,
  parsePoliciesConfig,
  policyClock,
  TargetStatus,
} from '@fdp/plugin-backups-common';
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { observeStanza } from '../providers/pgbackrest/observeStanza';
import { readPgBackRestInfo } from '../providers/pgbackrest/readInfo';
import { summarise } from '../service/summarise';
import { formatText } from './formatText';
import { parseCheckArgs, USAGE } from './parseCheckArgs';

/** Monitoring-plugin exit codes. */
const EXIT: Record<TargetStatus | 'unknown', number> = {
  ok: 0,
  warning: 1,
  critical: 2,
  unknown: 3,
};

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}

/**
 * `backups-check`: every stanza of a `pgbackrest info --output=json`
 * evaluated against the `postgresql` policy (the documented one, or with the fields
 * of `--policy FILE` replacing them) on the backend's own code. Resolves to
 * the exit code: 0 ok, 1 warning, 2 critical, 3 unknown (bad arguments,
 * unreadable input, no stanza).
 */
export async function main(argv: string[], io: Io): Promise<number> {
  const unknown = (message: string) => {
    io.stderr(`backups-check: UNKNOWN: ${message}\n`);
    return EXIT.unknown;
  };
  let args;
  try {
    args = parseCheckArgs(argv);
  } catch (error) {
    return unknown(`${(error as Error).message}\n${USAGE}`);
  }
  let policy;
  let stanzas;
  try {
    const override = args.policyFile
      ? parseYaml(await readFile(args.policyFile, 'utf8'))
      : undefined;
    policy = parsePoliciesConfig(
      override === undefined ? undefined : { postgresql: override },
    ).find(p => p.name === 'postgresql')!;
    stanzas = parsePgBackRestInfo(
      await readPgBackRestInfo({
        ...args.source,
        timeoutSeconds: args.timeoutSeconds,
        maxOutputBytes: 16 * 1024 * 1024,
      }),
    );
  } catch (error) {
    // at a terminal the detail kept out of API answers (the path, errno) helps
    const { message, cause } = error as Error;
    return unknown(
      cause instanceof Error ? `${message}: ${cause.message}` : message,
    );
  }
  if (!stanzas.length) {
    return unknown(
      'pgBackRest lists no stanza: the repository is missing or empty',
    );
  }
  const clock = policyClock(policy, args.now);
  const targets = stanzas.map(s =>
    summarise(
      { name: s.name, policy: policy.name },
      { type: 'pgbackrest', name: 'backups-check' },
      observeStanza(stanzas, s.name),
      clock,
    ),
  );
  io.stdout(
    args.output === 'json'
      ? `${JSON.stringify(targets, null, 2)}\n`
      : formatText(targets),
  );
  return Math.max(...targets.map(t => EXIT[t.status]));
}
