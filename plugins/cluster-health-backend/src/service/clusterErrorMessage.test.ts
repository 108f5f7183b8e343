import { clusterErrorMessage } from './clusterErrorMessage';

describe('clusterErrorMessage', () => {
  it('names the cluster, never the API server or the raw error', () => {
    const raw = '10.0.0.12:6443: nodes: connect ECONNREFUSED 10.0.0.12:6443';
    const message = clusterErrorMessage({ name: 'fdp-cluster', error: raw });
    expect(message).toBe(
      "cluster 'fdp-cluster': watch failing (details in the backend log)",
    );
    expect(message).not.toMatch(/10\.0\.0\.12|6443|ECONNREFUSED/);
  });

  it('says when the cluster is not watched at all', () => {
    expect(
      clusterErrorMessage({
        name: 'dr-us',
        watched: false,
        error: "not watched: authProvider 'aws' is not supported by the cache",
      }),
    ).toBe(
      "cluster 'dr-us' is not watched: the portal cannot use its configured credentials (details in the backend log)",
    );
  });

  it('is nothing for a cluster without an error', () => {
    expect(clusterErrorMessage({ name: 'fdp-cluster' })).toBeUndefined();
  });
});
