import { CompoundEntityRef } from '@backstage/catalog-model';
import { parseInput } from '@fdp/platform-node';
import { z } from 'zod';
import { entityRefParam } from './entityRefParam';

const workloadsQuery = z.object({ entityRef: entityRefParam }).strict();

/** `?entityRef=kind:namespace/name` (kind required) as a ref; anything else is a 400 naming the field. */
export function parseWorkloadsQuery(query: Record<string, unknown>): {
  entityRef: CompoundEntityRef;
} {
  return parseInput(workloadsQuery, query, 'workloads query');
}
