import { LoggerService } from '@backstage/backend-plugin-api';
import {
  Backup,
  BackupPolicy,
  checkPolicy,
  PgBackRestInfoError,
  policyClock,
  PolicyClock,
  PolicySummary,
  TargetStatus,
  TargetSummary,
} from '@fdp/plugin-backups-common';
import pLimit from 'p-limit';
import {
  BackupProvider,
  ProviderError,
  ProviderObservation,
} from '../providers/types';
import { SerialisedJson, serialiseJson } from './serialiseJson';
import { summarise } from './summarise';

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
  /** Each policy's own findings: they do not change from round to round. */
  private findings = new Map<string, ReturnType<typeof checkPolicy>>();
  /** `GET /targets` answers of this round, serialised once per status filter. */
  private responses = new Map<string, SerialisedJson>();

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
    const clocks = this.options.policies.map(p => {
      const clock = policyClock(p, now, this.findings.get(p.name));
      this.findings.set(p.name, clock.findings);
      return clock;
    });
    const next = new Map<string, TargetState>();
    // a few sources at a time: each holds its whole info JSON while parsed
    const limit = pLimit(SOURCES_AT_A_TIME);
    await Promise.all(
      this.options.providers.map(provider =>
        limit(async () => {
          let observations: Map<string, ProviderObservation>;
          try {
            observations = await provider.observe(now);
          } catch (error) {
            const { cause } = error as Error;
            this.options.logger.warn(
              `backups: ${provider.label} source '${
                provider.name
              }' failed: ${error}${cause ? ` (${cause})` : ''}`,
            );
            // only messages made for it reach the API: no paths, hosts, stacks
            const reason =
              error instanceof ProviderError ||
              error instanceof PgBackRestInfoError
                ? error.message
                : 'unreadable (details in the backend log)';
            const repositoryError = `${provider.label} source '${provider.name}': ${reason}`;
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
              repositoryError: `${provider.label} source '${provider.name}' reported nothing for ${target.name}`,
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
    this.responses = new Map();
    return changed;
  }

  listTargets(): TargetSummary[] {
    return [...this.targets.values()]
      .map(t => t.summary)
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /**
   * `listTargets()` (only the given statuses, if any) as a JSON body and its
   * ETag, serialised once per round and filter: 500 targets are ~700 kB.
   */
  targetsResponse(statuses?: readonly TargetStatus[]): SerialisedJson {
    const key = statuses ? [...new Set(statuses)].sort().join(',') : '';
    let response = this.responses.get(key);
    if (!response) {
      const targets = this.listTargets();
      response = serialiseJson(
        statuses ? targets.filter(t => statuses.includes(t.status)) : targets,
      );
      this.responses.set(key, response);
    }
    return response;
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
