import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import path from 'node:path';
import request from 'supertest';
import { backupsPlugin } from './plugin';
import { TEST_DATABASE_POLICY } from './testing/testPolicies';

// eslint-disable-next-line no-restricted-syntax
const fixture = path.resolve(
  __dirname,
  '../../backups-common/src/pgbackrest/__fixtures__/info-2.45.json',
);

describe('backups plugin routes', () => {
  const publish = jest.fn(async () => {});
  let server: any;
  const auth = { Authorization: mockCredentials.user.header() };

  beforeAll(async () => {
    ({ server } = await startTestBackend({
      features: [
        backupsPlugin,
        createServiceFactory({
          service: signalsServiceRef,
          deps: {},
          factory: () => ({ publish }),
        }),
        mockServices.rootConfig.factory({
          data: {
            backups: {
              policies: { 'test-db': TEST_DATABASE_POLICY },
              pgbackrest: [
                {
                  name: 'fixture',
                  file: fixture,
                  stanzas: [
                    {
                      target: 'trading-db',
                      stanza: 'trading-db',
                      policy: 'test-db',
                    },
                  ],
                },
                {
                  name: 'broken',
                  command: ['false'],
                  stanzas: [{ target: 'orders-db' }],
                },
              ],
            },
          },
        }),
      ],
    }));
    // the refresh task runs at start-up
    const deadline = Date.now() + 20_000;
    while (
      (await request(server).get('/api/backups/targets').set(auth)).body
        .length !== 2
    ) {
      if (Date.now() > deadline) throw new Error('no refresh');
      await new Promise(r => setTimeout(r, 100));
    }
  });

  it('lists every target with its status and violations, a failing source included', async () => {
    const res = await request(server).get('/api/backups/targets').set(auth);
    expect(res.status).toBe(200);
    expect(res.body.map((t: any) => t.name)).toEqual([
      'orders-db',
      'trading-db',
    ]);
    const orders = res.body[0];
    expect(orders).toMatchObject({
      status: 'critical',
      provider: { type: 'pgbackrest', name: 'broken' },
    });
    expect(
      orders.violations.find((v: any) => v.code === 'REPOSITORY_ERROR').message,
    ).toMatch(/: pgBackRest source 'broken': false exited with code 1$/);
    const trading = res.body[1];
    expect(trading.backupCount).toBeGreaterThan(0);
    expect(trading.nextDue.full).toEqual(expect.any(String));
    // the status of every target changed from nothing: announced once
    expect(publish).toHaveBeenCalledWith(
      expect.objectContaining({
        channel: 'backups',
        message: {
          type: 'backups-changed',
          targets: expect.arrayContaining(['orders-db', 'trading-db']),
        },
      }),
    );
  });

  it('serialises the list once per round: an ETag, 304 while unchanged', async () => {
    const first = await request(server).get('/api/backups/targets').set(auth);
    const etag = first.headers.etag;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await request(server)
      .get('/api/backups/targets')
      .set({ ...auth, 'If-None-Match': etag });
    expect(again.status).toBe(304);
    // a filter is its own answer (no target is ok here)
    const ok = await request(server)
      .get('/api/backups/targets?status=ok')
      .set(auth);
    expect(ok.body).toEqual([]);
    expect(ok.headers.etag).not.toBe(etag);
  });

  it('filters by status', async () => {
    const res = await request(server)
      .get('/api/backups/targets?status=critical')
      .set(auth);
    expect(res.body.every((t: any) => t.status === 'critical')).toBe(true);
    expect(res.body.map((t: any) => t.name)).toContain('orders-db');
  });

  it('answers one target and its backups, newest first', async () => {
    const one = await request(server)
      .get('/api/backups/targets/trading-db')
      .set(auth);
    expect(one.status).toBe(200);
    expect(one.body.name).toBe('trading-db');
    const backups = await request(server)
      .get('/api/backups/targets/trading-db/backups')
      .set(auth);
    expect(backups.status).toBe(200);
    expect(backups.body.length).toBe(one.body.backupCount);
    const starts = backups.body.map((b: any) => Date.parse(b.startedAt));
    expect(starts).toEqual([...starts].sort((a, b) => b - a));
  });

  it('answers the policies with their own findings', async () => {
    const res = await request(server).get('/api/backups/policy').set(auth);
    expect(res.status).toBe(200);
    const seeds = res.body.find(
      (p: any) => p.policy.name === 'cluster-snapshots',
    );
    expect(seeds.findings.map((f: any) => f.code)).toContain(
      'POLICY_INCONSISTENT',
    );
    expect(
      res.body.find((p: any) => p.policy.name === 'test-db').findings,
    ).toEqual([]);
  });

  it.each([
    ['/api/backups/targets'],
    ['/api/backups/targets/trading-db'],
    ['/api/backups/targets/trading-db/backups'],
    ['/api/backups/policy'],
  ])('401 without credentials: %s', async url => {
    expect(
      (
        await request(server)
          .get(url)
          .set({ Authorization: mockCredentials.none.header() })
      ).status,
    ).toBe(401);
  });

  it.each([
    ['/api/backups/targets/nope', /No backup target 'nope'/],
    ['/api/backups/targets/nope/backups', /No backup target 'nope'/],
  ])('404 for an unknown target: %s', async (url, message) => {
    const res = await request(server).get(url).set(auth);
    expect(res.status).toBe(404);
    expect(res.body.error.message).toMatch(message);
  });

  it.each([
    ['/api/backups/targets?foo=1', /foo/],
    ['/api/backups/targets?status=broken', /status/],
    ['/api/backups/targets/trading-db?x=1', /x/],
    ['/api/backups/targets/trading-db/backups?limit=5', /limit/],
    ['/api/backups/policy?name=a', /name/],
    ['/api/backups/targets/Trading_DB', /target name/],
  ])('400 on bad input: %s', async (url, message) => {
    const res = await request(server).get(url).set(auth);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });
});
