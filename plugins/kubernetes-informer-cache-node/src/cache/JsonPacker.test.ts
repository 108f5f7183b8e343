import { JsonPacker } from './JsonPacker';

const pod = (i: number) =>
  JSON.stringify({
    metadata: {
      name: `trading-api-7d9f8b6c5-${i}`,
      namespace: 'trading',
      uid: `0b5c7a3e-1f2d-4c6b-9a8e-${String(i).padStart(12, '0')}`,
      labels: { app: 'trading-api', 'pod-template-hash': '7d9f8b6c5' },
    },
    spec: {
      nodeName: `general-${i % 3}`,
      containers: [
        {
          name: 'trading-api',
          image: 'trading-api:1.0.0',
          resources: { requests: { cpu: '1', memory: '2Gi' } },
        },
      ],
    },
    status: { phase: 'Running', podIP: `10.100.0.${i}` },
  });

describe('JsonPacker', () => {
  it('round-trips JSON, non-ASCII included', () => {
    const packer = new JsonPacker();
    const texts = [
      pod(1),
      pod(2),
      JSON.stringify({ note: '서비스 상태 — ok ✓', n: [1, 2, 3] }),
      '{}',
    ];
    const packed = texts.map(t => packer.pack(t));
    expect(packed.map(p => packer.unpack(p))).toEqual(texts);
  });

  it('packs objects of one kind to a fraction of their size', () => {
    const packer = new JsonPacker();
    packer.pack(pod(0));
    const json = pod(42);
    const packed = packer.pack(json);
    expect(packed.length).toBeLessThan(json.length / 3);
    expect(packer.unpack(packed)).toBe(json);
  });
});
