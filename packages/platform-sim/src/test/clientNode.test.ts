import * as k8s from '@kubernetes/client-node';
import { startSimulator, RunningSimulator } from '../simulator';
import { waitFor } from '../testing/waitFor';

describe('@kubernetes/client-node against the simulator', () => {
  let sim: RunningSimulator;
  let kc: k8s.KubeConfig;
  let core: k8s.CoreV1Api;

  beforeAll(async () => {
    sim = await startSimulator({
      scenario: 'default',
      clock: 'manual',
      bookmarkIntervalMs: 200,
    });
    kc = new k8s.KubeConfig();
    kc.loadFromString(sim.kubeconfig);
    core = kc.makeApiClient(k8s.CoreV1Api);
  });
  afterAll(() => sim.stop());

  it('lists nodes with label selectors', async () => {
    const all = await core.listNode();
    expect(all.items).toHaveLength(7);
    expect(Number(all.metadata?.resourceVersion)).toBeGreaterThan(0);
    const general = await core.listNode({ labelSelector: 'role=general' });
    expect(general.items.map(n => n.metadata?.name).sort()).toEqual([
      'general-1',
      'general-2',
      'general-3',
    ]);
    const notGeneral = await core.listNode({
      labelSelector: 'role notin (general),eks.amazonaws.com/nodegroup',
    });
    expect(notGeneral.items).toHaveLength(4);
    const gpu = await core.listNode({
      labelSelector: 'role in (ai-inference)',
    });
    expect(
      gpu.items.every(n => n.status?.allocatable?.['nvidia.com/gpu'] === '1'),
    ).toBe(true);
    expect(gpu.items[0].spec?.taints).toEqual([
      { key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' },
    ]);
  });

  it('lists pods across namespaces with label and field selectors', async () => {
    const pods = await core.listPodForAllNamespaces({
      labelSelector: 'app=trading-api,backstage.io/kubernetes-id=trading-api',
    });
    expect(pods.items).toHaveLength(3);
    for (const p of pods.items) {
      expect(p.metadata?.namespace).toBe('trading');
      expect(p.metadata?.labels?.['pod-template-hash']).toBeTruthy();
      expect(p.metadata?.ownerReferences?.[0].kind).toBe('ReplicaSet');
      expect(p.status?.phase).toBe('Running');
      expect(p.spec?.nodeName).toMatch(/^general-/);
      expect(p.status?.podIP).toMatch(/^10\./);
      expect(p.status?.conditions?.find(c => c.type === 'Ready')?.status).toBe(
        'True',
      );
    }
    const node = pods.items[0].spec!.nodeName!;
    const onNode = await core.listPodForAllNamespaces({
      fieldSelector: `spec.nodeName=${node}`,
    });
    expect(onNode.items.length).toBeGreaterThan(0);
    expect(onNode.items.every(p => p.spec?.nodeName === node)).toBe(true);
    const running = await core.listNamespacedPod({
      namespace: 'trading',
      fieldSelector: 'status.phase=Running,metadata.namespace=trading',
    });
    expect(running.items.length).toBe(5);
  });

  it('paginates with limit and continue', async () => {
    const all = await core.listPodForAllNamespaces();
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    const remaining: [number | undefined, number][] = [];
    do {
      const page = await core.listPodForAllNamespaces({
        limit: 7,
        _continue: token,
      });
      expect(page.items.length).toBeLessThanOrEqual(7);
      seen.push(
        ...page.items.map(p => `${p.metadata?.namespace}/${p.metadata?.name}`),
      );
      token = page.metadata?._continue;
      if (token)
        remaining.push([
          page.metadata?.remainingItemCount,
          all.items.length - seen.length,
        ]);
      pages++;
    } while (token);
    expect(pages).toBe(Math.ceil(all.items.length / 7));
    for (const [got, want] of remaining) expect(got).toBe(want);
    expect(remaining).toHaveLength(pages - 1);
    expect(seen).toEqual(
      all.items.map(p => `${p.metadata?.namespace}/${p.metadata?.name}`),
    );
  });

  it("serves continuations at the first page's resourceVersion and expires them after compaction", async () => {
    const first = await core.listPodForAllNamespaces({ limit: 2 });
    const rv = first.metadata!.resourceVersion!;
    await core.createNamespacedConfigMap({
      namespace: 'default',
      body: { metadata: { name: 'page-rv-probe' } },
    });
    const second = await core.listPodForAllNamespaces({
      limit: 2,
      _continue: first.metadata!._continue,
    });
    expect(second.metadata!.resourceVersion).toBe(rv);
    const third = await core.listPodForAllNamespaces({ limit: 2 });
    expect(Number(third.metadata!.resourceVersion)).toBeGreaterThan(Number(rv));

    // history compacted past the token's version: the continuation expired
    await core.deleteNamespacedConfigMap({
      name: 'page-rv-probe',
      namespace: 'default',
    });
    sim.sim.store.compact();
    await expect(
      core.listPodForAllNamespaces({
        limit: 2,
        _continue: third.metadata!._continue,
      }),
    ).rejects.toMatchObject({ code: 410 });
  });

  it('watches ADDED, MODIFIED and DELETED events and resumes from a resourceVersion', async () => {
    const list = await core.listNamespacedConfigMap({ namespace: 'dev' });
    const rv = list.metadata!.resourceVersion!;
    const events: string[] = [];
    const watch = new k8s.Watch(kc);
    let resolveDone: () => void;
    const gotAll = new Promise<void>(r => (resolveDone = r));
    const ctrl = await watch.watch(
      '/api/v1/namespaces/dev/configmaps',
      { resourceVersion: rv, allowWatchBookmarks: true },
      (type, obj) => {
        if (type === 'BOOKMARK') return;
        events.push(`${type} ${obj.metadata.name} ${obj.data?.k ?? ''}`);
        if (type === 'DELETED') resolveDone();
      },
      () => undefined,
    );
    await core.createNamespacedConfigMap({
      namespace: 'dev',
      body: { metadata: { name: 'w1' }, data: { k: 'a' } },
    });
    await core.patchNamespacedConfigMap(
      { namespace: 'dev', name: 'w1', body: { data: { k: 'b' } } },
      k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch),
    );
    await core.deleteNamespacedConfigMap({ namespace: 'dev', name: 'w1' });
    await gotAll;
    ctrl.abort();
    expect(events).toEqual(['ADDED w1 a', 'MODIFIED w1 b', 'DELETED w1 b']);

    // resume from the list's resourceVersion: the same three events are replayed
    const replay: string[] = [];
    const ctrl2 = await watch.watch(
      '/api/v1/namespaces/dev/configmaps',
      { resourceVersion: rv },
      type => replay.push(type),
      () => undefined,
    );
    await waitFor(() => replay.length >= 3);
    ctrl2.abort();
    expect(replay).toEqual(['ADDED', 'MODIFIED', 'DELETED']);
  });

  it('answers a too-old resourceVersion with a 410 ERROR event', async () => {
    const watch = new k8s.Watch(kc);
    const seen: any[] = [];
    let ended = false;
    await watch.watch(
      '/api/v1/pods',
      { resourceVersion: '1' },
      (type, obj) => seen.push({ type, obj }),
      () => {
        ended = true;
      },
    );
    await waitFor(() => ended);
    expect(seen).toHaveLength(1);
    expect(seen[0].type).toBe('ERROR');
    expect(seen[0].obj).toMatchObject({
      kind: 'Status',
      code: 410,
      reason: 'Expired',
    });
  });

  it('keeps an informer cache in step with changes', async () => {
    const informer = k8s.makeInformer(
      kc,
      '/api/v1/namespaces/staging/configmaps',
      () => core.listNamespacedConfigMap({ namespace: 'staging' }),
    );
    const added: string[] = [];
    const deleted: string[] = [];
    informer.on('add', o => added.push(o.metadata!.name!));
    informer.on('delete', o => deleted.push(o.metadata!.name!));
    informer.on('error', () => undefined);
    await informer.start();
    await core.createNamespacedConfigMap({
      namespace: 'staging',
      body: { metadata: { name: 'inf-1' } },
    });
    await waitFor(() => added.includes('inf-1'));
    await core.deleteNamespacedConfigMap({
      namespace: 'staging',
      name: 'inf-1',
    });
    await waitFor(() => deleted.includes('inf-1'));
    expect(informer.list().map(o => o.metadata?.name)).not.toContain('inf-1');
    await informer.stop();
  });

  it('server-side applies (create, update) and deletes a Deployment', async () => {
    const client = k8s.KubernetesObjectApi.makeApiClient(kc);
    const spec = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: {
        name: 'ssa-demo',
        namespace: 'dev',
        labels: { app: 'ssa-demo' },
      },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'ssa-demo' } },
        template: {
          metadata: { labels: { app: 'ssa-demo' } },
          spec: {
            nodeSelector: { role: 'general' },
            containers: [
              {
                name: 'app',
                image: 'demo:1',
                resources: { requests: { cpu: '100m', memory: '64Mi' } },
              },
            ],
          },
        },
      },
    };
    const created: any = await client.patch(
      spec,
      undefined,
      undefined,
      'portal-test',
      false,
      k8s.PatchStrategy.ServerSideApply,
    );
    expect(created.metadata.managedFields).toEqual([
      expect.objectContaining({ manager: 'portal-test', operation: 'Apply' }),
    ]);
    expect(created.metadata.generation).toBe(1);
    const apps = kc.makeApiClient(k8s.AppsV1Api);
    expect(
      (
        await core.listNamespacedPod({
          namespace: 'dev',
          labelSelector: 'app=ssa-demo',
        })
      ).items,
    ).toHaveLength(2);

    const updated: any = await client.patch(
      {
        ...spec,
        spec: {
          ...spec.spec,
          replicas: 4,
          template: {
            ...spec.spec.template,
            spec: {
              ...spec.spec.template.spec,
              containers: [
                { ...spec.spec.template.spec.containers[0], image: 'demo:2' },
              ],
            },
          },
        },
      },
      undefined,
      undefined,
      'portal-test',
      false,
      k8s.PatchStrategy.ServerSideApply,
    );
    expect(updated.metadata.generation).toBe(2);
    const d = await apps.readNamespacedDeployment({
      namespace: 'dev',
      name: 'ssa-demo',
    });
    expect(d.spec?.replicas).toBe(4);
    expect(d.status?.readyReplicas).toBe(4);
    const pods = await core.listNamespacedPod({
      namespace: 'dev',
      labelSelector: 'app=ssa-demo',
    });
    expect(pods.items).toHaveLength(4);
    expect(
      pods.items.every(p => p.spec?.containers[0].image === 'demo:2'),
    ).toBe(true);

    // another manager changing an owned field conflicts unless forced
    await expect(
      client.patch(
        { ...spec, spec: { ...spec.spec, replicas: 1 } },
        undefined,
        undefined,
        'someone-else',
        false,
        k8s.PatchStrategy.ServerSideApply,
      ),
    ).rejects.toMatchObject({ code: 409 });
    const forced: any = await client.patch(
      { ...spec, spec: { ...spec.spec, replicas: 1 } },
      undefined,
      undefined,
      'someone-else',
      true,
      k8s.PatchStrategy.ServerSideApply,
    );
    expect(forced.spec.replicas).toBe(1);

    await apps.deleteNamespacedDeployment({
      namespace: 'dev',
      name: 'ssa-demo',
    });
    await expect(
      apps.readNamespacedDeployment({ namespace: 'dev', name: 'ssa-demo' }),
    ).rejects.toMatchObject({ code: 404 });
    expect(
      (
        await core.listNamespacedPod({
          namespace: 'dev',
          labelSelector: 'app=ssa-demo',
        })
      ).items,
    ).toHaveLength(0);
    expect(
      (await apps.listNamespacedReplicaSet({ namespace: 'dev' })).items,
    ).toHaveLength(0);
  });

  it('keeps a Service clusterIP when a server-side apply does not name it', async () => {
    const objects = k8s.KubernetesObjectApi.makeApiClient(kc);
    const service = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'kept-ip', namespace: 'dev' },
      spec: { selector: { app: 'kept-ip' }, ports: [{ port: 8080 }] },
    };
    const apply = () =>
      objects.patch(
        service,
        undefined,
        undefined,
        'test',
        false,
        k8s.PatchStrategy.ServerSideApply,
      );
    const first = (await apply()) as k8s.V1Service;
    const second = (await apply()) as k8s.V1Service;
    expect(second.spec?.clusterIP).toBe(first.spec?.clusterIP);
    expect(second.metadata?.generation).toBe(first.metadata?.generation);
  });

  it('serves node and pod metrics', async () => {
    const metrics = new k8s.Metrics(kc);
    const nodes = await metrics.getNodeMetrics();
    expect(nodes.items).toHaveLength(7);
    for (const n of nodes.items) {
      expect(n.usage.cpu).toMatch(/^\d+n$/);
      expect(n.usage.memory).toMatch(/^\d+Ki$/);
    }
    const pods = await metrics.getPodMetrics('trading');
    expect(pods.items.length).toBe(5);
    const api = pods.items.find(p =>
      p.metadata.name.startsWith('trading-api-'),
    )!;
    const cpuNano = Number(api.containers[0].usage.cpu.replace('n', ''));
    // 50% of a 1-CPU request, ± jitter
    expect(cpuNano / 1e9).toBeGreaterThan(0.4);
    expect(cpuNano / 1e9).toBeLessThan(0.6);
  });
});
