import { useMemo } from 'react';
import {
  appLanguageApiRef,
  useApiHolder,
} from '@backstage/frontend-plugin-api';
import humanizeDuration from 'humanize-duration';

/** How the portal's pages show times and durations, in one language. */
export interface Formatters {
  /** `2026. 11. 22. 오전 9:05` / `Nov 22, 2026, 9:05 AM`, in the time zone; `–` without a valid time */
  dateTime(iso: string | undefined): string;
  /** `12 minutes ago` / `12분 전`, from the largest whole unit */
  ago(iso: string | undefined, now?: number): string;
  /** `2 hours, 5 minutes` / `2시간 5분`: the two largest units, rounded; seconds only under a minute */
  duration(ms: number): string;
}

const NONE = '–';

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1_000],
];

/**
 * Formatters for a language (`en`, `ko`, ...) and a time zone (the
 * browser's when not given): `Intl` for times, `humanize-duration` for
 * durations, English where a language is unknown to it.
 */
export function createFormatters(
  language: string,
  timeZone?: string,
): Formatters {
  const dateTimeFormat = new Intl.DateTimeFormat(language, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  });
  const relative = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  const humanizer = humanizeDuration.humanizer({
    language,
    fallbacks: ['en'],
    largest: 2,
    round: true,
    // Korean writes `2시간 5분`
    ...(language.startsWith('ko') ? { spacer: '', delimiter: ' ' } : {}),
  });
  const parse = (iso: string | undefined) => {
    const ms = iso ? Date.parse(iso) : NaN;
    return Number.isFinite(ms) ? ms : undefined;
  };
  return {
    dateTime(iso) {
      const ms = parse(iso);
      return ms === undefined ? NONE : dateTimeFormat.format(ms);
    },
    ago(iso, now = Date.now()) {
      const ms = parse(iso);
      if (ms === undefined) {
        return NONE;
      }
      const elapsed = Math.max(0, now - ms);
      const [unit, size] = UNITS.find(([, s]) => elapsed >= s) ?? UNITS[3];
      return relative.format(-Math.floor(elapsed / size), unit);
    },
    duration(ms) {
      const positive = Math.max(0, ms);
      // seconds only under a minute: `2 hours`, not `2 hours, 25 seconds`
      return humanizer(positive, {
        units: positive < 60_000 ? ['s'] : ['y', 'mo', 'w', 'd', 'h', 'm'],
      });
    },
  };
}

/** {@link Formatters} in the app's current language and the browser's time zone. */
export function useFormatters(): Formatters {
  const languageApi = useApiHolder().get(appLanguageApiRef);
  const language = languageApi?.getLanguage().language ?? 'en';
  return useMemo(() => createFormatters(language), [language]);
}
