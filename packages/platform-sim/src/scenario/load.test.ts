import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadScenario, parseScenario, ScenarioError } from './load';
import { startSimulator } from '../simulator';

const minimal = `
name: t
cluster: { name: c1, token: abcdefgh }
nodePools:
  - { name: general, instanceType: c5.2xlarge, count: 1, capacity: { cpu: 8, memory: 16Gi } }
`;

describe('scenario loading', () => {
  it('loads the bundled scenarios', () => {
    const d = loadScenario('default');
    expect(d.cluster.name).toBe('fdp-cluster');
    expect(
      d.nodePools.map(p => [
        p.name,
        p.instanceType,
        p.count,
        p.minSize,
        p.maxSize,
      ]),
    ).toEqual([
      ['general', 'c5.2xlarge', 3, 3, 10],
      ['ai-inference', 'g4dn.xlarge', 2, 2, 5],
      ['data-processing', 'r5.2xlarge', 2, 2, 8],
    ]);
    const l = loadScenario('large');
    expect(l.nodePools.reduce((a, p) => a + p.count, 0)).toBe(5000);
    expect(
      l.generators.reduce((a, g) => a + g.deployments * g.replicas, 0),
    ).toBe(150000);
  });

  it('names the file and the path of a bad field', () => {
    const bad = minimal.replace('count: 1', 'count: "three"');
    expect(() => parseScenario(bad, '/x/bad.yaml')).toThrow(ScenarioError);
    expect(() => parseScenario(bad, '/x/bad.yaml')).toThrow(
      /Invalid scenario \/x\/bad.yaml:\n {2}- nodePools\[0\]\.count: Expected number, received string/,
    );
  });

  it('reports unknown fields, bad events and YAML syntax errors', () => {
    expect(() => parseScenario(`${minimal}colour: red\n`, 'f.yaml')).toThrow(
      /Unrecognized key\(s\) in object: 'colour'/,
    );
    expect(() =>
      parseScenario(
        `${minimal}events:\n  - { at: 5, type: nodeCondition, condition: Ready, status: "False" }\n`,
        'f.yaml',
      ),
    ).toThrow(/events\[0\]\.node: exactly one of node or pool must be set/);
    expect(() =>
      parseScenario(
        `${minimal}events:\n  - { at: 5, type: explode }\n`,
        'f.yaml',
      ),
    ).toThrow(/events\[0\]\.type/);
    expect(() => parseScenario('name: [unclosed', 'f.yaml')).toThrow(
      /f.yaml: YAML syntax error/,
    );
    expect(() => loadScenario('/nonexistent/scenario.yaml')).toThrow(
      /Cannot read scenario \/nonexistent\/scenario.yaml/,
    );
  });

  it('rejects invalid manifests with their index', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sim-scenario-'));
    const file = path.join(dir, 's.yaml');
    fs.writeFileSync(
      file,
      `${minimal}manifests:\n  - { apiVersion: v1, kind: ConfigMap, metadata: { name: ok, namespace: default } }\n  - { apiVersion: v1, kind: Service, metadata: { name: Bad_Name, namespace: default }, spec: { ports: [{ port: 80 }] } }\n`,
    );
    await expect(
      startSimulator({ scenario: file, clock: 'manual' }),
    ).rejects.toThrow(/manifests\[1\] \(Service Bad_Name\).*metadata.name/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
