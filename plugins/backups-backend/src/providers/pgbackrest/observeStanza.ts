import {
  PgBackRestStanza,
  stanzaObservation,
} from '@fdp/plugin-backups-common';

/**
 * A stanza's observation. pgBackRest 2.45 without `--stanza` reports a
 * repository it cannot list as one stanza named `[invalid]` carrying the
 * repository's error (seen with a repository directory of mode 000): that
 * error, pgBackRest's own words, is the reason a stanza is not listed.
 */
export function observeStanza(
  stanzas: readonly PgBackRestStanza[],
  name: string,
): PgBackRestStanza {
  const stanza = stanzaObservation(stanzas, name);
  const invalid = stanzas.find(s => s.name === '[invalid]');
  return stanza.repositoryError &&
    !stanzas.some(s => s.name === name) &&
    invalid?.repositoryError
    ? { ...stanza, repositoryError: invalid.repositoryError }
    : stanza;
}
