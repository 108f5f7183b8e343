import { useState } from 'react';
import useInterval from 'react-use/esm/useInterval';

/** The current time, updated every `intervalMs` (SLA clocks count down). */
export function useNow(intervalMs = 15_000): Date {
  const [now, setNow] = useState(() => new Date());
  useInterval(() => setNow(new Date()), intervalMs);
  return now;
}
