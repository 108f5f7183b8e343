import { InputError } from '@backstage/errors';
import { z } from 'zod';
import { fromZodError } from 'zod-validation-error/v3';

// no control characters (Unicode Cc, so no NUL); a multi-line text may hold tab and newlines
const NO_CONTROL = /^\P{Cc}*$/u;
const NO_CONTROL_BUT_WHITESPACE = /^[\P{Cc}\t\n\r]*$/u;

/**
 * A string of at most `max` characters without control characters (a
 * `multiline` one may hold tabs and newlines); the other options are zod's,
 * e.g. `required_error`.
 */
export function text(
  max: number,
  options: { multiline?: boolean } & NonNullable<z.RawCreateParams> = {},
) {
  const { multiline, ...params } = options;
  return z
    .string(params)
    .max(max)
    .regex(
      multiline ? NO_CONTROL_BUT_WHITESPACE : NO_CONTROL,
      'Must not contain control characters',
    );
}

/** The path of the first string holding a NUL character, if any. */
function nulPath(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') {
    return value.includes('\u0000') ? path : undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      let innerPath = `${path}[${key}]`;
      if (!Array.isArray(value)) innerPath = path ? `${path}.${key}` : key;
      const found = nulPath(inner, innerPath);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/**
 * The parsed value, or an `InputError` (a 400) whose message names each bad
 * field, at most five: `Invalid <what>: <issue> at "<path>"; …`. Strings
 * with a NUL character are refused too, wherever the schema let them
 * through: PostgreSQL's text columns cannot store one, and a 500 must not
 * come from bad input.
 */
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
  const nul = nulPath(result.data, '');
  if (nul !== undefined) {
    throw new InputError(
      `Invalid ${what}: must not contain NUL characters at "${nul}"`,
    );
  }
  return result.data;
}
