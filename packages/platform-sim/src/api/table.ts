/** Server-side printing: `meta.k8s.io/v1` Table responses as kubectl requests them. */

export interface Column {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
}

const col = (
  name: string,
  type = 'string',
  priority = 0,
  format = '',
): Column => ({
  name,
  type,
  format,
  description: name,
  priority,
});

/** kubectl's short age ("5m", "3h2m", "4d"). */
export function humanAge(fromIso: string | undefined, nowMs: number): string {
  if (!fromIso) return '<unknown>';
  const s = Math.max(0, Math.floor((nowMs - Date.parse(fromIso)) / 1000));
  if (s < 120) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 10) return `${m}m${s % 60 ? `${s % 60}s` : ''}`;
  if (m < 180) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 8) return `${h}h${m % 60 ? `${m % 60}m` : ''}`;
  if (h < 48) return `${h}h`;
  const d = Math.floor(h / 24);
  if (d < 8) return `${d}d${h % 24 ? `${h % 24}h` : ''}`;
  return `${d}d`;
}

function podStatusReason(p: any): string {
  if (p.metadata?.deletionTimestamp) return 'Terminating';
  for (const cs of p.status?.containerStatuses ?? []) {
    if (cs.state?.waiting?.reason) return cs.state.waiting.reason;
    if (cs.state?.terminated?.reason && p.status?.phase !== 'Succeeded')
      return cs.state.terminated.reason;
  }
  if (p.status?.phase === 'Succeeded') return 'Completed';
  return p.status?.phase ?? 'Unknown';
}

interface Printer {
  columns: Column[];
  cells: (o: any, now: number) => unknown[];
}

