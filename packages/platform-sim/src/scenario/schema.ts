/** The scenario file format, validated with zod. */
import { z } from 'zod';

const dnsLabel = z
  .string()
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'must be a lowercase DNS label')
  .max(63);

const quantity = z.union([
  z.number().nonnegative(),
  z
    .string()
    .regex(
      /^[0-9]+(\.[0-9]+)?(m|k|M|G|T|Ki|Mi|Gi|Ti|Pi)?$/,
      'must be a Kubernetes quantity',
    ),
]);

/** A value over time: a constant or piecewise-linear points (seconds after start). */
export const curveSchema = z.union([
  z.number(),
  z
    .array(
      z.object({ at: z.number().nonnegative(), value: z.number() }).strict(),
    )
    .min(1),
]);
export type CurveSpec = z.infer<typeof curveSchema>;

const ratio = z.number().min(0).max(1);
/** Utilisation relative to requests: may exceed 1 (up to the limits). */
const usageCurve = z.union([
  z.number().nonnegative(),
  z
    .array(
      z
        .object({
          at: z.number().nonnegative(),
          value: z.number().nonnegative(),
        })
        .strict(),
    )
    .min(1),
]);
const ratioCurve = z.union([
  ratio,
  z
    .array(z.object({ at: z.number().nonnegative(), value: ratio }).strict())
    .min(1),
]);

const taintSchema = z
  .object({
    key: z.string().min(1),
    value: z.string().optional(),
    effect: z.enum(['NoSchedule', 'PreferNoSchedule', 'NoExecute']),
  })
  .strict();

const nodePoolSchema = z
  .object({
    name: dnsLabel,
    instanceType: z.string().min(1),
    count: z.number().int().nonnegative(),
    minSize: z.number().int().nonnegative().optional(),
    maxSize: z.number().int().nonnegative().optional(),
    /** Node name prefix (default: the pool name). */
    namePrefix: z.string().optional(),
    zones: z
      .array(z.string().min(1))
      .min(1)
      .default(['ap-northeast-2a', 'ap-northeast-2b', 'ap-northeast-2c']),
    capacity: z.object({ cpu: quantity, memory: quantity }).catchall(quantity),
    /** Defaults to capacity minus a small system reservation. */
    allocatable: z.record(quantity).optional(),
    labels: z.record(z.string()).default({}),
    annotations: z.record(z.string()).default({}),
    taints: z.array(taintSchema).default([]),
    utilisation: z
      .object({
        cpu: ratioCurve.default(0.3),
        memory: ratioCurve.default(0.4),
        disk: ratioCurve.default(0.3),
      })
      .strict()
      .default({}),
  })
  .strict()
  .refine(
    p =>
      p.minSize === undefined ||
      p.maxSize === undefined ||
      p.minSize <= p.maxSize,
    {
      message: 'minSize must not exceed maxSize',
      path: ['minSize'],
    },
  );

const workloadRef = z
  .string()
  .regex(/^[a-z0-9-]+\/[a-z0-9.-]+$/, 'must be "namespace/name"');

const trafficSchema = z
  .object({
    /** Requests per second. */
    requestRate: z.union([z.number().nonnegative(), curveSchema]).default(100),
    /** Fraction of requests answered with 5xx. */
    errorRate: ratioCurve.default(0.0005),
    /** Median latency, seconds. */
    latencyP50: curveSchema.default(0.05),
    /** 95th percentile latency, seconds. */
    latencyP95: curveSchema.default(0.2),
  })
  .strict();

const metricEnum = z.enum([
  'cpu',
  'memory',
  'disk',
  'requestRate',
  'errorRate',
  'latencyP50',
  'latencyP95',
]);

const targetSchema = z
  .object({
    pool: z.string().optional(),
    workload: workloadRef.optional(),
    service: z.string().optional(),
  })
  .strict()
  .refine(t => [t.pool, t.workload, t.service].filter(Boolean).length === 1, {
    message: 'exactly one of pool, workload or service must be set',
  });

const at = z.number().nonnegative();

