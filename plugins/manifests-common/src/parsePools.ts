import { InputError } from '@backstage/errors';
import { z } from 'zod';
import { PlatformPool } from './pools';

const poolSchema = z
  .object({
    name: z.string().min(1),
    selector: z.record(z.string()).refine(s => Object.keys(s).length > 0, {
      message: 'needs at least one label',
    }),
    instanceType: z.string().optional(),
    minSize: z.number().int().nonnegative().optional(),
    maxSize: z.number().int().positive().optional(),
    gpu: z.boolean().optional(),
    taints: z
      .array(
        z
          .object({
            key: z.string().min(1),
            value: z.string().optional(),
            effect: z.enum(['NoSchedule', 'PreferNoSchedule', 'NoExecute']),
          })
          .strict(),
      )
      .optional(),
  })
  .strict();

const poolList = z.array(poolSchema).min(1);
const poolObject = z.object({ nodePools: poolList }).strict();

/**
 * A cluster's node pools for the lint, as a list or `{ nodePools: [...] }`
 * (the shape of `clusterHealth.nodePools`, plus `gpu` and `taints`).
 * A wrong shape is an InputError naming the field.
 */
export function parsePools(value: unknown): PlatformPool[] {
  // one schema per shape, so an error names the field rather than the union
  const result = Array.isArray(value)
    ? poolList.safeParse(value)
    : poolObject.transform(v => v.nodePools).safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new InputError(
      `node pools: ${issue.path.join('.') || '(top level)'}: ${issue.message}`,
    );
  }
  return result.data;
}
