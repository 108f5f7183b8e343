import { z } from 'zod';
import { parseInput } from '@fdp/platform-node';

const query = z
  .object({
    status: z
      .union([z.string(), z.array(z.string()).max(3)])
      .transform(v =>
        ([] as string[])
          .concat(v)
          .flatMap(s => s.split(','))
          .map(s => s.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.enum(['ok', 'warning', 'critical'])))
      .optional(),
  })
  .strict();

export type TargetStatusFilter = Array<'ok' | 'warning' | 'critical'>;

/** `GET /targets?status=warning,critical`; any other parameter is a 400. */
export function parseTargetsQuery(q: Record<string, unknown>): {
  status?: TargetStatusFilter;
} {
  const { status } = parseInput(query, q, 'targets query');
  return { status: status?.length ? status : undefined };
}
