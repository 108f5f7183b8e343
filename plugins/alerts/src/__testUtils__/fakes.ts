import type {
  AlertsResponse,
  CreateSilenceRequest,
  RulesResponse,
  Silence,
  SilencesResponse,
} from '@fdp/plugin-alerts-common';
import { AlertsApi, AlertsQuery } from '../api';

type Result<T> = T | Error | (() => T | Promise<T>);

async function resolve<T>(value: Result<T>): Promise<T> {
  if (value instanceof Error) {
    throw value;
  }
  if (typeof value === 'function') {
    return (value as () => T | Promise<T>)();
  }
  return value;
}

/** A fake {@link AlertsApi} whose answers the test sets. */
export class FakeAlertsApi implements AlertsApi {
  alerts: Result<AlertsResponse> = {
    alerts: [],
    counts: { high: 0, medium: 0, low: 0, none: 0 },
    errors: [],
  };
  rules: Result<RulesResponse> = { rules: [], errors: [] };
  silences: Result<SilencesResponse> = { silences: [], errors: [] };
  created: Result<Silence> = new Error('createSilence not set up');
  expired: Result<void> = undefined;

  readonly getAlerts = jest.fn((_query?: AlertsQuery) => resolve(this.alerts));
  readonly getRules = jest.fn(() => resolve(this.rules));
  readonly getSilences = jest.fn(() => resolve(this.silences));
  readonly createSilence = jest.fn((_request: CreateSilenceRequest) =>
    resolve(this.created),
  );
  readonly expireSilence = jest.fn((_id: string, _source?: string) =>
    resolve(this.expired),
  );

  constructor(init?: {
    alerts?: Result<AlertsResponse>;
    rules?: Result<RulesResponse>;
    silences?: Result<SilencesResponse>;
    created?: Result<Silence>;
    expired?: Result<void>;
  }) {
    Object.assign(this, init);
  }
}
