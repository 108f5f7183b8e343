import { ALERTS_LIMITS } from '@fdp/plugin-alerts-common';
import { z } from 'zod';
import { parseInput, text } from '@fdp/platform-node';

const expireSilence = z
  .object({
    id: text(ALERTS_LIMITS.nameLength).min(1),
    source: text(ALERTS_LIMITS.nameLength).min(1).optional(),
  })
  .strict();

/** DELETE /silences/:id?source= → the silence and its Alertmanager, or a 400. */
export function parseExpireSilence(
  params: Record<string, string>,
  query: Record<string, unknown>,
): { id: string; source?: string } {
  const { id } = parseInput(
    expireSilence.pick({ id: true }),
    params,
    'silence id',
  );
  const { source } = parseInput(
    expireSilence.omit({ id: true }),
    query,
    'query',
  );
  return { id, source };
}
