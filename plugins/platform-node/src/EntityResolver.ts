import {
  BackstageCredentials,
  BackstageNonePrincipal,
  BackstageServicePrincipal,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { HumanDuration, durationToMilliseconds } from '@backstage/types';
import { LRUCache } from 'lru-cache';

export interface EntityResolverOptions {
  catalog: CatalogService;
  /** how long a found entity is reused (default 5 s) */
  ttl?: HumanDuration;
  /** how long "not in the catalog" is reused (default 1 s) */
  notFoundTtl?: HumanDuration;
  /** how many (caller, entity) pairs are kept at most (default 10,000) */
  maxEntries?: number;
}

/** What one caller may know of one entity: the entity, or that it is absent. */
interface Lookup {
  entity?: Entity;
}

interface FetchContext {
  ref: CompoundEntityRef;
  credentials: BackstageCredentials;
}

/**
 * Who asks, as the catalog's permission decisions see it: the user, or the
 * service with its access restrictions.
 */
function callerKey(credentials: BackstageCredentials): string {
  const principal = credentials.principal as
    | BackstageUserPrincipal
    | BackstageServicePrincipal
    | BackstageNonePrincipal;
  switch (principal.type) {
    case 'user':
      return principal.userEntityRef;
    case 'service':
      return `service:${principal.subject}:${JSON.stringify(
        principal.accessRestrictions ?? null,
      )}`;
    default:
      return principal.type;
  }
}

/**
 * Resolves entity refs for entity-scoped endpoints: each caller's answer for
 * an entity is kept a few seconds, and concurrent asks for the same pair
 * share one catalog call. Keyed by the caller, so catalog read permissions
 * still apply per user.
 *
 * The catalog publishes no event when an entity changes, so the TTL is the
 * bound: an edited or removed entity shows here after at most `ttl`, a new
 * one after at most `notFoundTtl`.
 */
export class EntityResolver {
  private readonly cache: LRUCache<string, Lookup, FetchContext>;

  private constructor(options: EntityResolverOptions) {
    const { catalog } = options;
    const ttl = durationToMilliseconds(options.ttl ?? { seconds: 5 });
    const notFoundTtl = durationToMilliseconds(
      options.notFoundTtl ?? { seconds: 1 },
    );
    this.cache = new LRUCache<string, Lookup, FetchContext>({
      max: options.maxEntries ?? 10_000,
      ttl,
      fetchMethod: async (_key, _stale, { context, options: entry }) => {
        const entity = await catalog.getEntityByRef(context.ref, {
          credentials: context.credentials,
        });
        if (!entity) entry.ttl = notFoundTtl;
        return { entity };
      },
    });
  }

  static create(options: EntityResolverOptions): EntityResolver {
    return new EntityResolver(options);
  }

  /** The entity as the caller may read it, or undefined. */
  async find(
    entityRef: string | CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<Entity | undefined> {
    const ref =
      typeof entityRef === 'string' ? parseEntityRef(entityRef) : entityRef;
    const key = `${callerKey(credentials)}\n${stringifyEntityRef(
      ref,
    ).toLocaleLowerCase('en-US')}`;
    const lookup = await this.cache.fetch(key, {
      context: { ref, credentials },
    });
    return lookup?.entity;
  }

  /**
   * The entity as the caller may read it; otherwise a NotFoundError (a 404)
   * `No entity <ref> in the catalog`.
   */
  async resolve(
    entityRef: string | CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<Entity> {
    const entity = await this.find(entityRef, credentials);
    if (!entity) {
      throw new NotFoundError(
        `No entity ${
          typeof entityRef === 'string'
            ? entityRef
            : stringifyEntityRef(entityRef)
        } in the catalog`,
      );
    }
    return entity;
  }
}
