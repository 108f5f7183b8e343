import { ConfigReader } from '@backstage/config';
import { externalTargets, preflight } from './preflight';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

describe('externalTargets', () => {
  it('names nothing for the embedded default', () => {
    const config = new ConfigReader({
      backend: { database: { client: 'better-sqlite3' } },
    });
    expect(externalTargets(config)).toEqual([]);
  });

  it('reads host and port of PostgreSQL and Redis', () => {
    const config = new ConfigReader({
      backend: {
        database: {
          client: 'pg',
          connection: { host: 'db.internal', port: '6543' },
        },
        cache: { store: 'redis', connection: 'redis://cache.internal:6380' },
      },
    });
    expect(externalTargets(config)).toEqual([
      expect.objectContaining({
        service: 'PostgreSQL',
        host: 'db.internal',
        port: 6543,
      }),
      expect.objectContaining({
        service: 'Redis',
        host: 'cache.internal',
        port: 6380,
      }),
    ]);
  });

  it('understands a connection string', () => {
    const config = new ConfigReader({
      backend: {
        database: {
          client: 'pg',
          connection: 'postgresql://u@pg.example:5433/x',
        },
      },
    });
    expect(externalTargets(config)[0]).toMatchObject({
      host: 'pg.example',
      port: 5433,
    });
  });
});

describe('preflight', () => {
  it('fails with the host and port of an unreachable PostgreSQL', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'preflight-'));
    const file = path.join(dir, 'app-config.yaml');
    // Port 1 on loopback: nothing listens there.
    fs.writeFileSync(
      file,
      'backend:\n  database:\n    client: pg\n    connection:\n      host: 127.0.0.1\n      port: 1\n      user: postgres\n',
    );
    await expect(
      preflight(['node', 'backend', '--config', file]),
    ).rejects.toThrow(
      /^PostgreSQL at 127\.0\.0\.1:1 is unreachable \(ECONNREFUSED.*Check backend\.database\.connection/,
    );
  });

  it('fails naming a catalog file location that does not exist', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'preflight-'));
    const file = path.join(dir, 'app-config.yaml');
    // the location production had: it only fits a container's layout
    fs.writeFileSync(
      file,
      'catalog:\n  locations:\n    - type: file\n      target: ./catalog-info.yaml\n',
    );
    // resolved against the working directory, which differs between a
    // package run (packages/backend) and a repo run (the root, which has one)
    const cwd = jest.spyOn(process, 'cwd').mockReturnValue(dir);
    try {
      await expect(
        preflight(['node', 'backend', '--config', file]),
      ).rejects.toThrow(
        /^Catalog location \.\/catalog-info\.yaml does not exist/,
      );
    } finally {
      cwd.mockRestore();
    }
  });

  it("passes against this machine's PostgreSQL", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'preflight-'));
    const file = path.join(dir, 'app-config.yaml');
    fs.writeFileSync(
      file,
      'backend:\n  database:\n    client: pg\n    connection:\n      host: 127.0.0.1\n      port: 5432\n      user: postgres\n',
    );
    await expect(
      preflight(['node', 'backend', '--config', file]),
    ).resolves.toBeUndefined();
  });
});
