import type { HpaObject, VpaObject } from '@fdp/plugin-cluster-health-common';
import { cleanService, kindOf } from '../../testing/cleanService';
import { lintManifests } from '../lintManifests';
import { hpaAndVpaOnCpu } from './autoscaling';

const ids = (objects: any[]) => lintManifests(objects).map(f => f.ruleId);

describe('HPA_AND_VPA_ON_CPU', () => {
  it('fires when the VPA in Auto also controls CPU, on the VPA, naming both', () => {
    const objects = cleanService();
    delete kindOf(objects, 'VerticalPodAutoscaler').spec.resourcePolicy;
    const findings = lintManifests(objects).filter(
      f => f.ruleId === 'HPA_AND_VPA_ON_CPU',
    );
    expect(findings).toEqual([
      {
        ruleId: 'HPA_AND_VPA_ON_CPU',
        severity: 'error',
        object: { kind: 'VerticalPodAutoscaler', name: 'svc-vpa' },
        message:
          'HPA svc-hpa scales on CPU while VPA svc-vpa (Auto) also sets CPU requests: they work against each other',
        fix: expect.stringContaining('controlledResources: [memory]'),
      },
    ]);
  });

  it('does not fire for a memory-only VPA, a VPA Off, an HPA on memory, or another target', () => {
    expect(ids(cleanService())).not.toContain('HPA_AND_VPA_ON_CPU');
    const off = cleanService();
    delete kindOf(off, 'VerticalPodAutoscaler').spec.resourcePolicy;
    kindOf(off, 'VerticalPodAutoscaler').spec.updatePolicy.updateMode = 'Off';
    expect(ids(off)).not.toContain('HPA_AND_VPA_ON_CPU');
    const memory = cleanService();
    delete kindOf(memory, 'VerticalPodAutoscaler').spec.resourcePolicy;
    kindOf(memory, 'HorizontalPodAutoscaler').spec.metrics[0].resource.name =
      'memory';
    expect(ids(memory)).not.toContain('HPA_AND_VPA_ON_CPU');
    const other = cleanService();
    delete kindOf(other, 'VerticalPodAutoscaler').spec.resourcePolicy;
    kindOf(other, 'VerticalPodAutoscaler').spec.targetRef.name = 'another';
    expect(ids(other)).not.toContain('HPA_AND_VPA_ON_CPU');
  });

  it('counts an HPA without metrics as CPU (the API default) and a VPA without a * policy as CPU', () => {
    const hpa = { metadata: { name: 'h' }, spec: {} };
    const vpaNamed = {
      metadata: { name: 'v' },
      spec: {
        resourcePolicy: {
          containerPolicies: [
            { containerName: 'sidecar', controlledResources: ['memory'] },
          ],
        },
      },
    };
    expect(hpaAndVpaOnCpu(hpa, vpaNamed)?.ruleId).toBe('HPA_AND_VPA_ON_CPU');
    const vpaStar = {
      metadata: { name: 'v' },
      spec: {
        resourcePolicy: {
          containerPolicies: [
            { containerName: '*', controlledResources: ['memory'] },
          ],
        },
      },
    };
    expect(hpaAndVpaOnCpu(hpa, vpaStar)).toBeUndefined();
  });

  it("takes cluster-health's trimmed HPA and VPA objects (no kind) as they are", () => {
    const hpa: HpaObject = {
      metadata: { name: 'trading-api-hpa', namespace: 'prod' },
      spec: {
        maxReplicas: 10,
        metrics: [
          {
            type: 'Resource',
            resource: {
              name: 'cpu',
              target: { type: 'Utilization', averageUtilization: 70 },
            },
          },
        ],
      },
    };
    const vpa: VpaObject = {
      metadata: { name: 'trading-api-vpa', namespace: 'prod' },
      spec: { updatePolicy: { updateMode: 'Auto' } },
    };
    expect(hpaAndVpaOnCpu(hpa, vpa)?.object).toEqual({
      kind: 'VerticalPodAutoscaler',
      namespace: 'prod',
      name: 'trading-api-vpa',
    });
  });
});
