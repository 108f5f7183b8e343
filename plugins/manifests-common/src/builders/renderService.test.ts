import { DEFAULT_NODE_POOLS } from '@fdp/plugin-cluster-health-common';
import { LAYERS } from '../layers';
import { lintManifests } from '../lint/lintManifests';
import { DEFAULT_PLATFORM_POOLS, GPU_TOLERATION } from '../pools';
import { validateObject } from '../validate/validateObject';
import { renderService } from './renderService';

const byKind = (
  name: string,
  layer: (typeof LAYERS)[number],
  replicas?: number,
) =>
  Object.fromEntries(
    renderService({ name, layer, replicas }).map(o => [o.kind, o as any]),
  );

describe('renderService', () => {
  it.each(LAYERS)(
    'renders the seven valid, lint-clean objects of a %s service',
    layer => {
      const objects = renderService({
        name: `demo-${layer}`,
        layer,
        namespace: 'dev',
      });
      expect(objects.map(o => o.kind)).toEqual([
        'ServiceAccount',
        'Deployment',
        'Service',
        'HorizontalPodAutoscaler',
        'VerticalPodAutoscaler',
        'NetworkPolicy',
        'PodDisruptionBudget',
      ]);
      for (const o of objects) {
        expect(validateObject(o)).toEqual([]);
        expect(o.metadata.namespace).toBe('dev');
      }
      expect(lintManifests(objects)).toEqual([]);
    },
  );

  // The defaults are the platform's operating values (src/layers.ts, the node pools of cluster-health-common).
  it('defaults every layer to the platform values: pool, replicas, requests/limits, HPA 70 % CPU up to the pool maximum, VPA Auto', () => {
    const expected = {
      collector: { pool: { role: 'general' }, replicas: 2, max: 10 },
      'stream-processing': {
        pool: { role: 'data-processing' },
        replicas: 2,
        max: 8,
      },
      inference: { pool: { role: 'ai-inference' }, replicas: 2, max: 5 },
      api: { pool: { role: 'general' }, replicas: 3, max: 10 },
    };
    for (const layer of LAYERS) {
      const o = byKind('svc', layer);
      const pod = o.Deployment.spec.template.spec;
      expect(pod.nodeSelector).toEqual(expected[layer].pool);
      expect(o.Deployment.spec.replicas).toBe(expected[layer].replicas);
      expect(pod.containers[0].resources.requests).toEqual({
        cpu: 1,
        memory: '2Gi',
      });
      expect(pod.containers[0].resources.limits).toMatchObject({
        cpu: 2,
        memory: '4Gi',
      });
      expect(o.HorizontalPodAutoscaler.spec).toMatchObject({
        minReplicas: expected[layer].replicas,
        maxReplicas: expected[layer].max,
        metrics: [
          {
            type: 'Resource',
            resource: {
              name: 'cpu',
              target: { type: 'Utilization', averageUtilization: 70 },
            },
          },
        ],
      });
      expect(o.VerticalPodAutoscaler.spec.updatePolicy).toEqual({
        updateMode: 'Auto',
      });
      expect(o.Deployment.spec.template.metadata.annotations).toMatchObject({
        'prometheus.io/scrape': 'true',
        'prometheus.io/port': '9090',
      });
    }
  });

  it('gives inference pods one GPU and the GPU toleration, and no other layer either', () => {
    const gpu = LAYERS.map(layer => {
      const pod = byKind('svc', layer).Deployment.spec.template.spec;
      return [
        layer,
        pod.containers[0].resources.limits['nvidia.com/gpu'],
        pod.tolerations,
      ];
    });
    expect(gpu).toEqual([
      ['collector', undefined, undefined],
      ['stream-processing', undefined, undefined],
      ['inference', 1, [GPU_TOLERATION]],
      ['api', undefined, undefined],
    ]);
  });

  it('takes the pools from cluster-health-common (one source for their sizes and labels)', () => {
    expect(
      DEFAULT_PLATFORM_POOLS.map(({ name, selector, minSize, maxSize }) => ({
        name,
        selector,
        minSize,
        maxSize,
      })),
    ).toEqual(
      DEFAULT_NODE_POOLS.map(({ name, selector, minSize, maxSize }) => ({
        name,
        selector,
        minSize,
        maxSize,
      })),
    );
    expect(DEFAULT_PLATFORM_POOLS.filter(p => p.gpu).map(p => p.name)).toEqual([
      'ai-inference',
    ]);
  });

  it('accepts replicas up to the pool maximum and refuses more, naming the field', () => {
    expect(byKind('svc', 'inference', 5).Deployment.spec.replicas).toBe(5);
    expect(() =>
      renderService({ name: 'svc', layer: 'inference', replicas: 6 }),
    ).toThrow(
      /replicas 6 is outside 1\.\.5 \(the maximum size of node pool 'ai-inference'\)/,
    );
    expect(() =>
      renderService({ name: 'svc', layer: 'api', replicas: 0 }),
    ).toThrow(/replicas 0/);
    expect(() =>
      renderService({ name: 'svc', layer: 'api', replicas: 2.5 }),
    ).toThrow(/replicas 2.5/);
  });

  it('refuses a name that is not a DNS-1123 label and an unknown layer', () => {
    expect(() => renderService({ name: 'Trading_API', layer: 'api' })).toThrow(
      expect.objectContaining({
        name: 'InputError',
        message: expect.stringMatching(/^name 'Trading_API'/),
      }),
    );
    expect(() => renderService({ name: 'a'.repeat(64), layer: 'api' })).toThrow(
      /DNS-1123/,
    );
    expect(() => renderService({ name: 'svc', layer: 'batch' as any })).toThrow(
      /layer 'batch'/,
    );
  });

  it('puts extra labels on every object and the pods, keeping the app selector', () => {
    const labels = { 'backstage.io/kubernetes-id': 'svc' };
    const objects = renderService({ name: 'svc', layer: 'api', labels });
    for (const o of objects) {
      expect(o.metadata.labels).toEqual(labels);
    }
    const deployment = objects.find(o => o.kind === 'Deployment') as any;
    expect(deployment.spec.template.metadata.labels).toEqual({
      ...labels,
      app: 'svc',
    });
    expect(deployment.spec.selector).toEqual({ matchLabels: { app: 'svc' } });
  });
});
