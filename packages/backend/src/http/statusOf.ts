import {
  AuthenticationError,
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
  NotImplementedError,
  NotModifiedError,
  ServiceUnavailableError,
} from '@backstage/errors';

const BY_NAME: Record<string, number> = {
  [NotModifiedError.name]: 304,
  [InputError.name]: 400,
  [AuthenticationError.name]: 401,
  [NotAllowedError.name]: 403,
  [NotFoundError.name]: 404,
  [ConflictError.name]: 409,
  [NotImplementedError.name]: 501,
  [ServiceUnavailableError.name]: 503,
};

/**
 * The status Backstage's error handler answers an error with: its own
 * `statusCode` or `status` field, else by @backstage/errors name, else 500
 * (the rule of MiddlewareFactory.error(), which does not export it).
 */
export function statusOf(error: unknown): number {
  const fields = (error ?? {}) as { statusCode?: unknown; status?: unknown };
  for (const status of [fields.statusCode, fields.status]) {
    if (
      Number.isInteger(status) &&
      (status as number) >= 100 &&
      (status as number) <= 599
    ) {
      return status as number;
    }
  }
  const name = (error as { name?: unknown } | undefined)?.name;
  return (typeof name === 'string' && BY_NAME[name]) || 500;
}
