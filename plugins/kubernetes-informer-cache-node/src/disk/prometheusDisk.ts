/**
 * Node disk usage from node-exporter's filesystem metrics: one instant query
 * returns the size and the available bytes of every node's root filesystem,
 * and this file builds that query and reads its answer.
 */
import { z } from 'zod';
import { DiskSample } from './DiskSource';

const SIZE = 'node_filesystem_size_bytes';
const AVAIL = 'node_filesystem_avail_bytes';

/**
 * Labels naming the node of a series, first present wins: `node` (set by
 * relabelling from `__meta_kubernetes_pod_node_name`, as the simulator
 * does), `kubernetes_node` (this platform's `kubernetes-pods` scrape job,
 * deploy/prometheus/prometheus.yml), `instance` (kube-prometheus relabels it
 * to the node name; a `:port` suffix is dropped).
 */
export const DEFAULT_NODE_LABELS = ['node', 'kubernetes_node', 'instance'];

/**
 * The one query of a round: both metrics of the root filesystem (`/`,
 * tmpfs excluded), narrowed to one cluster when Prometheus holds several.
 */
export function diskQuery(cluster?: { label: string; value: string }): string {
  const matchers = [
    `__name__=~"${SIZE}|${AVAIL}"`,
    'mountpoint="/"',
    'fstype!="tmpfs"',
  ];
  if (cluster)
    matchers.push(`${cluster.label}=${JSON.stringify(cluster.value)}`);
  return `{${matchers.join(',')}}`;
}

const responseSchema = z.object({
  status: z.literal('success'),
  data: z.object({
    resultType: z.literal('vector'),
    result: z.array(
      z.object({
        metric: z.record(z.string()),
        value: z.tuple([z.number(), z.string()]),
      }),
    ),
  }),
});

function nodeOf(
  metric: Record<string, string>,
  nodeLabels: string[],
): string | undefined {
  for (const label of nodeLabels) {
    const v = metric[label];
    if (v) return label === 'instance' ? v.replace(/:\d+$/, '') : v;
  }
  return undefined;
}

/**
 * Disk per node from a `/api/v1/query` answer to {@link diskQuery}. A node
 * needs both metrics (a node has one root filesystem; should a node appear
 * twice, e.g. scraped by two jobs, its first series count).
 * Throws when the body is not a Prometheus vector answer.
 */
export function parseDiskResponse(
  body: unknown,
  nodeLabels: string[] = DEFAULT_NODE_LABELS,
): Map<string, DiskSample> {
  const parsed = responseSchema.safeParse(body);
  if (!parsed.success) {
    throw new Error('the answer is not a Prometheus instant vector');
  }
  const byNode = new Map<string, { size?: number; avail?: number }>();
  for (const { metric, value } of parsed.data.data.result) {
    const node = nodeOf(metric, nodeLabels);
    const v = Number(value[1]);
    if (!node || !Number.isFinite(v)) continue;
    const row = byNode.get(node) ?? {};
    if (metric.__name__ === SIZE) row.size ??= v;
    else if (metric.__name__ === AVAIL) row.avail ??= v;
    byNode.set(node, row);
  }
  const samples = new Map<string, DiskSample>();
  for (const [node, { size, avail }] of byNode) {
    if (size === undefined || avail === undefined) continue;
    samples.set(node, {
      capacityBytes: size,
      usedBytes: Math.max(0, size - avail),
    });
  }
  return samples;
}
