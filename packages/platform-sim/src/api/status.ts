/** Kubernetes `Status` error bodies and the error type handlers throw. */

export type StatusReason =
  | 'BadRequest'
  | 'Unauthorized'
  | 'Forbidden'
  | 'NotFound'
  | 'MethodNotAllowed'
  | 'AlreadyExists'
  | 'Conflict'
  | 'Gone'
  | 'Expired'
  | 'Invalid'
  | 'RequestEntityTooLarge'
  | 'UnsupportedMediaType'
  | 'NotAcceptable'
  | 'ServiceUnavailable'
  | 'InternalError';

export interface StatusCause {
  reason: string;
  message: string;
  field?: string;
}

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  causes?: StatusCause[];
}

/** An error that becomes a `Status` response. */
export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly reason: StatusReason,
    message: string,
    readonly details?: StatusDetails,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toStatus(): Record<string, unknown> {
    return statusBody(this.code, this.reason, this.message, this.details);
  }
}

export function statusBody(
  code: number,
  reason: StatusReason,
  message: string,
  details?: StatusDetails,
): Record<string, unknown> {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    ...(details ? { details } : {}),
    code,
  };
}

/** `Status` body for a successful delete. */
export function successStatus(
  details?: StatusDetails,
): Record<string, unknown> {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Success',
    ...(details ? { details } : {}),
  };
}

export const badRequest = (message: string) =>
  new ApiError(400, 'BadRequest', message);

export function notFound(
  resource: { plural: string; group: string },
  name: string,
): ApiError {
  const what = resource.group
    ? `${resource.plural}.${resource.group}`
    : resource.plural;
  return new ApiError(404, 'NotFound', `${what} "${name}" not found`, {
    name,
    group: resource.group || undefined,
    kind: resource.plural,
  });
}

export function alreadyExists(
  resource: { plural: string; group: string },
  name: string,
): ApiError {
  const what = resource.group
    ? `${resource.plural}.${resource.group}`
    : resource.plural;
  return new ApiError(
    409,
    'AlreadyExists',
    `${what} "${name}" already exists`,
    {
      name,
      group: resource.group || undefined,
      kind: resource.plural,
    },
  );
}

export function invalid(
  kind: string,
  name: string,
  causes: StatusCause[],
): ApiError {
  const list = causes.map(c => `${c.field}: ${c.message}`).join(', ');
  return new ApiError(422, 'Invalid', `${kind} "${name}" is invalid: ${list}`, {
    name,
    kind,
    causes: causes.map(c => ({ ...c })),
  });
}
