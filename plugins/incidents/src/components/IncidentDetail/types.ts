import type { UpdateIncidentRequest } from '@fdp/plugin-incidents-common';

/** The fields of a `PATCH`; the detail page adds the version it read. */
export type IncidentChanges = Omit<UpdateIncidentRequest, 'version'>;

/** Saves changes; resolves true when they were saved. */
export type SaveChanges = (changes: IncidentChanges) => Promise<boolean>;
