import { checkBearerToken } from './bearerToken';

const TOKEN = 'dev-only-incidents-token';

describe('checkBearerToken', () => {
  it('accepts the configured token', () => {
    expect(() => checkBearerToken(`Bearer ${TOKEN}`, TOKEN)).not.toThrow();
    expect(() => checkBearerToken(`bearer  ${TOKEN}`, TOKEN)).not.toThrow();
  });

  it.each([
    [undefined],
    [''],
    [TOKEN],
    [`Basic ${TOKEN}`],
    [`Bearer ${TOKEN}x`],
    [`Bearer ${TOKEN.slice(0, -1)}`],
    ['Bearer '],
  ])('refuses %j with a 401', header => {
    expect(() => checkBearerToken(header, TOKEN)).toThrow(
      expect.objectContaining({
        name: 'AuthenticationError',
        message: 'Missing or wrong bearer token',
      }),
    );
  });

  it('refuses everything when no token is configured', () => {
    expect(() => checkBearerToken('Bearer anything', undefined)).toThrow(
      expect.objectContaining({ name: 'AuthenticationError' }),
    );
  });
});
