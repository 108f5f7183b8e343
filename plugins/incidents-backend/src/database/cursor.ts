import { InputError } from '@backstage/errors';
import { z } from 'zod';

/** Where a page of the list ends: the sort key of its last incident. */
export interface ListCursor {
  /** The incident was open (open incidents come first). */
  open: boolean;
  /** Its detectedAt, epoch milliseconds. */
  detectedMs: number;
  id: string;
}

const cursorSchema = z
  .object({
    o: z.union([z.literal(0), z.literal(1)]),
    d: z.number().int().nonnegative(),
    i: z.string().uuid(),
  })
  .strict();

/** Opaque to clients: base64url of the sort key, so the format may change. */
export function encodeCursor(cursor: ListCursor): string {
  return Buffer.from(
    JSON.stringify({
      o: cursor.open ? 1 : 0,
      d: cursor.detectedMs,
      i: cursor.id,
    }),
  ).toString('base64url');
}

/** The `cursor` query parameter: anything but a cursor this API handed out is a 400. */
export function decodeCursor(value: string): ListCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const result = cursorSchema.safeParse(parsed);
  if (!result.success || !/^[A-Za-z0-9_-]+$/.test(value)) {
    throw new InputError(
      'Invalid cursor: pass the nextCursor of a previous page unchanged',
    );
  }
  return {
    open: result.data.o === 1,
    detectedMs: result.data.d,
    id: result.data.i,
  };
}
