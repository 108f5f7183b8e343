/**
 * Upper bounds of what a client may send to the alerts API (the backend
 * answers 400 past them; a form can use them as maxLength).
 */
export const ALERTS_LIMITS = {
  /** a silence's comment, in characters */
  commentLength: 1000,
  /** matchers of one silence */
  matchers: 32,
  /** the matchers of a silence in Alertmanager syntax, in characters */
  matchersLength: 4096,
  /** a label name */
  labelNameLength: 128,
  /** a label value or regex */
  labelValueLength: 1024,
  /** names: a source, a receiver, a silence id, a duration */
  nameLength: 128,
  /** an entity ref */
  entityRefLength: 512,
  /** a JSON request body */
  bodyBytes: '64kb',
} as const;
