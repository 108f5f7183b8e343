import type { Backup, TargetStatus } from '@fdp/plugin-backups-common';
import { NotFoundError } from '@backstage/errors';
import type { BackupsApi, PolicySummary, TargetSummary } from '../api';

type Result<T> = T | Error;

async function resolve<T>(value: Result<T>): Promise<T> {
  if (value instanceof Error) {
    throw value;
  }
  return value;
}

/** A fake {@link BackupsApi} answering from the targets and backups the test sets. */
export class FakeBackupsApi implements BackupsApi {
  targets: Result<TargetSummary[]> = [];
  backups: Record<string, Backup[]> = {};
  policies: Result<PolicySummary[]> = [];

  readonly listTargets = jest.fn(async (_query?: { status?: TargetStatus[] }) =>
    resolve(this.targets),
  );
  readonly getTarget = jest.fn(async (name: string) => {
    const found = (await resolve(this.targets)).find(t => t.name === name);
    if (!found) {
      throw new NotFoundError(`No backup target '${name}'`);
    }
    return found;
  });
  readonly getBackups = jest.fn(async (name: string) => {
    await this.getTarget(name);
    return this.backups[name] ?? [];
  });
  readonly listPolicies = jest.fn(async () => resolve(this.policies));

  constructor(
    init: Partial<
      Pick<FakeBackupsApi, 'targets' | 'backups' | 'policies'>
    > = {},
  ) {
    Object.assign(this, init);
  }
}
