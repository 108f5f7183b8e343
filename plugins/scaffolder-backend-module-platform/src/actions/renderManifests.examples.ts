import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Render the manifests of an inference service (ai-inference pool, one GPU) into k8s/',
    example: stringify({
      steps: [
        {
          id: 'render',
          action: 'platform:manifests:render',
          name: 'Render manifests',
          input: {
            name: 'price-model',
            layer: 'inference',
            namespace: 'dev',
            owner: 'group:default/dev-team',
            system: 'system:default/financial-data-platform',
            cluster: 'fdp-cluster',
            replicas: 2,
          },
        },
      ],
    }),
  },
];