export const eventSchema = z
  .discriminatedUnion('type', [
    z
      .object({
        type: z.literal('ramp'),
        at,
        target: targetSchema,
        metric: metricEnum,
        to: z.number().nonnegative(),
        /** Seconds the linear ramp takes (0 = step). */
        over: z.number().nonnegative().default(0),
      })
      .strict(),
    z
      .object({
        type: z.literal('nodeCondition'),
        at,
        node: z.string().optional(),
        pool: z.string().optional(),
        /** Index of the node in the pool when `pool` is given. */
        index: z.number().int().nonnegative().default(0),
        condition: z.enum([
          'Ready',
          'MemoryPressure',
          'DiskPressure',
          'PIDPressure',
          'NetworkUnavailable',
        ]),
        status: z.enum(['True', 'False', 'Unknown']),
        reason: z.string().optional(),
        message: z.string().optional(),
        /** Revert to the healthy status after this many seconds. */
        duration: z.number().positive().optional(),
      })
      .strict(),
    z
      .object({
        type: z.literal('crashLoop'),
        at,
        workload: workloadRef,
        /** How many of its pods crash (default: all). */
        pods: z.number().int().positive().optional(),
        exitCode: z.number().int().default(1),
        /** Stop crashing after this many seconds. */
        duration: z.number().positive().optional(),
      })
      .strict(),
    z
      .object({
        type: z.literal('scale'),
        at,
        workload: workloadRef,
        replicas: z.number().int().nonnegative(),
      })
      .strict(),
    z
      .object({
        type: z.literal('scalePool'),
        at,
        pool: z.string(),
        count: z.number().int().nonnegative(),
      })
      .strict(),
  ])
  .superRefine((e, ctx) => {
    if (e.type === 'nodeCondition' && Boolean(e.node) === Boolean(e.pool)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: 'exactly one of node or pool must be set',
        path: ['node'],
      });
    }
  });
export type ScenarioEvent = z.infer<typeof eventSchema>;

const generatorSchema = z
  .object({
    /** Namespaces `<namespacePrefix>-1..N` the workloads are spread over. */
    namespacePrefix: dnsLabel.default('team'),
    namespaceCount: z.number().int().positive().default(1),
    /** Deployment names `<namePrefix>-<i>`. */
    namePrefix: dnsLabel,
    deployments: z.number().int().nonnegative(),
    replicas: z.number().int().nonnegative(),
    /** Node pool (nodeSelector role=<pool>). */
    pool: z.string(),
    image: z.string().default('registry.local/app:1.0.0'),
    requests: z.object({ cpu: quantity, memory: quantity }).strict(),
    limits: z.object({ cpu: quantity, memory: quantity }).strict().optional(),
    tolerations: z.array(z.record(z.unknown())).default([]),
    labels: z.record(z.string()).default({}),
    utilisation: z
      .object({ cpu: usageCurve.optional(), memory: usageCurve.optional() })
      .strict()
      .default({}),
  })
  .strict();

const manifestSchema = z
  .object({
    apiVersion: z.string().min(1),
    kind: z.string().min(1),
    metadata: z
      .object({ name: z.string().min(1), namespace: z.string().optional() })
      .passthrough(),
  })
  .passthrough();

export const scenarioSchema = z
  .object({
    name: z.string().min(1),
    description: z.string().optional(),
    cluster: z
      .object({
        name: dnsLabel,
        /** Bearer token every API request must carry. */
        token: z.string().min(8),
        kubernetesVersion: z
          .string()
          .regex(/^v[0-9]+\.[0-9]+\.[0-9]+/)
          .default('v1.29.6-eks-1de2ab1'),
        region: z.string().default('ap-northeast-2'),
        /** Scenario start time (default: when the simulator starts). */
        startTime: z.string().datetime().optional(),
      })
      .strict(),
    simulation: z
      .object({
        seed: z.number().int().default(1),
        /** Controller step in scenario seconds. */
        tickSeconds: z.number().positive().default(5),
        hpaSyncSeconds: z.number().positive().default(15),
        /** Seconds between restarts of a crash-looping container. */
        crashLoopRestartSeconds: z.number().positive().default(30),
        /** Watch events kept for resumption. */
        watchHistorySize: z.number().int().positive().default(10000),
        /** Events (kind Event) kept; oldest are deleted. */
        maxEvents: z.number().int().nonnegative().default(1000),
      })
      .strict()
      .default({}),
    nodePools: z.array(nodePoolSchema).min(1),
    namespaces: z
      .array(
        z.union([
          dnsLabel,
          z
            .object({
              name: dnsLabel,
              labels: z.record(z.string()).default({}),
            })
            .strict(),
        ]),
      )
      .default([]),
    /** Utilisation of workload pods relative to their requests, keyed "namespace/name". */
    workloads: z
      .record(
        workloadRef,
        z
          .object({ cpu: usageCurve.optional(), memory: usageCurve.optional() })
          .strict(),
      )
      .default({}),
    workloadDefaults: z
      .object({ cpu: usageCurve.default(0.4), memory: usageCurve.default(0.5) })
      .strict()
      .default({}),
    /** HTTP traffic of services, exported on /metrics. */
    traffic: z.record(z.string(), trafficSchema).default({}),
    manifests: z.array(manifestSchema).default([]),
    generators: z.array(generatorSchema).default([]),
    events: z.array(eventSchema).default([]),
  })
  .strict();

export type Scenario = z.infer<typeof scenarioSchema>;
export type NodePoolSpec = Scenario['nodePools'][number];
export type GeneratorSpec = Scenario['generators'][number];
export type TrafficSpec = Scenario['traffic'][string];
