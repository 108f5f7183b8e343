import { transitionRequestSchema } from '@fdp/plugin-incidents-common';
import { z } from 'zod';
import { parseInput } from '@fdp/platform-node';

export type Transition = z.output<typeof transitionRequestSchema>;

/** The POST /incidents/:id/transitions body; whether the move is allowed is the service's check. */
export function parseTransition(body: unknown): Transition {
  return parseInput(transitionRequestSchema, body, 'transition');
}
