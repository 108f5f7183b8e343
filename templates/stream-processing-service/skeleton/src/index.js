// ${{ values.name }}: processes market data streams.
// HTTP on 8080 (/healthz, /readyz), Prometheus metrics on 9090.
const http = require('node:http');
const client = require('prom-client');

const SERVICE = '${{ values.name }}';
const register = new client.Registry();
register.setDefaultLabels({ service: SERVICE });
client.collectDefaultMetrics({ register });
const requests = new client.Counter({
  name: 'http_requests_total',
  help: 'HTTP requests by path and status',
  labelNames: ['path', 'status'],
  registers: [register],
});

let ready = false;

function send(res, status, body) {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

const app = http.createServer((req, res) => {
  res.on('finish', () => requests.inc({ path: req.url, status: res.statusCode }));
  if (req.url === '/healthz') return send(res, 200, { status: 'ok' });
  if (req.url === '/readyz') {
    return send(res, ready ? 200 : 503, { ready });
  }
  return send(res, 404, { error: 'not found' });
});

const metrics = http.createServer(async (req, res) => {
  if (req.url !== '/metrics') {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'Content-Type': register.contentType });
  res.end(await register.metrics());
});

app.listen(Number(process.env.PORT ?? 8080), () => {
  ready = true;
});
metrics.listen(Number(process.env.METRICS_PORT ?? 9090));

function shutdown() {
  ready = false;
  app.close(() => metrics.close(() => process.exit(0)));
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
