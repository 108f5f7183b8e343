import {
  evaluateTarget,
  PolicyClock,
  TargetSummary,
} from '@fdp/plugin-backups-common';
import { ProviderObservation, TargetSpec } from '../providers/types';

/** A target's observation evaluated against its policy's clock, as the API and `backups-check` show it. */
export function summarise(
  target: TargetSpec,
  provider: { type: string; name: string },
  observation: ProviderObservation,
  clock: PolicyClock,
): TargetSummary {
  const { stanza, repository, stale, dataAsOf } = observation;
  return {
    name: target.name,
    policy: target.policy,
    provider,
    ...(stanza ? { stanza } : {}),
    ...(repository ? { repository } : {}),
    ...evaluateTarget(observation, clock),
    backupCount: observation.backups.length,
    backupInProgress: observation.backupInProgress ?? false,
    observedAt: new Date(clock.now).toISOString(),
    stale: stale ?? false,
    ...(stale && dataAsOf ? { dataAsOf } : {}),
  };
}
