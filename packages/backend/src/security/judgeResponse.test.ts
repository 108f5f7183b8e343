import { judgeResponse } from './judgeResponse';

const res = (status: number, body: string, statusMessage = '') => ({
  status,
  body,
  statusMessage,
});
const error = (message: string) => JSON.stringify({ error: { message } });
const INTERNALS = ['127.0.0.1:6443'];

describe('judgeResponse', () => {
  it('accepts a refusal with a message', () => {
    expect(
      judgeResponse(res(400, error('Invalid source')), '4xx', INTERNALS),
    ).toBeUndefined();
    expect(
      judgeResponse(res(404, 'silence not found'), '4xx', INTERNALS),
    ).toBeUndefined();
  });

  it('finds 5xx, accepted malformed input and refusals without a message', () => {
    expect(judgeResponse(res(502, error('x')), 'no-5xx', INTERNALS)).toBe(
      'status 502',
    );
    expect(judgeResponse(res(200, '{}'), '4xx', INTERNALS)).toBe(
      'status 200 (accepted malformed input)',
    );
    expect(judgeResponse(res(200, '{}'), 'no-5xx', INTERNALS)).toBeUndefined();
    expect(judgeResponse(res(400, error(' ')), '4xx', INTERNALS)).toBe(
      'status 400 without a message',
    );
    expect(judgeResponse(res(0, '', 'ECONNRESET'), '4xx', INTERNALS)).toBe(
      'no answer (ECONNRESET)',
    );
  });

  it('finds internal addresses and stack traces, whatever the status', () => {
    expect(
      judgeResponse(
        res(200, '{"errors":[{"message":"fetch https://127.0.0.1:6443/api"}]}'),
        'no-5xx',
        INTERNALS,
      ),
    ).toBe('leaks 127.0.0.1:6443');
    expect(
      judgeResponse(
        res(
          400,
          error(
            'bad\n    at parse (/app/node_modules/zod/lib/index.js:1:2)\n    at Object.<anonymous> (x.js:1:1)',
          ),
        ),
        '4xx',
        INTERNALS,
      ),
    ).toMatch(/^leaks .*node_modules/);
  });

  it("lets Node's HTTP server refuse headers past its limit", () => {
    expect(
      judgeResponse(
        res(431, '', 'Request Header Fields Too Large'),
        'header-limit',
        INTERNALS,
      ),
    ).toBeUndefined();
    expect(
      judgeResponse(res(0, '', 'ECONNRESET'), 'header-limit', INTERNALS),
    ).toBeUndefined();
    expect(judgeResponse(res(200, '{}'), 'header-limit', INTERNALS)).toBe(
      'status 200 (accepted malformed input)',
    );
  });
});
