import { InputError } from '@backstage/errors';
import { Layer, LAYER_DEFAULTS, LayerDefaults } from '../layers';
import { DEFAULT_PLATFORM_POOLS, PlatformPool, poolNamed } from '../pools';

/** What a template asks for; everything else comes from the layer's defaults. */
export interface ServiceOptions {
  name: string;
  layer: Layer;
  namespace?: string;
  /** default `<name>:1.0.0`, as the documented `trading-api:1.0.0` */
  image?: string;
  replicas?: number;
  /** extra labels on every object and pod, e.g. `backstage.io/kubernetes-id` */
  labels?: Record<string, string>;
  /** the pools the cluster has (default: the platform's, DEFAULT_NODE_POOLS) */
  pools?: PlatformPool[];
}

/** Options with the layer's defaults applied and checked. */
export interface ResolvedService {
  name: string;
  namespace?: string;
  image: string;
  replicas: number;
  pool: PlatformPool;
  defaults: LayerDefaults;
  /** the extra labels: on every object's metadata */
  labels: Record<string, string>;
  /** `app: <name>`, the documented selector */
  selector: Record<string, string>;
  /** pod template labels: the extra labels and the selector */
  podLabels: Record<string, string>;
}

// DNS-1123 label: Service names must be one, and every other object's name derives from it.
const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/**
 * Applies the layer's defaults. Replicas must lie within 1..the pool's
 * maximum size: more replicas than the pool can ever have nodes cannot spread
 * one per node (the platform's collector runs 2 replicas on general, whose
 * minimum is 3, so the pool's minimum is not a lower bound).
 */
export function resolveService(options: ServiceOptions): ResolvedService {
  const { name, layer } = options;
  if (!DNS_1123_LABEL.test(name) || name.length > 63) {
    throw new InputError(
      `name '${name}' is not a DNS-1123 label (lower-case letters, digits and '-', at most 63 characters)`,
    );
  }
  const defaults = LAYER_DEFAULTS[layer];
  if (!defaults) {
    throw new InputError(
      `layer '${layer}' is not one of the platform's layers`,
    );
  }
  const pool = poolNamed(
    defaults.pool,
    options.pools ?? DEFAULT_PLATFORM_POOLS,
  );
  const replicas = options.replicas ?? defaults.replicas;
  const max = pool.maxSize ?? Infinity;
  if (!Number.isInteger(replicas) || replicas < 1 || replicas > max) {
    throw new InputError(
      `replicas ${replicas} is outside 1..${max} (the maximum size of node pool '${pool.name}')`,
    );
  }
  const selector = { app: name };
  return {
    name,
    namespace: options.namespace,
    image: options.image ?? `${name}:1.0.0`,
    replicas,
    pool,
    defaults,
    labels: { ...options.labels },
    selector,
    podLabels: { ...options.labels, ...selector },
  };
}

/** metadata of an object of the service: name, namespace and labels when given. */
export function objectMeta(service: ResolvedService, name: string) {
  const labels = service.labels;
  return {
    name,
    ...(service.namespace ? { namespace: service.namespace } : {}),
    ...(Object.keys(labels).length > 0 ? { labels } : {}),
  };
}
