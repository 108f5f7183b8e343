import { AuthenticationError } from '@backstage/errors';
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Checks `Authorization: Bearer <token>` against the configured token in
 * constant time: both sides are hashed to equal-length digests first, so
 * neither the content nor the length of the token leaks through timing.
 * Throws AuthenticationError (401); without a configured token every
 * request is refused.
 */
export function checkBearerToken(
  header: string | undefined,
  expected: string | undefined,
): void {
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header ?? '');
  if (!expected) {
    throw new AuthenticationError(
      'The Alertmanager webhook is disabled: no token is configured',
    );
  }
  if (!match || !timingSafeEqual(digest(match[1]), digest(expected))) {
    throw new AuthenticationError('Missing or wrong bearer token');
  }
}
