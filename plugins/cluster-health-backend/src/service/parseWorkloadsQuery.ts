import { CompoundEntityRef, parseEntityRef } from '@backstage/catalog-model';
import { z } from 'zod';
import { parseInput, text } from '@fdp/platform-node';

const EXAMPLE = 'Required, e.g. component:default/trading-api';

const workloadsQuery = z
  .object({
    entityRef: text(512, { required_error: EXAMPLE })
      .min(1, EXAMPLE)
      .transform((value, ctx) => {
        try {
          return parseEntityRef(value, { defaultNamespace: 'default' });
        } catch (e) {
          ctx.addIssue({ code: 'custom', message: (e as Error).message });
          return z.NEVER;
        }
      }),
  })
  .strict();

/** `?entityRef=kind:namespace/name` (kind required) as a ref; anything else is a 400 naming the field. */
export function parseWorkloadsQuery(query: Record<string, unknown>): {
  entityRef: CompoundEntityRef;
} {
  return parseInput(workloadsQuery, query, 'workloads query');
}
