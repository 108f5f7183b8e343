import { useCallback } from 'react';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { DEFAULT_LEVELS, IncidentLevel } from '@fdp/plugin-incidents-common';
import { incidentsTranslationRef } from '../translation';

const DEFAULT_NAMES = ['critical', 'major', 'minor'] as const;
type DefaultName = (typeof DEFAULT_NAMES)[number];

function defaultName(name: string): DefaultName | undefined {
  return DEFAULT_NAMES.find(known => known === name);
}

/**
 * A level's name and meaning in the UI's language: the operations manual's
 * levels (`DEFAULT_LEVELS`) through the translation ref, a level configured
 * otherwise in its own words (the config's text is the only one there is).
 */
export function useLevelText(): {
  name(level: IncidentLevel): string;
  description(level: IncidentLevel): string;
  /** `P1 critical` / `P1 심각`. */
  label(level: IncidentLevel): string;
} {
  const { t } = useTranslationRef(incidentsTranslationRef);
  const name = useCallback(
    (level: IncidentLevel) => {
      const known = defaultName(level.name);
      return known ? t(`levelNames.${known}`) : level.name;
    },
    [t],
  );
  const description = useCallback(
    (level: IncidentLevel) => {
      const known = defaultName(level.name);
      const original = DEFAULT_LEVELS.find(l => l.name === known);
      return known && original?.description === level.description
        ? t(`levelDescriptions.${known}`)
        : level.description;
    },
    [t],
  );
  const label = useCallback(
    (level: IncidentLevel) => `${level.id} ${name(level)}`,
    [name],
  );
  return { name, description, label };
}
