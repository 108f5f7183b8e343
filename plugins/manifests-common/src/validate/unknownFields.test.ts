import { cleanService, kindOf } from '../testing/cleanService';
import { unknownFields } from './unknownFields';

describe('unknownFields', () => {
  it('finds misspelt fields at any depth of a core kind, through lists and maps', () => {
    const deployment = kindOf(cleanService(), 'Deployment');
    deployment.spec.replica = 3;
    deployment.spec.template.spec.containers[0].imag = 'x';
    deployment.spec.template.spec.containers[0].resources.limit = {};
    expect(new Set(unknownFields(deployment))).toEqual(
      new Set([
        'spec.replica',
        'spec.template.spec.containers[0].imag',
        'spec.template.spec.containers[0].resources.limit',
      ]),
    );
  });

  it('finds them in the VPA, a CRD listed by hand', () => {
    const vpa = kindOf(cleanService(), 'VerticalPodAutoscaler');
    vpa.spec.resourcePolicy.containerPolicies[0].controlledResource = ['cpu'];
    expect(unknownFields(vpa)).toEqual([
      'spec.resourcePolicy.containerPolicies[0].controlledResource',
    ]);
  });

  it('accepts every generated object, free-form values (labels, annotations, quantities) included', () => {
    for (const o of cleanService('inference')) {
      expect([o.kind, unknownFields(o)]).toEqual([o.kind, []]);
    }
  });

  it('says nothing of kinds it does not know', () => {
    expect(
      unknownFields({
        apiVersion: 'example.com/v1',
        kind: 'Widget',
        spek: 1,
      } as any),
    ).toEqual([]);
  });
});
