import { cleanService, kindOf } from '../testing/cleanService';
import { validateObject } from './validateObject';

describe('validateObject', () => {
  it('reports type and required-field errors with their paths, and unknown fields', () => {
    const deployment = kindOf(cleanService(), 'Deployment');
    deployment.spec.replicas = '3';
    delete deployment.spec.selector;
    deployment.spec.paused2 = true;
    expect(validateObject(deployment)).toEqual([
      {
        kind: 'invalid',
        path: 'spec',
        message: 'spec must have required property selector',
      },
      {
        kind: 'invalid',
        path: 'spec.replicas',
        message: 'spec.replicas must be integer',
      },
      {
        kind: 'unknown-field',
        path: 'spec.paused2',
        message: 'spec.paused2 is not a field of Deployment',
      },
    ]);
  });

  it('validates the VPA against its CRD model', () => {
    const vpa = kindOf(cleanService(), 'VerticalPodAutoscaler');
    vpa.spec.updatePolicy.updateMode = 'Sometimes';
    expect(validateObject(vpa)?.map(p => p.path)).toEqual([
      'spec.updatePolicy.updateMode',
    ]);
  });

  it('is undefined for kinds it has no model for', () => {
    expect(
      validateObject({ apiVersion: 'v1', kind: 'ConfigMap' }),
    ).toBeUndefined();
  });
});
