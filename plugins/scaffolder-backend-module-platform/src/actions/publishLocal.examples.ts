import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Commit the workspace to a new local git repository named price-model',
    example: stringify({
      steps: [
        {
          id: 'publish',
          action: 'platform:publish:local',
          name: 'Publish',
          input: { name: 'price-model' },
        },
      ],
    }),
  },
];
