import { CompoundEntityRef } from '@backstage/catalog-model';
import { parseInput } from '@fdp/platform-node';
import { DEPLOYMENT_HISTORY } from '@fdp/plugin-cluster-health-common';
import { z } from 'zod';
import { entityRefParam } from './entityRefParam';

const deploymentHistoryQuery = z
  .object({
    entityRef: entityRefParam,
    limit: z
      .string()
      .regex(/^\d{1,3}$/, 'Must be a whole number')
      .transform(Number)
      .pipe(z.number().int().min(1).max(DEPLOYMENT_HISTORY.maxLimit))
      .default(String(DEPLOYMENT_HISTORY.defaultLimit)),
  })
  .strict();

/**
 * `?entityRef=kind:namespace/name[&limit=n]`: the entity and how many
 * revisions per deployment (default 5, at most 20); anything else is a 400
 * naming the field.
 */
export function parseDeploymentHistoryQuery(query: Record<string, unknown>): {
  entityRef: CompoundEntityRef;
  limit: number;
} {
  return parseInput(deploymentHistoryQuery, query, 'deployment history query');
}