const PRINTERS: Record<string, Printer> = {
  Node: {
    columns: [
      col('Name', 'string', 0, 'name'),
      col('Status'),
      col('Roles'),
      col('Age'),
      col('Version'),
      col('Internal-IP', 'string', 1),
      col('OS-Image', 'string', 1),
      col('Kernel-Version', 'string', 1),
      col('Container-Runtime', 'string', 1),
    ],
    cells: (n, now) => {
      const ready = (n.status?.conditions ?? []).find(
        (c: any) => c.type === 'Ready',
      );
      const status = [ready?.status === 'True' ? 'Ready' : 'NotReady'];
      if (n.spec?.unschedulable) status.push('SchedulingDisabled');
      const roles = Object.keys(n.metadata.labels ?? {})
        .filter(k => k.startsWith('node-role.kubernetes.io/'))
        .map(k => k.slice('node-role.kubernetes.io/'.length));
      return [
        n.metadata.name,
        status.join(','),
        roles.length ? roles.join(',') : '<none>',
        humanAge(n.metadata.creationTimestamp, now),
        n.status?.nodeInfo?.kubeletVersion ?? '',
        (n.status?.addresses ?? []).find((a: any) => a.type === 'InternalIP')
          ?.address ?? '<none>',
        n.status?.nodeInfo?.osImage ?? '',
        n.status?.nodeInfo?.kernelVersion ?? '',
        n.status?.nodeInfo?.containerRuntimeVersion ?? '',
      ];
    },
  },
  Pod: {
    columns: [
      col('Name', 'string', 0, 'name'),
      col('Ready'),
      col('Status'),
      col('Restarts', 'string'),
      col('Age'),
      col('IP', 'string', 1),
      col('Node', 'string', 1),
      col('Nominated Node', 'string', 1),
      col('Readiness Gates', 'string', 1),
    ],
    cells: (p, now) => {
      const cs = p.status?.containerStatuses ?? [];
      const total = (p.spec?.containers ?? []).length;
      const ready = cs.filter((c: any) => c.ready).length;
      const restarts = cs.reduce(
        (a: number, c: any) => a + (c.restartCount ?? 0),
        0,
      );
      return [
        p.metadata.name,
        `${ready}/${total}`,
        podStatusReason(p),
        String(restarts),
        humanAge(p.metadata.creationTimestamp, now),
        p.status?.podIP ?? '<none>',
        p.spec?.nodeName ?? '<none>',
        '<none>',
        '<none>',
      ];
    },
  },
  Deployment: {
    columns: [
      col('Name', 'string', 0, 'name'),
      col('Ready'),
      col('Up-to-date', 'integer'),
      col('Available', 'integer'),
      col('Age'),
      col('Containers', 'string', 1),
      col('Images', 'string', 1),
    ],
    cells: (d, now) => [
      d.metadata.name,
      `${d.status?.readyReplicas ?? 0}/${d.spec?.replicas ?? 0}`,
      d.status?.updatedReplicas ?? 0,
      d.status?.availableReplicas ?? 0,
      humanAge(d.metadata.creationTimestamp, now),
      (d.spec?.template?.spec?.containers ?? [])
        .map((c: any) => c.name)
        .join(','),
      (d.spec?.template?.spec?.containers ?? [])
        .map((c: any) => c.image)
        .join(','),
    ],
  },
  ReplicaSet: {
    columns: [
      col('Name', 'string', 0, 'name'),
      col('Desired', 'integer'),
      col('Current', 'integer'),
      col('Ready', 'integer'),
      col('Age'),
    ],
    cells: (r, now) => [
      r.metadata.name,
      r.spec?.replicas ?? 0,
      r.status?.replicas ?? 0,
      r.status?.readyReplicas ?? 0,
      humanAge(r.metadata.creationTimestamp, now),
    ],
  },
  Service: {
    columns: [
      col('Name', 'string', 0, 'name'),
      col('Type'),
      col('Cluster-IP'),
      col('External-IP'),
      col('Port(s)'),
      col('Age'),
    ],
    cells: (s, now) => [
      s.metadata.name,
      s.spec?.type ?? 'ClusterIP',
      s.spec?.clusterIP ?? '<none>',
      '<none>',
      (s.spec?.ports ?? [])
        .map((p: any) => `${p.port}/${p.protocol ?? 'TCP'}`)
        .join(',') || '<none>',
      humanAge(s.metadata.creationTimestamp, now),
    ],
  },
  HorizontalPodAutoscaler: {
    columns: [
      col('Name', 'string', 0, 'name'),
      col('Reference'),
      col('Targets'),
      col('MinPods', 'integer'),
      col('MaxPods', 'integer'),
      col('Replicas', 'integer'),
      col('Age'),
    ],
    cells: (h, now) => {
      const targets = (h.spec?.metrics ?? []).map((m: any) => {
        const cur = (h.status?.currentMetrics ?? []).find(
          (c: any) => c.resource?.name === m.resource?.name,
        );
        const c = cur?.resource?.current?.averageUtilization;
        return `${m.resource?.name}: ${
          c === undefined ? '<unknown>' : `${c}%`
        }/${m.resource?.target?.averageUtilization ?? '?'}%`;
      });
      return [
        h.metadata.name,
        `${h.spec?.scaleTargetRef?.kind}/${h.spec?.scaleTargetRef?.name}`,
        targets.join(', ') || '<none>',
        h.spec?.minReplicas ?? 1,
        h.spec?.maxReplicas ?? 0,
        h.status?.currentReplicas ?? 0,
        humanAge(h.metadata.creationTimestamp, now),
      ];
    },
  },
  Namespace: {
    columns: [col('Name', 'string', 0, 'name'), col('Status'), col('Age')],
    cells: (n, now) => [
      n.metadata.name,
      n.status?.phase ?? 'Active',
      humanAge(n.metadata.creationTimestamp, now),
    ],
  },
};

const DEFAULT_PRINTER: Printer = {
  columns: [col('Name', 'string', 0, 'name'), col('Age')],
  cells: (o, now) => [
    o.metadata.name,
    humanAge(o.metadata.creationTimestamp, now),
  ],
};

/** Whether the Accept header asks for a Table. */
export function wantsTable(accept: string | undefined): boolean {
  return Boolean(
    accept && /as=Table/.test(accept) && /g=meta\.k8s\.io/.test(accept),
  );
}

export function tableFor(
  kind: string,
  objects: any[],
  resourceVersion: string,
  nowMs: number,
  includeObject: string | undefined,
  continueToken?: string,
): unknown {
  const printer = PRINTERS[kind] ?? DEFAULT_PRINTER;
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: {
      resourceVersion,
      ...(continueToken ? { continue: continueToken } : {}),
    },
    columnDefinitions: printer.columns,
    rows: objects.map(o => ({
      cells: printer.cells(o, nowMs),
      object:
        // eslint-disable-next-line no-nested-ternary
        includeObject === 'None'
          ? undefined
          : includeObject === 'Object'
          ? o
          : {
              kind: 'PartialObjectMetadata',
              apiVersion: 'meta.k8s.io/v1',
              metadata: o.metadata,
            },
    })),
  };
}
