import { ConfigReader } from '@backstage/config';
import { informerCacheConfig } from './configKey';

describe('informerCacheConfig', () => {
  it('reads kubernetesInformerCache without a warning', () => {
    const warn = jest.fn();
    const c = informerCacheConfig(
      new ConfigReader({ kubernetesInformerCache: { listPageSize: 7 } }),
      warn,
    );
    expect(c.getNumber('listPageSize')).toBe(7);
    expect(warn).not.toHaveBeenCalled();
  });

  it('still reads the deprecated kubernetesNodeCache, warning once per config', () => {
    const warn = jest.fn();
    const config = new ConfigReader({
      kubernetesNodeCache: { listPageSize: 9 },
    });
    expect(informerCacheConfig(config, warn).getNumber('listPageSize')).toBe(9);
    expect(informerCacheConfig(config, warn).getNumber('listPageSize')).toBe(9);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toMatch(
      /kubernetesNodeCache is deprecated: rename it to kubernetesInformerCache/,
    );
  });

  it('prefers the new key when both are set and says the old one is ignored', () => {
    const warn = jest.fn();
    const c = informerCacheConfig(
      new ConfigReader({
        kubernetesInformerCache: { listPageSize: 1 },
        kubernetesNodeCache: { listPageSize: 2 },
      }),
      warn,
    );
    expect(c.getNumber('listPageSize')).toBe(1);
    expect(warn.mock.calls[0][0]).toMatch(/kubernetesNodeCache is ignored/);
  });

  it('gives an empty block when neither is set', () => {
    expect(
      informerCacheConfig(new ConfigReader({}), jest.fn()).getOptionalNumber(
        'listPageSize',
      ),
    ).toBeUndefined();
  });
});
