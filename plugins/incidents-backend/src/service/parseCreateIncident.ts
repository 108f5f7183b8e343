import { createIncidentRequestSchema } from '@fdp/plugin-incidents-common';
import { z } from 'zod';
import { parseInput } from '@fdp/platform-node';

export type NewIncidentRequest = z.output<typeof createIncidentRequestSchema>;

/** The POST /incidents body; the level and refs are checked by the service against config and catalog. */
export function parseCreateIncident(body: unknown): NewIncidentRequest {
  return parseInput(createIncidentRequestSchema, body, 'incident');
}
