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
        '--pgbackrest-info-out',
        '/tmp/info.json',
        '--pgbackrest-stanza',
        'main-db',
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
      pgbackrestInfoOut: '/tmp/info.json',
      pgbackrestStanza: 'main-db',
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
    expect(() => parseArgs(['--pgbackrest-stanza', 'db'])).toThrow(
      '--pgbackrest-stanza needs --pgbackrest-info-out',
    );
    expect(() => parseArgs(['--webhook-token-file', '/tmp/token'])).toThrow(
      '--webhook-token-file needs --webhook',
    );
  });
});
