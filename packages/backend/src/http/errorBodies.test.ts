import {
  coreServices,
  createBackendPlugin,
  createServiceFactory,
  LoggerService,
  RootLoggerService,
} from '@backstage/backend-plugin-api';
import { createBackend } from '@backstage/backend-defaults';
import { mockServices } from '@backstage/backend-test-utils';
import {
  CustomErrorBase,
  InputError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { freePort } from '../testing/backendProcess';
import { httpRouter } from './httpRouter';
import { rootHttpRouter } from './rootHttpRouter';

/** Like the alerts backend's SourceError: names the source only, 502 or 503. */
class SourceError extends CustomErrorBase {
  constructor(message: string, readonly upstreamStatus?: number) {
    super(message);
    this.name = 'SourceError';
  }
  get statusCode() {
    return this.upstreamStatus === undefined ? 503 : 502;
  }
}

/** What each route of the test plugin throws. */
const THROWS: Record<string, () => unknown> = {
  refused: () => new Error('connect ECONNREFUSED 127.0.0.1:5432'),
  input: () => new InputError('limit must be a number'),
  missing: () => new NotFoundError("No silence 'x'"),
  source: () => new SourceError("Alertmanager 'default' answered 500", 500),
  unavailable: () =>
    new ServiceUnavailableError("Alertmanager 'default' is unreachable"),
  wrapped: () =>
    new ServiceUnavailableError(
      'Events unavailable',
      new Error('read ECONNRESET 127.0.0.1:7007'),
    ),
  thrownString: () => 'select * from secrets; 127.0.0.1',
};

const throwingPlugin = createBackendPlugin({
  pluginId: 'throws',
  register(env) {
    env.registerInit({
      deps: { router: coreServices.httpRouter },
      async init({ router }) {
        router.addAuthPolicy({ path: '/', allow: 'unauthenticated' });
        router.use((req, _res, next) => next(THROWS[req.path.slice(1)]()));
      },
    });
  },
});

/** Every log line, with its meta, as one string each. */
function capturingLogger(lines: string[]): LoggerService {
  const logger = (fields: object): LoggerService => {
    const log = (level: string) => (message: string, meta?: Error | object) => {
      lines.push(
        [level, message, meta instanceof Error ? meta.message : '']
          .concat(JSON.stringify({ ...fields, ...meta }))
          .join(' '),
      );
    };
    return {
      error: log('error'),
      warn: log('warn'),
      info: log('info'),
      debug: log('debug'),
      child: more => logger({ ...fields, ...more }),
    };
  };
  return logger({});
}

const stops: Array<() => Promise<void>> = [];
afterAll(() => Promise.all(stops.map(stop => stop())));

async function start(nodeEnv: string) {
  const lines: string[] = [];
  const port = await freePort();
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = nodeEnv;
  // the real createBackend: startTestBackend has a root HTTP router of its own
  const backend = createBackend();
  backend.add(rootHttpRouter);
  backend.add(httpRouter);
  backend.add(
    mockServices.rootConfig.factory({
      data: {
        backend: {
          baseUrl: `http://127.0.0.1:${port}`,
          listen: { port, host: '127.0.0.1' },
        },
      },
    }),
  );
  backend.add(
    createServiceFactory({
      service: coreServices.rootLogger,
      deps: {},
      factory: () => capturingLogger(lines) as RootLoggerService,
    }),
  );
  backend.add(mockServices.auth.factory());
  backend.add(mockServices.httpAuth.factory());
  backend.add(throwingPlugin);
  try {
    await backend.start();
  } finally {
    process.env.NODE_ENV = previous;
  }
  stops.push(() => backend.stop());
  const get = async (route: string) => {
    const res = await fetch(`http://127.0.0.1:${port}/api/throws/${route}`);
    return { status: res.status, text: await res.text() };
  };
  return { get, lines };
}

describe('error bodies of the portal routers', () => {
  describe('outside development', () => {
    let backend: Awaited<ReturnType<typeof start>>;
    beforeAll(async () => {
      backend = await start('production');
    });

    it('answers a 500 with a log id instead of the host, and logs the error under it', async () => {
      const { status, text } = await backend.get('refused');
      expect(status).toBe(500);
      expect(text).not.toContain('127.0.0.1');
      expect(text).not.toContain('ECONNREFUSED');
      const body = JSON.parse(text);
      expect(body).toEqual({
        error: {
          name: 'Error',
          message: expect.stringMatching(
            /^Internal error; see the backend log for logId [0-9a-f-]{36}$/,
          ),
        },
        request: { method: 'GET', url: '/refused' },
        response: { statusCode: 500 },
      });
      const logId = body.error.message.split(' ').pop();
      expect(
        backend.lines.filter(
          l =>
            l.includes(logId) &&
            l.includes('connect ECONNREFUSED 127.0.0.1:5432'),
        ),
      ).toHaveLength(1);
    });

    it('keeps the messages of 4xx errors', async () => {
      expect(JSON.parse((await backend.get('input')).text)).toMatchObject({
        error: { name: 'InputError', message: 'limit must be a number' },
        response: { statusCode: 400 },
      });
      expect(JSON.parse((await backend.get('missing')).text)).toMatchObject({
        error: { name: 'NotFoundError', message: "No silence 'x'" },
        response: { statusCode: 404 },
      });
    });

    it('keeps the source-naming messages of 5xx errors written for users', async () => {
      const source = await backend.get('source');
      expect(source.status).toBe(502);
      expect(JSON.parse(source.text).error).toMatchObject({
        name: 'SourceError',
        message: "Alertmanager 'default' answered 500",
      });
      const unavailable = await backend.get('unavailable');
      expect(unavailable.status).toBe(503);
      expect(JSON.parse(unavailable.text).error.message).toBe(
        "Alertmanager 'default' is unreachable",
      );
    });

    it('hides a 5xx whose message repeats its cause, and keeps its status', async () => {
      const { status, text } = await backend.get('wrapped');
      expect(status).toBe(503);
      expect(text).not.toContain('ECONNRESET');
      expect(JSON.parse(text).error).toEqual({
        name: 'ServiceUnavailableError',
        message: expect.stringMatching(/^Internal error; see the backend log/),
      });
    });

    it('hides a thrown non-error', async () => {
      const { status, text } = await backend.get('thrownString');
      expect(status).toBe(500);
      expect(text).not.toContain('secrets');
      expect(text).not.toContain('127.0.0.1');
    });
  });

  it("keeps Backstage's error bodies in development", async () => {
    const backend = await start('development');
    const { status, text } = await backend.get('refused');
    expect(status).toBe(500);
    expect(JSON.parse(text).error.message).toBe(
      'connect ECONNREFUSED 127.0.0.1:5432',
    );
  });
});
