import {
  evaluateTarget,
  PolicyClock,
  TargetObservation,
} from '@fdp/plugin-backups-common';
import { TargetSpec } from '../providers/types';
import type { TargetSummary } from './BackupsService';

/** A target's observation evaluated against its policy's clock, as the API and `backups-check` show it. */
export function summarise(
  target: TargetSpec,
  provider: { type: string; name: string },
  observation: TargetObservation,
  clock: PolicyClock,
): TargetSummary {
  return {
    name: target.name,
    policy: target.policy,
    provider,
    ...evaluateTarget(observation, clock),
    backupCount: observation.backups.length,
    backupInProgress: observation.backupInProgress ?? false,
    observedAt: new Date(clock.now).toISOString(),
  };
}
