import { ConfigReader } from '@backstage/config';
import { TEST_USER_HEADER, testUserAuthenticator } from './testUserProvider';

// only the header lookup of express's Request is used
type Req = Parameters<typeof testUserAuthenticator.authenticate>[0]['req'];
const request = (headers: Record<string, string>) =>
  ({ header: (name: string) => headers[name.toLowerCase()] } as unknown as Req);

describe('testUserAuthenticator', () => {
  // jest runs with NODE_ENV=test: outside development, as production is
  it('refuses outside development unless explicitly allowed', async () => {
    const ctx = testUserAuthenticator.initialize({
      config: new ConfigReader({}),
    });
    await expect(
      testUserAuthenticator.authenticate(
        { req: request({ [TEST_USER_HEADER]: 'devops-lead' }) },
        ctx,
      ),
    ).rejects.toMatchObject({ name: 'NotAllowedError' });
  });

  it('names the user of the header when allowed, and needs one', async () => {
    const ctx = testUserAuthenticator.initialize({
      config: new ConfigReader({ dangerouslyAllowOutsideDevelopment: true }),
    });
    await expect(
      testUserAuthenticator.authenticate(
        { req: request({ [TEST_USER_HEADER]: 'team-lead' }) },
        ctx,
      ),
    ).resolves.toEqual({ result: { name: 'team-lead' } });
    await expect(
      testUserAuthenticator.authenticate({ req: request({}) }, ctx),
    ).rejects.toMatchObject({ name: 'InputError' });
  });
});
