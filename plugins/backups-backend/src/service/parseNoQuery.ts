import { z } from 'zod';
import { parseInput } from '@fdp/platform-node';

const none = z.object({}).strict();

/** A route that takes no query parameters: any is a 400 naming it. */
export function parseNoQuery(query: Record<string, unknown>): void {
  parseInput(none, query, 'query');
}
