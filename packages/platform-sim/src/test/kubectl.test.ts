import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { startSimulator, RunningSimulator } from '../simulator';
import { requireTool } from '../testing/requireTool';

const run = promisify(execFile);

// in CI a missing kubectl fails this file instead of skipping it
const kubectlPath = requireTool(
  'kubectl',
  ".ci/run installs it (>= 1.28; Debian's kubernetes-client is 1.20)",
);
const describeIfKubectl = kubectlPath ? describe : describe.skip;

describeIfKubectl('kubectl against the simulator', () => {
  let sim: RunningSimulator;
  let dir: string;
  let kubeconfig: string;
  const fixture = path.resolve(
    __dirname,
    '../../test-fixtures/trading-api.yaml',
  );

  const kubectl = async (...args: string[]) => {
    const { stdout } = await run(kubectlPath!, args, {
      env: { ...process.env, KUBECONFIG: kubeconfig },
      timeout: 30_000,
    });
    return stdout;
  };

  beforeAll(async () => {
    sim = await startSimulator({ scenario: 'default', clock: 'manual' });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'platform-sim-kubectl-'));
    kubeconfig = path.join(dir, 'kubeconfig');
    fs.writeFileSync(kubeconfig, sim.kubeconfig);
  });
  afterAll(async () => {
    await sim.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lists the seed nodes and the trading-api pods', async () => {
    const out = await kubectl('get', 'nodes,pods', '-A');
    for (const n of [
      'general-1',
      'general-2',
      'general-3',
      'ai-inference-1',
      'ai-inference-2',
      'data-processing-1',
      'data-processing-2',
    ]) {
      expect(out).toMatch(new RegExp(`node/${n}\\s+Ready`));
    }
    const apiPods = out
      .split('\n')
      .filter(l => /^trading\s+pod\/trading-api-/.test(l));
    expect(apiPods).toHaveLength(3);
    expect(apiPods.every(l => /1\/1\s+Running/.test(l))).toBe(true);
  }, 30_000);

  it('applies the documented trading-api manifests, twice', async () => {
    const first = await kubectl('apply', '-n', 'dev', '-f', fixture);
    expect(first).toContain('deployment.apps/trading-api created');
    expect(first).toContain(
      'horizontalpodautoscaler.autoscaling/trading-api-hpa created',
    );
    expect(first).toContain(
      'verticalpodautoscaler.autoscaling.k8s.io/trading-api-vpa created',
    );
    expect(first).toContain(
      'networkpolicy.networking.k8s.io/api-network-policy created',
    );
    const second = await kubectl('apply', '-n', 'dev', '-f', fixture);
    expect(second).toMatch(
      /deployment.apps\/trading-api (unchanged|configured)/,
    );
    expect(second).toContain(
      'networkpolicy.networking.k8s.io/api-network-policy unchanged',
    );
    const pods = await kubectl(
      'get',
      'pods',
      '-n',
      'dev',
      '-l',
      'app=trading-api',
      '-o',
      'name',
    );
    expect(pods.trim().split('\n')).toHaveLength(3);
    const scaled = await kubectl(
      'scale',
      'deployment',
      'trading-api',
      '-n',
      'dev',
      '--replicas=0',
    );
    expect(scaled).toContain('scaled');
    expect(
      sim.sim.store.get('deployments.apps', 'dev', 'trading-api').spec.replicas,
    ).toBe(0);
  }, 60_000);

  it('prints node metrics with kubectl top', async () => {
    const out = await kubectl('top', 'nodes');
    const rows = out.trim().split('\n').slice(1);
    expect(rows).toHaveLength(7);
    for (const r of rows)
      expect(r).toMatch(/^\S+\s+\d+m\s+\d+%\s+\d+Mi\s+\d+%/);
  }, 30_000);
});
