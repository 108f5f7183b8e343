import { useCallback } from 'react';
import { alertApiRef, useApiHolder } from '@backstage/core-plugin-api';
import { toastApiRef } from '@backstage/frontend-plugin-api';

/**
 * Shows a short success message: through the toast API where the app has it
 * (new frontend system), else through the alert API (legacy apps).
 */
export function useNotifySuccess(): (message: string) => void {
  const apis = useApiHolder();
  return useCallback(
    (message: string) => {
      const toastApi = apis.get(toastApiRef);
      if (toastApi) {
        toastApi.post({ title: message, status: 'success', timeout: 5000 });
        return;
      }
      apis
        .get(alertApiRef)
        ?.post({ message, severity: 'success', display: 'transient' });
    },
    [apis],
  );
}
