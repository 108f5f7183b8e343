import type {
  CreateIncidentRequest,
  Incident,
  IncidentDetailsResponse,
  IncidentListResponse,
  IncidentStats,
  LevelsResponse,
  ListIncidentsQuery,
  StatsWindow,
  TimelineEntry,
  TransitionRequest,
  UpdateIncidentRequest,
} from '@fdp/plugin-incidents-common';
import { DEFAULT_LEVELS } from '@fdp/plugin-incidents-common';
import { IncidentsApi } from '../api';

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

const notSetUp = (what: string) => new Error(`${what} not set up`);

/** A fake {@link IncidentsApi} whose answers the test sets. */
export class FakeIncidentsApi implements IncidentsApi {
  levels: Result<LevelsResponse> = { levels: DEFAULT_LEVELS };
  list: Result<IncidentListResponse> = { items: [] };
  details: Result<IncidentDetailsResponse> = notSetUp('getIncident');
  created: Result<Incident> = notSetUp('createIncident');
  updated: Result<Incident> = notSetUp('updateIncident');
  moved: Result<Incident> = notSetUp('transition');
  noted: Result<TimelineEntry> = notSetUp('addNote');
  stats: Result<IncidentStats> = notSetUp('getStats');

  readonly getLevels = jest.fn(() => resolve(this.levels));
  readonly listIncidents = jest.fn((_query?: ListIncidentsQuery) =>
    resolve(this.list),
  );
  readonly getIncident = jest.fn((_id: string) => resolve(this.details));
  readonly createIncident = jest.fn((_request: CreateIncidentRequest) =>
    resolve(this.created),
  );
  readonly updateIncident = jest.fn(
    (_id: string, _request: UpdateIncidentRequest) => resolve(this.updated),
  );
  readonly transition = jest.fn((_id: string, _request: TransitionRequest) =>
    resolve(this.moved),
  );
  readonly addNote = jest.fn((_id: string, _text: string) =>
    resolve(this.noted),
  );
  readonly getStats = jest.fn((_window: StatsWindow) => resolve(this.stats));

  constructor(
    init?: Partial<
      Pick<
        FakeIncidentsApi,
        | 'levels'
        | 'list'
        | 'details'
        | 'created'
        | 'updated'
        | 'moved'
        | 'noted'
        | 'stats'
      >
    >,
  ) {
    Object.assign(this, init);
  }
}

/** A promise that never settles: the loading state stays. */
export const never =
  <T>() =>
  () =>
    new Promise<T>(() => {});
