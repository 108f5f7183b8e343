import { ResponseError } from '@backstage/errors';

/**
 * The backend's message of a failed request, without the HTTP preamble;
 * `notAllowed` wraps the message of a 403.
 */
export function errorMessage(
  error: unknown,
  notAllowed: (message: string) => string,
): string {
  if (error instanceof ResponseError) {
    const message = error.body.error.message;
    return error.response.status === 403 ? notAllowed(message) : message;
  }
  return error instanceof Error ? error.message : String(error);
}
