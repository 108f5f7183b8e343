import { POLICY_NAME_PATTERN } from '@fdp/plugin-backups-common';
import { z } from 'zod';
import { parseInput } from '@fdp/platform-node';

const params = z
  .object({
    name: z
      .string()
      .regex(
        POLICY_NAME_PATTERN,
        'a target name is lower-case letters, digits and -',
      ),
  })
  .strict();

/** `:name` of /targets/:name: a 400 when it cannot be a target name at all. */
export function parseTargetName(routeParams: Record<string, string>): string {
  return parseInput(params, routeParams, 'target').name;
}
