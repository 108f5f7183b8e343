import { NotFoundError } from '@backstage/errors';
import { z } from 'zod';

const uuid = z.string().uuid();

/**
 * The `:id` of an incident route. Ids are UUIDs; anything else names no
 * incident (a 404, as an unknown UUID), and never reaches PostgreSQL's uuid
 * column, which would refuse it with an error.
 */
export function parseIncidentId(params: { id?: string }): string {
  const id = params.id ?? '';
  if (!uuid.safeParse(id).success) {
    throw new NotFoundError(`No incident with id '${id.slice(0, 64)}'`);
  }
  return id.toLowerCase();
}
