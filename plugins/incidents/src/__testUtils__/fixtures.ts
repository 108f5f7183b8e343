import { ResponseError } from '@backstage/errors';
import type { Entity } from '@backstage/catalog-model';
import type { Incident, TimelineEntry } from '@fdp/plugin-incidents-common';

export const MINUTE = 60_000;

/** An ISO time `offsetMs` from now (negative: in the past). */
export const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

/** An incident detected `detectedAgoMs` ago, P1 and `detected` unless overridden. */
export function incident(
  overrides: Partial<Incident> & { id: string },
  detectedAgoMs = 5 * MINUTE,
): Incident {
  const detectedAt = ago(detectedAgoMs);
  return {
    title: `Incident ${overrides.id}`,
    description: '',
    level: 'P1',
    stage: 'detected',
    responders: [],
    source: 'manual',
    detectedAt,
    createdAt: detectedAt,
    createdBy: 'user:default/devops-lead',
    updatedAt: detectedAt,
    version: 1,
    ...overrides,
  };
}

export function created(entry: {
  incidentId: string;
  at: string;
}): TimelineEntry {
  return {
    id: `${entry.incidentId}-created`,
    incidentId: entry.incidentId,
    at: entry.at,
    actor: 'user:default/devops-lead',
    kind: 'created',
    level: 'P1',
    stage: 'detected',
  };
}

/** A `ResponseError` as the client throws it for a backend error body. */
export async function responseError(
  status: number,
  name: string,
  message: string,
  extra: object = {},
): Promise<ResponseError> {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name, message },
        response: { statusCode: status },
        ...extra,
      }),
      { status, headers: { 'Content-Type': 'application/json' } },
    ) as any,
  );
}

function user(name: string, role: string, email: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: {
      name,
      namespace: 'default',
      annotations: { 'fdp.io/escalation-role': role },
    },
    spec: { profile: { email } },
  };
}

/** The catalog of the tests: role holders (catalog/org.yaml) and two components. */
export const catalogEntities: Entity[] = [
  user('devops-lead', 'devops_lead', 'devops-lead@fdp.example'),
  user('system-architect', 'system_architect', 'system-architect@fdp.example'),
  user('cto', 'cto', 'cto@fdp.example'),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'trading-api', namespace: 'default' },
    spec: { type: 'service' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'market-collector', namespace: 'default' },
    spec: { type: 'service' },
  },
];
