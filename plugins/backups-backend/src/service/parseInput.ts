import { InputError } from '@backstage/errors';
import { z } from 'zod';
import { fromZodError } from 'zod-validation-error/v3';

/** The parsed value, or a 400 whose message names each bad field. */
export function parseInput<T extends z.ZodTypeAny>(
  schema: T,
  value: unknown,
  what: string,
): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new InputError(
      fromZodError(result.error, {
        prefix: `Invalid ${what}`,
        maxIssuesInMessage: 5,
      }).message,
    );
  }
  return result.data;
}
