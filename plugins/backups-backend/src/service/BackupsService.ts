import { LoggerService } from '@backstage/backend-plugin-api';
import {
  Backup,
  BackupPolicy,
  policyClock,
  PolicyClock,
  TargetEvaluation,
  TargetObservation,
  Violation,
} from '@fdp/plugin-backups-common';
import pLimit from 'p-limit';
import { BackupProvider } from '../providers/types';
import { summarise } from './summarise';

/** A target as the API returns it. */
export interface TargetSummary extends TargetEvaluation {
  name: string;
  policy: string;
  provider: { type: string; name: string };
  backupCount: number;
  backupInProgress: boolean;
  /** When the provider was last read (ISO 8601). */
  observedAt: string;
}

export interface PolicySummary {
  policy: BackupPolicy;
  /** The policy's own findings (`POLICY_INCONSISTENT`). */
  findings: Violation[];
}

const SOURCES_AT_A_TIME = 8;

interface TargetState {
  summary: TargetSummary;
  backups: Backup[];
}

/**
 * Reads every provider once per `refresh()` and keeps the evaluated targets
 * in memory; the routes answer from here. A provider that fails gives its
 * targets `REPOSITORY_ERROR` with its message; the others are unaffected.
 */
export class BackupsService {
  private targets = new Map<string, TargetState>();
  private clocks: PolicyClock[] = [];

  constructor(
    private readonly options: {
      policies: readonly BackupPolicy[];
      providers: readonly BackupProvider[];
      logger: LoggerService;
      now?: () => Date;
    },
  ) {}

  /** One round; resolves to the names of targets whose status changed. */
  async refresh(): Promise<string[]> {
    const now = this.options.now?.() ?? new Date();
    const clocks = this.options.policies.map(p => policyClock(p, now));
    const next = new Map<string, TargetState>();
    // a few sources at a time: each holds its whole info JSON while parsed
    const limit = pLimit(SOURCES_AT_A_TIME);
    await Promise.all(
      this.options.providers.map(provider =>
        limit(async () => {
          let observations: Map<string, TargetObservation>;
          try {
            observations = await provider.observe(now);
          } catch (error) {
            this.options.logger.warn(
              `backups: ${provider.type} source '${provider.name}' failed: ${error}`,
            );
            const repositoryError = `${provider.type} source '${
              provider.name
            }': ${(error as Error).message}`;
            observations = new Map(
              provider.targets.map(t => [
                t.name,
                { backups: [], repositoryError },
              ]),
            );
          }
          for (const target of provider.targets) {
            const observation = observations.get(target.name) ?? {
              backups: [],
              repositoryError: `${provider.type} source '${provider.name}' reported nothing for ${target.name}`,
            };
            const clock = clocks.find(c => c.policy.name === target.policy)!;
            next.set(target.name, {
              backups: observation.backups,
              summary: summarise(
                target,
                { type: provider.type, name: provider.name },
                observation,
                clock,
              ),
            });
          }
        }),
      ),
    );
    const changed = [...next.values()]
      .filter(
        t =>
          this.targets.get(t.summary.name)?.summary.status !== t.summary.status,
      )
      .map(t => t.summary.name);
    this.targets = next;
    this.clocks = clocks;
    return changed;
  }

  listTargets(): TargetSummary[] {
    return [...this.targets.values()]
      .map(t => t.summary)
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  getTarget(name: string): TargetSummary | undefined {
    return this.targets.get(name)?.summary;
  }

  /** Newest first. */
  getBackups(name: string): Backup[] | undefined {
    const backups = this.targets.get(name)?.backups;
    return backups
      ?.slice()
      .sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt));
  }

  listPolicies(): PolicySummary[] {
    const now = this.options.now?.() ?? new Date();
    return this.options.policies.map(policy => ({
      policy,
      findings: (
        this.clocks.find(c => c.policy === policy) ?? policyClock(policy, now)
      ).findings,
    }));
  }
}
