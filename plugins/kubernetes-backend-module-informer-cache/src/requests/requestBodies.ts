import { InputError } from '@backstage/errors';
import { z } from 'zod';
import { fromZodError } from 'zod-validation-error/v3';
import { nestedDeeperThan } from './jsonDepth';

/** Deeper than any entity or auth token object the Kubernetes tab sends. */
export const MAX_DEPTH = 32;

// Kubernetes names: an API group is a DNS subdomain ('' for the core
// group), a version and a resource plural are DNS labels
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN =
  /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*)?$/;

const notTooDeep = (v: unknown) => !nestedDeeperThan(v, MAX_DEPTH);
const shallow = <T extends z.ZodTypeAny>(schema: T) =>
  schema.refine(notTooDeep, `Must not nest deeper than ${MAX_DEPTH} levels`);

/** KubernetesRequestAuth: provider → its JSON (tokens), per auth strategy. */
const auth = shallow(z.record(z.string().max(253), z.unknown()));

const entityRef = z.string().min(1).max(1024);

/** An entity as the catalog serves it; the backend re-reads it by its ref. */
const entity = shallow(
  z
    .object({
      apiVersion: z.string().min(1).max(253),
      kind: z.string().min(1).max(253),
      metadata: z
        .object({
          name: z.string().min(1).max(253),
          namespace: z.string().min(1).max(253).optional(),
        })
        .passthrough(),
    })
    .passthrough(),
);

/** CustomResourceMatcher */
const customResource = z
  .object({
    group: z.string().max(253).regex(DNS_SUBDOMAIN, 'Must be an API group'),
    apiVersion: z.string().max(63).regex(DNS_LABEL, 'Must be an API version'),
    plural: z.string().max(63).regex(DNS_LABEL, 'Must be a resource plural'),
  })
  .strict();

/**
 * The bodies of the official Kubernetes backend's POST routes, as its
 * frontend client sends them (KubernetesRequestBody for /services/:serviceId;
 * WorkloadsByEntityRequest and CustomObjectsByEntityRequest with the entity
 * as `entityRef` for the /resources routes).
 */
export const REQUEST_BODIES = {
  '/services/:serviceId': z.object({ entity, auth: auth.optional() }).strict(),
  '/resources/workloads/query': z
    .object({ entityRef, auth: auth.optional() })
    .strict(),
  '/resources/custom/query': z
    .object({
      entityRef,
      auth: auth.optional(),
      customResources: z.array(customResource).min(1).max(100),
    })
    .strict(),
};

/** Throws a 400 naming each bad field unless the body fits its route. */
export function parseRequestBody(
  route: keyof typeof REQUEST_BODIES,
  body: unknown,
): void {
  const result = REQUEST_BODIES[route].safeParse(body);
  if (!result.success) {
    throw new InputError(
      fromZodError(result.error, {
        prefix: `Invalid request body for POST ${route}`,
        maxIssuesInMessage: 5,
      }).message,
    );
  }
}
