import { ConflictError, InputError } from '@backstage/errors';
import { ApiException } from '@kubernetes/client-node';

/** What the API server's Status body says. */
function statusOf(body: unknown): {
  message?: string;
  causes?: Array<{ field?: string; message?: string }>;
} {
  try {
    const status = typeof body === 'string' ? JSON.parse(body) : body;
    return { message: status?.message, causes: status?.details?.causes };
  } catch {
    return {};
  }
}

/**
 * The error of a failed apply of `what` (`Deployment dev/x`), for the task
 * log: a field-manager conflict names the managers and fields; a refused
 * object (4xx) keeps the API server's message; anything else says only what
 * failed (no host:port, no response body).
 */
export function applyError(error: unknown, what: string): Error {
  if (!(error instanceof ApiException)) {
    // network errors name the API server's host:port: the task log gets the code only
    const code = (error as { code?: string })?.code ?? (error as Error)?.name;
    return new Error(`${what}: the request to the cluster failed (${code})`);
  }
  const { message, causes } = statusOf(error.body);
  if (error.code === 409) {
    const byManager = new Map<string, string[]>();
    for (const cause of causes ?? []) {
      const manager = /"([^"]+)"/.exec(cause.message ?? '')?.[1] ?? 'unknown';
      byManager.set(manager, [
        ...(byManager.get(manager) ?? []),
        cause.field ?? '?',
      ]);
    }
    const owners = [...byManager]
      .map(([m, fields]) => `field manager "${m}" owns ${fields.join(', ')}`)
      .join('; ');
    return new ConflictError(
      `${what}: apply conflicts with another field manager: ${
        owners || message
      }. Change those fields with that manager, or take them over deliberately (kubectl apply --server-side --force-conflicts)`,
    );
  }
  if (error.code >= 400 && error.code < 500) {
    return new InputError(
      `${what}: refused by the API server (${error.code}): ${
        message ?? 'no message'
      }`,
    );
  }
  return new Error(`${what}: API server answered ${error.code}`);
}
