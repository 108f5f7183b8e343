import { InputError } from '@backstage/errors';
import { z } from 'zod';
import { fromZodError } from 'zod-validation-error/v3';

// no control characters (Unicode Cc, so no NUL); a multi-line text may hold tab and newlines
const NO_CONTROL = /^\P{Cc}*$/u;
const NO_CONTROL_BUT_WHITESPACE = /^[\P{Cc}\t\n\r]*$/u;

/** A string of at most `max` characters without control characters. */
export function text(max: number, options: { multiline?: boolean } = {}) {
  return z
    .string()
    .max(max)
    .regex(
      options.multiline ? NO_CONTROL_BUT_WHITESPACE : NO_CONTROL,
      'Must not contain control characters',
    );
}

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
