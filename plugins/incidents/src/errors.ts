import { ResponseError } from '@backstage/errors';

/** The backend's message of a refused request (its `error.message`), else the error's own. */
export function errorMessage(error: Error): string {
  if (error instanceof ResponseError) {
    return error.body.error.message || error.message;
  }
  return error.message;
}

/** A `PATCH` at a stale version: someone else saved first. */
export function isVersionConflict(error: unknown): boolean {
  return error instanceof ResponseError && error.statusCode === 409;
}
