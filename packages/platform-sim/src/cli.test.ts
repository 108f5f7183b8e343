import { parseArgs } from './cli';

describe('parseArgs', () => {
  it('reads every option, with defaults for the rest', () => {
    expect(
      parseArgs([
        '--scenario',
        'large',
        '--port=7443',
        '--kubeconfig-out',
        '/tmp/kc',
        '--ca-out',
        '/tmp/ca.crt',
        '--tls-dir',
        '/tmp/tls',
        '--rules',
        '/tmp/rules',
        '--alertmanager-config=/tmp/am.yml',
        '--prometheus-config',
        '/tmp/prom.yml',
        '--webhook',
        'http://127.0.0.1:7007/api/incidents/webhooks/alertmanager',
        '--webhook-token-file',
        '/tmp/token',
      ]),
    ).toEqual({
      scenario: 'large',
      port: 7443,
      host: '127.0.0.1',
      kubeconfigOut: '/tmp/kc',
      caOut: '/tmp/ca.crt',
      tlsDir: '/tmp/tls',
      rules: '/tmp/rules',
      alertmanagerConfig: '/tmp/am.yml',
      prometheusConfig: '/tmp/prom.yml',
      webhook: 'http://127.0.0.1:7007/api/incidents/webhooks/alertmanager',
      webhookTokenFile: '/tmp/token',
      timeScale: 1,
      help: false,
    });
  });

  it('rejects unknown flags and bad numbers with a message', () => {
    expect(() => parseArgs(['--bogus'])).toThrow('unknown argument --bogus');
    expect(() => parseArgs(['--port', 'x'])).toThrow(
      '--port: "x" is not a non-negative number',
    );
    expect(() => parseArgs(['--scenario'])).toThrow('--scenario needs a value');
    expect(() => parseArgs(['--webhook-token-file', '/tmp/token'])).toThrow(
      '--webhook-token-file needs --webhook',
    );
  });
});
