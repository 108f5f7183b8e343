/*
 * Each template's skeleton, rendered by the scaffolder's dry run, is a
 * service that runs: health on the HTTP port, Prometheus metrics on the
 * metrics port (and, for api-service, REST and a WebSocket echo).
 */
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { renderSkeleton } from './__testUtils__/renderSkeleton';

const freePort = () =>
  new Promise<number>(resolve => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

async function eventually<T>(fn: () => Promise<T>, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      return await fn();
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await new Promise(r => setTimeout(r, 100));
    }
  }
}

describe.each([
  'collector-service',
  'stream-processing-service',
  'inference-service',
  'api-service',
])('the %s skeleton', template => {
  let dir: string;
  let child: ChildProcess;
  let http: string;
  let metrics: string;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'skeleton-'));
    const files = await renderSkeleton(template, { name: 'demo-svc' });
    for (const [file, content] of files) {
      await fs.mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await fs.writeFile(path.join(dir, file), content);
    }
    const [httpPort, metricsPort] = [await freePort(), await freePort()];
    http = `http://127.0.0.1:${httpPort}`;
    metrics = `http://127.0.0.1:${metricsPort}`;
    child = spawn(process.execPath, ['src/index.js'], {
      cwd: dir,
      env: {
        ...process.env,
        PORT: String(httpPort),
        METRICS_PORT: String(metricsPort),
        // its dependencies (prom-client, ws) as installed for this workspace
        NODE_PATH: path.resolve(require.resolve('ws'), '../..'),
      },
      stdio: 'inherit',
    });
  }, 60_000);

  afterAll(async () => {
    child?.kill('SIGTERM');
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('answers health on its HTTP port and metrics on its metrics port', async () => {
    const health = await eventually(() => fetch(`${http}/healthz`));
    expect(health.status).toBe(200);
    const ready = await eventually(async () => {
      const res = await fetch(`${http}/readyz`);
      if (res.status !== 200) throw new Error(`readyz ${res.status}`);
      return res;
    });
    expect(await ready.json()).toEqual({ ready: true });
    const text = await (await fetch(`${metrics}/metrics`)).text();
    expect(text).toMatch(
      /http_requests_total\{path="\/healthz",status="200",service="demo-svc"\} 1/,
    );
    expect(text).toContain('process_cpu_user_seconds_total');
  });

  if (template === 'api-service') {
    it('serves REST and echoes on its WebSocket', async () => {
      const res = await fetch(`${http}/api/v1/status`);
      expect(await res.json()).toEqual({ service: 'demo-svc', status: 'ok' });
      const socket = new WebSocket(`${http.replace('http', 'ws')}/ws`);
      const message = await new Promise<any>((resolve, reject) => {
        socket.on('open', () => socket.send('ping'));
        socket.on('message', data => resolve(JSON.parse(String(data))));
        socket.on('error', reject);
      });
      socket.close();
      expect(message.data).toBe('ping');
    });
  }
});
