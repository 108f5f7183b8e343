/*
 * The api-service defaults against the documented trading-api manifests,
 * field by field: every difference is a fix the lint explains on the
 * documented manifests (or the one naming difference listed below).
 */
import fs from 'node:fs';
import path from 'node:path';
import { renderService } from './builders/renderService';
import { lintManifests } from './lint/lintManifests';
import { parseManifests } from './parseManifests';
import { KubeObject } from './types';

const fixture = path.resolve(__dirname, '../fixtures/trading-api.yaml');
const documented = parseManifests(fs.readFileSync(fixture, 'utf8')).map(
  d => d.object as KubeObject,
);
const generated = renderService({ name: 'trading-api', layer: 'api' });

/** Leaf paths (`a.b[0].c`) with their values. */
function leaves(value: unknown, prefix = '', out = new Map<string, unknown>()) {
  if (Array.isArray(value)) {
    value.forEach((v, i) => leaves(v, `${prefix}[${i}]`, out));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      leaves(v, prefix ? `${prefix}.${k}` : k, out);
    }
  } else {
    out.set(prefix, value);
  }
  return out;
}

/** `Kind path` of every leaf added, removed or changed from the documented objects to the generated ones. */
function diff(before: KubeObject[], after: KubeObject[]): string[] {
  const out: string[] = [];
  for (const a of after) {
    const b = before.find(o => o.kind === a.kind);
    const lb = leaves(b ?? {});
    const la = leaves(a);
    for (const key of new Set([...lb.keys(), ...la.keys()])) {
      if (lb.get(key) !== la.get(key)) {
        out.push(`${a.kind} ${key}`);
      }
    }
  }
  return out;
}

/** The fixes, by where they change the documented objects, and the rule that explains each. */
const EXPECTED: Array<{ at: string; ruleId: string | null }> = [
  {
    at: 'Deployment spec.template.metadata.annotations',
    ruleId: 'METRICS_NOT_SCRAPED',
  },
  {
    at: 'Deployment spec.template.spec.containers[0].ports',
    ruleId: 'METRICS_NOT_SCRAPED',
  },
  {
    at: 'Deployment spec.template.spec.containers[0].readinessProbe',
    ruleId: 'PROBES_MISSING',
  },
  {
    at: 'Deployment spec.template.spec.containers[0].livenessProbe',
    ruleId: 'PROBES_MISSING',
  },
  {
    at: 'Deployment spec.template.spec.securityContext',
    ruleId: 'RUNS_AS_ROOT',
  },
  {
    at: 'Deployment spec.template.spec.nodeSelector',
    ruleId: 'NODE_POOL_UNSET',
  },
  {
    at: 'Deployment spec.template.spec.serviceAccountName',
    ruleId: 'SERVICE_ACCOUNT_DEFAULT',
  },
  {
    at: 'VerticalPodAutoscaler spec.resourcePolicy',
    ruleId: 'HPA_AND_VPA_ON_CPU',
  },
  { at: 'NetworkPolicy spec.egress', ruleId: 'NETWORK_POLICY_EGRESS_BLOCKED' },
  { at: 'NetworkPolicy spec.ingress[1]', ruleId: 'METRICS_NOT_SCRAPED' },
  // one policy per service: `<name>-network-policy`, so two API services in a namespace keep theirs
  { at: 'NetworkPolicy metadata.name', ruleId: null },
];

const under = (p: string, at: string) =>
  p === at || p.startsWith(`${at}.`) || p.startsWith(`${at}[`);

/** The generated objects with one fix taken out again. */
function withoutFix(at: string): KubeObject[] {
  const [kind, where] = at.split(' ');
  const copy: KubeObject[] = JSON.parse(JSON.stringify(generated));
  const parts = where.split(/\.|(?=\[)/);
  let node: any = copy.find(o => o.kind === kind);
  for (const part of parts.slice(0, -1)) {
    node = part.startsWith('[') ? node[Number(part.slice(1, -1))] : node[part];
  }
  const last = parts[parts.length - 1];
  if (last.startsWith('[')) {
    node.splice(Number(last.slice(1, -1)), 1);
  } else {
    delete node[last];
  }
  return copy;
}

describe('api-service defaults vs the documented trading-api manifests', () => {
  const documentedFindings = lintManifests(documented);

  it('changes the four documented objects exactly where the lint has a fix', () => {
    const changes = diff(
      documented,
      generated.filter(g => documented.some(d => d.kind === g.kind)),
    );
    expect(changes.length).toBeGreaterThan(0);
    for (const change of changes) {
      expect([
        change,
        EXPECTED.filter(e => under(change, e.at)).length,
      ]).toEqual([change, 1]);
    }
    for (const e of EXPECTED) {
      expect([e.at, changes.some(c => under(c, e.at))]).toEqual([e.at, true]);
    }
  });

  it('makes exactly the fixes of the findings the lint reports on the documented manifests', () => {
    const fixed = new Set(EXPECTED.map(e => e.ruleId).filter(Boolean));
    expect([...new Set(documentedFindings.map(f => f.ruleId))].sort()).toEqual(
      [...fixed].sort(),
    );
    expect(lintManifests(generated)).toEqual([]);
  });

  it.each(EXPECTED.filter(e => e.ruleId))(
    'brings back $ruleId when the fix at $at is taken out',
    ({ at, ruleId }) => {
      expect(lintManifests(withoutFix(at)).map(f => f.ruleId)).toContain(
        ruleId,
      );
    },
  );

  it('keeps every documented value the lint has no fix for (replicas, image, resources, HPA, ingress from role: frontend on 8080)', () => {
    const d = (kind: string) => generated.find(o => o.kind === kind) as any;
    expect(d('Deployment').spec.replicas).toBe(3);
    expect(d('Deployment').spec.template.spec.containers[0].image).toBe(
      'trading-api:1.0.0',
    );
    expect(d('HorizontalPodAutoscaler')).toEqual(
      documented.find(o => o.kind === 'HorizontalPodAutoscaler'),
    );
    expect(d('NetworkPolicy').spec.ingress[0]).toEqual({
      from: [{ podSelector: { matchLabels: { role: 'frontend' } } }],
      ports: [{ protocol: 'TCP', port: 8080 }],
    });
  });

  it('adds the objects the documents leave out: ServiceAccount (SERVICE_ACCOUNT_DEFAULT), Service and PodDisruptionBudget', () => {
    expect(
      generated
        .filter(g => !documented.some(d => d.kind === g.kind))
        .map(o => o.kind),
    ).toEqual(['ServiceAccount', 'Service', 'PodDisruptionBudget']);
  });
});

describe('the trading-api fixture', () => {
  it('holds the four documented objects', () => {
    expect(documented.map(d => d.kind).sort()).toEqual([
      'Deployment',
      'HorizontalPodAutoscaler',
      'NetworkPolicy',
      'VerticalPodAutoscaler',
    ]);
  });
});
