import { useApi } from '@backstage/core-plugin-api';
import type { IncidentLevel } from '@fdp/plugin-incidents-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { incidentsApiRef } from '../api';

/** The configured levels (`GET /levels`): configuration, not live data. */
export function useLevels(): {
  levels?: IncidentLevel[];
  loading: boolean;
  error?: Error;
  retry: () => void;
} {
  const api = useApi(incidentsApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    async () => (await api.getLevels()).levels,
    [api],
  );
  return { levels: value, loading, error, retry };
}
