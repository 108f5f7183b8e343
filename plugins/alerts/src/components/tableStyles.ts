import type { CSSProperties } from 'react';

/** Cells whose words must not break (names, states, times). */
export const noWrap: CSSProperties = { whiteSpace: 'nowrap' };

/** Code (queries, matchers) may break anywhere, but only when it must. */
export const wrapCode: CSSProperties = {
  fontFamily: 'monospace',
  overflowWrap: 'anywhere',
};
