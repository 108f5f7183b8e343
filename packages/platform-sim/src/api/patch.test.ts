import { mergePatch, strategicMergePatch } from './patch';
import { applyJsonPatch } from './jsonPatch';
import { fieldSetOf, findConflicts, leafPaths } from './managedFields';

describe('patches', () => {
  const deploy = {
    metadata: { name: 'd', labels: { a: '1', b: '2' } },
    spec: {
      replicas: 3,
      template: {
        spec: {
          containers: [
            { name: 'app', image: 'x:1', env: [{ name: 'A', value: '1' }] },
            { name: 'side', image: 's:1' },
          ],
        },
      },
    },
  };

  it('merge patch replaces lists and deletes nulls', () => {
    const r = mergePatch(deploy, {
      metadata: { labels: { b: null, c: '3' } },
      spec: {
        template: { spec: { containers: [{ name: 'app', image: 'x:2' }] } },
      },
    });
    expect(r.metadata.labels).toEqual({ a: '1', c: '3' });
    expect(r.spec.template.spec.containers).toEqual([
      { name: 'app', image: 'x:2' },
    ]);
    expect(deploy.metadata.labels.b).toBe('2');
  });

  it('strategic merge patch merges containers by name and understands directives', () => {
    const r = strategicMergePatch(deploy, {
      spec: {
        template: {
          spec: {
            '$setElementOrder/containers': [{ name: 'app' }],
            containers: [
              { name: 'app', image: 'x:2', env: [{ name: 'B', value: '2' }] },
              { name: 'side', $patch: 'delete' },
            ],
          },
        },
      },
    });
    expect(r.spec.template.spec.containers).toEqual([
      {
        name: 'app',
        image: 'x:2',
        env: [
          { name: 'A', value: '1' },
          { name: 'B', value: '2' },
        ],
      },
    ]);
  });

  it('json patch applies RFC 6902 operations', () => {
    const r = applyJsonPatch(deploy, [
      { op: 'replace', path: '/spec/replicas', value: 5 },
      { op: 'add', path: '/metadata/labels/c', value: '3' },
      { op: 'remove', path: '/metadata/labels/a' },
      { op: 'test', path: '/spec/replicas', value: 5 },
    ]);
    expect(r.spec.replicas).toBe(5);
    expect(r.metadata.labels).toEqual({ b: '2', c: '3' });
    expect(() =>
      applyJsonPatch(deploy, [
        { op: 'test', path: '/spec/replicas', value: 9 },
      ]),
    ).toThrow(/test failed/);
  });

  it('json patch moves and copies, appends with "-", and leaves the input alone', () => {
    const r = applyJsonPatch(deploy, [
      { op: 'copy', from: '/metadata/labels/a', path: '/metadata/labels/z' },
      { op: 'move', from: '/metadata/labels/b', path: '/metadata/labels/y' },
      {
        op: 'add',
        path: '/spec/template/spec/containers/-',
        value: { name: 'third', image: 't:1' },
      },
    ]);
    expect(r.metadata.labels).toEqual({ a: '1', z: '1', y: '2' });
    expect(r.spec.template.spec.containers.map((c: any) => c.name)).toEqual([
      'app',
      'side',
      'third',
    ]);
    expect(deploy.metadata.labels).toEqual({ a: '1', b: '2' });
    expect(deploy.spec.template.spec.containers).toHaveLength(2);
  });

  it.each([
    [
      { op: 'add', path: '/nope/x', value: 1 },
      'json patch add: path /nope/x does not exist',
    ],
    [
      { op: 'remove', path: '/metadata/nope' },
      'json patch remove: path /metadata/nope does not exist',
    ],
    [
      { op: 'add', path: '/spec/template/spec/containers/7', value: {} },
      'json patch: index 7 out of range',
    ],
    [
      { op: 'move', from: '/nope', path: '/x' },
      'json patch move: path /nope does not exist',
    ],
    [{ op: 'frobnicate', path: '/x' }, 'json patch: unknown op "frobnicate"'],
    [{ op: 'add', path: 'spec', value: 1 }, 'invalid JSON pointer "spec"'],
    [{ value: 1 }, 'json patch operations need "op" and "path"'],
    [
      { op: 'test', path: '/spec/replicas', value: 4 },
      'json patch test failed at /spec/replicas',
    ],
  ])('json patch %j is a BadRequest: %s', (op, message) => {
    let error: any;
    try {
      applyJsonPatch(deploy, [op]);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 400, reason: 'BadRequest', message });
  });
});

describe('managed fields', () => {
  it('builds FieldsV1 with keyed list items and finds conflicts', () => {
    const set = fieldSetOf({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd', labels: { a: '1' } },
      spec: {
        replicas: 2,
        template: { spec: { containers: [{ name: 'app', image: 'x' }] } },
      },
    });
    expect(set).toEqual({
      'f:metadata': { 'f:labels': { 'f:a': {} } },
      'f:spec': {
        'f:replicas': {},
        'f:template': {
          'f:spec': {
            'f:containers': {
              'k:{"name":"app"}': { '.': {}, 'f:name': {}, 'f:image': {} },
            },
          },
        },
      },
    });
    expect(leafPaths(set)).toContainEqual(['f:spec', 'f:replicas']);
    const live = { spec: { replicas: 5 } };
    const entries = [
      {
        manager: 'hpa',
        operation: 'Update' as const,
        apiVersion: 'apps/v1',
        time: '',
        fieldsType: 'FieldsV1' as const,
        fieldsV1: { 'f:spec': { 'f:replicas': {} } },
      },
    ];
    expect(
      findConflicts(
        entries,
        'me',
        { 'f:spec': { 'f:replicas': {} } },
        { spec: { replicas: 3 } },
        live,
      ),
    ).toEqual([{ manager: 'hpa', path: '.spec.replicas' }]);
    expect(
      findConflicts(
        entries,
        'me',
        { 'f:spec': { 'f:replicas': {} } },
        { spec: { replicas: 5 } },
        live,
      ),
    ).toEqual([]);
  });
});
