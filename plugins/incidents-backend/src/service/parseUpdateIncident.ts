import { updateIncidentRequestSchema } from '@fdp/plugin-incidents-common';
import { z } from 'zod';
import { parseInput } from '@fdp/platform-node';

export type IncidentUpdate = z.output<typeof updateIncidentRequestSchema>;

/** The PATCH /incidents/:id body, with the version it was read at. */
export function parseUpdateIncident(body: unknown): IncidentUpdate {
  return parseInput(updateIncidentRequestSchema, body, 'incident update');
}
