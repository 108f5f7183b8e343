import { ALERTS_LIMITS, CreateSilenceRequest } from '@fdp/plugin-alerts-common';
import { z } from 'zod';
import { parseInput, text } from '@fdp/platform-node';

const L = ALERTS_LIMITS;

const matcher = z
  .object({
    name: text(L.labelNameLength).regex(
      /^[a-zA-Z_][a-zA-Z0-9_]*$/,
      'Must be a label name',
    ),
    value: text(L.labelValueLength),
    isRegex: z.boolean(),
    isEqual: z.boolean().default(true),
  })
  .strict();

const createSilenceBody = z
  .object({
    matchers: z.union([
      text(L.matchersLength),
      z.array(matcher).min(1).max(L.matchers),
    ]),
    duration: text(16),
    comment: text(L.commentLength, { multiline: true }),
    source: text(L.nameLength).optional(),
    startsAt: z.string().datetime({ offset: true }).optional(),
  })
  .strict();

/**
 * The POST /silences body: the shape, limits and known fields only (a
 * misspelt `source` must not silently pick the default Alertmanager). The
 * service checks what needs the configuration (source, matchers, duration).
 */
export function parseCreateSilence(body: unknown): CreateSilenceRequest {
  return parseInput(createSilenceBody, body, 'silence');
}
