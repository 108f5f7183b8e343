import { cleanService, kindOf } from '../../testing/cleanService';
import { lintManifests } from '../lintManifests';

describe('schema rules', () => {
  it('SCHEMA_INVALID names the bad field; UNKNOWN_FIELD the misspelt ones', () => {
    const objects = cleanService();
    kindOf(objects, 'HorizontalPodAutoscaler').spec.maxReplicas = 'ten';
    kindOf(objects, 'VerticalPodAutoscaler').spec.updatePolicy.updateMod =
      'Auto';
    const findings = lintManifests(objects).filter(f =>
      ['SCHEMA_INVALID', 'UNKNOWN_FIELD'].includes(f.ruleId),
    );
    expect(findings.map(f => [f.ruleId, f.object.kind, f.message])).toEqual([
      [
        'SCHEMA_INVALID',
        'HorizontalPodAutoscaler',
        'does not match its Kubernetes schema: spec.maxReplicas must be integer',
      ],
      [
        'UNKNOWN_FIELD',
        'VerticalPodAutoscaler',
        'has fields its kind does not have (the API server drops or refuses them): spec.updatePolicy.updateMod',
      ],
    ]);
  });

  it('leaves kinds it has no schema for alone', () => {
    const cm = {
      apiVersion: 'example.com/v1',
      kind: 'Widget',
      metadata: { name: 'w' },
      spek: {},
    };
    expect(lintManifests([cm])).toEqual([]);
  });
});
