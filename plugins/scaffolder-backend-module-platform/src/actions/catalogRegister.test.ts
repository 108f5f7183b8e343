import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { createCatalogRegisterAction } from './catalogRegister';

describe('platform:catalog:register', () => {
  let publishDir: string;
  let file: string;
  beforeEach(async () => {
    publishDir = await fs.mkdtemp(path.join(os.tmpdir(), 'register-'));
    file = path.join(publishDir, 'ticks', 'catalog-info.yaml');
    await fs.mkdir(path.dirname(file));
    await fs.writeFile(
      file,
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ticks\nspec: {}\n',
    );
  });
  afterEach(() => fs.rm(publishDir, { recursive: true, force: true }));

  it('adds a file location with its own credentials and waits for the entity', async () => {
    const catalog = catalogServiceMock.mock();
    catalog.addLocation.mockResolvedValue({} as any);
    catalog.refreshEntity.mockResolvedValue();
    catalog.getEntityByRef
      .mockResolvedValueOnce(undefined)
      .mockResolvedValueOnce({ kind: 'Component' } as any);
    const auth = mockServices.auth.mock();
    auth.getOwnServiceCredentials.mockResolvedValue(mockCredentials.service());
    const action = createCatalogRegisterAction({ auth, catalog, publishDir });
    const ctx = createMockActionContext({
      input: { catalogInfoUrl: pathToFileURL(file).href, timeoutSeconds: 5 },
    });
    await action.handler(ctx);

    const credentials = { credentials: mockCredentials.service() };
    expect(catalog.addLocation).toHaveBeenCalledWith(
      { type: 'file', target: file },
      credentials,
    );
    expect(catalog.refreshEntity).toHaveBeenCalledWith(
      expect.stringMatching(/^location:default\/generated-/),
      credentials,
    );
    expect(catalog.getEntityByRef).toHaveBeenCalledTimes(2);
    expect(ctx.output).toHaveBeenCalledWith(
      'entityRef',
      'component:default/ticks',
    );
  });

  it('refuses a file outside the publish directory', async () => {
    const catalog = catalogServiceMock.mock();
    const action = createCatalogRegisterAction({
      auth: mockServices.auth.mock(),
      catalog,
      publishDir,
    });
    const ctx = createMockActionContext({
      input: { catalogInfoUrl: 'file:///etc/passwd' },
    });
    await expect(action.handler(ctx)).rejects.toThrow(/outside/);
    expect(catalog.addLocation).not.toHaveBeenCalled();
  });
});
