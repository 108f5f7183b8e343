import { z } from 'zod';
import { parseInput, text } from '@fdp/platform-node';

// a Kubernetes object name is at most 253 characters; so are our cluster and pool names
const clusterParams = z
  .object({ cluster: text(253).min(1), pool: text(253).min(1).optional() })
  .strict();

/** `:cluster` and `:pool` path parameters, or a 400 (a name that merely is unknown is the service's 404). */
export function parseClusterParams(params: Record<string, string>): {
  cluster: string;
  pool?: string;
} {
  return parseInput(clusterParams, params, 'path');
}
