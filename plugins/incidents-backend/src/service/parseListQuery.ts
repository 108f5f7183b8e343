import { listIncidentsQuerySchema } from '@fdp/plugin-incidents-common';
import { z } from 'zod';
import { parseInput } from '@fdp/platform-node';

export type ListQuery = z.output<typeof listIncidentsQuerySchema>;

/** GET /incidents?status=&level=&entityRef=&owner=&q=&cursor=&limit= */
export function parseListQuery(query: unknown): ListQuery {
  return parseInput(listIncidentsQuerySchema, query, 'incidents query');
}
