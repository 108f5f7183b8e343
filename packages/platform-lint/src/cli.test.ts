/* End to end: the bin spawned as CI would run it, on fixture files. */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const bin = path.join(root, 'bin/platform-lint');
const tradingApi = path.resolve(
  root,
  '../../plugins/manifests-common/fixtures/trading-api.yaml',
);
const fixture = (p: string) => path.join('test-fixtures', p);

function run(
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise(resolve => {
    execFile(
      process.execPath,
      [bin, ...args],
      { cwd: root },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
      },
    );
  });
}

jest.setTimeout(60_000);

describe('platform-lint', () => {
  it('prints each finding of the documented trading-api manifests with rule, object, line and fix, and exits 1', async () => {
    const { code, stdout, stderr } = await run([tradingApi]);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const headers = stdout
      .split('\n')
      .filter(l => /^\S+:\d+ (error|warning) /.test(l));
    expect(headers.map(h => h.replace(/^.*trading-api\.yaml:/, ''))).toEqual([
      '68 error HPA_AND_VPA_ON_CPU VerticalPodAutoscaler/trading-api-vpa',
      '29 error NETWORK_POLICY_EGRESS_BLOCKED NetworkPolicy/api-network-policy',
      '4 error RUNS_AS_ROOT Deployment/trading-api',
      '4 warning NODE_POOL_UNSET Deployment/trading-api',
      '4 warning PROBES_MISSING Deployment/trading-api',
      '4 warning SERVICE_ACCOUNT_DEFAULT Deployment/trading-api',
      '4 warning METRICS_NOT_SCRAPED Deployment/trading-api',
    ]);
    expect(stdout.match(/^ {2}fix: .+$/gm)).toHaveLength(7);
    expect(stdout.trimEnd().split('\n').pop()).toBe(
      '7 findings: 3 errors, 4 warnings',
    );
  });

  it('prints what the manifests-common README shows for that run', async () => {
    const readme = fs.readFileSync(
      path.resolve(root, '../../plugins/manifests-common/README.md'),
      'utf8',
    );
    const shown = readme
      .split(
        '$ packages/platform-lint/bin/platform-lint plugins/manifests-common/fixtures/trading-api.yaml\n',
      )[1]
      .split('$ echo $?')[0];
    const { stdout } = await run([tradingApi]);
    expect(
      stdout.replaceAll(
        tradingApi,
        'plugins/manifests-common/fixtures/trading-api.yaml',
      ),
    ).toBe(shown);
  });

  it('prints json for machines', async () => {
    const { code, stdout } = await run(['--format', 'json', tradingApi]);
    expect(code).toBe(1);
    const out = JSON.parse(stdout);
    expect(out.errors).toBe(3);
    expect(out.warnings).toBe(4);
    expect(out.findings[0]).toEqual({
      ruleId: 'HPA_AND_VPA_ON_CPU',
      severity: 'error',
      object: { kind: 'VerticalPodAutoscaler', name: 'trading-api-vpa' },
      message: expect.stringContaining('HPA trading-api-hpa scales on CPU'),
      fix: expect.stringContaining('controlledResources'),
      file: tradingApi,
      line: 68,
    });
  });

  it('reads directories recursively (*.yaml, *.yml) and lints their objects as one set: a clean service exits 0', async () => {
    const { code, stdout } = await run([fixture('service')]);
    expect([code, stdout]).toEqual([0, 'no findings\n']);
  });

  it('exits 1 on an error finding in a multi-document set split across files', async () => {
    const { code, stdout } = await run([
      fixture('service'),
      fixture('gpu-on-general.yaml'),
    ]);
    expect(code).toBe(1);
    expect(stdout).toContain(
      'test-fixtures/gpu-on-general.yaml:2 error GPU_OUTSIDE_GPU_POOL Deployment/dev/scorer',
    );
  });

  it('exits 0 with warnings only', async () => {
    const { code, stdout } = await run([fixture('warnings-only.yaml')]);
    expect(code).toBe(0);
    expect(stdout.trimEnd().split('\n').pop()).toBe(
      '3 findings: 0 errors, 3 warnings',
    );
  });

  it('takes the pools from --pools', async () => {
    const defaults = await run([fixture('service')]);
    expect(defaults.code).toBe(0);
    const noGpuPool = await run([
      '--pools',
      fixture('pools.yaml'),
      fixture('gpu-on-general.yaml'),
    ]);
    expect(noGpuPool.stdout).toContain(
      'the pods select pool general: no pool has GPUs',
    );
    const noDataProcessing = await run([
      '--pools',
      fixture('pools.yaml'),
      fixture('warnings-only.yaml'),
    ]);
    expect(noDataProcessing.code).toBe(1);
    expect(noDataProcessing.stdout).toContain(
      'error NODE_POOL_UNKNOWN Deployment/dev/enricher',
    );
  });

  it('refuses bad YAML in a directory with the file and line, exit 2', async () => {
    // written here: a broken YAML file in the repository would fail the repository's prettier check
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'platform-lint-'));
    const broken = path.join(dir, 'broken.yaml');
    fs.writeFileSync(
      broken,
      'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ok\n---\nkind: Deployment\nmetadata: {name: broken\n',
    );
    try {
      const { code, stdout, stderr } = await run([dir]);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(
        new RegExp(`^platform-lint: ${broken}: line 8: .+\n$`),
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a missing path, no path, a bad option and a bad --pools file, exit 2', async () => {
    const missing = await run(['nothing-here']);
    expect([missing.code, missing.stderr]).toEqual([
      2,
      'platform-lint: nothing-here: no such file or directory\n',
    ]);
    const none = await run([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Usage: platform-lint');
    const format = await run(['--format', 'xml', tradingApi]);
    expect([format.code, format.stderr]).toEqual([
      2,
      "platform-lint: --format must be text or json, not 'xml'\n",
    ]);
    const pools = await run([
      '--pools',
      fixture('gpu-on-general.yaml'),
      tradingApi,
    ]);
    expect(pools.code).toBe(2);
    expect(pools.stderr).toMatch(
      /^platform-lint: test-fixtures\/gpu-on-general\.yaml: node pools: /,
    );
  });
});
