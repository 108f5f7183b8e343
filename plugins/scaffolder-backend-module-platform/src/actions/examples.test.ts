import { Schema, validate } from 'jsonschema';
import { parse } from 'yaml';
import { examples as apply } from './kubernetesApply.examples';
import { examples as lint } from './lintManifests.examples';
import { examples as publish } from './publishLocal.examples';
import { examples as register } from './catalogRegister.examples';
import { examples as render } from './renderManifests.examples';
import { createCatalogRegisterAction } from './catalogRegister';
import { createKubernetesApplyAction } from './kubernetesApply';
import { createLintManifestsAction } from './lintManifests';
import { createPublishLocalAction } from './publishLocal';
import { createRenderManifestsAction } from './renderManifests';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { mockServices } from '@backstage/backend-test-utils';

const catalog = catalogServiceMock.mock();
const cases = [
  [createRenderManifestsAction({ catalog, clusters: [] }), render],
  [createLintManifestsAction(), lint],
  [createKubernetesApplyAction({ clusters: [] }), apply],
  [createPublishLocalAction({ publishDir: '/tmp' }), publish],
  [
    createCatalogRegisterAction({
      auth: mockServices.auth.mock(),
      catalog,
      publishDir: '/tmp',
    }),
    register,
  ],
] as const;

describe.each(cases)('examples of %s', (action, examples) => {
  it.each(examples.map(e => [e.description, e]))(
    '%s: uses the action with inputs its schema accepts',
    (_, example) => {
      const [step] = parse(example.example).steps;
      expect(step.action).toBe(action.id);
      // the scaffolder validates step input against this JSON schema
      const result = validate(step.input, action.schema?.input as Schema);
      expect(result.errors.map(e => e.stack)).toEqual([]);
    },
  );
});
