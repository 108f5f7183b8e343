import http from 'node:http';
import net from 'node:net';

/** One canned answer of a fake Prometheus/Alertmanager. */
export interface FakeAnswer {
  status?: number;
  body: unknown;
}

/**
 * A real HTTP server on a free loopback port that answers `METHOD /path`
 * from a table (404 otherwise), for tests that need a source's network
 * behaviour rather than msw's interception.
 */
export async function startFakeSource(
  answers: Record<string, FakeAnswer>,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    req.resume();
    const answer = answers[`${req.method} ${req.url}`];
    if (!answer) {
      res.writeHead(404).end('not found');
      return;
    }
    const text =
      typeof answer.body === 'string'
        ? answer.body
        : JSON.stringify(answer.body);
    res.writeHead(answer.status ?? 200, {
      'Content-Type':
        typeof answer.body === 'string' ? 'text/plain' : 'application/json',
    });
    res.end(text);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise(resolve => server.close(() => resolve())),
  };
}

/** A loopback port that nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise(resolve => server.close(resolve));
  return port;
}
