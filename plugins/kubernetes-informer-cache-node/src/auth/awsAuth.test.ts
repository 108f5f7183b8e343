/**
 * authProvider aws (IAM role for service accounts on EKS) works server-side:
 * the official AwsIamStrategy presigns an STS GetCallerIdentity URL locally
 * from whatever credentials the AWS SDK finds (here the environment, as for
 * any other provider of the default chain), and the cache's requests carry
 * it as an EKS bearer token. No network: the API server is a local recorder.
 */
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { readClusters } from '../config';
import { KubeClient } from '../client/KubeClient';
import { createAuthStrategies } from './authStrategies';

describe('aws auth', () => {
  const env = { ...process.env };
  let server: http.Server;
  const seen: string[] = [];

  beforeAll(async () => {
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: 'AKIAFDPTESTKEY000001',
      AWS_SECRET_ACCESS_KEY: 'fdp-test-secret-not-real',
      AWS_REGION: 'ap-northeast-2',
    });
    delete process.env.AWS_SESSION_TOKEN;
    delete process.env.AWS_PROFILE;
    server = http.createServer((req, res) => {
      seen.push(String(req.headers.authorization));
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ kind: 'NodeList', items: [] }));
    });
    await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
  });
  afterAll(async () => {
    process.env = env;
    await new Promise(r => server.close(r));
  });

  it('sends a presigned STS token for the cluster as the bearer token', async () => {
    const config = new ConfigReader({
      kubernetes: {
        clusterLocatorMethods: [
          {
            type: 'config',
            clusters: [
              {
                name: 'fdp-eks',
                url: `http://127.0.0.1:${
                  (server.address() as AddressInfo).port
                }`,
                authProvider: 'aws',
              },
            ],
          },
        ],
      },
    });
    const [cluster] = readClusters(
      config,
      createAuthStrategies({ config, logger: mockServices.logger.mock() }),
    );
    expect(cluster.reason).toBeUndefined();
    const client = new KubeClient(cluster.url!, cluster.authenticate!);
    await expect(client.getJson('/api/v1/nodes')).resolves.toEqual({
      kind: 'NodeList',
      items: [],
    });
    client.close();

    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatch(/^Bearer k8s-aws-v1\.[A-Za-z0-9_-]+$/);
    const presigned = new URL(
      Buffer.from(
        seen[0].slice('Bearer k8s-aws-v1.'.length),
        'base64url',
      ).toString(),
    );
    expect(presigned.host).toBe('sts.ap-northeast-2.amazonaws.com');
    expect(presigned.searchParams.get('Action')).toBe('GetCallerIdentity');
    expect(presigned.searchParams.get('X-Amz-Credential')).toMatch(
      /^AKIAFDPTESTKEY000001\/\d{8}\/ap-northeast-2\/sts\/aws4_request$/,
    );
    // the cluster name is signed in, so the token is good for this cluster only
    expect(presigned.searchParams.get('X-Amz-SignedHeaders')).toBe(
      'host;x-k8s-aws-id',
    );
  });
});
